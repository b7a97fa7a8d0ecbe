/* global AWS, $ */
// public/js/gallery.js: the photo gallery page loads the aws-sdk v2 browser bundle from a script tag
// and signs with Cognito identity credentials.
(function () {
  'use strict';

  var albumBucketName = 'family-photo-album';
  var bucketRegion = 'us-east-1';
  var identityPoolId = 'us-east-1:00000000-0000-0000-0000-000000000000';

  AWS.config.update({
    region: bucketRegion,
    credentials: new AWS.CognitoIdentityCredentials({ IdentityPoolId: identityPoolId }),
  });

  var s3 = new AWS.S3({ // expect: require-sigv4-presign
    apiVersion: '2006-03-01',
    params: { Bucket: albumBucketName },
  });

  function photoUrl(key) {
    return s3.getSignedUrl('getObject', { Key: key, Expires: 60 * 60 });
  }

  function listAlbum(albumName) {
    var prefix = encodeURIComponent(albumName) + '/';
    s3.listObjects({ Prefix: prefix }, function (err, data) {
      if (err) {
        $('#app').text('There was an error viewing your album: ' + err.message);
        return;
      }
      var items = data.Contents.map(function (photo) {
        return $('<figure>').append($('<img>').attr({ src: photoUrl(photo.Key), alt: photo.Key.slice(prefix.length) }));
      });
      $('#app').empty().append($('<h2>').text(albumName), items);
    });
  }

  $(function () {
    $('[data-album]').on('click', function (event) {
      event.preventDefault();
      listAlbum($(this).data('album'));
    });
  });
})();
