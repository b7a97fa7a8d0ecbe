// What the no-legacy-signature codemod leaves as manual work, and the to-do it reports for each;
// plus the demo's SES mailer, whose two findings (header name and AWS3 string) make one rewrite.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { IncomingMessage, RequestOptions } from 'node:http';
import https from 'node:https';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, ts } from 'ts-morph';
import { rules } from '../../rules/index';
import { migrateSource } from '../../src/migrate';
import type { MigrateSourceResult } from '../../src/migrate';
import { startVerifyingSes } from '../support/verifying-ses-endpoint';

const here = dirname(fileURLToPath(import.meta.url));

function migrate(text: string, extension = 'ts'): MigrateSourceResult {
  const result = migrateSource({
    filePath: join(here, 'no-legacy-signature', `case.${extension}`),
    text,
    rules: { 'no-legacy-signature': rules['no-legacy-signature'] },
  });
  assert.equal(result.error, undefined);
  return result;
}

/** Asserts every finding is manual, its message and why together matching `todo`, and the text is left as it was. */
function assertManual(text: string, todo: RegExp, extension = 'ts'): void {
  const result = migrate(text, extension);
  assert.ok(result.findings.length > 0, 'the rule reports the case');
  for (const finding of result.findings) {
    assert.equal(finding.status, 'manual', finding.message);
    assert.match(`${finding.message} ${finding.why ?? ''}`, todo);
  }
  assert.equal(result.output, text);
  assert.equal(result.remaining, result.findings.length);
}

/** A SigV3 SES call through fetch; `replace` swaps parts of it to make each case. */
const SES_FETCH = `import { createHmac } from 'node:crypto';

const region = 'us-east-1';

export async function send(accessKeyId: string, secretAccessKey: string, params: Record<string, string>) {
  const date = new Date().toUTCString();
  const signature = createHmac('sha256', secretAccessKey).update(date).digest('base64');
  const body = new URLSearchParams(params).toString();
  return fetch(\`https://email.\${region}.amazonaws.com/\`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Date: date,
      'X-Amzn-Authorization': \`AWS3-HTTPS AWSAccessKeyId=\${accessKeyId},Algorithm=HmacSHA256,Signature=\${signature}\`,
    },
    body,
  });
}
`;

function sesFetch(...replacements: [string, string][]): string {
  return replacements.reduce((text, [from, to]) => {
    assert.ok(text.includes(from), `the template contains ${from}`);
    return text.replace(from, to);
  }, SES_FETCH);
}

describe('no-legacy-signature codemod: SigV3 rewrites', () => {
  it('rewrites the demo mailer: both findings fixed by the same edits, nothing left', () => {
    const mailer = readFileSync(join(here, '..', '..', 'examples', 'legacy-app', 'src', 'mailer.ts'), 'utf8');
    const result = migrate(mailer);
    assert.deepEqual(result.findings.map((finding) => finding.status), ['fixed', 'fixed']);
    assert.equal(result.remaining, 0);
    assert.match(result.output, /import \{ signRequest \} from 'sigv4-migrate\/sigv4';/);
    assert.match(result.output, /\{ service: 'ses', region, credentials: \{ accessKeyId, secretAccessKey \} \}/);
    assert.match(result.output, /fetch\(signed\.url, \{\n {4}method: 'POST',\n {4}headers: signed\.headers,/);
    assert.doesNotMatch(result.output, /createHmac|X-Amzn-Authorization|AWS3|Date: date/);
  });

  it('asserts process.env values as defined in TypeScript, as the AWS3 template assumed', () => {
    const result = migrate(sesFetch(["const region = 'us-east-1';", 'const zone = process.env.ZONE;'], ['email.${region}', 'email.${zone}']));
    assert.equal(result.remaining, 0);
    assert.match(result.output, /\{ service: 'ses', region: zone!, credentials: \{ accessKeyId, secretAccessKey \} \}/);
  });

  it('rewrites the template case and removes the HMAC, the date and the crypto import', () => {
    const result = migrate(SES_FETCH);
    assert.equal(result.remaining, 0);
    assert.doesNotMatch(result.output, /node:crypto|const date|const signature/);
  });

  it('evaluates a body computed in the call once, in a const that signing and sending share', () => {
    const result = migrate(sesFetch(['    body,\n  });', '    body: body.trim(),\n  });']));
    assert.equal(result.remaining, 0);
    assert.match(result.output, /const requestBody = body\.trim\(\);\n {2}const signed = signRequest\(\{[^]*body: requestBody,\n {2}\}, /);
    assert.match(result.output, /headers: signed\.headers,\n {4}body: requestBody,\n {2}\}\);/);
  });

  it('sends mail that an endpoint verifying SigV4 accepts (the CommonJS fixture, run)', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    const ses = await startVerifyingSes({ credentials: [credentials], region: 'eu-west-3' });
    const directory = mkdtempSync(join(tmpdir(), 'no-legacy-signature-'));
    const previousEndpoint = process.env.AWS_ENDPOINT_URL_SES;
    try {
      const migrated = readFileSync(join(here, 'no-legacy-signature', 'ses-sigv3-fetch-require.output.cjs'), 'utf8');
      const helper = join(here, '..', '..', 'src', 'sigv4', 'index.ts');
      const file = join(directory, 'mailer.cjs');
      writeFileSync(file, migrated.replace('require("sigv4-migrate/sigv4")', `require(${JSON.stringify(helper)})`));
      process.env.AWS_ENDPOINT_URL_SES = `${ses.endpoint}/`;
      const { sendRawEmail } = createRequire(import.meta.url)(file) as { sendRawEmail: (...args: unknown[]) => Promise<boolean> };
      const params = { Action: 'SendEmail', Source: 'a@example.com', 'Destination.ToAddresses.member.1': 'b@example.com', 'Message.Subject.Data': 'Hi', 'Message.Body.Text.Data': 'Hello' };
      assert.equal(await sendRawEmail(params, 'eu-west-3', credentials), true);
      assert.deepEqual(ses.sent.map((mail) => mail.destinations), [['b@example.com']]);
    } finally {
      if (previousEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_SES;
      else process.env.AWS_ENDPOINT_URL_SES = previousEndpoint;
      await ses.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('sends mail through node:https that an endpoint verifying SigV4 accepts, where the SigV3 input was refused (the https fixture, run)', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    const ses = await startVerifyingSes({ credentials: [credentials], region: 'ap-southeast-2' });
    const directory = mkdtempSync(join(tmpdir(), 'no-legacy-signature-'));
    const originalRequest = https.request;
    // The fixture sends to email.ap-southeast-2.amazonaws.com over https: the same request goes to the local endpoint over http.
    const { port } = new URL(ses.endpoint);
    const redirected = (options: RequestOptions, callback: (response: IncomingMessage) => void) => http.request({ ...options, host: '127.0.0.1', hostname: undefined, port }, callback);
    Object.assign(https, { request: redirected });
    try {
      const send = (fixture: string) => {
        const file = join(directory, fixture);
        const text = readFileSync(join(here, 'no-legacy-signature', fixture), 'utf8');
        writeFileSync(file, text.replace("require('sigv4-migrate/sigv4')", `require(${JSON.stringify(join(here, '..', '..', 'src', 'sigv4', 'index.ts'))})`));
        const { sendNotification } = createRequire(import.meta.url)(file) as { sendNotification: (...args: unknown[]) => void };
        const params = { Action: 'SendEmail', Source: 'a@example.com', 'Destination.ToAddresses.member.1': 'b@example.com', 'Message.Subject.Data': 'Hi', 'Message.Body.Text.Data': 'Hello' };
        return new Promise((resolve, reject) => sendNotification(params, credentials.accessKeyId, credentials.secretAccessKey, (error: Error | null, status: number) => (error ? reject(error) : resolve(status))));
      };
      assert.equal(await send('ses-sigv3-https-function.input.cjs'), 403);
      assert.equal(await send('ses-sigv3-https-function.output.cjs'), 200);
      assert.deepEqual(ses.sent.map((mail) => mail.destinations), [['b@example.com']]);
    } finally {
      Object.assign(https, { request: originalRequest });
      await ses.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('writes TypeScript that type-checks against the helper (the node:https outputs, strict)', () => {
    const helper = join(here, '..', '..', 'src', 'sigv4', 'index.ts');
    const project = new Project({
      compilerOptions: {
        target: ScriptTarget.ES2022, module: ModuleKind.Preserve, moduleResolution: ModuleResolutionKind.Bundler, strict: true,
        noUncheckedIndexedAccess: true, esModuleInterop: true, skipLibCheck: true, types: ['node'], noEmit: true,
        paths: { 'sigv4-migrate/sigv4': [helper] },
      },
    });
    const outputs = ['ses-sigv3-https-class.output.ts', 'ses-sigv3-format-namespace.output.ts'].map((name) => project.addSourceFileAtPath(join(here, 'no-legacy-signature', name)));
    project.resolveSourceFileDependencies();
    const diagnostics = outputs.flatMap((file) => file.getPreEmitDiagnostics()).map((diagnostic) => `${diagnostic.getLineNumber()}: ${ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, '\n')}`);
    assert.deepEqual(diagnostics, []);
    assert.match(outputs[0]!.getFullText(), /signRequest\(/);
  });

  it('keeps CRLF line endings whole when it removes lines', () => {
    const result = migrate(SES_FETCH.replace(/\n/g, '\r\n'));
    assert.equal(result.remaining, 0);
    assert.doesNotMatch(result.output, /\r(?!\n)|(?<!\r)\n/);
    assert.equal(result.output.replace(/\r\n/g, '\n'), migrate(SES_FETCH).output);
  });

  it('keeps the signature and the crypto import when other code still uses them', () => {
    const result = migrate(sesFetch(['  const body =', "  console.log('signature', signature);\n  const body ="]));
    assert.equal(result.remaining, 0);
    assert.match(result.output, /import \{ createHmac \} from 'node:crypto';/);
    assert.match(result.output, /const date = new Date\(\)\.toUTCString\(\);\n {2}const signature = createHmac/);
  });
});

describe('no-legacy-signature codemod: SigV3 left as manual work', () => {
  it('an HTTP client the codemod does not know (got)', () => {
    assertManual(
      sesFetch(['return fetch(', 'return got.post('], ["import { createHmac } from 'node:crypto';", "import { createHmac } from 'node:crypto';\nimport got from 'got';"]),
      /Signature Version 3.* Not rewritten because the request is sent with got\.post\(\), which this codemod does not rewrite/,
    );
  });

  it('an axios instance (its baseURL and interceptors are not visible)', () => {
    assertManual(
      sesFetch(
        ['return fetch(`https://email.${region}.amazonaws.com/`, {\n    method: \'POST\',', 'return client.post(`https://email.${region}.amazonaws.com/`, body, {'],
        ['    body,\n  });', '  });'],
        ["import { createHmac } from 'node:crypto';", "import { createHmac } from 'node:crypto';\nimport axios from 'axios';\n\nconst client = axios.create({ timeout: 5000 });"],
      ),
      /because the request is sent with client\.post\(\)/,
    );
  });

  it('no region in sight', () => {
    assertManual(
      sesFetch(["const region = 'us-east-1';", "const host = process.env.SES_HOST ?? '';"], ['`https://email.${region}.amazonaws.com/`', '`https://${host}/`']),
      /because the endpoint is not visibly SES/,
    );
    assertManual(
      sesFetch(["const region = 'us-east-1';", ''], ['`https://email.${region}.amazonaws.com/`', "process.env.AWS_ENDPOINT_URL_SES ?? ''"]),
      /because no region is visible/,
    );
  });

  it('a body that is not visibly a string', () => {
    assertManual(sesFetch(['new URLSearchParams(params).toString()', 'new URLSearchParams(params)']), /because the body 'body' is not visibly a string/);
  });

  it('a body expression over several lines in the call', () => {
    assertManual(
      sesFetch(['    body,\n  });', '    body: [\n      body,\n      \'Version=2010-12-01\',\n    ].join(\'&\'),\n  });']),
      /because the body is an expression over several lines: put it in a const first/,
    );
  });

  it('a signature whose secret is not visible', () => {
    assertManual(
      sesFetch(["createHmac('sha256', secretAccessKey).update(date).digest('base64')", 'signWithVault(date)']),
      /because no createHmac\(…, secretAccessKey\) call computes the signature/,
    );
  });

  it('a fetch call inside a condition', () => {
    assertManual(
      sesFetch(['  return fetch(', '  return params.dryRun ? undefined : fetch('], ['    body,\n  });', '    body,\n  }) ;']),
      /because the request call is not a statement of its own/,
    );
  });

  it('a format() template whose placeholders do not match its arguments one %s each', () => {
    const formatted = readFileSync(join(here, 'no-legacy-signature', 'ses-sigv3-format-spread.input.mjs'), 'utf8');
    const cases = [
      formatted.replace('Signature=%s', 'Signature=%d'),
      formatted.replace('signDate(secretAccessKey, date))', 'signDate(secretAccessKey, date), date)'),
      formatted.replace("import { format } from 'node:util';", "import { format } from './format.mjs';"),
    ];
    for (const text of cases) assertManual(text, /the X-Amzn-Authorization value is not a string built in this file|the AWS3 signature is not set as an X-Amzn-Authorization property/, 'mjs');
  });

  it('an AWS3 string that never reaches a headers object', () => {
    assertManual(
      'const template = "AWS3-HTTPS AWSAccessKeyId={key}, Algorithm={algorithm}, Signature={Signature}";\nexport default template;\n',
      /because the AWS3 signature is not set as an X-Amzn-Authorization property/,
      'js',
    );
  });
});

/** A SigV3 SES call through node:https in CommonJS; `httpsFunction` swaps parts of it to make each case. */
const HTTPS_FUNCTION = readFileSync(join(here, 'no-legacy-signature', 'ses-sigv3-https-function.input.cjs'), 'utf8');

function httpsFunction(...replacements: [string, string][]): string {
  return replacements.reduce((text, [from, to]) => {
    assert.ok(text.includes(from), `the template contains ${from}`);
    return text.replace(from, to);
  }, HTTPS_FUNCTION);
}

describe('no-legacy-signature codemod: SigV3 over node:https left as manual work', () => {
  it('a body that may change after the headers are signed', () => {
    assertManual(httpsFunction(['  const body = new URLSearchParams', '  let body = new URLSearchParams']), /because the body 'body' is not a const or an unassigned parameter/, 'cjs');
  });

  it('a body parameter of unknown type', () => {
    assertManual(
      httpsFunction(['function sendNotification(params,', 'function sendNotification(body,'], ['  const body = new URLSearchParams(params).toString();\n', '']),
      /because the body 'body' is not visibly a string/,
      'cjs',
    );
  });

  it('a port the signed URL would have to repeat', () => {
    assertManual(httpsFunction(["    path: '/',\n", "    path: '/',\n    port: 8443,\n"]), /because the https\.request\(\) options set 'port'/, 'cjs');
  });

  it('a request whose body is written where it cannot be seen', () => {
    assertManual(
      httpsFunction(['  const req = https.request({', '  https.request({'], ['  req.on(\'error\', callback);\n  req.end(body);\n', '']),
      /because the https\.request\(\) result is not kept in a variable/,
      'cjs',
    );
  });
});

describe('no-legacy-signature codemod: SigV3 over node:https, helpers other code may call', () => {
  it('keeps public helper methods of a JavaScript class (callers outside it may use them)', () => {
    const mailer = readFileSync(join(here, 'no-legacy-signature', 'ses-sigv3-https-private.input.mjs'), 'utf8').replace(/#signature/g, 'signature');
    const result = migrate(mailer, 'mjs');
    assert.equal(result.remaining, 0);
    assert.match(result.output, /\n {2}signature\(date\) \{\n {4}return createHmac\('sha256', this\.secret\)/);
    assert.match(result.output, /import \{ createHmac \} from 'node:crypto';/);
    assert.match(result.output, /const headers = signRequest\(\{/);
  });
});

describe('no-legacy-signature codemod: other manual work', () => {
  it('signatureVersion on a client with a custom endpoint', () => {
    assertManual(
      "import AWS from 'aws-sdk';\nexport const s3 = new AWS.S3({ endpoint: process.env.MINIO_URL, signatureVersion: 'v2' });\n",
      /endpoint is not visibly AWS\. Use 'v4' if the server is AWS or supports SigV4\. Its endpoint is process\.env\.MINIO_URL\./,
      'js',
    );
  });

  it('signatureVersion through a variable that is used elsewhere too', () => {
    assertManual(
      "import AWS from 'aws-sdk';\nconst SIG = 'v2';\nconsole.log(SIG);\nexport const s3 = new AWS.S3({ signatureVersion: SIG });\n",
      /Use 'v4'\. 'SIG' \(line 2\) is also used elsewhere, so its value is left as it is\./,
      'js',
    );
  });

  it('signerConstructor on a client with a custom endpoint', () => {
    assertManual(
      "import { S3Client } from '@aws-sdk/client-s3';\nimport { SignatureV2 } from 'aws-sdk-signature-v2';\nexport const c = new S3Client({ endpoint: 'http://ceph.local', signerConstructor: SignatureV2 });\n",
      /Remove it so the client signs with Signature Version 4\. Its endpoint 'http:\/\/ceph\.local' is not visibly AWS/,
    );
  });

  it('SigV2 query signing, S3 SigV2 presigned URLs and SigV2-only libraries', () => {
    assertManual(
      "const params = { Action: 'SendEmail', SignatureVersion: '2', SignatureMethod: 'HmacSHA256' };\nexport default params;\n",
      /^SignatureVersion=2 query signing is AWS Signature Version 2.*Sign the query with Signature Version 4\. Not rewritten because the SigV2 parameters are not set inside a function\.$/,
      'js',
    );
    assertManual(
      "export const url = `https://${bucket}.s3.amazonaws.com/${key}?AWSAccessKeyId=${id}&Expires=${expires}&Signature=${signature}`;\n",
      /S3 Signature Version 2 presigned URL.*Presign with Signature Version 4/,
      'js',
    );
    assertManual("const knox = require('knox');\nmodule.exports = knox;\n", /^'knox' signs every S3 request with Signature Version 2/, 'cjs');
  });
});
