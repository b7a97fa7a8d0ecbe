// Desktop sync agent: pushes local files to the workspace bucket through presigned URLs from the API.
import axios from 'axios';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { lookup } from 'mime-types';

const api = axios.create({ baseURL: process.env.SYNC_API ?? 'https://api.example.com/v2', timeout: 15_000 });

interface Target {
  url: string;
  key: string;
}

async function getUploadTarget(path: string, token: string): Promise<Target> {
  const contentType = lookup(path) || 'application/octet-stream';
  const { data } = await api.post<Target>(
    '/sync/uploads',
    { name: basename(path), contentType },
    { headers: { Authorization: `Bearer ${token}` } },
  );
  return data;
}

export async function pushFile(path: string, token: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file`);
  const target = await getUploadTarget(path, token);
  const body = await readFile(path);
  await axios.put(target.url, body, { maxBodyLength: Infinity }); // expect: presigned-put-content-type
  return target.key;
}

export async function pushAll(paths: string[], token: string, onError: (path: string, error: Error) => void): Promise<string[]> {
  const keys: string[] = [];
  for (const path of paths) {
    try {
      keys.push(await pushFile(path, token));
    } catch (error) {
      onError(path, error as Error);
    }
  }
  return keys;
}
