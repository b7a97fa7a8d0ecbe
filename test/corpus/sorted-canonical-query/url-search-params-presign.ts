// mod.ts: presigned GET/PUT URLs for S3 from Deno, no SDK.
import { hmacSha256, hmacSha256Hex, sha256Hex } from './hash.ts';

const NEWLINE = '\n';

export interface PresignOptions {
  bucketName: string;
  objectPath: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  method?: 'GET' | 'PUT';
  region?: string;
  expiresIn?: number;
  date?: Date;
  endpoint?: string;
}

function ymd(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/\D/g, '');
}

function isoDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[^\dT]/g, '')}Z`;
}

function withDefaults(provided: PresignOptions): Required<PresignOptions> {
  return {
    method: 'GET',
    region: 'us-east-1',
    expiresIn: 3600,
    date: new Date(),
    sessionToken: '',
    endpoint: 's3.amazonaws.com',
    ...provided,
    objectPath: provided.objectPath.startsWith('/') ? provided.objectPath : `/${provided.objectPath}`,
  };
}

function queryParameters(options: Required<PresignOptions>): URLSearchParams {
  return new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${options.accessKeyId}/${ymd(options.date)}/${options.region}/s3/aws4_request`,
    'X-Amz-Date': isoDate(options.date),
    'X-Amz-Expires': String(options.expiresIn),
    'X-Amz-SignedHeaders': 'host',
    ...(options.sessionToken ? { 'X-Amz-Security-Token': options.sessionToken } : {}),
  });
}

function canonicalRequest(options: Required<PresignOptions>, query: URLSearchParams): string {
  query.sort();
  return [
    options.method, NEWLINE,
    options.objectPath, NEWLINE,
    query.toString(), NEWLINE, // expect: sorted-canonical-query
    `host:${options.bucketName}.${options.endpoint}`, NEWLINE,
    NEWLINE,
    'host', NEWLINE,
    'UNSIGNED-PAYLOAD',
  ].join('');
}

function signingKey(options: Required<PresignOptions>): ArrayBuffer {
  let key: string | ArrayBuffer = `AWS4${options.secretAccessKey}`;
  for (const part of [ymd(options.date), options.region, 's3', 'aws4_request']) key = hmacSha256(key, part);
  return key as ArrayBuffer;
}

export function getSignedUrl(provided: PresignOptions): string {
  const options = withDefaults(provided);
  const query = queryParameters(options);
  const request = canonicalRequest(options, query);
  const stringToSign = ['AWS4-HMAC-SHA256', isoDate(options.date), `${ymd(options.date)}/${options.region}/s3/aws4_request`, sha256Hex(request)].join(NEWLINE);
  query.set('X-Amz-Signature', hmacSha256Hex(signingKey(options), stringToSign));
  return `https://${options.bucketName}.${options.endpoint}${options.objectPath}?${query.toString()}`;
}
