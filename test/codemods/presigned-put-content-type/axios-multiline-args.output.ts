// Arguments one per line keep that layout.
import axios from 'axios';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function pushFrame(s3: S3Client, frame: Buffer): Promise<void> {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'frames', Key: 'f.webp', ContentType: 'image/webp' }));
  await axios.put(
    url,
    frame,
    { headers: { 'Content-Type': 'image/webp' } },
  );
}
