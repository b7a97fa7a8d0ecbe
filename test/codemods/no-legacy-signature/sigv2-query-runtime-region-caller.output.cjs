// lib/search-admin.js: lists the CloudSearch domains of a region through the configuration API,
// with a SigV2-signed query; the caller builds the regional host.
const https = require('https');
const { regionFromHost, presignUrl } = require('sigv4-migrate/sigv4');

const API_VERSION = '2011-02-01';

function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function signedQuery(host, action, credentials) {
  const query = {
    Action: action,
    Version: API_VERSION,
  };
  const canonical = Object.keys(query)
    .sort()
    .map((name) => rfc3986(name) + '=' + rfc3986(query[name]))
    .join('&');
  return presignUrl({ method: 'GET', url: 'https://' + host + '/?' + canonical }, { service: 'cloudsearch', region: regionFromHost(host), credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, expiresIn: 900 }).url.replace(/^[^?]*\?/, '');
}

function describeDomains(region, credentials, callback) {
  const endpoint = 'cloudsearch.' + region + '.amazonaws.com';
  https.get({ host: endpoint, path: '/?' + signedQuery(endpoint, 'DescribeDomains', credentials) }, (res) => callback(null, res.statusCode)).on('error', callback);
}

module.exports = { describeDomains };
