// An SDK v3 client plugged to the SigV2 signer: the option and its import go.
import { S3Client } from '@aws-sdk/client-s3';
import { SignatureV2 } from 'aws-sdk-signature-v2';

export const client = new S3Client({
  region: 'us-east-1',
  signerConstructor: SignatureV2,
});
