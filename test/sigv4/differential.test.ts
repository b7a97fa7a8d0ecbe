// Differential tests: generated requests signed by the helper and by @smithy/signature-v4 must get the same signature.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4, getCanonicalQuery } from '@smithy/signature-v4';
import aws4 from 'aws4';
import fc from 'fast-check';
import { canonicalQueryString, presignUrl, signRequest } from '../../src/sigv4';
import type { Credentials } from '../../src/sigv4';

// 5,000 header-signed plus 5,000 presigned requests per run: the 10,000 the issue asks for.
const RUNS_PER_MODE = 5000;
// Edge requests (raw paths, Headers objects, stale auth parameters): 2,500 per mode.
const EDGE_RUNS_PER_MODE = 2500;

const SmithySha256 = Hash.bind(null, 'sha256');

/** RFC 3986 encoding, as every SigV4 signer applies it to a decoded name, value or key. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The whitespace folding both signers apply to one header value. */
function foldHeaderValue(value: string): string {
  return value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
}

// Unicode (with astral planes), reserved characters, '%', '+' and spaces. Lone surrogates are left out: they
// have no UTF-8 form, and encodeURIComponent (which both signers rely on) throws on them.
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const reservedText = fc.string({ unit: fc.constantFrom(...'aZ09-._~ !#$%&\'()*+,/:;=?@[]é€😀'), maxLength: 8 });
const anyText = fc.oneof(text, reservedText);

// Names both signers treat alike. Excluded, with the reason:
// - 'x-amz-*' query names: smithy leaves x-amz-signature (in any case) out of a header-signed canonical query; the
//   helper signs a query as given. Presigns get the exact X-Amz-* auth names from staleAuthParams below.
// - '__proto__': smithy keeps the query in a plain object, where that key is not an own property.
const queryName = anyText.filter((name) => !name.toLowerCase().startsWith('x-amz-') && name !== '__proto__');

interface QueryParam {
  name: string;
  value: string | undefined;
}
const queryParam: fc.Arbitrary<QueryParam> = fc.record({
  name: queryName,
  // undefined: a name with no '=' on the wire ("?acl"); both sign it as "acl=". An empty name needs its '='.
  value: fc.option(anyText, { nil: undefined }),
}).map((param) => (param.name === '' && param.value === undefined ? { name: '', value: '' } : param));

// Repeated names come from a small pool so that they collide often.
const query = fc.array(fc.oneof(queryParam, fc.record({ name: fc.constantFrom('a', 'A', 'key', 'list-type'), value: fc.option(anyText, { nil: undefined }) })), { maxLength: 6 });

// Path segments: text (encoded as clients send it), and for the normalising services dot and empty segments.
const segment = fc.oneof({ weight: 4, arbitrary: anyText.map(encode) }, { weight: 1, arbitrary: fc.constantFrom('.', '..', '') });
const path = fc.array(segment, { maxLength: 5 }).chain((segments) => fc.constantFrom('/' + segments.join('/'), '/' + segments.join('/') + '/'));

// Raw paths, as typed: fetch (WHATWG URL) percent-encodes space, "<>`{} and non-ASCII on the way out, and sends '\'
// as '/'. Left out: '?' and '#' (they end the path) and dot segments (fetch resolves them, also spelled %2e; the
// helper keeps them for S3 and removes them as AWS does elsewhere: the canonical-path tests cover that).
const rawSegment = fc
  .string({ unit: fc.constantFrom(...'aZ09-._~ !"$%&\'()*+,:;=@[]^`{|}<>\\é€😀'), maxLength: 8 })
  .filter((text) => !/%2e/i.test(text) && text.split('\\').every((piece) => piece !== '.' && piece !== '..'));
const rawPath = fc.array(rawSegment, { maxLength: 5 }).chain((segments) => fc.constantFrom('/' + segments.join('/'), '/' + segments.join('/') + '/'));

// Auth parameters a caller's URL already holds (a URL presigned before): a presign replaces them, as smithy does.
const AUTH_PARAM_NAMES = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Security-Token'];
const staleAuthParams = fc.subarray(AUTH_PARAM_NAMES).chain((names) => fc.tuple(...names.map((name) => fc.record({ name: fc.constant(name), value: fc.option(anyText, { nil: undefined }) }))));

// Header names: tokens, case varied, plus headers both signers must leave unsigned.
const headerName = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/),
  fc.constantFrom('Content-Type', 'x-amz-meta-Owner', 'X-Amz-Storage-Class', 'Range', 'user-agent', 'Proxy-Authorization', 'Sec-Fetch-Mode', 'Cache-Control', 'Expect'),
);
// Reserved by one signer or the other, so not generated: host (given to both below), authorization and x-amz-date
// (replaced by both), x-amz-security-token (set from the credentials), x-amz-content-sha256 (payload mode, below),
// and date: smithy silently drops a caller's Date header (the S3 PUT example test covers the helper signing it).
const RESERVED_HEADERS = new Set(['host', 'authorization', 'x-amz-date', 'date', 'x-amz-security-token', 'x-amz-content-sha256']);
// Padded, tabbed, repeated spaces and non-ASCII.
const headerValue = fc.string({ unit: fc.constantFrom(...'ab Z9 \t-;=,/"é€'), maxLength: 10 });
const headers = fc
  .uniqueArray(fc.record({ name: headerName, values: fc.array(headerValue, { minLength: 1, maxLength: 3 }) }), {
    maxLength: 5,
    // Two spellings of one name are one header to the helper but two object keys to smithy (one wins).
    selector: (header) => header.name.toLowerCase(),
  })
  .map((list) => list.filter((header) => !RESERVED_HEADERS.has(header.name.toLowerCase())));

const credentials: fc.Arbitrary<Credentials> = fc.record(
  {
    accessKeyId: fc.stringMatching(/^[A-Z0-9]{16,20}$/),
    secretAccessKey: fc.base64String({ minLength: 40, maxLength: 40 }),
    sessionToken: fc.base64String({ minLength: 4, maxLength: 60 }),
  },
  { requiredKeys: ['accessKeyId', 'secretAccessKey'] },
);

const body = fc.option(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.uint8Array({ maxLength: 40 })), { nil: undefined });

const request = fc.record({
  service: fc.constantFrom('s3', 's3', 'execute-api', 'service', 'dynamodb'),
  region: fc.constantFrom('us-east-1', 'eu-west-3', 'ap-southeast-2'),
  credentials,
  date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
  method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH'),
  hostname: fc.constantFrom('examplebucket.s3.amazonaws.com', 'example.amazonaws.com', 'localhost', 'my-bucket.s3.eu-west-3.amazonaws.com'),
  port: fc.constantFrom(undefined, 443, 8443),
  // smithy's uriEscapePath covers both normalising and double encoding; false is what its S3 client uses.
  uriEscapePath: fc.boolean(),
  path,
  query,
  headers,
  body,
});
type GeneratedRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function wireUrl(generated: GeneratedRequest): string {
  const queryText = generated.query.map(({ name, value }) => (value === undefined ? encode(name) : `${encode(name)}=${encode(value)}`)).join('&');
  const port = generated.port === undefined ? '' : `:${generated.port}`;
  return `https://${generated.hostname}${port}${generated.path}${generated.query.length > 0 ? '?' + queryText : ''}`;
}

/** The host header a client sends: the default port left out. */
function hostHeader(generated: GeneratedRequest): string {
  return generated.port === undefined || generated.port === 443 ? generated.hostname : `${generated.hostname}:${generated.port}`;
}

/** Decoded name/value pairs as a query record, repeated names as arrays (names like 'valueOf' included). */
function queryRecord(params: QueryParam[]): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const { name, value = '' } of params) {
    const existing = Object.hasOwn(result, name) ? result[name] : undefined;
    result[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return result;
}

// smithy has one string per header: a multi-valued header reaches it as the values joined the way a server joins
// separate header lines (each trimmed first), while the helper receives the array.
function smithyHeaders(generated: GeneratedRequest): Record<string, string> {
  const result: Record<string, string> = { host: hostHeader(generated) };
  for (const { name, values } of generated.headers) result[name] = values.map(foldHeaderValue).join(',');
  return result;
}

function helperHeaders(generated: GeneratedRequest): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const { name, values } of generated.headers) result[name] = values.length === 1 ? (values[0] as string) : values;
  return result;
}

/** The headers as a fetch Headers object: values must be Latin-1 there, so the rest are dropped from both sides. */
function asFetchHeaders(generated: GeneratedRequest): GeneratedRequest {
  const latin1 = generated.headers
    .map(({ name, values }) => ({ name, values: values.filter((value) => !/[^\0-\xff]/.test(value)) }))
    .filter(({ values }) => values.length > 0);
  return { ...generated, headers: latin1 };
}

/** What fetch puts in a Headers object for the headers: each value trimmed, repeats joined by ', '. */
function fetchHeaders(generated: GeneratedRequest): Headers {
  const headers = new Headers();
  for (const { name, values } of generated.headers) for (const value of values) headers.append(name, value);
  return headers;
}

function smithyRequest(generated: GeneratedRequest, extraHeaders: Record<string, string>): HttpRequest {
  return new HttpRequest({
    method: generated.method,
    protocol: 'https:',
    hostname: generated.hostname,
    port: generated.port,
    path: generated.path,
    query: queryRecord(generated.query),
    headers: { ...smithyHeaders(generated), ...extraHeaders },
    body: generated.body,
  });
}

function smithySigner(generated: GeneratedRequest, applyChecksum: boolean): SignatureV4 {
  return new SignatureV4({
    credentials: generated.credentials,
    region: generated.region,
    service: generated.service,
    sha256: SmithySha256,
    uriEscapePath: generated.uriEscapePath,
    applyChecksum,
  });
}

function helperOptions(generated: GeneratedRequest) {
  return {
    service: generated.service,
    region: generated.region,
    credentials: generated.credentials,
    date: generated.date,
    normalizePath: generated.uriEscapePath,
    encodePath: generated.uriEscapePath,
  };
}

describe('differential: helper vs @smithy/signature-v4', () => {
  it(`header signing: ${RUNS_PER_MODE} generated requests`, async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.boolean(), fc.boolean(), async (generated, signPayload, unsignedPayload) => {
        // UNSIGNED-PAYLOAD reaches smithy only as an x-amz-content-sha256 header it then signs, so it is paired
        // with signPayload (the helper then sends and signs the same header).
        const unsigned = signPayload && unsignedPayload;
        const ours = signRequest(
          { method: generated.method, url: wireUrl(generated), headers: helperHeaders(generated), body: generated.body },
          { ...helperOptions(generated), signPayload, unsignedPayload: unsigned },
        );
        const theirs = await smithySigner(generated, signPayload).sign(smithyRequest(generated, unsigned ? { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } : {}), {
          signingDate: generated.date,
        });
        const authorization = String(theirs.headers.authorization);
        assert.equal(ours.headers.authorization, authorization, `canonical request:\n${ours.canonicalRequest}`);
      }),
      { numRuns: RUNS_PER_MODE },
    );
  });

  it(`presigning: ${RUNS_PER_MODE} generated requests`, async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.integer({ min: 1, max: 604800 }), async (generated, expiresIn) => {
        const ours = presignUrl(
          { method: generated.method, url: wireUrl(generated), headers: helperHeaders(generated), body: generated.body },
          { ...helperOptions(generated), expiresIn },
        );
        // smithy moves x-amz-* headers into the query; the helper keeps every given header a signed header.
        const keepAsHeaders = new Set(generated.headers.map((header) => header.name.toLowerCase()));
        const isS3 = generated.service === 's3';
        // smithy signs UNSIGNED-PAYLOAD for S3 only when told by a header (the S3 client adds it); here the header
        // only sets the payload hash: not signed, not moved to the query.
        const payloadHeader: Record<string, string> = isS3 ? { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } : {};
        if (isS3) keepAsHeaders.add('x-amz-content-sha256');
        const theirs = await smithySigner(generated, false).presign(smithyRequest(generated, payloadHeader), {
          signingDate: generated.date,
          expiresIn,
          unhoistableHeaders: keepAsHeaders,
          unsignableHeaders: new Set(isS3 ? ['x-amz-content-sha256'] : []),
        });
        const signature = String(theirs.query?.['X-Amz-Signature']);
        assert.equal(ours.signature, signature, `canonical request:\n${ours.canonicalRequest}`);
        assert.ok(ours.url.endsWith(`&X-Amz-Signature=${signature}`));
        assert.ok(ours.canonicalRequest.includes(`X-Amz-SignedHeaders=${encode(String(theirs.query?.['X-Amz-SignedHeaders']))}`));
      }),
      { numRuns: RUNS_PER_MODE },
    );
  });

  it('canonicalQueryString: 2000 generated records match smithy getCanonicalQuery', () => {
    fc.assert(
      fc.property(query, (params) => {
        const record = queryRecord(params);
        const expected = getCanonicalQuery({ query: record } as unknown as HttpRequest);
        assert.equal(canonicalQueryString(record), expected);
        const search = new URLSearchParams();
        for (const { name, value = '' } of params) search.append(name, value);
        assert.equal(canonicalQueryString(search), expected);
      }),
      { numRuns: 2000 },
    );
  });
});

// The same comparison for inputs where the two used to disagree: raw (unencoded) paths for services that
// double-encode, fetch Headers objects, and presigns of a URL that already holds X-Amz-* auth parameters.
const rawPathRequest = fc.record({
  generated: request.map((generated) => ({ ...generated, service: generated.service === 's3' ? 'execute-api' : generated.service, uriEscapePath: true })),
  path: rawPath,
  headersObject: fc.boolean(),
});

/**
 * The helper gets the URL as typed and, for half the runs, the headers as a Headers object; smithy and aws4 get the
 * path as fetch sends it, and the headers as that Headers object holds them (one value per name).
 */
function withRawPath({ generated, path: raw, headersObject }: { generated: GeneratedRequest; path: string; headersObject: boolean }) {
  const typed = wireUrl({ ...generated, path: raw });
  const sent = { ...generated, path: new URL(typed).pathname };
  if (!headersObject) return { edge: sent, typed, headers: helperHeaders(sent) };
  const headers = fetchHeaders(asFetchHeaders(sent));
  return { edge: { ...sent, headers: [...headers].map(([name, value]) => ({ name, values: [value] })) }, typed, headers };
}

function aws4CanonicalPath(generated: GeneratedRequest): string {
  const signer = new aws4.RequestSigner({ host: generated.hostname, path: generated.path, method: generated.method, service: generated.service, region: generated.region }, generated.credentials);
  return signer.canonicalString().split('\n')[1] ?? '';
}

describe('differential edge cases: raw paths, Headers objects, stale auth parameters', () => {
  it(`header signing: ${EDGE_RUNS_PER_MODE} raw non-S3 paths, half with Headers objects`, async () => {
    await fc.assert(
      fc.asyncProperty(rawPathRequest, async (input) => {
        const { edge, typed, headers: given } = withRawPath(input);
        const ours = signRequest({ method: edge.method, url: typed, headers: given, body: edge.body }, helperOptions(edge));
        const theirs = await smithySigner(edge, false).sign(smithyRequest(edge, {}), { signingDate: edge.date });
        assert.equal(ours.headers.authorization, String(theirs.headers.authorization), `canonical request:\n${ours.canonicalRequest}`);
        // aws4 takes a path as given only when it holds nothing else (otherwise it decodes and re-encodes it).
        if (!/[^\w;,/?:@&=+$.!~*'()#%-]/.test(edge.path)) assert.equal(ours.canonicalRequest.split('\n')[1], aws4CanonicalPath(edge));
      }),
      { numRuns: EDGE_RUNS_PER_MODE },
    );
  });

  it(`presigning: ${EDGE_RUNS_PER_MODE} raw non-S3 paths, Headers objects and stale X-Amz-* parameters`, async () => {
    await fc.assert(
      fc.asyncProperty(rawPathRequest, staleAuthParams, fc.integer({ min: 1, max: 604800 }), async (input, stale, expiresIn) => {
        const { edge, typed, headers: given } = withRawPath({ ...input, generated: { ...input.generated, query: [...input.generated.query, ...stale] } });
        const ours = presignUrl({ method: edge.method, url: typed, headers: given, body: edge.body }, { ...helperOptions(edge), expiresIn });
        // smithy overwrites the auth parameters it writes; a stale token stays when the credentials have none, where
        // the helper drops it (it belongs to other credentials), so smithy is given the query without it.
        const query = edge.query.filter(({ name }) => name !== 'X-Amz-Security-Token' || edge.credentials.sessionToken);
        const theirs = await smithySigner(edge, false).presign(smithyRequest({ ...edge, query }, {}), {
          signingDate: edge.date,
          expiresIn,
          unhoistableHeaders: new Set(edge.headers.map((header) => header.name.toLowerCase())),
        });
        assert.equal(ours.signature, String(theirs.query?.['X-Amz-Signature']), `canonical request:\n${ours.canonicalRequest}`);
        for (const name of AUTH_PARAM_NAMES) {
          const count = ours.url.split(/[?&]/).filter((part) => part.split('=')[0] === name).length;
          assert.equal(count, name === 'X-Amz-Security-Token' && !edge.credentials.sessionToken ? 0 : 1, `${name} in ${ours.url}`);
        }
      }),
      { numRuns: EDGE_RUNS_PER_MODE },
    );
  });
});
