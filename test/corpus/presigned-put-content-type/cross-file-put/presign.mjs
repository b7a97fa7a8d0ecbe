// server/uploads/presign.mjs: presigned PUT URLs for cover images (WebP only, converted client-side).
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' }); // expect: require-sigv4-presign
const BUCKET = process.env.COVERS_BUCKET ?? 'book-covers';

export async function coverUploadUrl(bookId) {
  const key = `covers/${bookId}.webp`;
  const url = await s3.getSignedUrlPromise('putObject', {
    Bucket: BUCKET,
    Key: key,
    ContentType: 'image/webp',
    Expires: 300,
  });
  return { key, url };
}
