// Presigned links with AWS SDK v3, plus the session and storage code that sits next to them.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { getSignedUrl as getGcsUrl } from './gcs-links.mjs';
import { Storage } from '@google-cloud/storage';
import jwt from 'jsonwebtoken';

const client = new S3Client({ region: process.env.AWS_REGION });
const storage = new Storage();

const DOWNLOAD_TTL_SECONDS = 60 * 60;
const INVOICE_TTL_SECONDS = 31 * 24 * 60 * 60;
const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export async function uploadUrl(key, contentType) {
  const command = new PutObjectCommand({ Bucket: process.env.BUCKET, Key: key, ContentType: contentType });
  return getSignedUrl(client, command, { expiresIn: 900 });
}

export async function downloadUrl(key) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }), {
    expiresIn: DOWNLOAD_TTL_SECONDS,
  });
}

export async function invoiceUrl(invoiceId) {
  const command = new GetObjectCommand({ Bucket: 'invoices', Key: `${invoiceId}.pdf` });
  // Customers keep invoice links in their mail for a month.
  return getSignedUrl(client, command, { expiresIn: INVOICE_TTL_SECONDS }); // expect: require-sigv4-presign
}

export async function mirrorUrl(name) {
  // Google Cloud Storage V4 signing; its expiry is a timestamp and not this rule's business.
  const [url] = await storage
    .bucket('mirror')
    .file(name)
    .getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 7 * 24 * 60 * 60 * 1000 });
  return url;
}

export function legacyMirrorUrl(name) {
  return getGcsUrl({ bucket: 'mirror', name, expiresIn: SESSION_TTL_SECONDS });
}

export function sessionToken(userId) {
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET, { expiresIn: SESSION_TTL_SECONDS });
}

export function sessionCookie(res, token) {
  res.cookie('session', token, { httpOnly: true, maxAge: SESSION_TTL_SECONDS * 1000 });
}
