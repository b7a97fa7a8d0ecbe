// Proves the verifying S3 front and SES endpoint can fail: independent signers pass, any tampering does not.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import type { Request as Aws4Request } from 'aws4';
import { sendRequest, targetOf, xmlField } from './local-http';
import type { LoopbackAnswer } from './local-http';
import { startVerifyingS3 } from './verifying-s3-front';
import type { VerifyingS3 } from './verifying-s3-front';
import { SIGV3_DEPRECATED_MESSAGE, startVerifyingSes } from './verifying-ses-endpoint';
import type { VerifyingSes } from './verifying-ses-endpoint';

// AWS's documented example key pair: not a secret.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxrfiCYEXAMPLEKEY' };
const strangerCredentials = { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'not-known-to-the-front' };

interface Aws4Signed {
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

function signWithAws4(request: Aws4Request, signer = credentials): Aws4Signed {
  const signed = aws4.sign({ ...request }, signer);
  return {
    path: signed.path ?? '/',
    method: signed.method ?? 'GET',
    headers: Object.fromEntries(Object.entries(signed.headers ?? {}).map(([name, value]) => [name, String(value)])),
    ...(typeof signed.body === 'string' ? { body: signed.body } : {}),
  };
}

function send(endpoint: string, signed: Aws4Signed): Promise<LoopbackAnswer> {
  return sendRequest(endpoint, signed);
}

function errorCode(answer: LoopbackAnswer): string | undefined {
  return xmlField(answer.body.toString('utf8'), 'Code');
}

function errorMessage(answer: LoopbackAnswer): string | undefined {
  return xmlField(answer.body.toString('utf8'), 'Message');
}

function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The same string with the character at `index` replaced by a different one. */
function changeOneByte(text: string, index: number): string {
  const replacement = text[index] === 'a' ? 'b' : 'a';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('verifying S3 front', () => {
  let s3: VerifyingS3;
  let host: string;
  const s3Request = (request: Aws4Request): Aws4Request => ({ host, service: 's3', region: 'us-east-1', ...request });

  before(async () => {
    s3 = await startVerifyingS3({ credentials: [credentials] });
    host = new URL(s3.endpoint).host;
  });
  after(() => s3.close());

  it('accepts a PUT signed by aws4 and serves the object to a GET presigned by aws4', async () => {
    const put = signWithAws4(s3Request({ method: 'PUT', path: `/${s3.bucket}/aws4.txt`, body: 'signed by aws4', headers: { 'Content-Type': 'text/plain' } }));
    assert.equal((await send(s3.endpoint, put)).status, 200);

    const get = signWithAws4(s3Request({ method: 'GET', path: `/${s3.bucket}/aws4.txt`, signQuery: true }));
    const answer = await send(s3.endpoint, get);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.toString('utf8'), 'signed by aws4');
    assert.equal(answer.headers['content-type'], 'text/plain');
  });

  it('accepts a request signed by @smithy/signature-v4 with its public sign()', async () => {
    const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials, sha256: Hash.bind(null, 'sha256'), uriEscapePath: false });
    const body = 'signed by smithy';
    const signed = await signer.sign(
      new HttpRequest({ method: 'PUT', hostname: '127.0.0.1', path: `/${s3.bucket}/smithy%20file.txt`, headers: { host }, body }),
    );
    const answer = await sendRequest(s3.endpoint, { method: 'PUT', path: signed.path, headers: signed.headers, body });
    assert.equal(answer.status, 200, answer.body.toString('utf8'));
  });

  it('accepts aws4 signing a path with characters S3 encodes (space, quote, parentheses, unicode)', async () => {
    const path = `/${s3.bucket}/${encodeURIComponent("it's (really) é.txt")}`;
    const put = signWithAws4(s3Request({ method: 'PUT', path, body: 'x' }));
    assert.equal((await send(s3.endpoint, put)).status, 200);
  });

  it('answers SignatureDoesNotMatch with the canonical request aws4 signed when one byte of the signature changes', async () => {
    const options = s3Request({ method: 'GET', path: `/${s3.bucket}/aws4.txt?list-type=2&prefix=a%20b` });
    const signer = new aws4.RequestSigner(options, credentials);
    const signed = signer.sign();
    const headers = Object.fromEntries(Object.entries(signed.headers ?? {}).map(([name, value]) => [name, String(value)]));
    const authorization = headers['Authorization'] ?? '';
    const tampered = { ...headers, Authorization: changeOneByte(authorization, authorization.length - 1) };

    const answer = await sendRequest(s3.endpoint, { method: 'GET', path: signed.path ?? '/', headers: tampered });
    assert.equal(answer.status, 403);
    assert.equal(errorCode(answer), 'SignatureDoesNotMatch');
    const body = answer.body.toString('utf8');
    assert.equal(xmlField(body, 'CanonicalRequest'), signer.canonicalString());
    assert.equal(xmlField(body, 'StringToSign'), signer.stringToSign());
    assert.equal(xmlField(body, 'AWSAccessKeyId'), credentials.accessKeyId);
    assert.equal(xmlField(body, 'SignatureProvided'), tampered.Authorization.split('Signature=')[1]);
  });

  it('decodes the path and encodes it once, as S3 does: raw /%3Fa=b%20c is canonical /%3Fa%3Db%20c', async () => {
    const signed = signWithAws4(s3Request({ method: 'GET', path: `/${s3.bucket}/%3Fa=b%20c` }));
    assert.equal(errorCode(await send(s3.endpoint, signed)), 'NoSuchKey', 'the signature passes; the object does not exist');
    const authorization = signed.headers['Authorization'] ?? '';
    const answer = await send(s3.endpoint, { ...signed, headers: { ...signed.headers, Authorization: changeOneByte(authorization, authorization.length - 1) } });
    assert.equal(errorCode(answer), 'SignatureDoesNotMatch');
    assert.equal(xmlField(answer.body.toString('utf8'), 'CanonicalRequest')?.split('\n')[1], `/${s3.bucket}/%3Fa%3Db%20c`);
  });

  const oneByteChanges: { name: string; tamper: (signed: Aws4Signed) => Aws4Signed; code: string; status: number }[] = [
    { name: 'the path', tamper: (signed) => ({ ...signed, path: signed.path.replace('tamper.txt', 'tamper.tx_') }), code: 'SignatureDoesNotMatch', status: 403 },
    {
      name: 'a signed header',
      tamper: (signed) => ({ ...signed, headers: { ...signed.headers, 'Content-Type': 'text/plaim' } }),
      code: 'SignatureDoesNotMatch',
      status: 403,
    },
    {
      name: 'the date',
      tamper: (signed) => ({ ...signed, headers: { ...signed.headers, 'X-Amz-Date': (signed.headers['X-Amz-Date'] ?? '').replace(/\dZ$/, (digit) => `${(Number(digit[0]) + 1) % 10}Z`) } }),
      code: 'SignatureDoesNotMatch',
      status: 403,
    },
    { name: 'the method', tamper: (signed) => ({ ...signed, method: 'POST' }), code: 'SignatureDoesNotMatch', status: 403 },
    { name: 'the body', tamper: (signed) => ({ ...signed, body: changeOneByte(signed.body ?? '', 0) }), code: 'XAmzContentSHA256Mismatch', status: 400 },
  ];
  for (const change of oneByteChanges) {
    it(`refuses an aws4-signed PUT with one byte of ${change.name} changed (${change.code})`, async () => {
      const signed = signWithAws4(s3Request({ method: 'PUT', path: `/${s3.bucket}/tamper.txt`, body: 'payload', headers: { 'Content-Type': 'text/plain' } }));
      assert.equal((await send(s3.endpoint, signed)).status, 200, 'the untampered request passes');
      const answer = await send(s3.endpoint, change.tamper(signed));
      assert.equal(answer.status, change.status);
      assert.equal(errorCode(answer), change.code);
    });
  }

  it('refuses a presigned GET whose query was changed by one byte', async () => {
    const get = signWithAws4(s3Request({ method: 'GET', path: `/${s3.bucket}/aws4.txt?response-content-type=text%2Fhtml`, signQuery: true }));
    assert.equal((await send(s3.endpoint, get)).status, 200, 'the untampered URL passes');
    const answer = await send(s3.endpoint, { ...get, path: get.path.replace('text%2Fhtml', 'text%2Fhtmm') });
    assert.equal(answer.status, 403);
    assert.equal(errorCode(answer), 'SignatureDoesNotMatch');
  });

  it('answers 400 InvalidRequest to SigV2, in the Authorization header and in the query', async () => {
    const date = new Date().toUTCString();
    const stringToSign = `GET\n\n\n${date}\n/${s3.bucket}/aws4.txt`;
    // eslint-disable-next-line sigv4/no-legacy-signature -- deliberately SigV2: the front must refuse it
    const v2Signature = createHmac('sha1', credentials.secretAccessKey).update(stringToSign).digest('base64');
    const headerSigned = await sendRequest(s3.endpoint, {
      method: 'GET',
      path: `/${s3.bucket}/aws4.txt`,
      headers: { date, authorization: `AWS ${credentials.accessKeyId}:${v2Signature}` },
    });
    const expires = Math.floor(Date.now() / 1000) + 60;
    const querySigned = await sendRequest(s3.endpoint, {
      method: 'GET',
      path: `/${s3.bucket}/aws4.txt?AWSAccessKeyId=${credentials.accessKeyId}&Expires=${expires}&Signature=${encodeURIComponent(v2Signature)}`,
    });
    for (const answer of [headerSigned, querySigned]) {
      assert.equal(answer.status, 400);
      assert.equal(errorCode(answer), 'InvalidRequest');
      assert.equal(errorMessage(answer), 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
    }
  });

  it('answers 403 InvalidAccessKeyId to a key it does not know, and AccessDenied to an unsigned request', async () => {
    const stranger = await send(s3.endpoint, signWithAws4(s3Request({ method: 'GET', path: `/${s3.bucket}/aws4.txt` }), strangerCredentials));
    assert.equal(stranger.status, 403);
    assert.equal(errorCode(stranger), 'InvalidAccessKeyId');
    assert.equal(xmlField(stranger.body.toString('utf8'), 'AWSAccessKeyId'), strangerCredentials.accessKeyId);

    const unsigned = await sendRequest(s3.endpoint, { method: 'GET', path: `/${s3.bucket}/aws4.txt` });
    assert.equal(unsigned.status, 403);
    assert.equal(errorCode(unsigned), 'AccessDenied');
  });

  it('refuses a credential scope for another region or service', async () => {
    const otherRegion = await send(s3.endpoint, signWithAws4(s3Request({ method: 'GET', path: `/${s3.bucket}/aws4.txt`, region: 'eu-west-1' })));
    assert.equal(otherRegion.status, 400);
    assert.equal(errorCode(otherRegion), 'AuthorizationHeaderMalformed');
    assert.match(errorMessage(otherRegion) ?? '', /the region 'eu-west-1' is wrong; expecting 'us-east-1'/);

    const otherService = await send(s3.endpoint, signWithAws4(s3Request({ method: 'GET', path: `/${s3.bucket}/aws4.txt`, service: 'ses' })));
    assert.equal(otherService.status, 400);
    assert.equal(errorCode(otherService), 'AuthorizationHeaderMalformed');
  });

  it('refuses an x-amz-* header that was not signed', async () => {
    const signed = signWithAws4(s3Request({ method: 'GET', path: `/${s3.bucket}/aws4.txt` }));
    const answer = await send(s3.endpoint, { ...signed, headers: { ...signed.headers, 'x-amz-meta-extra': 'smuggled' } });
    assert.equal(answer.status, 403);
    assert.equal(errorCode(answer), 'AccessDenied');
    assert.equal(xmlField(answer.body.toString('utf8'), 'HeadersNotSigned'), 'x-amz-meta-extra');
  });

  it('refuses X-Amz-Expires beyond the 7-day limit', async () => {
    // eslint-disable-next-line sigv4/require-sigv4-presign -- deliberately past the 7-day limit: the front must refuse it
    const get = signWithAws4(s3Request({ method: 'GET', path: `/${s3.bucket}/aws4.txt?X-Amz-Expires=604801`, signQuery: true }));
    const answer = await send(s3.endpoint, get);
    assert.equal(answer.status, 400);
    assert.equal(errorCode(answer), 'AuthorizationQueryParametersError');
  });

  it('logs every request it answered with its status and error code', () => {
    assert.ok(s3.requests.length > 0);
    assert.ok(s3.requests.some((logged) => logged.status === 200 && logged.code === undefined && logged.method === 'PUT'));
    assert.ok(s3.requests.some((logged) => logged.status === 403 && logged.code === 'SignatureDoesNotMatch'));
    assert.ok(s3.requests.every((logged) => !logged.path.includes('?')));
  });
});

describe('verifying S3 front with an injected clock', () => {
  const signedAt = new Date('2026-01-15T12:00:00Z');
  let clock = signedAt;
  let s3: VerifyingS3;
  let host: string;

  before(async () => {
    s3 = await startVerifyingS3({ credentials: [credentials], now: () => clock });
    host = new URL(s3.endpoint).host;
    const put = signWithAws4({
      host,
      service: 's3',
      region: 'us-east-1',
      method: 'PUT',
      path: `/${s3.bucket}/clock.txt`,
      body: 'on time',
      headers: { 'X-Amz-Date': amzDate(signedAt) },
    });
    assert.equal((await send(s3.endpoint, put)).status, 200);
  });
  after(() => s3.close());

  function presignedGetAt(date: Date, expiresIn: number): Aws4Signed {
    return signWithAws4({
      host,
      service: 's3',
      region: 'us-east-1',
      method: 'GET',
      path: `/${s3.bucket}/clock.txt?X-Amz-Expires=${expiresIn}&X-Amz-Date=${amzDate(date)}`,
      signQuery: true,
    });
  }

  it('accepts a presigned URL until X-Amz-Date + X-Amz-Expires, then answers AccessDenied "Request has expired"', async () => {
    const get = presignedGetAt(signedAt, 60);
    clock = new Date(signedAt.getTime() + 60_000);
    const inTime = await send(s3.endpoint, get);
    assert.equal(inTime.status, 200, 'still valid at the last second');
    assert.equal(inTime.body.toString('utf8'), 'on time');

    clock = new Date(signedAt.getTime() + 61_000);
    const late = await send(s3.endpoint, get);
    assert.equal(late.status, 403);
    assert.equal(errorCode(late), 'AccessDenied');
    assert.equal(errorMessage(late), 'Request has expired');
    assert.equal(xmlField(late.body.toString('utf8'), 'X-Amz-Expires'), '60');
  });

  it('answers RequestTimeTooSkewed to a header-signed request 16 minutes off its clock', async () => {
    clock = new Date(signedAt.getTime() + 16 * 60_000);
    const signed = signWithAws4({
      host,
      service: 's3',
      region: 'us-east-1',
      method: 'GET',
      path: `/${s3.bucket}/clock.txt`,
      headers: { 'X-Amz-Date': amzDate(signedAt) },
    });
    const answer = await send(s3.endpoint, signed);
    assert.equal(answer.status, 403);
    assert.equal(errorCode(answer), 'RequestTimeTooSkewed');
  });
});

describe('verifying SES endpoint', () => {
  let ses: VerifyingSes;
  let host: string;
  const sendEmailForm = new URLSearchParams({
    Action: 'SendEmail',
    Source: 'sender@example.com',
    'Destination.ToAddresses.member.1': 'to@example.com',
    'Message.Subject.Data': 'Hello',
    'Message.Body.Text.Data': 'Body text',
  }).toString();
  const sesRequest = (overrides: Partial<Aws4Request> = {}): Aws4Request => ({
    host,
    service: 'ses',
    region: 'us-east-1',
    method: 'POST',
    path: '/',
    body: sendEmailForm,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    ...overrides,
  });

  before(async () => {
    ses = await startVerifyingSes({ credentials: [credentials] });
    host = new URL(ses.endpoint).host;
  });
  after(() => ses.close());

  it('accepts SendEmail signed with SigV4 by aws4, answers a MessageId and records the message', async () => {
    const answer = await send(ses.endpoint, signWithAws4(sesRequest()));
    assert.equal(answer.status, 200, answer.body.toString('utf8'));
    const messageId = xmlField(answer.body.toString('utf8'), 'MessageId');
    assert.ok(messageId);
    const recorded = ses.sent.find((sent) => sent.messageId === messageId);
    assert.deepEqual(
      recorded && { action: recorded.action, source: recorded.source, destinations: recorded.destinations, subject: recorded.subject, text: recorded.text },
      { action: 'SendEmail', source: 'sender@example.com', destinations: ['to@example.com'], subject: 'Hello', text: 'Body text' },
    );
  });

  it("accepts the scope's service as 'email' (SES's endpoint prefix) too", async () => {
    const answer = await send(ses.endpoint, signWithAws4(sesRequest({ service: 'email' })));
    assert.equal(answer.status, 200, answer.body.toString('utf8'));
  });

  it('answers SignatureDoesNotMatch when one byte of the body changes after signing', async () => {
    const signed = signWithAws4(sesRequest());
    const answer = await send(ses.endpoint, { ...signed, body: (signed.body ?? '').replace('Hello', 'Hellp') });
    assert.equal(answer.status, 403);
    assert.equal(errorCode(answer), 'SignatureDoesNotMatch');
    assert.match(errorMessage(answer) ?? '', /^The request signature we calculated does not match the signature you provided\./);
  });

  it('answers SigV3 (X-Amzn-Authorization: AWS3-HTTPS) with 403 InvalidClientTokenId and SES\'s deprecation message', async () => {
    const date = new Date().toUTCString();
    const v3Signature = createHmac('sha256', credentials.secretAccessKey).update(date).digest('base64');
    const countBefore = ses.sent.length;
    const answer = await sendRequest(ses.endpoint, {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        date,
        'x-amzn-authorization': `AWS3-HTTPS AWSAccessKeyId=${credentials.accessKeyId},Algorithm=HmacSHA256,Signature=${v3Signature}`,
      },
      body: sendEmailForm,
    });
    const body = answer.body.toString('utf8');
    assert.equal(answer.status, 403);
    assert.match(body, /^<ErrorResponse xmlns="http:\/\/ses\.amazonaws\.com\/doc\/2010-12-01\/"><Error><Type>Sender<\/Type>/);
    assert.equal(errorCode(answer), 'InvalidClientTokenId');
    assert.equal(errorMessage(answer), SIGV3_DEPRECATED_MESSAGE);
    assert.match(SIGV3_DEPRECATED_MESSAGE, /^Signature Version 3 requests are deprecated from March 1, 2021\./);
    assert.ok(xmlField(body, 'RequestId'));
    assert.equal(ses.sent.length, countBefore, 'nothing was sent');
  });

  it('answers unsigned requests with MissingAuthenticationToken and unknown keys with InvalidClientTokenId', async () => {
    const unsigned = await sendRequest(ses.endpoint, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: sendEmailForm });
    assert.equal(unsigned.status, 403);
    assert.equal(errorCode(unsigned), 'MissingAuthenticationToken');

    const stranger = await send(ses.endpoint, signWithAws4(sesRequest(), strangerCredentials));
    assert.equal(stranger.status, 403);
    assert.equal(errorCode(stranger), 'InvalidClientTokenId');
  });

  it('logs every request with its status and error code', () => {
    assert.ok(ses.requests.some((logged) => logged.status === 200 && logged.code === undefined));
    assert.ok(ses.requests.some((logged) => logged.status === 403 && logged.code === 'InvalidClientTokenId'));
  });
});

describe('closing', () => {
  it('stops listening once closed', async () => {
    const s3 = await startVerifyingS3({ credentials: [credentials] });
    const ses = await startVerifyingSes({ credentials: [credentials] });
    await s3.close();
    await ses.close();
    await assert.rejects(sendRequest(s3.endpoint, { method: 'GET', path: '/' }), { code: 'ECONNREFUSED' });
    await assert.rejects(sendRequest(ses.endpoint, { method: 'POST', path: '/' }), { code: 'ECONNREFUSED' });
  });
});

describe('aws-sdk v2 (the library the legacy code uses) against the fronts', () => {
  let s3: VerifyingS3;
  let ses: VerifyingSes;
  let AWS: typeof import('aws-sdk');
  const email = { Source: 'a@example.com', Destination: { ToAddresses: ['b@example.com'] }, Message: { Subject: { Data: 'hi' }, Body: { Text: { Data: 'body' } } } };

  before(async () => {
    // aws-sdk v2 prints a maintenance-mode notice on load unless told not to.
    process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] = '1';
    AWS = (await import('aws-sdk')).default;
    s3 = await startVerifyingS3({ credentials: [credentials] });
    ses = await startVerifyingSes({ credentials: [credentials] });
  });
  after(async () => {
    await s3.close();
    await ses.close();
  });

  const s3Client = (signatureVersion: 'v4' | 's3') =>
    // eslint-disable-next-line sigv4/no-legacy-signature -- 's3' deliberately: the front must refuse SigV2
    new AWS.S3({ endpoint: s3.endpoint, s3ForcePathStyle: true, region: 'us-east-1', credentials, signatureVersion });

  it('passes S3 calls it signs with SigV4', async () => {
    const client = s3Client('v4');
    await client.putObject({ Bucket: s3.bucket, Key: 'dir/a b+c.txt', Body: 'from aws-sdk v2', ContentType: 'text/plain' }).promise();
    const object = await client.getObject({ Bucket: s3.bucket, Key: 'dir/a b+c.txt' }).promise();
    assert.equal(String(object.Body), 'from aws-sdk v2');
  });

  it('refuses its SigV2 signing (signatureVersion "s3") with 400 InvalidRequest, header and presigned', async () => {
    const client = s3Client('s3');
    await assert.rejects(client.getObject({ Bucket: s3.bucket, Key: 'dir/a b+c.txt' }).promise(), { statusCode: 400, code: 'InvalidRequest' });
    const presigned = await sendRequest(s3.endpoint, { method: 'GET', path: targetOf(client.getSignedUrl('getObject', { Bucket: s3.bucket, Key: 'dir/a b+c.txt' })) });
    assert.equal(presigned.status, 400);
    assert.equal(errorCode(presigned), 'InvalidRequest');
  });

  it('passes SES SendEmail it signs with SigV4, and refuses its SigV3 (v3https) with InvalidClientTokenId', async () => {
    const v4 = new AWS.SES({ endpoint: ses.endpoint, region: 'us-east-1', credentials });
    const { MessageId } = await v4.sendEmail(email).promise();
    assert.ok(ses.sent.some((sent) => sent.messageId === MessageId));

    // 'v3https' is a signer aws-sdk v2 still ships; its typings only list 'v2' | 'v4'.
    // eslint-disable-next-line sigv4/no-legacy-signature -- deliberately SigV3: the endpoint must refuse it
    const v3 = new AWS.SES({ endpoint: ses.endpoint, region: 'us-east-1', credentials, signatureVersion: 'v3https' as 'v4' });
    await assert.rejects(v3.sendEmail(email).promise(), { statusCode: 403, code: 'InvalidClientTokenId', message: SIGV3_DEPRECATED_MESSAGE });
  });
});
