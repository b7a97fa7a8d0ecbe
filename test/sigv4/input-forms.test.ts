// The input forms the helper accepts beyond plain strings and records, and how it signs them: Headers and Map
// headers, IDN hosts, raw paths, a query that already holds auth parameters, credentials that expire.
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { describe, it } from 'node:test';
import { presignUrl, presignUrlAsync, signRequest, signRequestAsync } from '../../src/sigv4';
import type { PresignOptions, RequestToSign, SigningOptions } from '../../src/sigv4';

const DATE = new Date('2024-02-29T12:00:00Z');
const OPTIONS: SigningOptions = {
  service: 'execute-api',
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  date: DATE,
};
const S3: SigningOptions = { ...OPTIONS, service: 's3' };
const PUT = 'https://bucket.s3.eu-west-1.amazonaws.com/cat.png';

function pathLine(canonicalRequest: string): string {
  return canonicalRequest.split('\n')[1] ?? '';
}

function canonicalPathOf(url: RequestToSign['url'], options: SigningOptions = OPTIONS): string {
  return pathLine(signRequest({ method: 'GET', url }, options).canonicalRequest);
}

function presignOf(url: string, extra: Partial<PresignOptions> = {}, options: SigningOptions = S3) {
  return presignUrl({ method: 'GET', url }, { ...options, expiresIn: 3600, ...extra });
}

describe('Headers and Map as headers', () => {
  it('a presign signs the content-type of a fetch Headers object, as of a record', async () => {
    const viaHeaders = presignUrl({ method: 'PUT', url: PUT, headers: new Headers({ 'Content-Type': 'image/png' }) }, { ...S3, expiresIn: 900 });
    const viaRecord = presignUrl({ method: 'PUT', url: PUT, headers: { 'content-type': 'image/png' } }, { ...S3, expiresIn: 900 });
    assert.match(viaHeaders.url, /X-Amz-SignedHeaders=content-type%3Bhost&/);
    assert.deepEqual(viaHeaders, viaRecord);
    assert.deepEqual(await presignUrlAsync({ method: 'PUT', url: PUT, headers: new Headers({ 'Content-Type': 'image/png' }) }, { ...S3, expiresIn: 900 }), viaRecord);
  });

  it('a Map, with a list value, signs like the record it holds', async () => {
    const map = new Map<string, string | string[]>([
      ['X-Amz-Meta-Owner', ' alice  '],
      ['x-list', ['a', 'b']],
    ]);
    const record = { 'X-Amz-Meta-Owner': ' alice  ', 'x-list': ['a', 'b'] };
    const signed = signRequest({ method: 'PUT', url: PUT, headers: map, body: 'x' }, S3);
    assert.deepEqual(signed, signRequest({ method: 'PUT', url: PUT, headers: record, body: 'x' }, S3));
    assert.deepEqual(await signRequestAsync({ method: 'PUT', url: PUT, headers: map, body: 'x' }, S3), signed);
    assert.equal(signed.headers['x-amz-meta-owner'], ' alice  ');
    assert.match(signed.canonicalRequest, /\nx-amz-meta-owner:alice\n/);
  });

  it('Headers join repeated values as a server would read them', () => {
    const headers = new Headers();
    headers.append('x-list', 'a');
    headers.append('x-list', 'b');
    assert.match(signRequest({ method: 'GET', url: PUT, headers }, S3).canonicalRequest, /\nx-list:a, b\n/);
  });
});

describe('hosts and ports as clients send them', () => {
  const host = (url: string): string | undefined => signRequest({ method: 'GET', url }, OPTIONS).headers.host;

  it('an IDN host is signed in its ASCII (punycode) form', () => {
    assert.equal(host('https://bücher.example/x'), 'xn--bcher-kva.example');
    assert.equal(host('https://BÜCHER.example:8443/x'), 'xn--bcher-kva.example:8443');
    assert.match(signRequest({ method: 'GET', url: 'https://bücher.example/' }, OPTIONS).canonicalRequest, /\nhost:xn--bcher-kva\.example\n/);
  });

  it('a percent-encoded host is decoded as WHATWG URL does', () => {
    assert.equal(host('https://ex%41mple.com/'), 'example.com');
  });

  it('ports: leading zeros dropped, the default left out, 0 and 65535 kept', () => {
    assert.equal(host('https://example.com:0443/'), 'example.com');
    assert.equal(host('https://example.com:08080/'), 'example.com:8080');
    assert.equal(host('https://example.com:0/'), 'example.com:0');
    assert.equal(host('https://example.com:65535/'), 'example.com:65535');
    assert.equal(host('https://example.com:/'), 'example.com');
  });
});

describe('raw paths: signed as fetch sends them', () => {
  it('a non-S3 service double-encodes what fetch encodes once', () => {
    assert.equal(canonicalPathOf('https://h.example.com/a b/é/"q"'), '/a%2520b/%25C3%25A9/%2522q%2522');
    assert.equal(canonicalPathOf('https://h.example.com/a b/é/"q"'), canonicalPathOf('https://h.example.com/a%20b/%C3%A9/%22q%22'));
    assert.equal(canonicalPathOf('https://h.example.com/a b/é/"q"'), canonicalPathOf(new URL('https://h.example.com/a b/é/"q"')));
  });

  it('the characters fetch encodes, and those it sends as typed', () => {
    assert.equal(canonicalPathOf('https://h.example.com/<{`}>😀'), '/%253C%257B%2560%257D%253E%25F0%259F%2598%2580');
    assert.equal(canonicalPathOf("https://h.example.com/$'()*!|^"), '/%24%27%28%29%2A%21%7C%5E');
  });

  it("'\\' goes as '/', as fetch sends it", () => {
    assert.equal(canonicalPathOf('https://h.example.com/a\\b'), '/a/b');
    assert.equal(canonicalPathOf('https://h.example.com/a\\b', S3), '/a/b');
  });

  it('S3 signs a raw path encoded once, as before', () => {
    assert.equal(canonicalPathOf('https://b.s3.amazonaws.com/a b/é', S3), '/a%20b/%C3%A9');
  });

  it('an href-only object is taken as already on the wire (the AWS suite form)', () => {
    assert.equal(canonicalPathOf({ href: 'https://h.example.com/a b' }), '/a%20b');
  });

  it('the returned URL is the one given', () => {
    assert.equal(signRequest({ method: 'GET', url: 'https://h.example.com/a b' }, OPTIONS).url, 'https://h.example.com/a b');
  });

  it('leading and trailing spaces are dropped, as fetch drops them', () => {
    const signed = signRequest({ method: 'GET', url: '  https://h.example.com/a ' }, OPTIONS);
    assert.equal(signed.url, 'https://h.example.com/a');
    assert.equal(signed.canonicalRequest, signRequest({ method: 'GET', url: 'https://h.example.com/a' }, OPTIONS).canonicalRequest);
    assert.match(presignOf('https://h.example.com/a?b=1 ').url, /^https:\/\/h\.example\.com\/a\?b=1&X-Amz-Algorithm=/);
  });
});

describe("a query that already holds X-Amz-* auth parameters", () => {
  const STALE = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=OLD%2F20200101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20200101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Security-Token=old&X-Amz-Signature=' + '0'.repeat(64);

  it('a presign replaces them, keeping the other parameters in place', () => {
    const fresh = presignOf('https://b.s3.amazonaws.com/k?versionId=3');
    const again = presignOf(`https://b.s3.amazonaws.com/k?versionId=3&${STALE}`);
    assert.deepEqual(again, fresh);
    for (const name of ['Algorithm', 'Credential', 'Date', 'Expires', 'SignedHeaders', 'Signature']) {
      assert.equal(again.url.split(`X-Amz-${name}=`).length, 2, `X-Amz-${name} appears more than once`);
    }
    assert.ok(!again.url.includes('X-Amz-Security-Token'), 'the stale token stays');
  });

  it('a presigned URL presigned again is the fresh presign', () => {
    const first = presignOf('https://b.s3.amazonaws.com/k?a=1');
    assert.equal(presignOf(first.url, { date: new Date('2024-03-01T00:00:00Z') }).url, presignOf('https://b.s3.amazonaws.com/k?a=1', { date: new Date('2024-03-01T00:00:00Z') }).url);
  });

  it('an encoded spelling of a name is the same name', () => {
    assert.equal(presignOf('https://b.s3.amazonaws.com/k?X%2DAmz-Date=1&%58-Amz-Expires=2').url, presignOf('https://b.s3.amazonaws.com/k').url);
  });

  it('names differing in case are other parameters, as to smithy and S3', () => {
    assert.match(presignOf('https://b.s3.amazonaws.com/k?x-amz-date=1').url, /\?x-amz-date=1&X-Amz-Algorithm=/);
  });

  it('header signing leaves the query as given', () => {
    assert.equal(signRequest({ method: 'GET', url: 'https://b.s3.amazonaws.com/k?X-Amz-Date=1' }, S3).url, 'https://b.s3.amazonaws.com/k?X-Amz-Date=1');
  });
});

describe('credentials.expiration', () => {
  const expiring = (expiration: Date): SigningOptions => ({ ...S3, credentials: { ...S3.credentials, expiration } });
  const SIX_HOURS_LATER = new Date(DATE.getTime() + 6 * 3600 * 1000);

  it('an expiresIn within it is signed as asked', () => {
    const presigned = presignOf(PUT, { expiresIn: 21600 }, expiring(SIX_HOURS_LATER));
    assert.equal(presigned.expiresIn, 21600);
    assert.match(presigned.url, /X-Amz-Expires=21600&/);
  });

  it('an expiresIn beyond it is refused, also by the async twin', async () => {
    assert.throws(() => presignOf(PUT, { expiresIn: 21601 }, expiring(SIX_HOURS_LATER)), RangeError);
    await assert.rejects(presignUrlAsync({ method: 'GET', url: PUT }, { ...expiring(SIX_HOURS_LATER), expiresIn: 604800 }), RangeError);
  });

  it('clampToCredentialExpiration shortens it, and the result says what was signed', async () => {
    const options = { ...expiring(SIX_HOURS_LATER), expiresIn: 604800, clampToCredentialExpiration: true };
    const presigned = presignUrl({ method: 'GET', url: PUT }, options);
    assert.equal(presigned.expiresIn, 21600);
    assert.match(presigned.url, /X-Amz-Expires=21600&/);
    assert.deepEqual(await presignUrlAsync({ method: 'GET', url: PUT }, options), presigned);
    assert.deepEqual(presigned, presignOf(PUT, { expiresIn: 21600 }, expiring(SIX_HOURS_LATER)));
  });

  it('clamping rounds down to whole seconds, and credentials that have expired are refused even then', () => {
    assert.equal(presignOf(PUT, { expiresIn: 600, clampToCredentialExpiration: true }, expiring(new Date(DATE.getTime() + 1999))).expiresIn, 1);
    assert.throws(() => presignOf(PUT, { clampToCredentialExpiration: true }, expiring(new Date(DATE.getTime() + 999))), /outlives credentials\.expiration/);
    assert.throws(() => presignOf(PUT, { clampToCredentialExpiration: true }, expiring(new Date(DATE.getTime() - 1000))), RangeError);
  });

  it('a Date from another realm is a Date, for expiration and date alike', () => {
    const foreign = runInNewContext('(ms) => new Date(ms)') as (ms: number) => Date;
    assert.equal(presignOf(PUT, { date: foreign(DATE.getTime()), clampToCredentialExpiration: true }, expiring(foreign(SIX_HOURS_LATER.getTime()))).expiresIn, 3600);
  });

  it('header signing does not read it', () => {
    assert.doesNotThrow(() => signRequest({ method: 'GET', url: PUT }, expiring(new Date(0))));
  });
});

describe('bodies', () => {
  const sign = (body: unknown) => signRequest({ method: 'PUT', url: PUT, body } as RequestToSign, { ...S3, signPayload: true }).signature;

  it('any view of bytes signs as the same bytes in a Uint8Array', () => {
    const bytes = new TextEncoder().encode('hello world');
    const expected = sign('hello world');
    assert.equal(sign(bytes), expected);
    assert.equal(sign(Buffer.from('hello world')), expected);
    assert.equal(sign(new DataView(bytes.buffer)), expected);
    assert.equal(sign(new Uint8Array([0, ...bytes, 0]).subarray(1, 12)), expected);
    assert.equal(sign(runInNewContext('new Uint8Array(bytes)', { bytes: [...bytes] })), expected);
  });

  it('explicit booleans are read as given', () => {
    assert.equal(signRequest({ method: 'GET', url: PUT }, { ...S3, signPayload: false, unsignedPayload: false }).headers['x-amz-content-sha256'], undefined);
    assert.equal(pathLine(signRequest({ method: 'GET', url: 'https://h.example.com/a/../b' }, { ...OPTIONS, normalizePath: false }).canonicalRequest), '/a/../b');
  });
});
