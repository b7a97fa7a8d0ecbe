// src/services/documents.js (Vue app): scanned documents go to S3 through presigned PUT URLs.
import axios from 'axios';
import { http } from '@/plugins/http';

const uploader = axios.create({ timeout: 0 });

export async function presignDocument(documentType, file) {
  const response = await http.post('/documents/presign', {
    documentType,
    fileName: file.name,
    contentType: file.type || 'application/pdf',
  });
  return response.data;
}

export async function uploadScannedPages(documentType, pdfBytes, onProgress) {
  const signed = await presignDocument(documentType, { name: `${documentType}.pdf`, type: 'application/pdf' });
  await uploader.put(signed.url, pdfBytes, { // expect: presigned-put-content-type
    onUploadProgress: (event) => onProgress(Math.round((event.loaded * 100) / (event.total || pdfBytes.byteLength))),
  });
  await http.post(`/documents/${signed.id}/complete`);
  return signed.id;
}

export async function removeDocument(id) {
  await http.delete(`/documents/${id}`);
}
