// Unchanged: a form with two fields is not one object, and a form whose signed type is not visible.
import axios from 'axios';
import { api } from './api';

export async function uploadWithNote(file, note) {
  const { data } = await api.post('/presign', { fileType: file.type });
  const form = new FormData();
  form.append('file', file);
  form.append('note', note);
  await axios.put(data.signedUrl, form);
}

export async function uploadTo(signedUrl, file) {
  const form = new FormData();
  form.append('file', file);
  await axios.put(signedUrl, form);
}
