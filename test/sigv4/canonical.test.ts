// Option semantics and canonicalisation details of the helper that the published suites do not pin down.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalQueryString, presignUrl, signRequest } from '../../src/sigv4';
import type { SigningOptions } from '../../src/sigv4';

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const OPTIONS: SigningOptions = {
  service: 'execute-api',
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  date: new Date('2015-08-30T12:36:00Z'),
};
const S3: SigningOptions = { ...OPTIONS, service: 's3' };

function lines(canonicalRequest: string): { method: string; path: string; query: string; signedHeaders: string; payloadHash: string; headers: string[] } {
  const all = canonicalRequest.split('\n');
  return {
    method: all[0] ?? '',
    path: all[1] ?? '',
    query: all[2] ?? '',
    headers: all.slice(3, -3),
    signedHeaders: all.at(-2) ?? '',
    payloadHash: all.at(-1) ?? '',
  };
}

describe('URLs are taken literally', () => {
  it('a string path keeps . and .. for S3 and is normalised for other services', () => {
    const url = 'https://h.example.com/a/./b/../c//d';
    assert.equal(lines(signRequest({ method: 'GET', url }, S3).canonicalRequest).path, '/a/./b/../c//d');
    assert.equal(lines(signRequest({ method: 'GET', url }, OPTIONS).canonicalRequest).path, '/a/c/d');
  });

  it('S3 signs the path as sent (encoded once); other services encode it again', () => {
    const url = 'https://h.example.com/my%20file$(1).txt';
    assert.equal(lines(signRequest({ method: 'GET', url }, S3).canonicalRequest).path, '/my%20file%24%281%29.txt');
    assert.equal(lines(signRequest({ method: 'GET', url }, OPTIONS).canonicalRequest).path, '/my%2520file%24%281%29.txt');
  });

  it('encodePath and normalizePath override the per-service defaults', () => {
    const url = 'https://h.example.com/a/../b%2Fc';
    assert.equal(lines(signRequest({ method: 'GET', url }, { ...S3, normalizePath: true, encodePath: true }).canonicalRequest).path, '/b%252Fc');
    assert.equal(lines(signRequest({ method: 'GET', url }, { ...OPTIONS, normalizePath: false, encodePath: false }).canonicalRequest).path, '/a/../b%2Fc');
  });

  it('a URL object signs like its href', () => {
    const url = new URL('https://h.example.com/x/y?b=2&a=1');
    assert.deepEqual(signRequest({ method: 'GET', url }, OPTIONS), signRequest({ method: 'GET', url: url.href }, OPTIONS));
  });

  it('host: lower-cased, default ports left out, others kept; a given Host header wins', () => {
    const host = (url: string, headers?: Record<string, string>): string | undefined => signRequest({ method: 'GET', url, headers }, OPTIONS).headers.host;
    assert.equal(host('https://H.Example.COM:443/'), 'h.example.com');
    assert.equal(host('http://h.example.com:80/'), 'h.example.com');
    assert.equal(host('http://h.example.com:443/'), 'h.example.com:443');
    assert.equal(host('https://127.0.0.1:9000/'), '127.0.0.1:9000');
    assert.equal(host('http://[::1]:8080/'), '[::1]:8080');
    assert.equal(host('https://h.example.com/', { Host: 'proxy.example.com' }), 'proxy.example.com');
  });

  it('the fragment is not signed, and presigning puts the parameters before it', () => {
    const withFragment = signRequest({ method: 'GET', url: 'https://h.example.com/p?a=1#part' }, OPTIONS);
    assert.equal(withFragment.canonicalRequest, signRequest({ method: 'GET', url: 'https://h.example.com/p?a=1' }, OPTIONS).canonicalRequest);
    assert.match(presignUrl({ method: 'GET', url: 'https://h.example.com/p#part' }, { ...OPTIONS, expiresIn: 60 }).url, /^https:\/\/h\.example\.com\/p\?X-Amz-Algorithm=.*&X-Amz-Signature=[0-9a-f]{64}#part$/);
  });

  it('the method is upper-cased', () => {
    const signed = signRequest({ method: 'patch', url: 'https://h.example.com/' }, OPTIONS);
    assert.equal(signed.method, 'PATCH');
    assert.equal(lines(signed.canonicalRequest).method, 'PATCH');
  });
});

describe('canonical query', () => {
  it('re-encodes what is on the wire: %XX upper-cased, unreserved ones decoded, + and = literal, stray % encoded', () => {
    assert.equal(canonicalQueryString('?b=%e2%82%ac&a=%41%2d&c=x+y&d=1=2&e=100%&f'), 'a=A-&b=%E2%82%AC&c=x%2By&d=1%3D2&e=100%25&f=');
  });

  it('sorts by name, then value, and drops empty pieces', () => {
    assert.equal(canonicalQueryString('b=2&&a=2&a=10&a-b=0&A=z&'), 'A=z&a=10&a=2&a-b=0&b=2');
  });

  it('takes decoded URLSearchParams and records (arrays for repeated names)', () => {
    const expected = 'a=1&a=x%20y&b=%2F%21&c=';
    assert.equal(canonicalQueryString(new URLSearchParams([['b', '/!'], ['a', 'x y'], ['a', '1'], ['c', '']])), expected);
    assert.equal(canonicalQueryString({ b: '/!', a: ['x y', '1'], c: '' }), expected);
  });

  it('keeps an already canonical query as it is, and sorts a name before the longer names it begins', () => {
    assert.equal(canonicalQueryString('a=1&b=2&b=3'), 'a=1&b=2&b=3');
    assert.equal(canonicalQueryString('a-b=1&a=1'), 'a=1&a-b=1');
    assert.equal(canonicalQueryString('a.b=1&a0=2&a=3'), 'a=3&a.b=1&a0=2');
    assert.equal(canonicalQueryString('a=1&a-b=1'), 'a=1&a-b=1');
    assert.equal(canonicalQueryString('a=2&a=10'), 'a=10&a=2');
  });
});

describe('headers', () => {
  it('merges names case-insensitively, joins arrays, folds spaces, and returns lower-case names', () => {
    const signed = signRequest({ method: 'GET', url: 'https://h.example.com/', headers: { 'X-Multi': ' a ', 'x-multi': ['b  c', 'd'], 'X-One': 'keep  as sent' } }, OPTIONS);
    assert.ok(lines(signed.canonicalRequest).headers.includes('x-multi:a,b c,d'));
    assert.ok(lines(signed.canonicalRequest).headers.includes('x-one:keep as sent'));
    assert.equal(signed.headers['x-multi'], 'a,b c,d');
    assert.equal(signed.headers['x-one'], 'keep  as sent');
    assert.ok(Object.keys(signed.headers).every((name) => name === name.toLowerCase()));
  });

  it("replaces the caller's authorization and x-amz-date; leaves hop-by-hop headers unsigned but sent", () => {
    const signed = signRequest(
      { method: 'GET', url: 'https://h.example.com/', headers: { Authorization: 'AWS old:sig', 'X-Amz-Date': '19990101T000000Z', 'User-Agent': 'test', Connection: 'keep-alive' } },
      OPTIONS,
    );
    assert.equal(signed.headers['x-amz-date'], '20150830T123600Z');
    assert.match(signed.headers.authorization ?? '', /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/us-east-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/);
    assert.equal(signed.headers['user-agent'], 'test');
    assert.equal(lines(signed.canonicalRequest).signedHeaders, 'host;x-amz-date');
  });

  it('signs x-amz-content-sha256 by default for S3 only, and uses a given one as the payload hash', () => {
    assert.equal(signRequest({ method: 'GET', url: 'https://h.example.com/' }, S3).headers['x-amz-content-sha256'], EMPTY);
    assert.equal(signRequest({ method: 'GET', url: 'https://h.example.com/' }, OPTIONS).headers['x-amz-content-sha256'], undefined);
    const given = signRequest({ method: 'PUT', url: 'https://h.example.com/k', headers: { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' }, body: 'data' }, S3);
    assert.equal(lines(given.canonicalRequest).payloadHash, 'UNSIGNED-PAYLOAD');
    const unsigned = signRequest({ method: 'PUT', url: 'https://h.example.com/k', body: 'data' }, { ...S3, unsignedPayload: true });
    assert.equal(unsigned.headers['x-amz-content-sha256'], 'UNSIGNED-PAYLOAD');
  });

  it('hashes string and byte bodies alike', () => {
    const text = signRequest({ method: 'POST', url: 'https://h.example.com/', body: 'héllo' }, { ...OPTIONS, signPayload: true });
    const bytes = signRequest({ method: 'POST', url: 'https://h.example.com/', body: new TextEncoder().encode('héllo') }, { ...OPTIONS, signPayload: true });
    assert.equal(text.signature, bytes.signature);
    assert.notEqual(lines(text.canonicalRequest).payloadHash, EMPTY);
  });
});

describe('session tokens and presigning', () => {
  const withToken: SigningOptions = { ...S3, credentials: { ...S3.credentials, sessionToken: 'tok/en+=' } };

  it('header signing signs x-amz-security-token, or adds it after signing when told to', () => {
    const signed = signRequest({ method: 'GET', url: 'https://h.example.com/k' }, withToken);
    assert.equal(signed.headers['x-amz-security-token'], 'tok/en+=');
    assert.equal(lines(signed.canonicalRequest).signedHeaders, 'host;x-amz-content-sha256;x-amz-date;x-amz-security-token');
    const after = signRequest({ method: 'GET', url: 'https://h.example.com/k' }, { ...withToken, omitSessionTokenFromSignature: true });
    assert.equal(after.headers['x-amz-security-token'], 'tok/en+=');
    assert.equal(lines(after.canonicalRequest).signedHeaders, 'host;x-amz-content-sha256;x-amz-date');
  });

  it('presigning puts the token in the URL, signed unless told otherwise', () => {
    const presigned = presignUrl({ method: 'GET', url: 'https://h.example.com/k' }, { ...withToken, expiresIn: 60 });
    assert.match(presigned.url, /&X-Amz-Security-Token=tok%2Fen%2B%3D&X-Amz-Signature=/);
    assert.match(lines(presigned.canonicalRequest).query, /X-Amz-Security-Token=tok%2Fen%2B%3D/);
    const after = presignUrl({ method: 'GET', url: 'https://h.example.com/k' }, { ...withToken, expiresIn: 60, omitSessionTokenFromSignature: true });
    assert.match(after.url, /&X-Amz-Security-Token=tok%2Fen%2B%3D&X-Amz-Signature=/);
    assert.doesNotMatch(lines(after.canonicalRequest).query, /Security-Token/);
  });

  it('a presigned PUT keeps the given Content-Type signed; S3 presigns UNSIGNED-PAYLOAD, other services the body hash', () => {
    const put = presignUrl({ method: 'PUT', url: 'https://b.s3.amazonaws.com/k?x-id=PutObject', headers: { 'Content-Type': 'image/png' } }, { ...S3, expiresIn: 300 });
    assert.match(put.url, /^https:\/\/b\.s3\.amazonaws\.com\/k\?x-id=PutObject&X-Amz-Algorithm=/);
    assert.match(put.url, /&X-Amz-SignedHeaders=content-type%3Bhost&/);
    assert.equal(lines(put.canonicalRequest).payloadHash, 'UNSIGNED-PAYLOAD');
    assert.ok(lines(put.canonicalRequest).headers.includes('content-type:image/png'));
    const other = presignUrl({ method: 'POST', url: 'https://h.example.com/', body: 'x' }, { ...OPTIONS, expiresIn: 300 });
    assert.equal(lines(other.canonicalRequest).payloadHash, '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
    const s3Hashed = presignUrl({ method: 'PUT', url: 'https://b.s3.amazonaws.com/k', body: 'x' }, { ...S3, expiresIn: 300, unsignedPayload: false });
    assert.equal(lines(s3Hashed.canonicalRequest).payloadHash, '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
  });
});

describe('signing keys', () => {
  it('are cached per secret, date, region and service, and survive eviction', () => {
    const request = { method: 'GET', url: 'https://h.example.com/' };
    const first = signRequest(request, OPTIONS).signature;
    const otherSecret = signRequest(request, { ...OPTIONS, credentials: { ...OPTIONS.credentials, secretAccessKey: 'another-secret' } }).signature;
    const otherDay = signRequest(request, { ...OPTIONS, date: new Date('2015-08-31T12:36:00Z') }).signature;
    assert.notEqual(first, otherSecret);
    assert.notEqual(first, otherDay);
    for (let i = 0; i < 100; i++) signRequest(request, { ...OPTIONS, region: `region-${i}` });
    assert.equal(signRequest(request, OPTIONS).signature, first);
    assert.equal(signRequest(request, { ...OPTIONS, credentials: { ...OPTIONS.credentials, secretAccessKey: 'another-secret' } }).signature, otherSecret);
  });

  it('the default date is now, formatted as x-amz-date', () => {
    assert.match(signRequest({ method: 'GET', url: 'https://h.example.com/' }, { ...OPTIONS, date: undefined }).headers['x-amz-date'] ?? '', /^\d{8}T\d{6}Z$/);
  });
});
