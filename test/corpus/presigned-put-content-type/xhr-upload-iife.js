// static/js/signature-pad.js: the delivery driver's signature is drawn on a canvas, exported as SVG
// text and uploaded to S3 with a URL from the backend (signed with ContentType 'image/svg+xml').
(function ($, window) {
  'use strict';

  function getSignedUrl(orderId, done) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/orders/' + encodeURIComponent(orderId) + '/signature-url');
    xhr.onload = function () {
      if (xhr.status !== 200) return done(new Error('could not get upload URL'));
      done(null, JSON.parse(xhr.responseText));
    };
    xhr.onerror = function () { done(new Error('network error')); };
    xhr.send();
  }

  function uploadSvg(target, svgText, done) {
    var blob = new Blob([svgText]);
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', target.url); // expect: presigned-put-content-type
    xhr.onload = function () { done(xhr.status === 200 ? null : new Error('upload failed: ' + xhr.status)); };
    xhr.onerror = function () { done(new Error('network error')); };
    xhr.send(blob);
  }

  function toSvg(points) {
    var d = points.map(function (p, i) { return (i === 0 ? 'M' : 'L') + p.x + ' ' + p.y; }).join(' ');
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><path d="' + d + '" fill="none" stroke="#000"/></svg>';
  }

  $(window.document).on('click', '#save-signature', function () {
    var $button = $(this).prop('disabled', true);
    var orderId = $button.data('order');
    var points = $('#signature-pad').data('points') || [];
    getSignedUrl(orderId, function (err, target) {
      if (err) { $button.prop('disabled', false); return window.alert(err.message); }
      uploadSvg(target, toSvg(points), function (uploadErr) {
        $button.prop('disabled', false);
        if (uploadErr) return window.alert(uploadErr.message);
        $('#signature-status').text('Saved');
      });
    });
  });
})(window.jQuery, window);
