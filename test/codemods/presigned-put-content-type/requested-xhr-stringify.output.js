// XHR: the URL comes from a fetch whose JSON body names the type.
async function requestUploadUrl(fileName, fileType) {
  const res = await fetch('/api/uploads', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ fileName, fileType }),
  });
  return res.json();
}

export async function uploadCsv(rows) {
  const csv = rows.join('\n');
  const { signedUrl } = await requestUploadUrl('export.csv', 'text/csv');
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', signedUrl);
  xhr.setRequestHeader('Content-Type', 'text/csv');
  xhr.send(csv);
}
