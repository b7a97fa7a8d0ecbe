/* global $ */
// public/js/attachments.js: attachment uploads from the ticket page (jQuery, no bundler).
$(function () {
  'use strict';

  function presign(file) {
    return $.getJSON('/tickets/attachments/presign', { name: file.name, type: file.type || 'application/octet-stream' });
  }

  function put(ticket, file) {
    return $.ajax({
      url: ticket.signedUrl,
      type: 'PUT',
      data: file,
      processData: false,
      contentType: file.type || 'application/octet-stream',
    });
  }

  $('#attachment-input').on('change', function () {
    var file = this.files[0];
    if (!file) return;
    presign(file)
      .then(function (ticket) {
        return put(ticket, file).then(function () {
          return ticket;
        });
      })
      .done(function (ticket) {
        $('#attachments').append($('<li>').text(file.name).attr('data-key', ticket.key));
      })
      .fail(function () {
        window.alert('The attachment could not be uploaded.');
      });
  });
});
