import { readFile } from 'node:fs/promises';
import { avatarUploadUrl } from './presign.mjs';

export async function uploadAvatar(userId, path) {
  const uploadUrl = avatarUploadUrl(userId);
  const response = await fetch(uploadUrl, { method: 'PUT', body: await readFile(path) });
  if (!response.ok) throw new Error(`avatar upload failed: ${response.status}`);
}
