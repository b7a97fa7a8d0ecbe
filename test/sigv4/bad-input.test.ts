// Bad input gets a RangeError or a TypeError naming the field, and nothing returned or thrown reveals the secret.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { canonicalQueryString, presignUrl, presignUrlAsync, signRequest, signRequestAsync } from '../../src/sigv4';
import type { PresignOptions, RequestToSign, SigningOptions } from '../../src/sigv4';

const SECRET = 'Sup3rS3cretKEYvalue/that+must=never+leak00';
const TOKEN = 'FQoGZXIvYXdzEXAMPLEsessionTOKEN/abc+def==';
const OPTIONS: SigningOptions = {
  service: 's3',
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIAEXAMPLE0000', secretAccessKey: SECRET, sessionToken: TOKEN },
  date: new Date('2024-02-29T12:00:00Z'),
};
const REQUEST: RequestToSign = { method: 'PUT', url: 'https://bucket.s3.eu-west-1.amazonaws.com/a/key.txt?x=1', headers: { 'content-type': 'text/plain' }, body: 'hello' };

function presignOptions(expiresIn: unknown): PresignOptions {
  return { ...OPTIONS, expiresIn } as PresignOptions;
}

function signingKeyBytes(secret: string, day: string, region: string, service: string): Buffer {
  let key: Buffer | string = 'AWS4' + secret;
  for (const part of [day, region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  return key as Buffer;
}

/** Every way the secret could show: as given, as the first HMAC key, and the derived signing key in hex, base64 and raw. */
function forbiddenTexts(): string[] {
  const key = signingKeyBytes(SECRET, '20240229', 'eu-west-1', 's3');
  return [SECRET, 'AWS4' + SECRET, key.toString('hex'), key.toString('base64'), key.toString('latin1'), encodeURIComponent(SECRET)];
}

function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: Infinity, showHidden: true, getters: true }), String(value)];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch {
    out.push('');
  }
  if (value instanceof Error) out.push(value.message, value.stack ?? '', JSON.stringify(value, Object.getOwnPropertyNames(value)));
  return out;
}

function assertNoSecret(value: unknown, label: string): void {
  for (const text of renderings(value)) {
    for (const forbidden of forbiddenTexts()) assert.ok(!text.includes(forbidden), `${label} reveals secret material`);
  }
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  assert.fail('expected an error');
}

describe('expiresIn outside 1..604800', () => {
  for (const expiresIn of [0, -1, 604801, 1e9, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`rejects ${expiresIn} with a RangeError naming the 7-day limit`, async () => {
      const check = (error: unknown): boolean => {
        assert.ok(error instanceof RangeError);
        assert.match(error.message, /expiresIn/);
        assert.match(error.message, /604800/);
        assert.match(error.message, /7 days/);
        assertNoSecret(error, 'the RangeError');
        return true;
      };
      assert.throws(() => presignUrl(REQUEST, presignOptions(expiresIn)), check);
      await assert.rejects(presignUrlAsync(REQUEST, presignOptions(expiresIn)), check);
    });
  }

  it('accepts the bounds 1 and 604800', () => {
    assert.match(presignUrl(REQUEST, presignOptions(1)).url, /X-Amz-Expires=1&/);
    assert.match(presignUrl(REQUEST, presignOptions(604800)).url, /X-Amz-Expires=604800&/);
  });

  it('rejects a missing or non-number expiresIn with a TypeError naming it', () => {
    for (const expiresIn of [undefined, '3600', null]) {
      assert.throws(() => presignUrl(REQUEST, presignOptions(expiresIn)), (error: unknown) => error instanceof TypeError && /expiresIn/.test(error.message));
    }
  });
});

interface BadCase {
  name: string;
  field: RegExp;
  request?: Partial<Record<keyof RequestToSign, unknown>>;
  options?: Record<string, unknown>;
}

const withCredentials = (credentials: unknown): Record<string, unknown> => ({ credentials });

const BAD_CASES: BadCase[] = [
  { name: 'no credentials', field: /credentials/, options: withCredentials(undefined) },
  { name: 'null credentials', field: /credentials/, options: withCredentials(null) },
  { name: 'credentials as a string', field: /credentials/, options: withCredentials(SECRET) },
  { name: 'empty accessKeyId', field: /credentials\.accessKeyId/, options: withCredentials({ accessKeyId: '', secretAccessKey: SECRET }) },
  { name: 'missing accessKeyId', field: /credentials\.accessKeyId/, options: withCredentials({ secretAccessKey: SECRET }) },
  { name: 'empty secretAccessKey', field: /credentials\.secretAccessKey/, options: withCredentials({ accessKeyId: 'AKIA', secretAccessKey: '' }) },
  { name: 'missing secretAccessKey', field: /credentials\.secretAccessKey/, options: withCredentials({ accessKeyId: 'AKIA' }) },
  { name: 'non-string sessionToken', field: /credentials\.sessionToken/, options: withCredentials({ accessKeyId: 'AKIA', secretAccessKey: SECRET, sessionToken: 42 }) },
  { name: 'empty region', field: /region/, options: { region: '' } },
  { name: 'missing region', field: /region/, options: { region: undefined } },
  { name: 'empty service', field: /service/, options: { service: '' } },
  { name: 'missing service', field: /service/, options: { service: undefined } },
  { name: 'invalid date', field: /date/, options: { date: new Date('nope') } },
  { name: 'date as a string', field: /date/, options: { date: '2024-01-01' } },
  { name: 'empty method', field: /method/, request: { method: '' } },
  { name: 'relative URL (path only)', field: /url/, request: { url: '/bucket/key' } },
  { name: 'relative URL (no scheme)', field: /url/, request: { url: 'bucket.s3.amazonaws.com/key' } },
  { name: 'protocol-relative URL', field: /url/, request: { url: '//bucket.s3.amazonaws.com/key' } },
  { name: 'URL without a host', field: /url/, request: { url: 'https:///key' } },
  { name: 'URL with a space in the host', field: /url/, request: { url: 'https://buck et.example.com/' } },
  { name: 'URL with a non-numeric port', field: /url/, request: { url: 'https://example.com:http/' } },
  { name: 'URL with user info', field: /url/, request: { url: `https://user:${SECRET}@example.com/` } },
  { name: 'URL with a line break', field: /url/, request: { url: 'https://example.com/a\r\nX-Injected: 1' } },
  { name: 'URL as a number', field: /url/, request: { url: 42 } },
  { name: 'missing URL', field: /url/, request: { url: undefined } },
  { name: 'header value as a number', field: /headers\["x-count"\]/, request: { headers: { 'x-count': 3 } } },
  { name: 'header name with a space', field: /headers\["bad name"\]/, request: { headers: { 'bad name': 'x' } } },
  { name: 'body as an object', field: /body/, request: { body: { a: 1 } } },
];

describe('missing, empty or malformed input', () => {
  for (const bad of BAD_CASES) {
    it(`${bad.name}: TypeError naming ${bad.field.source.replace(/\\/g, '')}`, async () => {
      const request = { ...REQUEST, ...bad.request } as RequestToSign;
      const options = { ...OPTIONS, ...bad.options } as SigningOptions;
      const check = (error: unknown): boolean => {
        assert.ok(error instanceof TypeError, `expected a TypeError, got ${String(error)}`);
        assert.match(error.message, bad.field);
        assertNoSecret(error, 'the TypeError');
        return true;
      };
      assert.throws(() => signRequest(request, options), check);
      assert.throws(() => presignUrl(request, { ...options, expiresIn: 60 }), check);
      await assert.rejects(signRequestAsync(request, options), check);
      await assert.rejects(presignUrlAsync(request, { ...options, expiresIn: 60 }), check);
    });
  }

  it('a missing request or options object is a TypeError too', () => {
    assert.throws(() => signRequest(undefined as unknown as RequestToSign, OPTIONS), TypeError);
    assert.throws(() => signRequest(REQUEST, undefined as unknown as SigningOptions), TypeError);
  });
});

describe('no secret in anything returned or thrown', () => {
  it('signRequest and signRequestAsync results', async () => {
    const sync = signRequest(REQUEST, OPTIONS);
    assert.match(sync.headers.authorization ?? '', /Signature=[0-9a-f]{64}$/);
    assertNoSecret(sync, 'signRequest');
    assertNoSecret(await signRequestAsync(REQUEST, OPTIONS), 'signRequestAsync');
    assertNoSecret(signRequest(REQUEST, { ...OPTIONS, service: 'execute-api', omitSessionTokenFromSignature: true }), 'signRequest (execute-api)');
  });

  it('presignUrl and presignUrlAsync results', async () => {
    assertNoSecret(presignUrl(REQUEST, { ...OPTIONS, expiresIn: 900 }), 'presignUrl');
    assertNoSecret(await presignUrlAsync(REQUEST, { ...OPTIONS, expiresIn: 900 }), 'presignUrlAsync');
  });

  it('the exported functions and canonicalQueryString output', () => {
    signRequest(REQUEST, OPTIONS);
    assertNoSecret(canonicalQueryString({ a: SECRET.length.toString() }), 'canonicalQueryString');
    for (const exported of [signRequest, presignUrl, signRequestAsync, presignUrlAsync]) assertNoSecret(exported, exported.name);
  });

  it('the check itself notices a leak', () => {
    assert.throws(() => assertNoSecret({ nested: { deep: [SECRET] } }, 'a planted secret'), /reveals secret material/);
    const key = signingKeyBytes(SECRET, '20240229', 'eu-west-1', 's3');
    assert.throws(() => assertNoSecret(new Error(`key ${key.toString('hex')}`), 'a planted key'), /reveals secret material/);
  });

  it('a failure after validation (bad header) does not echo credentials', () => {
    const error = thrownBy(() => signRequest({ ...REQUEST, headers: { [SECRET.slice(0, 5)]: 1 as unknown as string } }, OPTIONS));
    assertNoSecret(error, 'the header error');
  });
});
