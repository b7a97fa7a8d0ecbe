// pages/api/upload-url.ts (Next.js): presigned PUT URLs for the listing photos.
import type { NextApiRequest, NextApiResponse } from 'next';
import aws from 'aws-sdk';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../../lib/auth';

aws.config.update({
  accessKeyId: process.env.APP_AWS_ACCESS_KEY,
  secretAccessKey: process.env.APP_AWS_SECRET_KEY,
  region: 'us-east-1',
});

const s3 = new aws.S3(); // expect: require-sigv4-presign

type Data = { url: string; key: string } | { error: string };

export default async function handler(req: NextApiRequest, res: NextApiResponse<Data>) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return res.status(405).json({ error: 'Method not allowed' });
  }
  const session = await getServerSession(req, res, authOptions);
  if (!session?.user?.email) return res.status(401).json({ error: 'Sign in first' });

  const { file, fileType } = req.body as { file?: string; fileType?: string };
  if (!file || !fileType?.startsWith('image/')) return res.status(400).json({ error: 'An image is required' });

  const key = `listings/${encodeURIComponent(session.user.email)}/${Date.now()}-${file}`;
  try {
    const url = await s3.getSignedUrlPromise('putObject', {
      Bucket: process.env.LISTINGS_BUCKET,
      Key: key,
      ContentType: fileType,
      Expires: 60,
    });
    return res.status(200).json({ url, key });
  } catch (error) {
    console.error('presign failed', error);
    return res.status(500).json({ error: 'Could not create an upload URL' });
  }
}
