import * as links from './links.mjs';

export async function publishExport(key, csv) {
  const url = links.exportFileTarget(key);
  const response = await fetch(url, { method: 'PUT', body: Buffer.from(csv, 'utf8') });
  return response.ok;
}
