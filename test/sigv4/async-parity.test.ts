// signRequestAsync / presignUrlAsync (WebCrypto) give byte-identical results to the synchronous node:crypto versions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { presignUrl, presignUrlAsync, signRequest, signRequestAsync } from '../../src/sigv4';
import type { RequestToSign, SigningOptions } from '../../src/sigv4';
import { SUITE_ROOT, listDirectories, parseRawRequest, readText, wireUrl } from './suite-files';

async function assertParity(request: RequestToSign, options: SigningOptions, expiresIn: number): Promise<void> {
  assert.deepEqual(await signRequestAsync(request, options), signRequest(request, options));
  assert.deepEqual(await presignUrlAsync(request, { ...options, expiresIn }), presignUrl(request, { ...options, expiresIn }));
}

describe('async twins: identical output', () => {
  it('every v4/ suite case, header and query, with and without payload signing', async () => {
    const cases = listDirectories(join(SUITE_ROOT, 'v4'));
    assert.equal(cases.length, 38);
    for (const name of cases) {
      const dir = join(SUITE_ROOT, 'v4', name);
      const context = JSON.parse(readText(join(dir, 'context.json'))) as { credentials: { access_key_id: string; secret_access_key: string; token?: string }; normalize: boolean; timestamp: string };
      const raw = parseRawRequest(readText(join(dir, 'request.txt')));
      const options: SigningOptions = {
        service: 'service',
        region: 'us-east-1',
        credentials: { accessKeyId: context.credentials.access_key_id, secretAccessKey: context.credentials.secret_access_key, sessionToken: context.credentials.token },
        date: new Date(context.timestamp),
        normalizePath: context.normalize,
        encodePath: context.normalize,
      };
      const request = { method: raw.method, url: wireUrl('https://example.amazonaws.com', raw.target), headers: raw.headers, body: raw.body };
      await assertParity(request, options, 3600);
      await assertParity(request, { ...options, signPayload: true, omitSessionTokenFromSignature: true }, 60);
    }
  });

  it('300 generated requests (unicode, bodies as strings and bytes, S3 and not)', async () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'PUT', 'POST'),
      url: fc.tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 10 })).map(([path, value]) => `https://h.example.com/${encodeURIComponent(path)}?q=${encodeURIComponent(value)}`),
      headers: fc.dictionary(fc.stringMatching(/^x-[a-z]{1,6}$/), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
      body: fc.option(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.uint8Array({ maxLength: 30 })), { nil: undefined }),
    });
    const options = fc.record({
      service: fc.constantFrom('s3', 'sqs'),
      region: fc.constantFrom('us-east-1', 'eu-central-1'),
      credentials: fc.record({ accessKeyId: fc.constant('AKIDEXAMPLE'), secretAccessKey: fc.base64String({ minLength: 40, maxLength: 40 }), sessionToken: fc.option(fc.base64String({ minLength: 4, maxLength: 40 }), { nil: undefined }) }),
      date: fc.date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
    });
    await fc.assert(
      fc.asyncProperty(request, options, fc.integer({ min: 1, max: 604800 }), async (generated, signing, expiresIn) => assertParity(generated, signing, expiresIn)),
      { numRuns: 300 },
    );
  });

  it('without node:crypto, the sync functions point at the async ones, which still work', () => {
    const fixture = fileURLToPath(new URL('./fixtures/without-node-crypto.ts', import.meta.url));
    const output = execFileSync(process.execPath, ['--import', 'tsx', fixture], { encoding: 'utf8' });
    const report = JSON.parse(output) as { syncError: string; asyncSignature: string };
    assert.match(report.syncError, /^Error: .*node:crypto.*signRequestAsync/);
    assert.equal(report.asyncSignature, 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});
