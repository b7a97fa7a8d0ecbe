/* global CryptoJS */
// static/js/signed-fetch.js: signs API Gateway calls in the browser with temporary Cognito credentials.
// Loaded with a plain <script> tag after crypto-js; exposes window.signedFetch.
(function (global) {
  'use strict';

  function parse(url) {
    var a = document.createElement('a');
    a.href = url;
    return a;
  }

  function hex(wordArray) {
    return wordArray.toString(CryptoJS.enc.Hex);
  }

  function signingKey(secret, date, region, service) {
    var k = CryptoJS.HmacSHA256(date, 'AWS4' + secret);
    k = CryptoJS.HmacSHA256(region, k);
    k = CryptoJS.HmacSHA256(service, k);
    return CryptoJS.HmacSHA256('aws4_request', k);
  }

  function signedFetch(url, options, creds) {
    var link = parse(url);
    var method = (options.method || 'GET').toUpperCase();
    var body = options.body || '';
    var amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
    var date = amzDate.substr(0, 8);
    var query = link.search.substring(1); // expect: sorted-canonical-query
    var canonicalHeaders = 'host:' + link.host + '\n' + 'x-amz-date:' + amzDate + '\n' + 'x-amz-security-token:' + creds.sessionToken + '\n';
    var signedHeaders = 'host;x-amz-date;x-amz-security-token';
    var canonicalRequest = [method, link.pathname, query, canonicalHeaders, signedHeaders, hex(CryptoJS.SHA256(body))].join('\n');
    var scope = date + '/' + creds.region + '/execute-api/aws4_request';
    var stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, hex(CryptoJS.SHA256(canonicalRequest))].join('\n');
    var signature = hex(CryptoJS.HmacSHA256(stringToSign, signingKey(creds.secretAccessKey, date, creds.region, 'execute-api')));
    var headers = Object.assign({}, options.headers, {
      'x-amz-date': amzDate,
      'x-amz-security-token': creds.sessionToken,
      Authorization: 'AWS4-HMAC-SHA256 Credential=' + creds.accessKeyId + '/' + scope + ', SignedHeaders=' + signedHeaders + ', Signature=' + signature,
    });
    return global.fetch(url, Object.assign({}, options, { method: method, headers: headers }));
  }

  global.signedFetch = signedFetch;
})(window);
