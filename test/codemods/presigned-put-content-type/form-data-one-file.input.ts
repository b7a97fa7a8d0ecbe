// The contract PDF went up as a multipart form; the URL was presigned for the file's own type.
import axios from 'axios';
import { apiClient } from './apiClient';

export async function uploadContract(dealId: string, file: File): Promise<string> {
  const { data } = await apiClient.get<{ signedUrl: string; key: string }>(`/deals/${dealId}/contract-upload`, {
    params: { fileName: file.name, fileType: file.type },
  });
  const formData = new FormData();
  formData.append('file', file);
  await axios.put(data.signedUrl, formData, {
    onUploadProgress: (event) => console.log(event.loaded),
  });
  return data.key;
}
