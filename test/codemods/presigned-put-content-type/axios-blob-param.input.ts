// Browser: send the user's file to the URL the API presigned for it.
import axios from 'axios';

export async function sendAvatar(uploadUrl: string, avatar: File): Promise<void> {
  await axios.put(uploadUrl, avatar, { onUploadProgress: () => undefined });
}
