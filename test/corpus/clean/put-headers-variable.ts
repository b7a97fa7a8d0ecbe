// src/upload/put.ts: uploads to presigned URLs with the headers the server says were signed.
import axios, { type AxiosRequestConfig } from 'axios';

export interface UploadTicket {
  signedUrl: string;
  headers: Record<string, string>;
}

export async function putWithTicket(ticket: UploadTicket, body: Blob): Promise<void> {
  const res = await fetch(ticket.signedUrl, { method: 'PUT', headers: ticket.headers, body });
  if (!res.ok) throw new Error(`upload failed: ${res.status}`);
}

export async function putFile(signedUrl: string, file: File): Promise<void> {
  const headers = { 'Content-Type': file.type };
  const res = await fetch(signedUrl, { method: 'PUT', headers, body: file });
  if (!res.ok) throw new Error(`upload failed: ${res.status}`);
}

export async function putJson(presignedUrl: string, value: unknown): Promise<void> {
  const config: AxiosRequestConfig = { headers: { 'Content-Type': 'application/json' } };
  await axios.put(presignedUrl, JSON.stringify(value), config);
}
