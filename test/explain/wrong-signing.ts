// Test helpers that sign requests wrongly on purpose: a correct signature's canonical request is changed
// the way a faulty signer would build it, then signed for real with the secret key.
import { createHash, createHmac } from 'node:crypto';
import { sendRequest, targetOf } from '../support/local-http';
import type { LoopbackAnswer } from '../support/local-http';
import type { RequestObject } from '../../src/explain/index';

/** The signature of `canonicalRequest` for the time and scope of a correct string to sign. */
export function signatureOf(canonicalRequest: string, correctStringToSign: string, secret: string): string {
  const [algorithm, amzDate, scope] = correctStringToSign.split('\n');
  const stringToSign = [algorithm, amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  let key: Buffer | string = `AWS4${secret}`;
  for (const part of (scope ?? '').split('/')) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** `headers` with the Authorization header's Signature replaced. */
export function withSignature(headers: Record<string, string>, signature: string): Record<string, string> {
  return { ...headers, authorization: (headers['authorization'] ?? '').replace(/Signature=[\da-f]+$/, `Signature=${signature}`) };
}

/** A presigned URL with its X-Amz-Signature replaced. */
export function withQuerySignature(url: string, signature: string): string {
  return url.replace(/X-Amz-Signature=[\da-f]+/, `X-Amz-Signature=${signature}`);
}

/** The canonical request with line `index` (0-based) replaced. */
export function replaceLine(canonicalRequest: string, index: number, line: string): string {
  const lines = canonicalRequest.split('\n');
  lines[index] = line;
  return lines.join('\n');
}

export interface SentAndAnswered {
  request: RequestObject;
  answer: LoopbackAnswer;
  errorBody: string;
}

/** Sends a request exactly as given (path and query bytes untouched) and keeps what was sent. */
export async function sendAndCapture(endpoint: string, request: { method: string; url: string; headers: Record<string, string>; body?: string }): Promise<SentAndAnswered> {
  const answer = await sendRequest(endpoint, { method: request.method, path: targetOf(request.url), headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
  return { request, answer, errorBody: answer.body.toString('utf8') };
}
