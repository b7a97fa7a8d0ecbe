// The type comes from an object literal passed to the presign request's function.
import axios from 'axios';
import { http } from './http';

export async function presignDocument(file) {
  const response = await http.post('/documents/presign', { fileName: file.name, contentType: file.type || 'application/pdf' });
  return response.data;
}

export async function uploadScan(pdfBytes) {
  const signed = await presignDocument({ name: 'scan.pdf', type: 'application/pdf' });
  await axios.put(signed.url, pdfBytes);
}
