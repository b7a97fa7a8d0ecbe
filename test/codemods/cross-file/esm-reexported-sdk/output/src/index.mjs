import AWS from './sdk.mjs';

export default AWS;
