// Runs every case of the AWS SigV4 test suite (v4/ header and query variants, classic-2015) through the helper.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { presignUrl, signRequest } from '../../src/sigv4';
import type { RequestToSign, SigningOptions } from '../../src/sigv4';
import { SUITE_ROOT, listDirectories, parseRawRequest, readText, suiteAvailable, wireUrl } from './suite-files';

interface SuiteContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

const HOST = 'https://example.amazonaws.com';

// The suite's own documented flaw: it expects multi-line values joined by commas; v4/ has the corrected case.
const CLASSIC_FLAWED = new Set(['get-header-value-multiline']);

function requestFrom(text: string): RequestToSign {
  const raw = parseRawRequest(text);
  return { method: raw.method, url: wireUrl(HOST, raw.target), headers: raw.headers, body: raw.body };
}

function optionsFrom(context: SuiteContext): SigningOptions {
  const { access_key_id, secret_access_key, token } = context.credentials;
  return {
    service: context.service,
    region: context.region,
    credentials: { accessKeyId: access_key_id, secretAccessKey: secret_access_key, ...(token ? { sessionToken: token } : {}) },
    date: new Date(context.timestamp),
    normalizePath: context.normalize,
    encodePath: context.normalize,
    omitSessionTokenFromSignature: context.omit_session_token === true,
  };
}

function signedRequestLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.slice(line.indexOf(' ') + 1, line.lastIndexOf(' HTTP/'));
}

function headerOf(text: string, name: string): string | undefined {
  const line = text.split('\n').find((candidate) => candidate.toLowerCase().startsWith(name.toLowerCase() + ':'));
  return line?.slice(name.length + 1);
}

it('finds the test suite beside the repository', () => {
  assert.ok(suiteAvailable(), `expected the AWS SigV4 test suite at ${SUITE_ROOT}`);
});

const v4Cases = suiteAvailable() ? listDirectories(join(SUITE_ROOT, 'v4')) : [];

describe('aws-sig-v4-test-suite v4/', () => {
  it('has all 38 cases', () => assert.equal(v4Cases.length, 38));

  for (const name of v4Cases) {
    const dir = join(SUITE_ROOT, 'v4', name);
    const file = (leaf: string): string => readText(join(dir, leaf));
    const context = JSON.parse(file('context.json')) as SuiteContext;

    it(`${name} (header)`, () => {
      const signed = signRequest(requestFrom(file('request.txt')), { ...optionsFrom(context), signPayload: context.sign_body });
      assert.equal(signed.canonicalRequest, file('header-canonical-request.txt'));
      assert.equal(signed.stringToSign, file('header-string-to-sign.txt'));
      assert.equal(signed.signature, file('header-signature.txt').trim());
      const expected = file('header-signed-request.txt');
      assert.equal(signed.headers.authorization, headerOf(expected, 'Authorization'));
      assert.equal(signed.headers['x-amz-date'], headerOf(expected, 'X-Amz-Date'));
      assert.equal(signed.headers['x-amz-security-token'], headerOf(expected, 'X-Amz-Security-Token'));
      assert.equal(signed.headers['x-amz-content-sha256'], headerOf(expected, 'x-amz-content-sha256'));
    });

    it(`${name} (query)`, () => {
      const presigned = presignUrl(requestFrom(file('request.txt')), { ...optionsFrom(context), expiresIn: context.expiration_in_seconds });
      assert.equal(presigned.canonicalRequest, file('query-canonical-request.txt'));
      assert.equal(presigned.stringToSign, file('query-string-to-sign.txt'));
      assert.equal(presigned.signature, file('query-signature.txt').trim());
      assert.equal(presigned.url, HOST + signedRequestLine(file('query-signed-request.txt')));
    });
  }
});

function classicCases(dir: string): string[] {
  return listDirectories(dir).flatMap((name) => {
    const child = join(dir, name);
    const hasRequest = listDirectories(child).length === 0;
    return hasRequest ? [child] : classicCases(child);
  });
}

const CLASSIC_OPTIONS: SigningOptions = {
  service: 'service',
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  date: new Date('2015-08-30T12:36:00Z'),
};

describe('aws-sig-v4-test-suite classic-2015/', () => {
  const cases = suiteAvailable() ? classicCases(join(SUITE_ROOT, 'classic-2015')) : [];

  it('has 31 cases, one of them the documented flawed one', () => {
    assert.equal(cases.length, 31);
    assert.ok(cases.some((dir) => CLASSIC_FLAWED.has(dir.split('/').at(-1) ?? '')));
  });

  for (const dir of cases) {
    const name = dir.split('/').at(-1) ?? '';
    if (CLASSIC_FLAWED.has(name)) continue;
    it(name, () => {
      const file = (extension: string): string => readText(join(dir, `${name}.${extension}`));
      const signed = signRequest(requestFrom(file('req')), CLASSIC_OPTIONS);
      assert.equal(signed.canonicalRequest, file('creq'));
      assert.equal(signed.stringToSign, file('sts'));
      assert.equal(signed.headers.authorization, file('authz'));
    });
  }
});
