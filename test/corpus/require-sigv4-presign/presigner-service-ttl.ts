// src/storage/presigner.service.ts: SDK v3 presigner behind a small injectable service.
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const THIRTY_DAYS = 60 * 60 * 24 * 30;

export class PresignerService {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly shareTtl = THIRTY_DAYS,
  ) {}

  async shareLink(key: string): Promise<string> {
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: key });
    return getSignedUrl(this.client, command, { expiresIn: this.shareTtl }); // expect: require-sigv4-presign
  }

  async uploadLink(key: string, contentType: string): Promise<string> {
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType });
    try {
      return await getSignedUrl(this.client, command, { expiresIn: 900 });
    } catch (error) {
      throw new Error(`upload link for ${key} failed`, { cause: error });
    }
  }
}
