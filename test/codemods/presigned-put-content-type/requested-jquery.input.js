/* global $ */
// jQuery: the POST's own `type` and `contentType` are its settings; the payload asks for text/csv.
function requestUpload(name) {
  return $.ajax({ url: '/api/imports', type: 'POST', contentType: 'application/json', data: JSON.stringify({ name: name, fileType: 'text/csv' }) });
}

export function upload(name, csv) {
  return requestUpload(name).then(function (response) {
    return $.ajax({
      url: response.uploadUrl,
      type: 'PUT',
      data: csv,
      processData: false,
    });
  });
}
