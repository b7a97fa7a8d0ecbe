// Media library service: stores originals in S3 and hands out long-lived share links.
import S3 from 'aws-sdk/clients/s3';
import type { Logger } from 'pino';

const ONE_DAY = 24 * 60 * 60;
/** Share links stay valid for two weeks. */
const SHARE_LINK_TTL = 14 * ONE_DAY;

const s3Options: S3.ClientConfiguration = {
  region: process.env.MEDIA_REGION ?? 'eu-west-1',
  maxRetries: 5,
};

export interface ShareLink {
  url: string;
  expiresAt: Date;
}

export class MediaLibrary {
  private readonly thumbnails = new S3({ region: 'eu-central-1' });
  private readonly client = new S3(s3Options); // expect: require-sigv4-presign

  constructor(
    private readonly bucket: string,
    private readonly logger: Logger,
  ) {
    this.logger.debug({ bucket }, 'media library ready');
  }

  async shareLink(key: string): Promise<ShareLink> {
    const url = await this.client.getSignedUrlPromise('getObject', {
      Bucket: this.bucket,
      Key: key,
      Expires: SHARE_LINK_TTL, // expect: require-sigv4-presign
    });
    return { url, expiresAt: new Date(Date.now() + SHARE_LINK_TTL * 1000) };
  }

  thumbnailUrl(key: string): string {
    // eu-central-1 only speaks SigV4, so the SDK presigns with it even without signatureVersion.
    return this.thumbnails.getSignedUrl('getObject', { Bucket: `${this.bucket}-thumbs`, Key: key, Expires: 900 });
  }
}
