// test/legacy-detector.test.js: the relay must reject SigV3 and SigV2 requests with a helpful error.
'use strict';

const { expect } = require('chai');
const assert = require('node:assert/strict');
const { classify, rejectLegacy } = require('../lib/legacy-detector');

describe('legacy auth detection', () => {
  it('classifies a SigV3 header', () => {
    const header = classify({ 'x-amzn-authorization': 'fixture' });
    expect(header.scheme).to.equal('sigv3');
    expect(header.message).to.have.string('AWS3-HTTPS');
  });

  it('classifies a SigV2 query', () => {
    const result = classify({}, '/?Action=ListQueues&SignatureVersion=2&SignatureMethod=HmacSHA256');
    assert.equal(result.scheme, 'sigv2');
    assert.match(result.message, /SignatureVersion=2 is no longer accepted/);
  });

  it('accepts SigV4', () => {
    const result = classify({ authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ses/aws4_request' });
    assert.equal(result.scheme, 'sigv4');
  });

  it('answers 403 with the SES wording for legacy requests', () => {
    const res = { statusCode: 0, body: '', status(code) { this.statusCode = code; return this; }, send(body) { this.body = body; return this; } };
    rejectLegacy({ headers: { 'X-Amzn-Authorization': 'AWS3-HTTPS AWSAccessKeyId=AKIDEXAMPLE' } }, res);
    assert.equal(res.statusCode, 403);
    expect(res.body).to.include('Signature Version 3 requests are deprecated');
  });
});
