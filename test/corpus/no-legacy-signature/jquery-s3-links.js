/*!
 * jquery.s3links.js: turns `<a data-s3-key>` elements into time-limited S3 download links.
 * UMD so that the old require.js pages and the plain script tags both keep working.
 */
(function (factory) {
  if (typeof define === 'function' && define.amd) {
    define(['jquery', 'crypto-js'], factory);
  } else if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('jquery'), require('crypto-js'));
  } else {
    factory(window.jQuery, window.CryptoJS);
  }
})(function ($, CryptoJS) {
  'use strict';

  var defaults = {
    bucket: null,
    accessKeyId: null,
    secretAccessKey: null,
    ttl: 15 * 60,
  };

  function sign(settings, key, expires) {
    var text = 'GET\n\n\n' + expires + '\n/' + settings.bucket + '/' + key;
    return CryptoJS.HmacSHA1(text, settings.secretAccessKey).toString(CryptoJS.enc.Base64); // expect: no-legacy-signature
  }

  function link(settings, key) {
    var expires = Math.floor(Date.now() / 1000) + settings.ttl;
    var query = $.param({ // expect: no-legacy-signature
      AWSAccessKeyId: settings.accessKeyId,
      Expires: expires,
      Signature: sign(settings, key, expires),
    });
    return 'https://' + settings.bucket + '.s3.amazonaws.com/' + encodeURI(key) + '?' + query;
  }

  $.fn.s3links = function (options) {
    var settings = $.extend({}, defaults, options);
    if (!settings.bucket || !settings.accessKeyId) {
      throw new Error('s3links: bucket and accessKeyId are required');
    }
    return this.each(function () {
      var $el = $(this);
      $el.attr('href', link(settings, $el.data('s3-key')));
      $el.attr('rel', 'noopener');
    });
  };

  $.s3link = function (key, options) {
    return link($.extend({}, defaults, options), key);
  };

  return $;
});
