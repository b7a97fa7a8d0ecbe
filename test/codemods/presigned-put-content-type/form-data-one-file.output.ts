// The contract PDF went up as a multipart form; the URL was presigned for the file's own type.
import axios from 'axios';
import { apiClient } from './apiClient';

export async function uploadContract(dealId: string, file: File): Promise<string> {
  const { data } = await apiClient.get<{ signedUrl: string; key: string }>(`/deals/${dealId}/contract-upload`, {
    params: { fileName: file.name, fileType: file.type },
  });
  await axios.put(data.signedUrl, file, {
    onUploadProgress: (event) => console.log(event.loaded),
    headers: { 'Content-Type': file.type },
  });
  return data.key;
}
