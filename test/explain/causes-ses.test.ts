// The SES cases against the verifying SES endpoint: the seed (a query signed in written order), a
// wrong signing name, clock skew, SigV3, a wrong key — each sent for real and explained from the answer.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { explainSignatureError } from '../../src/explain/index';
import type { CauseId, ExplainInput, ExplainReport } from '../../src/explain/index';
import { signRequest } from '../../src/sigv4';
import { xmlField } from '../support/local-http';
import { startVerifyingSes } from '../support/verifying-ses-endpoint';
import type { VerifyingSes } from '../support/verifying-ses-endpoint';
import { sesSendEmailInWrittenOrder } from './ses-seed';
import { sendAndCapture } from './wrong-signing';

// AWS's documented example key pair: not a secret.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxrfiCYEXAMPLEKEY' };
const signedAt = new Date('2026-01-02T03:04:05Z');
const sendEmailForm = 'Action=SendEmail&Source=sender%40example.com&Destination.ToAddresses.member.1=recipient%40example.com&Message.Subject.Data=Hi&Message.Body.Text.Data=Hi';

function explainNamed(input: ExplainInput, id: CauseId): ExplainReport {
  const report = explainSignatureError(input);
  assert.equal(report.exitCode, 0, JSON.stringify(report, null, 2));
  assert.equal(report.causes[0]?.id, id, `expected ${id} first, got ${report.causes.map((cause) => cause.id).join(', ')}`);
  return report;
}

describe('explain names each cause of a refused SES request', () => {
  let ses: VerifyingSes;
  const formRequest = (headers: Record<string, string> = {}) => ({
    method: 'POST',
    url: `${ses.endpoint}/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: sendEmailForm,
  });

  before(async () => {
    ses = await startVerifyingSes({ credentials: [credentials], now: () => new Date(signedAt.getTime() + 30_000) });
  });
  after(() => ses.close());

  it('the seed: a hand-built SendEmail whose canonical query is in written order is unsorted-query', async () => {
    const seed = sesSendEmailInWrittenOrder({ endpoint: ses.endpoint, ...credentials, region: 'us-east-1', date: signedAt });
    const sent = await sendAndCapture(ses.endpoint, seed.request);
    assert.equal(xmlField(sent.errorBody, 'Code'), 'SignatureDoesNotMatch');
    assert.equal(ses.sent.length, 0);

    // From the request and the canonical request alone, as the issue asks.
    const alone = explainNamed({ request: seed.request, canonicalRequest: seed.canonicalRequest }, 'unsorted-query');
    assert.equal(alone.causes.length, 1);
    assert.equal(alone.aws.canonicalRequestSource, 'request');
    // With SES's error, whose message quotes the canonical string it computed.
    const withError = explainNamed({ error: sent.errorBody, request: seed.request, canonicalRequest: seed.canonicalRequest }, 'unsorted-query');
    assert.equal(withError.aws.canonicalRequestSource, 'error');
    assert.match(withError.aws.canonicalRequest ?? '', /^GET\n\/\nAction=SendEmail&Destination\.ToAddresses\.member\.1=/);
    assert.ok(!withError.suspects.length);
  });

  it('credential-scope: signed as service "email" where the endpoint wants "ses"', async () => {
    const strict = await startVerifyingSes({ credentials: [credentials], services: ['ses'], now: () => new Date(signedAt.getTime() + 30_000) });
    try {
      const signed = signRequest({ ...formRequest(), url: `${strict.endpoint}/` }, { service: 'email', region: 'us-east-1', credentials, date: signedAt });
      const sent = await sendAndCapture(strict.endpoint, { method: 'POST', url: signed.url, headers: signed.headers, body: sendEmailForm });
      assert.match(sent.errorBody, /Credential should be scoped to correct service/);
      explainNamed({ error: sent.errorBody, request: sent.request }, 'credential-scope');
    } finally {
      await strict.close();
    }
  });

  it('path-encoding: the path encoded once where every service but S3 encodes it twice', async () => {
    const url = `${ses.endpoint}/v1/my%20path`;
    const signed = signRequest({ method: 'GET', url }, { service: 'ses', region: 'us-east-1', credentials, date: signedAt, encodePath: false });
    const sent = await sendAndCapture(ses.endpoint, { method: 'GET', url, headers: signed.headers });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'SignatureDoesNotMatch');
    const report = explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: signed.canonicalRequest }, 'path-encoding');
    assert.match(report.causes[0]?.message ?? '', /AWS signs the path as \/v1\/my%2520path, your code as \/v1\/my%20path: your code encoded the path once/);
  });

  it('clock-skew: SES says "Signature expired … (… - 5 min.)"', async () => {
    const signed = signRequest(formRequest(), { service: 'ses', region: 'us-east-1', credentials, date: new Date(signedAt.getTime() - 3_600_000) });
    const sent = await sendAndCapture(ses.endpoint, { method: 'POST', url: signed.url, headers: signed.headers, body: sendEmailForm });
    assert.match(sent.errorBody, /Signature expired/);
    explainNamed({ error: sent.errorBody }, 'clock-skew');
  });

  it('legacy-signature: SigV3 answered with InvalidClientTokenId', async () => {
    const date = signedAt.toUTCString();
    const v3Signature = createHmac('sha256', credentials.secretAccessKey).update(date).digest('base64');
    const request = formRequest({
      date,
      'x-amzn-authorization': `AWS3-HTTPS AWSAccessKeyId=${credentials.accessKeyId},Algorithm=HmacSHA256,Signature=${v3Signature}`,
    });
    const sent = await sendAndCapture(ses.endpoint, request);
    assert.equal(xmlField(sent.errorBody, 'Code'), 'InvalidClientTokenId');
    explainNamed({ error: sent.errorBody }, 'legacy-signature');
    const report = explainNamed({ error: sent.errorBody, request: sent.request }, 'legacy-signature');
    assert.match(report.causes[0]?.message ?? '', /Signature Version 3/);
    assert.ok(!JSON.stringify(report).includes(v3Signature));
  });

  it('secret-key: SES quotes the canonical string it computed, and it is the one signed', async () => {
    const signed = signRequest(formRequest(), { service: 'ses', region: 'us-east-1', credentials: { ...credentials, secretAccessKey: 'not-the-key' }, date: signedAt });
    const sent = await sendAndCapture(ses.endpoint, { method: 'POST', url: signed.url, headers: signed.headers, body: sendEmailForm });
    assert.equal(xmlField(sent.errorBody, 'Code'), 'SignatureDoesNotMatch');
    explainNamed({ error: sent.errorBody, canonicalRequest: signed.canonicalRequest }, 'secret-key');
    explainNamed({ error: sent.errorBody, request: sent.request, canonicalRequest: signed.canonicalRequest, stringToSign: signed.stringToSign }, 'secret-key');
  });
});
