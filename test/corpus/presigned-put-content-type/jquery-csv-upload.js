/* global $ */
// public/js/import.js: the "import contacts" page converts the spreadsheet to CSV in the browser and
// uploads it to S3 with a presigned URL from /api/imports (the server signs ContentType: 'text/csv').
$(function () {
  'use strict';

  var $form = $('#import-form');
  var $status = $('#import-status');

  function toCsv(rows) {
    return rows
      .map(function (row) {
        return row
          .map(function (cell) {
            var text = String(cell == null ? '' : cell);
            return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
          })
          .join(',');
      })
      .join('\r\n');
  }

  function requestUpload(name) {
    return $.ajax({ url: '/api/imports', type: 'POST', contentType: 'application/json', data: JSON.stringify({ name: name }) });
  }

  function upload(response, csv) {
    return $.ajax({ // expect: presigned-put-content-type
      url: response.uploadUrl,
      type: 'PUT',
      data: csv,
      processData: false,
    });
  }

  $form.on('submit', function (event) {
    event.preventDefault();
    var rows = $form.data('rows') || [];
    var name = ($form.find('[name=name]').val() || 'contacts') + '.csv';
    $status.text('Preparing upload…');
    requestUpload(name)
      .then(function (response) {
        $status.text('Uploading ' + rows.length + ' rows…');
        return upload(response, toCsv(rows)).then(function () {
          return $.post('/api/imports/' + response.id + '/start');
        });
      })
      .done(function () {
        $status.text('Import started. You will get an e-mail when it is done.');
      })
      .fail(function (xhr) {
        $status.text('Upload failed (' + xhr.status + ').');
      });
  });
});
