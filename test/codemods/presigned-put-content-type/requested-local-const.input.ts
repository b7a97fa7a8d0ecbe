// A desktop agent: the type it asks to sign is computed in the presign request's function.
import axios from 'axios';
import { readFile } from 'node:fs/promises';
import { lookup } from 'mime-types';

const api = axios.create({ baseURL: 'https://api.example.com' });

async function getUploadTarget(path: string): Promise<{ url: string }> {
  const contentType = lookup(path) || 'application/octet-stream';
  const { data } = await api.post<{ url: string }>('/uploads', { name: path, contentType });
  return data;
}

export async function pushFile(path: string): Promise<void> {
  const target = await getUploadTarget(path);
  await axios.put(target.url, await readFile(path), { maxBodyLength: Infinity });
}
