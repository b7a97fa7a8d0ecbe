// src/jobs/monthly-statements.ts: renders statements, stores them on S3, mails a link through SES.
// The mail part predates the SDK in this service; the storage part uses aws-sdk v2.
import AWS from 'aws-sdk';
import { createHmac } from 'crypto';
import { renderStatement, type Statement } from '../render';

const REGION = process.env.AWS_REGION ?? 'us-east-1';
const SES_HOST = `email.${REGION}.amazonaws.com`;
const AUTH_SCHEME = 'AWS3-HTTPS';

class StatementStore {
  private readonly s3: AWS.S3;

  constructor(private readonly bucket: string) {
    this.s3 = new AWS.S3({ region: REGION }); // expect: require-sigv4-presign
  }

  async save(statement: Statement): Promise<string> {
    const key = `statements/${statement.accountId}/${statement.period}.pdf`;
    await this.s3.putObject({ Bucket: this.bucket, Key: key, Body: await renderStatement(statement), ContentType: 'application/pdf' }).promise();
    return key;
  }

  link(key: string): string {
    return this.s3.getSignedUrl('getObject', { Bucket: this.bucket, Key: key, Expires: 60 * 60 * 24 * 31 }); // expect: require-sigv4-presign
  }
}

function sesHeaders(body: string, accessKeyId: string, secretAccessKey: string): Record<string, string> {
  const date = new Date().toUTCString();
  const signature = createHmac('sha256', secretAccessKey).update(date).digest('base64');
  return {
    Date: date,
    Host: SES_HOST,
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Amzn-Authorization': [AUTH_SCHEME, ` AWSAccessKeyId=${accessKeyId},Algorithm=HmacSHA256,Signature=${signature}`].join(''), // expect: no-legacy-signature
  };
}

async function mailLink(to: string, url: string): Promise<void> {
  const body = new URLSearchParams({
    Action: 'SendEmail',
    Source: process.env.STATEMENTS_FROM ?? 'statements@example.com',
    'Destination.ToAddresses.member.1': to,
    'Message.Subject.Data': 'Your monthly statement',
    'Message.Body.Text.Data': `Your statement is ready: ${url}`,
  }).toString();
  const res = await fetch(`https://${SES_HOST}/`, {
    method: 'POST',
    headers: sesHeaders(body, process.env.AWS_ACCESS_KEY_ID ?? '', process.env.AWS_SECRET_ACCESS_KEY ?? ''),
    body,
  });
  if (!res.ok) throw new Error(`SES ${res.status}: ${await res.text()}`);
}

export async function sendStatements(statements: Statement[], emailFor: (accountId: string) => Promise<string>): Promise<number> {
  const store = new StatementStore(process.env.STATEMENTS_BUCKET ?? 'statements');
  let sent = 0;
  for (const statement of statements) {
    const key = await store.save(statement);
    await mailLink(await emailFor(statement.accountId), store.link(key));
    sent += 1;
  }
  return sent;
}
