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
  // CR, LF and NUL end the line a value is sent in: the value would be sent as given while a folded form is signed.
  { name: 'header value with CR LF', field: /headers\["x-a"\]/, request: { headers: { 'x-a': 'a\r\nX-Injected: 1' } } },
  { name: 'header value with a lone LF', field: /headers\["x-a"\]/, request: { headers: { 'x-a': 'a\nb' } } },
  { name: 'header value with NUL', field: /headers\["x-a"\]/, request: { headers: { 'x-a': 'a\0b' } } },
  { name: 'header value list with a CR', field: /headers\["X-List"\]/, request: { headers: { 'X-List': ['a', 'b\rc'] } } },
  { name: 'header name with CR LF', field: /headers\["x-a\r\n"\]/, request: { headers: { 'x-a\r\n': 'a' } } },
  { name: 'host header with CR LF', field: /headers\["Host"\]/, request: { headers: { Host: 'example.com\r\nX-Injected: 1' } } },
  { name: 'Map header value with LF', field: /headers\["x-a"\]/, request: { headers: new Map([['x-a', 'a\nb']]) } },
  { name: 'URL host with CR', field: /url/, request: { url: 'https://exa\rmple.com/' } },
  { name: 'URL host with NUL', field: /url/, request: { url: 'https://example.com\0.evil/' } },
  { name: 'URL path with a tab', field: /url/, request: { url: 'https://example.com/a\tb' } },
  { name: 'session token with CR LF', field: /credentials\.sessionToken/, options: withCredentials({ accessKeyId: 'AKIA', secretAccessKey: SECRET, sessionToken: `${TOKEN}\r\nX-Injected: 1` }) },
  { name: 'session token with NUL', field: /credentials\.sessionToken/, options: withCredentials({ accessKeyId: 'AKIA', secretAccessKey: SECRET, sessionToken: `${TOKEN}\0` }) },
  { name: 'access key id with LF', field: /credentials\.accessKeyId/, options: withCredentials({ accessKeyId: 'AKIA\nX', secretAccessKey: SECRET }) },
  { name: 'access key id with NUL', field: /credentials\.accessKeyId/, options: withCredentials({ accessKeyId: 'AKIA\0', secretAccessKey: SECRET }) },
  { name: 'region with CR LF', field: /region/, options: { region: 'eu-west-1\r\n' } },
  { name: 'method with CR LF', field: /method/, request: { method: 'GET\r\nX-Injected: 1' } },
  { name: 'method with NUL', field: /method/, request: { method: 'GET\0' } },
  { name: 'method with a space', field: /method/, request: { method: 'GET /' } },
  { name: 'method with a slash', field: /method/, request: { method: 'GET/1' } },
  { name: 'method as a number', field: /method/, request: { method: 1 } },
  // A scope part outside [a-z0-9-] splits the credential scope wrongly ('/') or differs from the service's.
  { name: 'region with a slash', field: /region/, options: { region: 'eu-west-1/s3' } },
  { name: 'region in upper case', field: /region/, options: { region: 'EU-WEST-1' } },
  { name: 'region with a space', field: /region/, options: { region: 'eu west 1' } },
  { name: 'service with a slash', field: /service/, options: { service: 's3/x' } },
  { name: 'service with an underscore', field: /service/, options: { service: 'execute_api' } },
  { name: 'service in upper case', field: /service/, options: { service: 'S3' } },
  // Headers as an array would sign headers named 0 and 1.
  { name: 'headers as an array of pairs', field: /headers/, request: { headers: [['content-type', 'text/plain']] } },
  { name: 'headers as a string', field: /headers/, request: { headers: 'content-type: text/plain' } },
  { name: 'Map header with a number value', field: /headers\["x-n"\]/, request: { headers: new Map([['x-n', 1]]) } },
  // Boolean options read by truthiness would take 'false' as true.
  { name: "normalizePath 'false'", field: /normalizePath/, options: { normalizePath: 'false' } },
  { name: 'encodePath 0', field: /encodePath/, options: { encodePath: 0 } },
  { name: "signPayload 'true'", field: /signPayload/, options: { signPayload: 'true' } },
  { name: 'unsignedPayload null', field: /unsignedPayload/, options: { unsignedPayload: null } },
  { name: "omitSessionTokenFromSignature 'yes'", field: /omitSessionTokenFromSignature/, options: { omitSessionTokenFromSignature: 'yes' } },
  { name: 'port 99999', field: /url/, request: { url: 'https://example.com:99999/' } },
  { name: 'port 65536', field: /url/, request: { url: 'https://example.com:65536/' } },
  { name: 'host WHATWG URL refuses', field: /url/, request: { url: 'https://exa<mple.com/' } },
  // Lone surrogates have no UTF-8 form: encodeURIComponent threw an untyped URIError on them.
  { name: 'lone surrogate in the path', field: /url/, request: { url: 'https://example.com/a\ud800b' } },
  { name: 'lone surrogate in the query', field: /url/, request: { url: 'https://example.com/?a=\udc00' } },
  { name: 'lone surrogate in the access key id', field: /credentials\.accessKeyId/, options: withCredentials({ accessKeyId: 'AKIA\ud800', secretAccessKey: SECRET }) },
  { name: 'lone surrogate in the session token', field: /credentials\.sessionToken/, options: withCredentials({ accessKeyId: 'AKIA', secretAccessKey: SECRET, sessionToken: 'x\udfff' }) },
  { name: 'lone surrogate in a header value', field: /headers\["x-a"\]/, request: { headers: { 'x-a': 'a\ud83d' } } },
  // Objects that pass instanceof but are no Date or byte view: their getters threw untyped errors.
  { name: 'date from Date.prototype without a time', field: /date/, options: { date: Object.create(Date.prototype) } },
  { name: 'date as a proxy of a Date', field: /date/, options: { date: new Proxy(new Date(), {}) } },
  { name: 'date as an object with getTime', field: /date/, options: { date: { getTime: () => 0 } } },
  { name: 'body from Uint8Array.prototype without bytes', field: /body/, request: { body: Object.create(Uint8Array.prototype) } },
  { name: 'body as a proxy of a Uint8Array', field: /body/, request: { body: new Proxy(new Uint8Array(2), {}) } },
  { name: 'body as an array of numbers', field: /body/, request: { body: [1, 2] } },
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
        assert.ok(!error.message.includes(TOKEN), 'the TypeError reveals the session token');
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

describe('canonicalQueryString: what is no query is refused, not signed as an empty one', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['a number', 42, /^sigv4: params /],
    ['null', null, /^sigv4: params /],
    ['undefined', undefined, /^sigv4: params /],
    ['a boolean', true, /^sigv4: params /],
    ['an array of pairs', [['a', '1']], /^sigv4: params /],
    ['a string with a lone surrogate', 'a=\ud800', /^sigv4: params /],
    ['a string with a line break', 'a=1\nb=2', /^sigv4: params /],
    ['a value that is an object', { a: {} }, /^sigv4: params\["a"\] /],
    ['a value that is undefined', { a: undefined }, /^sigv4: params\["a"\] /],
    ['a value that is null', { a: null }, /^sigv4: params\["a"\] /],
    ['a list holding an object', { a: ['1', {}] }, /^sigv4: params\["a"\] /],
    ['a name with a lone surrogate', { '\ud800': 'x' }, /^sigv4: params\["\ud800"\] /],
    ['a value with a lone surrogate', { a: '\udc00' }, /^sigv4: params\["a"\] /],
    ['URLSearchParams-like values with a lone surrogate', { forEach: (callback: (value: string, name: string) => void) => callback('\ud800', 'a') }, /^sigv4: params /],
  ];
  for (const [name, params, message] of cases) {
    it(`${name}: TypeError naming the parameter`, () => {
      assert.throws(() => canonicalQueryString(params as string), (error: unknown) => error instanceof TypeError && message.test(error.message));
    });
  }

  it('numbers, booleans and bigints in a record are written as text', () => {
    assert.equal(canonicalQueryString({ limit: 10, on: true, big: 2n } as unknown as Record<string, string>), 'big=2&limit=10&on=true');
  });
});

describe('presign-only options', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['credentials.expiration as a string', { credentials: { ...OPTIONS.credentials, expiration: '2024-03-01T00:00:00Z' } }, /credentials\.expiration/],
    ['credentials.expiration as an invalid Date', { credentials: { ...OPTIONS.credentials, expiration: new Date('nope') } }, /credentials\.expiration/],
    ['credentials.expiration as a number', { credentials: { ...OPTIONS.credentials, expiration: 1e12 } }, /credentials\.expiration/],
    ["clampToCredentialExpiration 'true'", { clampToCredentialExpiration: 'true' }, /clampToCredentialExpiration/],
  ];
  for (const [name, options, field] of cases) {
    it(`${name}: TypeError naming it`, async () => {
      const check = (error: unknown): boolean => {
        assert.ok(error instanceof TypeError, `expected a TypeError, got ${String(error)}`);
        assert.match(error.message, field);
        assertNoSecret(error, 'the TypeError');
        return true;
      };
      assert.throws(() => presignUrl(REQUEST, { ...presignOptions(60), ...options }), check);
      await assert.rejects(presignUrlAsync(REQUEST, { ...presignOptions(60), ...options }), check);
    });
  }

  it('an expiresIn that outlives the credentials: RangeError naming both instants, nothing secret', async () => {
    const expiration = new Date('2024-02-29T18:00:00Z');
    const options = { ...presignOptions(604800), credentials: { ...OPTIONS.credentials, expiration } };
    const check = (error: unknown): boolean => {
      assert.ok(error instanceof RangeError, `expected a RangeError, got ${String(error)}`);
      assert.equal(error.message, 'sigv4: expiresIn 604800 s (until 2024-03-07T12:00:00.000Z) outlives credentials.expiration (2024-02-29T18:00:00.000Z)');
      assertNoSecret(error, 'the RangeError');
      assert.ok(!error.message.includes(TOKEN));
      return true;
    };
    assert.throws(() => presignUrl(REQUEST, options), check);
    await assert.rejects(presignUrlAsync(REQUEST, options), check);
  });
});
