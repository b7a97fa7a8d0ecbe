// Unchanged: the upload function is exported, so other modules may pass it URLs presigned for other types.
import axios from 'axios';

async function getSignedRequest(file) {
  const { data } = await axios.get('/sign-s3', { params: { 'file-type': file.type } });
  return data;
}

export async function uploadFile(file, signedRequest) {
  await axios.put(signedRequest, file, { timeout: 0 });
}

export async function onPick(file) {
  const response = await getSignedRequest(file);
  await uploadFile(file, response.signedRequest);
}
