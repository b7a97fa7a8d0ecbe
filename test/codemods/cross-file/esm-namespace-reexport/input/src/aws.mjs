export { default as s3 } from './s3-client.mjs';
