// Media worker: transcodes uploads and writes renditions back to S3 through presigned URLs it
// receives in queue messages; also talks to a partner's Google Cloud Storage bucket.
import got from 'got';
import ky from 'ky';
import superagent from 'superagent';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

interface RenditionJob {
  outputs: { presignedUrl: string; path: string; mime: string }[];
  posterPutUrl: string;
  captionsUploadUrl: string;
  metadataSignedUrl: string;
}

export async function writeRenditions(job: RenditionJob): Promise<void> {
  for (const output of job.outputs) {
    await got.put(output.presignedUrl, {
      body: createReadStream(output.path),
      headers: { 'content-type': output.mime },
    });
  }
}

export async function writePoster(job: RenditionJob, posterPath: string): Promise<void> {
  const poster = await readFile(posterPath);
  await got.put(job.posterPutUrl, { body: poster }); // expect: presigned-put-content-type
}

export async function writeCaptions(job: RenditionJob, vtt: string): Promise<void> {
  await ky.put(job.captionsUploadUrl, { body: vtt, timeout: 30_000 }); // expect: presigned-put-content-type
}

export async function writeMetadata(job: RenditionJob, metadata: Record<string, unknown>): Promise<void> {
  await superagent // expect: presigned-put-content-type
    .put(job.metadataSignedUrl)
    .send(metadata)
    .retry(2);
}

export async function writeMetadataTyped(job: RenditionJob, metadata: Record<string, unknown>): Promise<void> {
  await superagent.put(job.metadataSignedUrl).type('application/json').send(metadata);
}

export async function notifyDone(callbackUrl: string, jobId: string): Promise<void> {
  await got.put(callbackUrl, { json: { jobId, state: 'done' } });
}
