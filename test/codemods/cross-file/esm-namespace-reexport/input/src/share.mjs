import * as aws from './aws.mjs';

export const share = (Key, { expires }) => aws.s3.getSignedUrl('getObject', { Bucket: 'shared', Key, Expires: expires });
