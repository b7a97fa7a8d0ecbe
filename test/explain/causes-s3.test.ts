// Every cause id, proven against the verifying S3 front: a request signed wrongly in that way is sent for
// real, and `explain` names the cause from the error body S3's way of answering gives back.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { explainSignatureError } from '../../src/explain/index';
import type { CauseId, ExplainInput, ExplainReport } from '../../src/explain/index';
import { presignUrl, signRequest } from '../../src/sigv4';
import type { SigningOptions } from '../../src/sigv4';
import { xmlField } from '../support/local-http';
import { startVerifyingS3 } from '../support/verifying-s3-front';
import type { VerifyingS3 } from '../support/verifying-s3-front';
import { replaceLine, sendAndCapture, signatureOf, withQuerySignature, withSignature } from './wrong-signing';

// AWS's documented example key pair: not a secret.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxrfiCYEXAMPLEKEY' };
const temporary = { accessKeyId: 'ASIATEMPORARYKEY', secretAccessKey: 'temporary-secret', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKENVALUE' };
const region = 'eu-central-1';
const signedAt = new Date('2026-01-02T03:04:05Z');
const frontClock = new Date(signedAt.getTime() + 30_000);

function causeIds(report: ExplainReport): CauseId[] {
  return report.causes.map((cause) => cause.id);
}

function explainNamed(input: ExplainInput, id: CauseId): ExplainReport {
  const report = explainSignatureError(input);
  assert.equal(report.exitCode, 0, JSON.stringify(report, null, 2));
  assert.equal(report.causes[0]?.id, id, `expected ${id} first, got ${causeIds(report).join(', ')}`);
  return report;
}

describe('explain names each cause of a refused S3 request', () => {
  let s3: VerifyingS3;
  let options: SigningOptions;
  const objectUrl = (key: string): string => `${s3.endpoint}/${s3.bucket}/${key}`;

  before(async () => {
    s3 = await startVerifyingS3({ credentials: [credentials, temporary], region, now: () => frontClock });
    options = { service: 's3', region, credentials, date: signedAt };
  });
  after(() => s3.close());

  /** Signs correctly, then re-signs the canonical request `change` returns, and sends it. */
  async function sendSignedAs(request: { method: string; url: string; headers?: Record<string, string>; body?: string }, change: (canonical: string) => string) {
    const signed = signRequest(request, options);
    const wrongCanonical = change(signed.canonicalRequest);
    const headers = withSignature(signed.headers, signatureOf(wrongCanonical, signed.stringToSign, credentials.secretAccessKey));
    const sent = await sendAndCapture(s3.endpoint, { method: signed.method, url: request.url, headers, ...(request.body !== undefined ? { body: request.body } : {}) });
    return { ...sent, canonicalRequest: wrongCanonical };
  }

  it('unsorted-query: the query signed in written order', async () => {
    const url = `${objectUrl('')}?prefix=photos%2F&delimiter=%2F&list-type=2`;
    const sent = await sendSignedAs({ method: 'GET', url }, (canonical) => replaceLine(canonical, 2, 'prefix=photos%2F&delimiter=%2F&list-type=2'));
    assert.equal(xmlField(sent.errorBody, 'Code'), 'SignatureDoesNotMatch');
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'unsorted-query');
    assert.equal(report.causes[0]?.line, 3);
    assert.equal(report.aws.canonicalRequestSource, 'error');
  });

  it("answers SignatureDoesNotMatch in S3's own layout, the byte fields spelling the same text", async () => {
    const url = `${objectUrl('')}?prefix=a&list-type=2`;
    const sent = await sendSignedAs({ method: 'GET', url }, (canonical) => replaceLine(canonical, 2, 'prefix=a&list-type=2'));
    const elements = [...sent.errorBody.matchAll(/<([A-Za-z]+)>/g)].map((match) => match[1]);
    assert.deepEqual(elements, ['Error', 'Code', 'Message', 'AWSAccessKeyId', 'StringToSign', 'SignatureProvided', 'StringToSignBytes', 'CanonicalRequest', 'CanonicalRequestBytes', 'RequestId', 'HostId']);
    assert.match(sent.errorBody, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>SignatureDoesNotMatch<\/Code><Message>The request signature we calculated does not match the signature you provided\. Check your key and signing method\.<\/Message>/);
    const spelled = (name: string): string => Buffer.from((xmlField(sent.errorBody, name) ?? '').split(' ').map((byte) => parseInt(byte, 16))).toString('utf8');
    assert.equal(spelled('CanonicalRequestBytes'), xmlField(sent.errorBody, 'CanonicalRequest'));
    assert.equal(spelled('StringToSignBytes'), xmlField(sent.errorBody, 'StringToSign'));
    assert.match(xmlField(sent.errorBody, 'CanonicalRequest') ?? '', /^GET\n\/test-bucket\/\nlist-type=2&prefix=a\nhost:127\.0\.0\.1:\d+\n/);
    assert.match(sent.errorBody, /list-type=2&amp;prefix=a/);
  });

  it('query-encoding: a space signed as "+"', async () => {
    const url = `${objectUrl('')}?list-type=2&prefix=my%20photos`;
    const sent = await sendSignedAs({ method: 'GET', url }, (canonical) => replaceLine(canonical, 2, 'list-type=2&prefix=my+photos'));
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'query-encoding');
    assert.match(report.causes[0]?.message ?? '', /%20/);
  });

  it('query-encoding: lower-case hex', async () => {
    const url = `${objectUrl('')}?list-type=2&prefix=a%2Fb`;
    const sent = await sendSignedAs({ method: 'GET', url }, (canonical) => replaceLine(canonical, 2, 'list-type=2&prefix=a%2fb'));
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'query-encoding');
    assert.match(report.causes[0]?.message ?? '', /lower-case hex/);
  });

  for (const [name, sentValue, signedValue, detail] of [
    ["! ' ( ) * left as they are", "it%27s%281%29", "it's(1)", /! ' \( \) \* were left as they are/],
    ['a value encoded twice', 'a%2Fb', 'a%252Fb', /encoded twice/],
  ] as const) {
    it(`query-encoding: ${name}`, async () => {
      const url = `${objectUrl('')}?list-type=2&prefix=${sentValue}`;
      const sent = await sendSignedAs({ method: 'GET', url }, (canonical) => replaceLine(canonical, 2, `list-type=2&prefix=${signedValue}`));
      const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'query-encoding');
      assert.match(report.causes[0]?.message ?? '', detail);
    });
  }

  it('path-encoding: the S3 key encoded twice', async () => {
    const url = objectUrl('my%20file.txt');
    const sent = await sendSignedAs({ method: 'PUT', url, body: 'x' }, (canonical) => replaceLine(canonical, 1, `/${s3.bucket}/my%2520file.txt`));
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'path-encoding');
    assert.equal(report.causes[0]?.line, 2);
    assert.match(report.causes[0]?.message ?? '', /twice/);
  });

  it('path-encoding: dot segments normalised, which S3 does not do', async () => {
    const url = objectUrl('x/../p.txt');
    const signed = signRequest({ method: 'GET', url }, { ...options, normalizePath: true });
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url, headers: signed.headers });
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: signed.canonicalRequest }, 'path-encoding');
    assert.match(report.causes[0]?.message ?? '', /normalises "\." , "\.\." and empty segments in the path except for S3/);
  });

  it('signed-header-missing: Range signed but not sent', async () => {
    const signed = signRequest({ method: 'GET', url: objectUrl('a.txt'), headers: { range: 'bytes=0-9' } }, options);
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'range'));
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: signed.url, headers });
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: signed.canonicalRequest }, 'signed-header-missing');
    assert.match(report.causes[0]?.message ?? '', /range/);
    // The request alone shows it too.
    assert.deepEqual(causeIds(explainSignatureError({ request: sent.request })), ['signed-header-missing']);
  });

  it('header-value-mismatch: a presigned PUT uploaded with another Content-Type', async () => {
    const presigned = presignUrl({ method: 'PUT', url: objectUrl('photo.png'), headers: { 'content-type': 'image/png' } }, { ...options, expiresIn: 300 });
    const sent = await sendAndCapture(s3.endpoint, { method: 'PUT', url: presigned.url, headers: { host: new URL(s3.endpoint).host, 'content-type': 'application/octet-stream' }, body: 'png' });
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: presigned.canonicalRequest }, 'header-value-mismatch');
    assert.match(report.causes[0]?.message ?? '', /content-type was sent as "application\/octet-stream" but your code signed "image\/png"/);
  });

  it('header-canonicalization: a header name signed in its original case', async () => {
    const sent = await sendSignedAs({ method: 'PUT', url: objectUrl('c.txt'), headers: { 'content-type': 'text/plain' }, body: 'c' }, (canonical) =>
      canonical.replace('\ncontent-type:text/plain\n', '\nContent-Type:text/plain\n'),
    );
    explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'header-canonicalization');
  });

  it('header-canonicalization: a value signed with its spaces unfolded', async () => {
    const sent = await sendSignedAs({ method: 'PUT', url: objectUrl('d.txt'), headers: { 'x-amz-meta-note': 'two  spaces' }, body: 'd' }, (canonical) =>
      canonical.replace('\nx-amz-meta-note:two spaces\n', '\nx-amz-meta-note:two  spaces\n'),
    );
    explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'header-canonicalization');
  });

  it('payload-hash: the empty-body hash signed for a body that was sent', async () => {
    const empty = createHash('sha256').digest('hex');
    const sent = await sendSignedAs({ method: 'PUT', url: objectUrl('e.txt'), body: 'hello' }, (canonical) => replaceLine(canonical, canonical.split('\n').length - 1, empty));
    explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'payload-hash');
  });

  it('payload-hash: x-amz-content-sha256 of another body (S3 answers XAmzContentSHA256Mismatch)', async () => {
    const signed = signRequest({ method: 'PUT', url: objectUrl('f.txt'), body: 'the body signed' }, options);
    const sent = await sendAndCapture(s3.endpoint, { method: 'PUT', url: signed.url, headers: signed.headers, body: 'the body sent' });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'XAmzContentSHA256Mismatch');
    explainNamed({ error: sent.errorBody }, 'payload-hash');
    explainNamed({ request: sent.request }, 'payload-hash');
  });

  it('credential-scope: signed for another region', async () => {
    const signed = signRequest({ method: 'GET', url: objectUrl('a.txt') }, { ...options, region: 'us-west-2' });
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: signed.url, headers: signed.headers });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'AuthorizationHeaderMalformed');
    const report = explainNamed({ error: sent.errorBody, request: sent.request }, 'credential-scope');
    assert.match(report.causes[0]?.message ?? '', /us-west-2/);
  });

  it('method-mismatch: a URL presigned for GET used to PUT', async () => {
    const presigned = presignUrl({ method: 'GET', url: objectUrl('g.txt') }, { ...options, expiresIn: 300 });
    const sent = await sendAndCapture(s3.endpoint, { method: 'PUT', url: presigned.url, headers: { host: new URL(s3.endpoint).host }, body: 'g' });
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: presigned.canonicalRequest }, 'method-mismatch');
    assert.equal(report.causes[0]?.line, 1);
  });

  it('host-mismatch: the host signed without its port', async () => {
    const hostname = new URL(s3.endpoint).hostname;
    const sent = await sendSignedAs({ method: 'GET', url: objectUrl('h.txt') }, (canonical) => canonical.replace(/\nhost:[^\n]+\n/, `\nhost:${hostname}\n`));
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: sent.canonicalRequest }, 'host-mismatch');
    assert.match(report.causes[0]?.message ?? '', /port/);
  });

  it('host-mismatch: signed path-style, sent virtual-hosted', async () => {
    const signed = signRequest({ method: 'GET', url: objectUrl('o.txt') }, options);
    const virtualHost = `${s3.bucket}.${new URL(s3.endpoint).host}`;
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: `http://${virtualHost}/o.txt`, headers: { ...signed.headers, host: virtualHost } });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'SignatureDoesNotMatch');
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: signed.canonicalRequest }, 'host-mismatch');
    assert.match(report.causes[0]?.message ?? '', /signed the path-style form .* but sent the virtual-hosted one/);
    assert.deepEqual(report.causes.map((cause) => cause.id), ['host-mismatch']);
  });

  it('expired: a presigned URL used after X-Amz-Expires', async () => {
    const presigned = presignUrl({ method: 'GET', url: objectUrl('i.txt') }, { ...options, date: new Date(signedAt.getTime() - 3_600_000), expiresIn: 60 });
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: presigned.url, headers: {} });
    assert.match(sent.errorBody, /Request has expired/);
    explainNamed({ error: sent.errorBody }, 'expired');
  });

  it('clock-skew: a request signed an hour late', async () => {
    const signed = signRequest({ method: 'GET', url: objectUrl('j.txt') }, { ...options, date: new Date(signedAt.getTime() - 3_600_000) });
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: signed.url, headers: signed.headers });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'RequestTimeTooSkewed');
    const report = explainNamed({ error: sent.errorBody }, 'clock-skew');
    assert.match(report.causes[0]?.message ?? '', /20260102T020405Z/);
  });

  it('legacy-signature: a SigV2 Authorization header', async () => {
    const date = signedAt.toUTCString();
    const headers = { host: new URL(s3.endpoint).host, date, authorization: `AWS ${credentials.accessKeyId}:c2lnbmF0dXJlLXYy` };
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: objectUrl('k.txt'), headers });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'InvalidRequest');
    explainNamed({ error: sent.errorBody }, 'legacy-signature');
    explainNamed({ error: sent.errorBody, request: sent.request }, 'legacy-signature');
  });

  it('session-token: temporary credentials sent without their token', async () => {
    const withoutToken = { accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey };
    const signed = signRequest({ method: 'GET', url: objectUrl('l.txt') }, { ...options, credentials: withoutToken });
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: signed.url, headers: signed.headers });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'InvalidToken');
    const report = explainNamed({ error: sent.errorBody, request: sent.request }, 'session-token');
    assert.match(report.causes[0]?.message ?? '', /no X-Amz-Security-Token/);
  });

  it('session-token: a presigned URL whose token was added after signing', async () => {
    const presigned = presignUrl({ method: 'GET', url: objectUrl('m.txt') }, { ...options, credentials: temporary, expiresIn: 300, omitSessionTokenFromSignature: true });
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: presigned.url, headers: {} });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'SignatureDoesNotMatch');
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: presigned.canonicalRequest }, 'session-token');
    assert.equal(report.causes[0]?.line, 3);
    const printed = JSON.stringify(report);
    assert.ok(!printed.includes(temporary.sessionToken), 'the session token is never echoed');
    assert.ok(printed.includes(temporary.sessionToken.slice(0, 4)));
  });

  it('secret-key: everything agrees, the key is wrong', async () => {
    const signed = signRequest({ method: 'GET', url: objectUrl('n.txt') }, { ...options, credentials: { ...credentials, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxrfiCYWRONGKEY00' } });
    const sent = await sendAndCapture(s3.endpoint, { method: 'GET', url: signed.url, headers: signed.headers });
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: signed.canonicalRequest }, 'secret-key');
    assert.equal(report.causes.length, 1);
    explainNamed({ error: sent.errorBody, stringToSign: signed.stringToSign }, 'secret-key');
    // Without what the client signed nothing can be named: exit 1 with the suspects.
    const unnamed = explainSignatureError({ error: sent.errorBody, request: sent.request });
    assert.equal(unnamed.exitCode, 1);
    assert.deepEqual(unnamed.causes, []);
    assert.ok(unnamed.suspects.some((suspect) => suspect.includes('secret access key')));
    assert.ok(unnamed.suspects.some((suspect) => suspect.includes('proxy')));
  });

  it('withQuerySignature keeps the URL otherwise intact', () => {
    assert.equal(withQuerySignature('https://h/k?X-Amz-Signature=abc1&x=1', 'ff'), 'https://h/k?X-Amz-Signature=ff&x=1');
  });
});
