// Reproduces the SigV4 examples of the Amazon S3 API reference byte for byte (header-based and presigned).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { presignUrl, signRequest } from '../../src/sigv4';
import type { SigningOptions } from '../../src/sigv4';

// The example credentials and time of "Signature Calculations for the Authorization Header: Transferring
// Payload in a Single Chunk" and "Authenticating Requests: Using Query Parameters" (S3 API reference).
const OPTIONS: SigningOptions = {
  service: 's3',
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  date: new Date('2013-05-24T00:00:00Z'),
};
const BUCKET = 'https://examplebucket.s3.amazonaws.com';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function stringToSign(canonicalRequestHash: string): string {
  return `AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n${canonicalRequestHash}`;
}

interface HeaderExample {
  name: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  canonicalRequest: string;
  // The published SHA-256 of the canonical request (last line of the published string to sign).
  canonicalRequestHash: string;
  signedHeaders: string;
  signature: string;
}

const HEADER_EXAMPLES: HeaderExample[] = [
  {
    name: 'GET Object with Range',
    method: 'GET',
    url: `${BUCKET}/test.txt`,
    headers: { Range: 'bytes=0-9' },
    canonicalRequest: `GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\nx-amz-content-sha256:${EMPTY}\nx-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n${EMPTY}`,
    canonicalRequestHash: '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    signedHeaders: 'host;range;x-amz-content-sha256;x-amz-date',
    signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  },
  {
    // The caller's Date header is signed as given (the AWS SDK's signer drops it and cannot reproduce this).
    name: 'PUT Object with Date and storage class',
    method: 'PUT',
    url: `${BUCKET}/test$file.text`,
    headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
    body: 'Welcome to Amazon S3.',
    canonicalRequest:
      'PUT\n/test%24file.text\n\ndate:Fri, 24 May 2013 00:00:00 GMT\nhost:examplebucket.s3.amazonaws.com\n' +
      'x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072\nx-amz-date:20130524T000000Z\n' +
      'x-amz-storage-class:REDUCED_REDUNDANCY\n\ndate;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n' +
      '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    canonicalRequestHash: '9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d',
    signedHeaders: 'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
    signature: '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
  },
  {
    name: 'GET Bucket Lifecycle (?lifecycle, a parameter without a value)',
    method: 'GET',
    url: `${BUCKET}/?lifecycle`,
    canonicalRequest: `GET\n/\nlifecycle=\nhost:examplebucket.s3.amazonaws.com\nx-amz-content-sha256:${EMPTY}\nx-amz-date:20130524T000000Z\n\nhost;x-amz-content-sha256;x-amz-date\n${EMPTY}`,
    canonicalRequestHash: '9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca',
    signedHeaders: 'host;x-amz-content-sha256;x-amz-date',
    signature: 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
  },
  {
    // Given out of order on purpose: the canonical query must sort it.
    name: 'GET Bucket (List Objects)',
    method: 'GET',
    url: `${BUCKET}/?prefix=J&max-keys=2`,
    canonicalRequest: `GET\n/\nmax-keys=2&prefix=J\nhost:examplebucket.s3.amazonaws.com\nx-amz-content-sha256:${EMPTY}\nx-amz-date:20130524T000000Z\n\nhost;x-amz-content-sha256;x-amz-date\n${EMPTY}`,
    canonicalRequestHash: 'df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7',
    signedHeaders: 'host;x-amz-content-sha256;x-amz-date',
    signature: '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
  },
];

describe('S3 API reference: Authorization header examples', () => {
  for (const example of HEADER_EXAMPLES) {
    it(example.name, () => {
      assert.equal(sha256(example.canonicalRequest), example.canonicalRequestHash, 'the expected canonical request is the published one');
      const signed = signRequest({ method: example.method, url: example.url, headers: example.headers, body: example.body }, OPTIONS);
      assert.equal(signed.canonicalRequest, example.canonicalRequest);
      assert.equal(signed.stringToSign, stringToSign(example.canonicalRequestHash));
      assert.equal(signed.signature, example.signature);
      assert.equal(
        signed.headers.authorization,
        `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=${example.signedHeaders}, Signature=${example.signature}`,
      );
      assert.equal(signed.headers['x-amz-date'], '20130524T000000Z');
      assert.equal(signed.headers['x-amz-content-sha256'], example.canonicalRequest.split('\n').at(-1));
    });
  }
});

describe('S3 API reference: presigned URL example', () => {
  it('GET test.txt for 86400 seconds', () => {
    const canonicalRequest =
      'GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD';
    const canonicalRequestHash = '3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04';
    const signature = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
    assert.equal(sha256(canonicalRequest), canonicalRequestHash, 'the expected canonical request is the published one');

    const presigned = presignUrl({ method: 'GET', url: `${BUCKET}/test.txt` }, { ...OPTIONS, expiresIn: 86400 });
    assert.equal(presigned.canonicalRequest, canonicalRequest);
    assert.equal(presigned.stringToSign, stringToSign(canonicalRequestHash));
    assert.equal(presigned.signature, signature);
    assert.equal(
      presigned.url,
      `${BUCKET}/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request` +
        `&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400&X-Amz-Signature=${signature}`,
    );
  });
});
