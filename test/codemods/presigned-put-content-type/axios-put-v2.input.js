// Pushes a thumbnail to S3 with axios.
import AWS from 'aws-sdk';
import axios from 'axios';

const s3 = new AWS.S3({ signatureVersion: 'v4' });

export async function pushThumbnail(key, png) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'thumbs', Key: key, ContentType: 'image/png' });
  await axios.put(url, png);
}
