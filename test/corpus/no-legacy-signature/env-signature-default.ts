// src/infra/object-storage.ts: S3-compatible storage, settings from the environment (SigV2 by default for the old appliance).
import { S3 } from 'aws-sdk';
import type { ClientConfiguration } from 'aws-sdk/clients/s3';
import AWS from 'aws-sdk';

export interface StorageSettings {
  endpoint?: string;
  bucket: string;
  region?: string;
}

const LEGACY_SIGNING = 's3';

AWS.config.update({
  region: process.env.AWS_REGION,
  signatureVersion: process.env.AWS_SIGNATURE_VERSION ?? 'v2', // expect: no-legacy-signature
});

export function storageOptions(settings: StorageSettings): ClientConfiguration {
  return {
    endpoint: settings.endpoint,
    region: settings.region,
    s3ForcePathStyle: Boolean(settings.endpoint),
    signatureVersion: process.env.S3_SIGNATURE_VERSION || LEGACY_SIGNING, // expect: no-legacy-signature
  };
}

export class ObjectStorage {
  private readonly s3: S3;

  constructor(private readonly settings: StorageSettings) {
    this.s3 = new S3(storageOptions(settings));
  }

  async read(key: string): Promise<Buffer> {
    try {
      const { Body } = await this.s3.getObject({ Bucket: this.settings.bucket, Key: key }).promise();
      return Body as Buffer;
    } catch (error) {
      throw new Error(`object-storage: cannot read ${key}`, { cause: error });
    }
  }
}
