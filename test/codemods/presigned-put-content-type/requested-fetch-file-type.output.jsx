// Uploads a clip to the URL the API presigned with the clip's own type.
import { api } from './api';

async function requestPresigned(file) {
  const { data } = await api.post('/clips/presign', { fileName: file.name, fileType: file.type });
  return data;
}

export async function uploadClip(file) {
  const presigned = await requestPresigned(file);
  const bytes = await file.arrayBuffer();
  const response = await fetch(presigned.signedUrl, { method: 'PUT', body: bytes, headers: { 'Content-Type': file.type } });
  return response.ok;
}
