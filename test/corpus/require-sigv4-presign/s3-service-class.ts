// src/s3/S3Service.ts: wraps the S3 calls of the listings API (aws-sdk v2, compiled to CommonJS).
import AWS = require('aws-sdk');

export type SignedOperation = 'getObject' | 'putObject';

export class S3Service {
  protected s3: AWS.S3;
  private readonly bucket: string;

  constructor(bucket = process.env.LISTINGS_BUCKET ?? 'listings-media') {
    this.bucket = bucket;
    this.s3 = new AWS.S3({ // expect: require-sigv4-presign
      region: process.env.S3_HOSTED_REGION,
      accessKeyId: process.env.ACCESS_KEY_ID,
      secretAccessKey: process.env.SECRET_ACCESS_KEY,
    });
  }

  getSignedUrl(operation: SignedOperation, key: string, expiry: number, contentType?: string): string {
    const params: Record<string, unknown> = { Bucket: this.bucket, Key: key, Expires: expiry };
    if (operation === 'putObject' && contentType) params.ContentType = contentType;
    return this.s3.getSignedUrl(operation, params);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.headObject({ Bucket: this.bucket, Key: key }).promise();
      return true;
    } catch (error) {
      if ((error as AWS.AWSError).code === 'NotFound') return false;
      throw error;
    }
  }

  async remove(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.s3
      .deleteObjects({ Bucket: this.bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } })
      .promise();
  }
}

export const listingImages = new S3Service();

export function photoUploadUrl(listingId: string, fileName: string, contentType: string): string {
  return listingImages.getSignedUrl('putObject', `listings/${listingId}/${fileName}`, 300, contentType);
}

export function photoUrl(key: string): string {
  return listingImages.getSignedUrl('getObject', key, 60 * 60);
}
