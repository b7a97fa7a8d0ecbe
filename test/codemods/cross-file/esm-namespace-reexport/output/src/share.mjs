import * as aws from './aws.mjs';

export const share = (Key, { expires }) => aws.s3.getSignedUrl('getObject', { Bucket: 'shared', Key, Expires: Math.min(expires, 604800) });
