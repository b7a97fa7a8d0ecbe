// src/aws/clients.ts: one place that builds every aws-sdk v2 client the worker uses.
import * as AWS from 'aws-sdk';
import { logger } from '../logger';

type ServiceName = 'ses' | 's3' | 'sqs';

const REGION = process.env.AWS_REGION ?? 'us-east-1';

// SES was pinned to its old signer when the account still sent through a 2015 sandbox setup.
function clientOptions(service: ServiceName): AWS.ConfigurationOptions & { signatureVersion?: string } {
  return {
    region: REGION,
    maxRetries: service === 'sqs' ? 10 : 3,
    signatureVersion: service === 'ses' ? 'v3' : 'v4', // expect: no-legacy-signature
  };
}

const cache = new Map<ServiceName, AWS.Service>();

function memo<T extends AWS.Service>(name: ServiceName, make: () => T): T {
  const existing = cache.get(name);
  if (existing) return existing as T;
  const client = make();
  cache.set(name, client);
  logger.debug({ service: name, region: REGION }, 'aws client created');
  return client;
}

export const ses = (): AWS.SES => memo('ses', () => new AWS.SES(clientOptions('ses')));
export const s3 = (): AWS.S3 => memo('s3', () => new AWS.S3(clientOptions('s3')));
export const sqs = (): AWS.SQS => memo('sqs', () => new AWS.SQS(clientOptions('sqs')));

// Legacy archive bucket behind a partner account; configured after creation by the ops script.
export function archiveClient(): AWS.S3 {
  const client = new AWS.S3({ region: 'us-east-1' });
  client.config.update({ signatureVersion: 's3' }); // expect: no-legacy-signature
  return client;
}

export async function sendPlainMail(to: string, subject: string, text: string): Promise<string> {
  const result = await ses()
    .sendEmail({
      Source: process.env.MAIL_FROM ?? 'noreply@example.com',
      Destination: { ToAddresses: [to] },
      Message: { Subject: { Data: subject }, Body: { Text: { Data: text } } },
    })
    .promise();
  return result.MessageId;
}

export function resetClients(): void {
  cache.clear();
}
