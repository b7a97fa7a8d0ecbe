/* global CryptoJS */
// public/js/s3-upload.js: the admin page uploads product images straight to S3 (no build step).
(function (window, document) {
  'use strict';

  var AUTH_PREFIX = 'AWS ';
  var config = window.UPLOAD_CONFIG || {};

  function amzDate() {
    return new Date().toUTCString();
  }

  function signString(text) {
    var hash = CryptoJS.HmacSHA1(text, config.secretKey); // expect: no-legacy-signature
    return CryptoJS.enc.Base64.stringify(hash);
  }

  function objectPath(file) {
    return '/' + config.bucket + '/products/' + Date.now() + '-' + file.name.replace(/\s+/g, '-');
  }

  function upload(file, onDone) {
    var resource = objectPath(file);
    var date = amzDate();
    var toSign = ['PUT', '', file.type, '', 'x-amz-acl:public-read', 'x-amz-date:' + date, resource].join('\n');
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', 'https://s3.amazonaws.com' + resource, true);
    xhr.setRequestHeader('Content-Type', file.type);
    xhr.setRequestHeader('x-amz-acl', 'public-read');
    xhr.setRequestHeader('x-amz-date', date);
    xhr.setRequestHeader('Authorization', AUTH_PREFIX + config.accessKey + ':' + signString(toSign)); // expect: no-legacy-signature
    xhr.onload = function () {
      if (xhr.status === 200) onDone(null, 'https://s3.amazonaws.com' + resource);
      else onDone(new Error('upload failed: ' + xhr.status));
    };
    xhr.onerror = function () {
      onDone(new Error('network error'));
    };
    xhr.send(file);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var input = document.getElementById('product-image');
    var preview = document.getElementById('product-image-preview');
    if (!input) return;
    input.addEventListener('change', function () {
      var file = input.files[0];
      if (!file) return;
      upload(file, function (err, url) {
        if (err) {
          window.alert(err.message);
          return;
        }
        preview.src = url;
        document.getElementById('product-image-url').value = url;
      });
    });
  });
})(window, document);
