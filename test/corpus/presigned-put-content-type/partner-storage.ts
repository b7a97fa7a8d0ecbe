// Uploads to a partner's Google Cloud Storage bucket and to our Supabase storage: signed URLs that
// are not S3 presigns, with their own rules for headers.
import { Storage } from '@google-cloud/storage';
import { createClient } from '@supabase/supabase-js';
import axios from 'axios';

const storage = new Storage();
const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);

export async function pushToPartner(objectName: string, payload: Buffer): Promise<void> {
  const [signedUrl] = await storage
    .bucket('partner-inbox')
    .file(objectName)
    .getSignedUrl({ version: 'v4', action: 'write', expires: Date.now() + 15 * 60 * 1000 });
  await axios.put(signedUrl, payload);
}

export async function pushToSupabase(path: string, payload: Buffer): Promise<void> {
  const { data, error } = await supabase.storage.from('exports').createSignedUploadUrl(path);
  if (error) throw error;
  await fetch(data.signedUrl, { method: 'PUT', body: payload });
}

export async function pushWithToken(uploadUrl: string, payload: Buffer): Promise<void> {
  await axios.put(uploadUrl, payload);
}
