// The URL comes from the API, which decides the signed type: nothing is guessed, the file stays as it is.
import axios from 'axios';

export async function uploadBackup(signedUrl, archiveBuffer) {
  await axios.put(signedUrl, archiveBuffer);
}
