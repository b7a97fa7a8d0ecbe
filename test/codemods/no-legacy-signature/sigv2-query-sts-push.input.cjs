// Federation tokens for the desktop uploader, from STS's global endpoint.
'use strict';

var crypto = require('crypto');

const STS_HOST = 'sts.amazonaws.com';
var SIGNATURE_VERSION = '2';

function escape(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, function (c) {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase();
  });
}

function federationTokenUrl(credentials, name, policy) {
  var params = [];
  params.push({ name: 'Action', value: 'GetFederationToken' });
  params.push({ name: 'Name', value: name });
  params.push({ name: 'Policy', value: JSON.stringify(policy) });
  params.push({ name: 'Version', value: '2011-06-15' });
  params.push({ name: 'AWSAccessKeyId', value: credentials.accessKeyId });
  params.push({ name: 'SignatureMethod', value: 'HmacSHA1' });
  params.push({ name: 'SignatureVersion', value: SIGNATURE_VERSION });
  params.push({ name: 'Timestamp', value: new Date().toISOString() });
  params.sort(function (a, b) {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  var query = params.map(function (p) { return escape(p.name) + '=' + escape(p.value); }).join('&');
  var signature = crypto.createHmac('sha1', credentials.secretAccessKey).update('GET\n' + STS_HOST + '\n/\n' + query).digest('base64');
  return 'https://' + STS_HOST + '/?' + query + '&Signature=' + escape(signature);
}

module.exports = { federationTokenUrl: federationTokenUrl };
