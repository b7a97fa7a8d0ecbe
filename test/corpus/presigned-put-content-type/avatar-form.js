// Settings page (jQuery-free vanilla JS + axios from a CDN): the "change avatar" form.
// The backend returns { signedRequest, url } from s3.getSignedUrl('putObject', …).

const form = document.querySelector('#avatar-form');
const input = document.querySelector('#avatar-input');
const preview = document.querySelector('#avatar-preview');

async function getSignedRequest(file) {
  const { data } = await axios.get('/sign-s3', { params: { 'file-name': file.name, 'file-type': file.type } });
  return data;
}

async function uploadFile(file, signedRequest) {
  await axios.put(signedRequest, file, { // expect: presigned-put-content-type
    onUploadProgress: (event) => {
      preview.style.opacity = String(event.loaded / event.total);
    },
  });
}

async function uploadFileTyped(file, signedRequest) {
  await axios.put(signedRequest, file, { headers: { 'Content-Type': file.type } });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = input.files[0];
  if (!file) return;
  const response = await getSignedRequest(file);
  if (file.size > 1_000_000) await uploadFile(file, response.signedRequest);
  else await uploadFileTyped(file, response.signedRequest);
  preview.src = response.url;
});

async function cropAndUpload(canvas, response) {
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  await axios({ method: 'put', url: response.signedRequest, data: blob }); // expect: presigned-put-content-type
  await axios.put('/api/avatar/cropped', { key: response.key });
}

window.cropAndUpload = cropAndUpload;
