// storage.service.ts: NestJS provider for avatar and document uploads.
import { Injectable, InternalServerErrorException, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { S3 } from 'aws-sdk';
import { extname } from 'path';
import { v4 as uuid } from 'uuid';

export interface PresignedUpload {
  key: string;
  uploadUrl: string;
  expiresIn: number;
}

@Injectable()
export class StorageService {
  private readonly logger = new Logger(StorageService.name);
  private readonly s3: S3;
  private readonly bucket: string;
  private readonly uploadTtl = 15 * 60;

  constructor(private readonly config: ConfigService) {
    this.bucket = this.config.getOrThrow<string>('S3_BUCKET');
    this.s3 = new S3({ // expect: require-sigv4-presign
      region: this.config.get<string>('AWS_REGION'),
      accessKeyId: this.config.get<string>('AWS_ACCESS_KEY_ID'),
      secretAccessKey: this.config.get<string>('AWS_SECRET_ACCESS_KEY'),
    });
  }

  async createUpload(userId: string, fileName: string, mimeType: string): Promise<PresignedUpload> {
    const key = `users/${userId}/${uuid()}${extname(fileName).toLowerCase()}`;
    try {
      const uploadUrl = await this.s3.getSignedUrlPromise('putObject', {
        Bucket: this.bucket,
        Key: key,
        ContentType: mimeType,
        Expires: this.uploadTtl,
      });
      return { key, uploadUrl, expiresIn: this.uploadTtl };
    } catch (error) {
      this.logger.error(`presign failed for ${key}`, (error as Error).stack);
      throw new InternalServerErrorException('Could not prepare the upload');
    }
  }

  async downloadUrl(key: string): Promise<string> {
    return this.s3.getSignedUrlPromise('getObject', { Bucket: this.bucket, Key: key, Expires: 300 });
  }

  async remove(key: string): Promise<void> {
    await this.s3.deleteObject({ Bucket: this.bucket, Key: key }).promise();
  }
}
