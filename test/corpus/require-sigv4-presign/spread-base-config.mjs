// src/media/links.mjs: signed links for the media library; base client settings shared with the importer.
import AWS from 'aws-sdk';

const baseConfig = {
  apiVersion: '2006-03-01',
  maxRetries: 3,
  region: process.env.AWS_REGION,
};

export const mediaBucket = new AWS.S3({ ...baseConfig, params: { Bucket: process.env.MEDIA_BUCKET } }); // expect: require-sigv4-presign

const TWO_WEEKS = 60 * 60 * 24 * 14;

export async function shareLink(key, options = {}) {
  try {
    return await mediaBucket.getSignedUrlPromise('getObject', {
      Key: key,
      Expires: options.expires ?? TWO_WEEKS, // expect: require-sigv4-presign
    });
  } catch (error) {
    console.error('shareLink failed for %s', key, error);
    return null;
  }
}

export function uploadLink(key, contentType) {
  return mediaBucket.getSignedUrlPromise('putObject', { Key: key, ContentType: contentType, Expires: 300 });
}
