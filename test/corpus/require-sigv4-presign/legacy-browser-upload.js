/* global $ */
// Browser upload widget from the pre-bundler days: aws-sdk v2 comes from a <script> tag as the AWS global.
(function () {
  'use strict';

  AWS.config.region = 'us-east-1';
  AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: window.APP_CONFIG.identityPoolId });

  var bucket = new AWS.S3({ params: { Bucket: window.APP_CONFIG.bucket } }); // expect: require-sigv4-presign

  function previewLink(key, done) {
    bucket.getSignedUrl('getObject', { Key: key, Expires: 60 * 60 * 24 * 30 }, done); // expect: require-sigv4-presign
  }

  $('#file').on('change', function () {
    var file = this.files[0];
    bucket.upload({ Key: 'uploads/' + file.name, Body: file, ContentType: file.type }, function (err, data) {
      if (err) return $('#status').text('Upload failed: ' + err.message);
      previewLink(data.Key, function (linkErr, url) {
        $('#preview').attr('href', url);
      });
    });
  });
})();
