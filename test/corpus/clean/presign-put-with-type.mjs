// src/upload.mjs (browser): uploads with the same Content-Type the server presigned.
import axios from 'axios';

async function requestTicket(file) {
  const res = await fetch('/api/uploads', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: file.name, type: file.type }),
  });
  if (!res.ok) throw new Error(`presign failed: ${res.status}`);
  return res.json();
}

export async function uploadWithFetch(file) {
  const { signedUrl, key } = await requestTicket(file);
  const put = await fetch(signedUrl, { method: 'PUT', headers: { 'Content-Type': file.type }, body: file });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
  return key;
}

export async function uploadWithAxios(file, onProgress) {
  const { signedUrl, key } = await requestTicket(file);
  await axios.put(signedUrl, file, {
    headers: { 'Content-Type': file.type },
    onUploadProgress: (event) => onProgress(event.loaded / (event.total || file.size)),
  });
  return key;
}
