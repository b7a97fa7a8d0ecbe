// Federation tokens for the desktop uploader, from STS's global endpoint.
'use strict';
const { presignUrl } = require('sigv4-migrate/sigv4');

const STS_HOST = 'sts.amazonaws.com';

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
  params.sort(function (a, b) {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  var query = params.map(function (p) { return escape(p.name) + '=' + escape(p.value); }).join('&');
  return presignUrl({ method: 'GET', url: 'https://' + STS_HOST + '/?' + query }, { service: 'sts', region: 'us-east-1', credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, expiresIn: 900 }).url;
}

module.exports = { federationTokenUrl: federationTokenUrl };
