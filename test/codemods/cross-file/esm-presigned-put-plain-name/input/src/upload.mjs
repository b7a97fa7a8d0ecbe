import { readFile } from 'node:fs/promises';
import { avatarUploadUrl } from './presign.mjs';

export async function uploadAvatar(userId, path) {
  const url = avatarUploadUrl(userId);
  const response = await fetch(url, { method: 'PUT', body: await readFile(path) });
  if (!response.ok) throw new Error(`avatar upload failed: ${response.status}`);
}

export async function replaceAvatar(userId, bytes) {
  const target = await avatarUploadUrl(userId);
  await fetch(target, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'image/png' } });
}
