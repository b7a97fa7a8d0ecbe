// The picked file's own type may be '' or differ by OS: send the signed one.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function uploadSpreadsheet(s3: S3Client, input: HTMLInputElement): Promise<void> {
  const url = await getSignedUrl(s3, new PutObjectCommand({
    Bucket: 'sheets',
    Key: 'q3.xlsx',
    ContentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }));
  const request = new XMLHttpRequest();
  request.open('PUT', url, true);
  request.send(input.files![0]);
}
