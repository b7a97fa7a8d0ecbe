// public/js/export.js: exports the visible table as CSV straight to S3 through a URL signed by /sign-s3.
/* global $ */
(function () {
  'use strict';

  function tableToCsv(table) {
    return Array.from(table.rows)
      .map(function (row) {
        return Array.from(row.cells)
          .map(function (cell) { return '"' + cell.textContent.replace(/"/g, '""') + '"'; })
          .join(',');
      })
      .join('\r\n');
  }

  function uploadCsv(csv, signedRequest, done) {
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', signedRequest); // expect: presigned-put-content-type
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      done(xhr.status === 200 ? null : new Error('Could not upload export (' + xhr.status + ')'));
    };
    xhr.send(new Blob([csv]));
  }

  $(function () {
    $('#export-csv').on('click', function (event) {
      event.preventDefault();
      var name = 'export-' + Date.now() + '.csv';
      $.get('/sign-s3', { 'file-name': name, 'file-type': 'text/csv' }, function (data) {
        var info = JSON.parse(data);
        uploadCsv(tableToCsv(document.getElementById('report')), info.signedRequest, function (error) {
          if (error) alert(error.message);
          else $('#export-link').attr('href', info.url).show();
        });
      });
    });
  });
})();
