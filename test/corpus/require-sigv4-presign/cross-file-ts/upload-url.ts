// Presigned PUT URLs for the mobile app's uploads.
import storage, { bucket } from './storage-client';

export interface UploadTicket {
  key: string;
  url: string;
  headers: Record<string, string>;
}

const ALLOWED = new Map([
  ['image/jpeg', '.jpg'],
  ['image/png', '.png'],
  ['video/mp4', '.mp4'],
]);

export async function uploadTicket(userId: string, contentType: string): Promise<UploadTicket> {
  const extension = ALLOWED.get(contentType);
  if (!extension) throw new Error(`unsupported type ${contentType}`);
  const key = `mobile/${userId}/${Date.now()}${extension}`;
  const url = await storage.getSignedUrlPromise('putObject', {
    Bucket: bucket,
    Key: key,
    ContentType: contentType,
    Expires: 600,
  });
  return { key, url, headers: { 'Content-Type': contentType } };
}
