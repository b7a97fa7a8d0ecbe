// The avatar form: the URL reaches the upload function as a parameter, from its one caller.
async function getSignedRequest(file) {
  const { data } = await axios.get('/sign-s3', { params: { 'file-name': file.name, 'file-type': file.type } });
  return data;
}

async function uploadFile(file, signedRequest) {
  await axios.put(signedRequest, file, {
    onUploadProgress: (event) => console.log(event.loaded),
  });
}

export async function onSubmit(input) {
  const file = input.files[0];
  const response = await getSignedRequest(file);
  await uploadFile(file, response.signedRequest);
}
