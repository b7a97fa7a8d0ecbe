// handlers/presign.js: API Gateway -> Lambda, returns a download URL for a recorded call.
const { S3 } = require('aws-sdk');

const {
  AWS_REGION: region,
  RECORDINGS_BUCKET: Bucket = 'call-recordings',
  LINK_EXPIRES,
} = process.env;

const s3 = new S3({ region }); // expect: require-sigv4-presign

// Recordings are reviewed by compliance up to a month after the call.
const DEFAULT_EXPIRES = 60 * 60 * 24 * 30;

const json = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
  body: JSON.stringify(body),
});

function presign(key) {
  const params = { Bucket };
  params.Key = key;
  params.Expires = LINK_EXPIRES ? Number(LINK_EXPIRES) : DEFAULT_EXPIRES; // expect: require-sigv4-presign
  return new Promise((resolve, reject) => {
    s3.getSignedUrl('getObject', params, (err, url) => (err ? reject(err) : resolve(url)));
  });
}

exports.handler = async (event) => {
  const callId = event.pathParameters && event.pathParameters.callId;
  if (!callId || !/^[\w-]{8,64}$/.test(callId)) return json(400, { message: 'invalid call id' });
  try {
    const url = await presign(`recordings/${callId}.wav`);
    return json(200, { url });
  } catch (err) {
    console.error('presign failed', { callId, code: err.code });
    return json(500, { message: 'could not create a link' });
  }
};
