// S3 SigV2 signers rewritten by the no-legacy-signature codemod, run: the hand-signed PUT and link
// fail at a front that verifies signatures as S3 does, the rewritten ones get 200 from s3rver.
/* eslint-disable sigv4/no-legacy-signature -- the input quotes the legacy signing code this rule reports */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { rules } from '../../rules/index';
import { migrateSource } from '../../src/migrate';
import { startVerifyingS3 } from '../support/verifying-s3-front';
import type { VerifyingS3 } from '../support/verifying-s3-front';

const here = dirname(fileURLToPath(import.meta.url));
const HELPER = pathToFileURL(join(here, '..', '..', 'src', 'sigv4', 'index.ts')).href;
// AWS's documented example key pair: not a secret.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** A storage module as written before SigV4: a PUT with `Authorization: AWS key:signature` and an hour-long link. */
const STORAGE = `import { createHmac } from 'node:crypto';

const region = process.env.AWS_REGION ?? 'us-east-1';
const bucket = process.env.STORAGE_BUCKET ?? 'storage';
const endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? \`https://s3.\${region}.amazonaws.com\`;
const accessKeyId = process.env.AWS_ACCESS_KEY_ID ?? '';
const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY ?? '';

function sign(text) {
  return createHmac('sha1', secretAccessKey).update(text).digest('base64');
}

export async function putText(key, text) {
  const date = new Date().toUTCString();
  const signature = sign(\`PUT\\n\\ntext/plain\\n\${date}\\n/\${bucket}/\${key}\`);
  const body = String(text);
  const response = await fetch(\`\${endpoint}/\${bucket}/\${key}\`, {
    method: 'PUT',
    headers: { 'Content-Type': 'text/plain', Date: date, Authorization: \`AWS \${accessKeyId}:\${signature}\` },
    body,
  });
  return response.status;
}

export function downloadLink(key) {
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const signature = sign(\`GET\\n\\n\\n\${expires}\\n/\${bucket}/\${key}\`);
  return \`\${endpoint}/\${bucket}/\${key}?AWSAccessKeyId=\${accessKeyId}&Expires=\${expires}&Signature=\${encodeURIComponent(signature)}\`;
}
`;

interface Storage {
  putText(key: string, text: string): Promise<number>;
  downloadLink(key: string): string;
}

describe('S3 SigV2 signers, rewritten, against a front that verifies signatures as S3 does', () => {
  let s3: VerifyingS3;
  let directory: string;
  const saved = { ...process.env };

  async function load(name: string, text: string): Promise<Storage> {
    const file = join(directory, name);
    writeFileSync(file, text.replace("'sigv4-migrate/sigv4'", JSON.stringify(HELPER)));
    return (await import(pathToFileURL(file).href)) as Storage;
  }

  before(async () => {
    s3 = await startVerifyingS3({ credentials: [credentials], region: 'eu-west-1', bucket: 'storage' });
    directory = mkdtempSync(join(tmpdir(), 's3-sigv2-'));
    Object.assign(process.env, {
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
  });
  after(async () => {
    for (const name of ['AWS_REGION', 'AWS_ENDPOINT_URL_S3', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await s3.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('refuses the hand-signed SigV2 PUT and link', async () => {
    const legacy = await load('legacy.mjs', STORAGE);
    assert.equal(await legacy.putText('notes/a.txt', 'first'), 400);
    const link = await fetch(legacy.downloadLink('notes/a.txt'));
    assert.ok(link.status === 400 || link.status === 403, `status ${link.status}`);
  });

  it('accepts the PUT and the link once the codemod has rewritten the signer', async () => {
    const result = migrateSource({ filePath: join(directory, 'storage.mjs'), text: STORAGE, rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
    assert.deepEqual(result.findings.map((finding) => finding.status), result.findings.map(() => 'fixed'));
    assert.ok(result.findings.length >= 3, 'the HMAC, the header and the link are reported');
    assert.doesNotMatch(result.output, /createHmac|AWSAccessKeyId|Expires=/);
    assert.match(result.output, /expiresIn: 3600/);
    const migrated = await load('migrated.mjs', result.output);
    assert.equal(await migrated.putText('notes/b.txt', 'second'), 200);
    const link = await fetch(migrated.downloadLink('notes/b.txt'));
    assert.equal(link.status, 200);
    assert.equal(await link.text(), 'second');
  });
});

describe('S3 SigV2 signers left as manual work, with the value that could not be seen', () => {
  function manualTodos(text: string, extension = 'mjs'): string[] {
    const result = migrateSource({ filePath: join(here, 'no-legacy-signature', `case.${extension}`), text, rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
    assert.equal(result.output, text);
    assert.ok(result.findings.length >= 2);
    for (const finding of result.findings) assert.equal(finding.status, 'manual', finding.message);
    return result.findings.map((finding) => finding.why ?? '');
  }

  it("a host that does not name the bucket's region (s3.amazonaws.com)", () => {
    const text = STORAGE.replace('const endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? `https://s3.${region}.amazonaws.com`;', 'const endpoint = `https://${bucket}.s3.amazonaws.com`;');
    for (const todo of manualTodos(text)) assert.match(todo, /Not rewritten because '`\$\{endpoint\}\/\$\{bucket\}\/\$\{key\}[^']*' names no region, and SigV4 signs for the bucket's region/);
  });

  it('an Expires that is not visibly now plus a number of seconds', () => {
    const text = STORAGE.replace('const expires = Math.floor(Date.now() / 1000) + 3600;', 'const expires = Number(process.env.LINK_EXPIRES_AT);');
    for (const todo of manualTodos(text)) assert.match(todo, /the Expires value 'Number\(process\.env\.LINK_EXPIRES_AT\)' is not visibly the current time plus a number of seconds/);
  });

  it('a browser script signing with CryptoJS (the helper needs node:crypto; the secret would be in the page)', () => {
    const text = `/* global CryptoJS */
(function (window) {
  var config = window.UPLOAD_CONFIG || {};
  window.s3Link = function (key) {
    var expires = Math.floor(Date.now() / 1000) + 600;
    var signature = CryptoJS.HmacSHA1('GET\\n\\n\\n' + expires + '\\n/' + config.bucket + '/' + key, config.secretKey).toString(CryptoJS.enc.Base64);
    return \`https://\${config.bucket}.s3.eu-west-1.amazonaws.com/\${key}?AWSAccessKeyId=\${config.accessKey}&Expires=\${expires}&Signature=\${encodeURIComponent(signature)}\`;
  };
})(window);
`;
    for (const todo of manualTodos(text, 'js')) assert.match(todo, /signs with CryptoJS in a browser page, where the helper cannot run and the secret key is public/);
  });
});

describe('S3 SigV2 signer rewrites: what stays', () => {
  it('keeps a local function the rewritten URL still calls, and removes the HMAC, the expiry and the crypto import', () => {
    const text = `// Links.
import { createHmac } from 'node:crypto';

const region = 'eu-west-1';
const bucket = 'files';

function objectPath(key) {
  return key.split('/').map(encodeURIComponent).join('/');
}

export function link(key, accessKeyId, secretAccessKey) {
  const expires = Math.floor(Date.now() / 1000) + 60;
  const signature = createHmac('sha1', secretAccessKey).update(\`GET\\n\\n\\n\${expires}\\n/\${bucket}/\${key}\`).digest('base64');
  return \`https://\${bucket}.s3.\${region}.amazonaws.com/\${objectPath(key)}?AWSAccessKeyId=\${accessKeyId}&Expires=\${expires}&Signature=\${encodeURIComponent(signature)}\`;
}
`;
    const result = migrateSource({ filePath: join(here, 'no-legacy-signature', 'case.mjs'), text, rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
    assert.equal(result.remaining, 0);
    assert.match(result.output, /function objectPath\(key\)/);
    assert.match(result.output, /^export function link\(key, accessKeyId, secretAccessKey\) \{\n {2}return presignUrl\(\{ method: 'GET', url: `https:\/\/\$\{bucket\}\.s3\.\$\{region\}\.amazonaws\.com\/\$\{objectPath\(key\)\}` \}, \{ service: 's3', region, credentials: \{ accessKeyId, secretAccessKey \}, expiresIn: 60 \}\)\.url;\n\}$/m);
    assert.doesNotMatch(result.output, /createHmac|expires =|node:crypto/);
  });
});
