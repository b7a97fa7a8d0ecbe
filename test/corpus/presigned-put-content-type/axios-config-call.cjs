#!/usr/bin/env node
// scripts/upload-build.cjs: pushes the release tarball to S3 through a presigned URL from the release API.
const Axios = require('axios');
const fs = require('node:fs/promises');
const path = require('node:path');

const API = process.env.RELEASE_API || 'http://localhost:3000/api';

async function main(file) {
  const {
    data: { url },
  } = await Axios({
    method: 'POST',
    url: `${API}/file/get_presigned_url`,
    data: { name: path.basename(file) },
  });

  const data = await fs.readFile(file);
  const { status } = await Axios({ // expect: presigned-put-content-type
    method: 'PUT',
    url,
    data,
    maxBodyLength: Infinity,
  });
  console.log(`uploaded ${file}: ${status}`);
}

main(process.argv[2] || 'dist/release.tgz').catch((error) => {
  console.error(error.message);
  process.exit(1);
});
