// packages/client/api/attachments.ts: asks the API for an upload URL, then sends the file to S3 with a bare axios instance.
import axios, { type AxiosInstance } from 'axios';

const api: AxiosInstance = axios.create({ baseURL: '/api', withCredentials: true });
// A separate instance so the API's auth interceptor never sends the session cookie to S3.
const storage = axios.create({ timeout: 60_000 });

interface PresignedResponse {
  url: string;
  key: string;
}

export async function uploadAttachment(file: File, ticketId: string): Promise<string> {
  const presigned = await api.get<PresignedResponse>(`/tickets/${ticketId}/presigned`, {
    params: { fileName: file.name, fileType: file.type },
  });
  const bytes = new Uint8Array(await file.arrayBuffer());
  await storage.put((presigned.data as PresignedResponse).url, bytes); // expect: presigned-put-content-type
  return presigned.data.key;
}

export async function uploadAll(files: FileList, ticketId: string): Promise<string[]> {
  const keys: string[] = [];
  for (const file of Array.from(files)) keys.push(await uploadAttachment(file, ticketId));
  return keys;
}
