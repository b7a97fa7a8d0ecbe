// src/aws/clients.ts: client factory with per-client overrides merged over shared defaults.
import * as AWS from 'aws-sdk';

type ServiceOptions = AWS.S3.ClientConfiguration & AWS.SES.ClientConfiguration;

const defaults: ServiceOptions = {
  region: process.env.AWS_REGION ?? 'us-east-1',
  maxRetries: 2,
  httpOptions: { connectTimeout: 2_000, timeout: 10_000 },
};

// The mail relay in front of SES still expects the old HTTPS signature.
const relayOverrides = { endpoint: 'https://email.us-east-1.amazonaws.com', signatureVersion: 'v3https' }; // expect: no-legacy-signature

export function createMailer(): AWS.SES {
  return new AWS.SES(Object.assign({}, defaults, relayOverrides));
}

export function createArchive(bucket: string): AWS.S3 {
  const options: ServiceOptions = {
    ...defaults,
    params: { Bucket: bucket },
    signatureVersion: 'v2', // expect: no-legacy-signature
  };
  return new AWS.S3(options);
}

export async function sendPlainMail(to: string, subject: string, text: string): Promise<string> {
  const mailer = createMailer();
  try {
    const result = await mailer
      .sendEmail({
        Source: process.env.MAIL_FROM ?? 'noreply@example.com',
        Destination: { ToAddresses: [to] },
        Message: { Subject: { Data: subject }, Body: { Text: { Data: text } } },
      })
      .promise();
    return result.MessageId;
  } catch (error) {
    console.error('mail failed', (error as Error).message);
    throw error;
  }
}
