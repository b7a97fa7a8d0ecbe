// server/uploads/sync-covers.mjs: nightly job copying covers from the publisher feed into our bucket.
import { readFile } from 'node:fs/promises';
import { coverUploadUrl } from './presign.mjs';

async function copyCover(book, localPath) {
  const { url, key } = await coverUploadUrl(book.id);
  const bytes = await readFile(localPath);
  const res = await fetch(url, { method: 'PUT', body: bytes }); // expect-across-files: presigned-put-content-type
  if (!res.ok) throw new Error(`cover ${book.id}: S3 answered ${res.status}`);
  return key;
}

export async function syncCovers(books, pathFor) {
  const copied = [];
  for (const book of books) {
    try {
      copied.push(await copyCover(book, pathFor(book)));
    } catch (error) {
      console.warn(error.message);
    }
  }
  return copied;
}
