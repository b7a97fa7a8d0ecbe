/* global CryptoJS */
// src/signer.js: browser multipart uploader; signs each part request with SigV4 (signature key from the server).
var bs3 = window.bs3 || (window.bs3 = {});

bs3.Signer = function (config) {
  this.config = config;
  this.config.date = config.date || new Date();
  this.algorithm = 'AWS4-HMAC-SHA256';
};

bs3.Signer.prototype.canonicalRequest = function () {
  var request = '';
  var payloadHash = CryptoJS.SHA256(this.config.payload || '').toString();
  this.config.headers['x-amz-content-sha256'] = payloadHash;
  this.config.headers['x-amz-date'] = this.amzDate();
  request += this.config.method + '\n';
  request += this.canonicalUri() + '\n';
  request += this.canonicalQueryString() + '\n';
  request += this.canonicalHeaders() + '\n';
  request += this.signedHeaders() + '\n';
  request += payloadHash;
  return request;
};

bs3.Signer.prototype.canonicalUri = function () {
  return new URL(this.config.url).pathname;
};

bs3.Signer.prototype.canonicalQueryString = function () {
  var search = new URL(this.config.url).search.replace('?', ''); // expect: sorted-canonical-query
  var pairs = search ? search.split('&') : [];
  var values = {};
  for (var i = 0; i < pairs.length; i++) {
    var parts = pairs[i].split('=');
    values[parts[0]] = parts[1] || '';
  }
  var names = Object.keys(values).sort();
  var query = '';
  for (var n = 0; n < names.length; n++) {
    query += names[n] + '=' + values[names[n]] + '&';
  }
  return query.slice(0, -1);
};

bs3.Signer.prototype.canonicalHeaders = function () {
  var headers = this.config.headers;
  var names = Object.keys(headers).sort();
  var out = '';
  for (var i = 0; i < names.length; i++) {
    out += names[i].toLowerCase() + ':' + String(headers[names[i]]).trim() + '\n';
  }
  return out;
};

bs3.Signer.prototype.signedHeaders = function () {
  return Object.keys(this.config.headers)
    .map(function (name) { return name.toLowerCase(); })
    .sort()
    .join(';');
};

bs3.Signer.prototype.amzDate = function () {
  return this.config.date.toISOString().replace(/[:-]|\.\d{3}/g, '');
};

bs3.Signer.prototype.scope = function () {
  return this.amzDate().slice(0, 8) + '/' + this.config.region + '/s3/aws4_request';
};
