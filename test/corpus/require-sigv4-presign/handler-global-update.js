// pages/api/upload-url.js: Next.js API route handing out upload URLs (aws-sdk v2).
import aws from 'aws-sdk';

const s3 = new aws.S3({ // expect: require-sigv4-presign
  accessKeyId: process.env.UPLOAD_ACCESS_KEY,
  secretAccessKey: process.env.UPLOAD_SECRET_KEY,
  region: 'us-east-1',
});

export default async function handler(req, res) {
  if (req.method !== 'GET') return res.status(405).end();
  // Too late for `s3`: the client copied the global config when the module loaded.
  aws.config.update({ signatureVersion: 'v4' });
  try {
    const url = await s3.getSignedUrlPromise('putObject', {
      Bucket: process.env.UPLOAD_BUCKET,
      Key: `uploads/${Date.now()}-${req.query.file}`,
      ContentType: req.query.type,
      Expires: 60,
    });
    return res.status(200).json({ url });
  } catch (error) {
    console.error('upload-url failed', error);
    return res.status(500).json({ error: 'could not create an upload URL' });
  }
}
