// Browser side of a photo-sharing app: asks the API for presigned S3 URLs and uploads to them.
type PresignResponse = { signedUrl: string; key: string };

const API_BASE = '/api/v1';

async function requestUploadUrl(fileName: string, fileType: string): Promise<PresignResponse> {
  const res = await fetch(`${API_BASE}/uploads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ fileName, fileType }),
  });
  if (!res.ok) throw new Error(`presign failed: ${res.status}`);
  return res.json();
}

/** The File goes up with its own type, which is what the server presigned with. */
export async function uploadPhoto(file: File): Promise<string> {
  const { signedUrl, key } = await requestUploadUrl(file.name, file.type);
  const put = await fetch(signedUrl, { method: 'PUT', body: file });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
  return key;
}

/** Same, with progress events. */
export function uploadPhotoWithProgress(file: File, uploadUrl: string, onProgress: (ratio: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded / event.total));
    xhr.addEventListener('load', () => (xhr.status < 300 ? resolve() : reject(new Error(xhr.responseText))));
    xhr.open('PUT', uploadUrl);
    xhr.setRequestHeader('Content-Type', file.type);
    xhr.send(file);
  });
}

/** Album metadata is uploaded as JSON text next to the photos. */
export async function saveAlbumManifest(album: { title: string; keys: string[] }): Promise<void> {
  const { signedUrl } = await requestUploadUrl('album.json', 'application/json');
  await fetch(signedUrl, { // expect: presigned-put-content-type
    method: 'PUT',
    body: JSON.stringify(album),
  });
}

/** CSV export of the album, built in memory. */
export function exportAlbumCsv(rows: string[][], data: { uploadUrl: string }): void {
  const csv = rows.map((row) => row.join(',')).join('\n');
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', data.uploadUrl); // expect: presigned-put-content-type
  xhr.send(csv);
}

/** Thumbnails are rendered client-side into Blobs, which carry their own type. */
export async function uploadThumbnail(canvas: HTMLCanvasElement, presignedUrl: string): Promise<void> {
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/webp'));
  await fetch(presignedUrl, { method: 'PUT', body: blob });
}

/** Downloading a private photo through a presigned GET. */
export async function downloadPhoto(signedUrl: string): Promise<Blob> {
  const res = await fetch(signedUrl);
  return res.blob();
}

/** Profile edits go to our own API, not to S3. */
export async function saveProfile(profile: { name: string }): Promise<void> {
  await fetch(`${API_BASE}/profile`, { method: 'PUT', body: JSON.stringify(profile) });
}
