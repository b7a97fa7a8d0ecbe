// S3 clients (SDK v3) for the media pipeline: AWS in production, a Ceph gateway on-premise.
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { SignatureV2 } from 'aws-sdk-signature-v2';
import aws4 from 'aws4';

const credentials = {
  accessKeyId: process.env.S3_ACCESS_KEY ?? '',
  secretAccessKey: process.env.S3_SECRET_KEY ?? '',
};

export const awsMedia = new S3Client({
  region: 'eu-west-1',
  credentials,
  signatureVersion: 'v4', // expect: no-legacy-signature
});

export const cephMedia = new S3Client({
  region: 'us-east-1',
  endpoint: 'https://rgw.storage.example.net',
  forcePathStyle: true,
  credentials,
  signerConstructor: SignatureV2, // expect: no-legacy-signature
});

export async function listMedia(prefix: string): Promise<string[]> {
  const result = await awsMedia.send(new ListObjectsV2Command({ Bucket: 'media', Prefix: prefix }));
  return (result.Contents ?? []).map((object) => object.Key ?? '');
}

// Health probe signed with SigV4 by aws4: not legacy.
export function signedProbe(): ReturnType<typeof aws4.sign> {
  return aws4.sign({ host: 's3.eu-west-1.amazonaws.com', path: '/media?list-type=2', service: 's3', region: 'eu-west-1' }, credentials);
}
