// SigV2 query signers (no-legacy-signature, sigV2QuerySigning): the rewritten SES signers' URLs are
// accepted by an endpoint that verifies SigV4 where the SigV2 ones were refused (also when the host is
// only known at run time, its region read by regionFromHost), and the signers that stay manual say
// which value could not be seen.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, ts } from 'ts-morph';
import { rules } from '../../rules/index';
import { migrateSource } from '../../src/migrate';
import { startVerifyingSes } from '../support/verifying-ses-endpoint';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

type SendEmailUrl = (credentials: { accessKeyId: string; secretAccessKey: string }, to: string, subject: string, text: string) => string;

/** Imports a copy of a fixture, with the helper's package specifier pointing at the helper's source. */
async function importFixture<T = { sendEmailUrl: SendEmailUrl }>(directory: string, fixture: string): Promise<T> {
  const text = readFileSync(join(here, 'no-legacy-signature', fixture), 'utf8');
  const file = join(directory, fixture);
  writeFileSync(file, text.replace("'sigv4-migrate/sigv4'", `'${pathToFileURL(join(root, 'src', 'sigv4', 'index.ts')).href}'`));
  return (await import(pathToFileURL(file).href)) as T;
}

/** GETs `url` from the local endpoint with the URL's own Host header, as if DNS sent `email.<region>.amazonaws.com` there. */
function getThrough(endpoint: string, url: string): Promise<{ status: number; body: string }> {
  const local = new URL(endpoint);
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: local.hostname, port: local.port, path: `${target.pathname}${target.search}`, headers: { host: target.host } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject).end();
  });
}

function migratedCorpusFile(corpusFile: string) {
  const path = join(root, 'test', 'corpus', 'no-legacy-signature', corpusFile);
  return migrateSource({ filePath: path, text: readFileSync(path, 'utf8'), rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
}

function manualTodos(corpusFile: string, folder = join(root, 'test', 'corpus', 'no-legacy-signature')): string[] {
  const path = join(folder, corpusFile);
  const result = migrateSource({ filePath: path, text: readFileSync(path, 'utf8'), rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
  return result.findings.filter((finding) => finding.status === 'manual').map((finding) => finding.why ?? '');
}

describe('no-legacy-signature codemod: SigV2 query signers', () => {
  it('the rewritten SES signer gets 200 from an endpoint that verifies SigV4, where its SigV2 input got 403', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    const ses = await startVerifyingSes({ credentials: [credentials], region: 'eu-west-1' });
    const directory = mkdtempSync(join(tmpdir(), 'sigv2-query-'));
    const previous = { endpoint: process.env.AWS_ENDPOINT_URL_SES, region: process.env.AWS_REGION };
    process.env.AWS_ENDPOINT_URL_SES = ses.endpoint;
    process.env.AWS_REGION = 'eu-west-1';
    try {
      const send = async (fixture: string) => {
        const { sendEmailUrl } = await importFixture(directory, fixture);
        const response = await fetch(sendEmailUrl(credentials, 'b@example.com', 'Hi', "Disk at 97%! Don't wait (db-1)"));
        return { status: response.status, body: await response.text() };
      };
      const before = await send('sigv2-query-ses-object.input.mjs');
      assert.equal(before.status, 403);
      assert.match(before.body, /<Code>IncompleteSignature<\/Code>/);
      assert.equal((await send('sigv2-query-ses-object.output.mjs')).status, 200);
      assert.deepEqual(ses.sent.map((mail) => [mail.destinations, mail.text]), [[['b@example.com'], "Disk at 97%! Don't wait (db-1)"]]);
    } finally {
      for (const [name, value] of [['AWS_ENDPOINT_URL_SES', previous.endpoint], ['AWS_REGION', previous.region]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await ses.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('signs for the region of a host known only at run time: 200 for the endpoint\'s region, where the SigV2 input got 403', async () => {
    type EndpointMailer = (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }, to: string, subject: string, text: string) => string;
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    const ses = await startVerifyingSes({ credentials: [credentials], region: 'eu-west-1' });
    const directory = mkdtempSync(join(tmpdir(), 'sigv2-query-host-'));
    try {
      const send = async (fixture: string, endpoint: string) => {
        const { sendEmailUrl } = await importFixture<{ sendEmailUrl: EndpointMailer }>(directory, fixture);
        return getThrough(ses.endpoint, sendEmailUrl(endpoint, credentials, 'ops@example.com', 'Disk', 'db-1 at 97%'));
      };
      const before = await send('sigv2-query-runtime-host-endpoint.input.mjs', 'https://email.eu-west-1.amazonaws.com');
      assert.equal(before.status, 403);
      assert.match(before.body, /<Code>IncompleteSignature<\/Code>/);
      assert.equal((await send('sigv2-query-runtime-host-endpoint.output.mjs', 'https://email.eu-west-1.amazonaws.com')).status, 200);
      // Signed for the region its host names: us-west-2's signature is not eu-west-1's.
      const elsewhere = await send('sigv2-query-runtime-host-endpoint.output.mjs', 'https://email.us-west-2.amazonaws.com');
      assert.equal(elsewhere.status, 403);
      assert.match(elsewhere.body, /<Code>SignatureDoesNotMatch<\/Code>[\s\S]*us-west-2/);
      assert.deepEqual(ses.sent.map((mail) => [mail.destinations, mail.text]), [[['ops@example.com'], 'db-1 at 97%']]);
    } finally {
      await ses.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('rewrites the corpus signers whose host is known only at run time when the file shows the service', () => {
    const rewritten = {
      'ec2-query-client.mjs': /presignUrl\(\{ method: 'GET', url: `https:\/\/\$\{host\}\/\?\$\{canonical\}` \}, \{ service: 'ec2', region: regionFromHost\(host\)/,
      'sqs-query-signer.js': /\{ service: 'sqs', region: regionFromHost\(self\.queueUrl\.host\),[^\n]*\.url\.replace\(\/\^\[\^\?\]\*\\\?\/, ''\);/,
      'sts-member-assign.ts': /\{ service: 'sts', region: regionFromHost\(this\.endpoint\.host\),[^\n]*\.searchParams\.forEach/,
      // CloudSearch's configuration API Version, and the `cloudsearch.${region}.amazonaws.com` host its one caller passes.
      'sigv2-signing-constants.js': /\{ service: 'cloudsearch', region: regionFromHost\(host\),[^\n]*\.url\.replace\(/,
    };
    for (const [file, call] of Object.entries(rewritten)) {
      const result = migratedCorpusFile(file);
      assert.match(result.output, call, file);
      assert.doesNotMatch(result.output, /createHmac|SignatureVersion: '2'|'SignatureVersion', '2'|name: 'SignatureVersion'/, file);
    }
    assert.deepEqual(manualTodos('ec2-query-client.mjs'), [
      'Not rewritten because the function that sets SignatureVersion (receiveMessageQuery, line 34) does not return the signed URL (`…?query&Signature=…`).',
    ]);
  });

  it('writes TypeScript that type-checks against the helper (the run-time host STS broker, the caller-signed EC2 query; strict)', () => {
    const project = new Project({
      compilerOptions: {
        target: ScriptTarget.ES2022, module: ModuleKind.Preserve, moduleResolution: ModuleResolutionKind.Bundler, strict: true,
        noUncheckedIndexedAccess: true, skipLibCheck: true, types: ['node'], noEmit: true,
        paths: { 'sigv4-migrate/sigv4': [join(root, 'src', 'sigv4', 'index.ts')] },
      },
    });
    const outputs = ['sigv2-query-runtime-host-class.output.ts', 'sigv2-query-caller-signed.output.ts', 'sigv2-query-runtime-region-caller.output.ts'].map((name) => project.addSourceFileAtPath(join(here, 'no-legacy-signature', name)));
    project.resolveSourceFileDependencies();
    const diagnostics = outputs.flatMap((output) => output.getPreEmitDiagnostics()).map((diagnostic) => `${diagnostic.getLineNumber()}: ${ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, '\n')}`);
    assert.deepEqual(diagnostics, []);
    assert.match(outputs[0]!.getFullText(), /regionFromHost\(this\.host\)/);
    assert.match(outputs[1]!.getFullText(), /presignUrl\(/);
  });

  it('rewrites a query a caller signs: the caller presigns it, the builder drops its SigV2 parameters and the access key parameter only they read', () => {
    const { output } = migratedCorpusFile('ec2-describe.mjs');
    assert.match(output, /function describeInstancesQuery\(\) \{\n {2}return 'Action=DescribeInstances' \+\n {4}'&Filter\.1\.Name=instance-state-name&Filter\.1\.Value\.1=running' \+\n {4}'&Version=' \+ API_VERSION;\n\}/);
    assert.match(output, /const query = describeInstancesQuery\(\);\n {2}const res = await fetch\(presignUrl\(\{ method: 'GET', url: `https:\/\/\$\{HOST\}\/\?\$\{query\}` \}, \{ service: 'ec2', region: REGION, credentials: \{ accessKeyId, secretAccessKey \}, expiresIn: 900 \}\)\.url\);/);
    assert.doesNotMatch(output, /createHmac|SIGNATURE_|function sign\(|function timestamp\(|const encode/);
  });

  it('keeps a query builder manual when its caller signs it out of view', () => {
    const text = readFileSync(join(root, 'test', 'corpus', 'no-legacy-signature', 'ec2-describe.mjs'), 'utf8').replace('async function describeRunning(', 'export async function describeRunning(').replace('function describeInstancesQuery(', 'export function describeInstancesQuery(');
    const path = join(here, 'no-legacy-signature', 'exported-builder.mjs');
    const result = migrateSource({ filePath: path, text, rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
    assert.match(result.findings[0]!.why ?? '', /\(describeInstancesQuery, line 18\) builds the query, but a caller signs and sends it \(line 35\)/);
  });

  it('keeps a run-time host signer manual when the file does not show its service, naming what to write', () => {
    assert.deepEqual(manualTodos('sigv2-pairs-push.mjs'), [
      "Not rewritten because the service is not visible (host `this.host` and API Version are set at run time), so sign with it written out, like `service: 'sqs'`, and `region: regionFromHost(this.host)`.",
    ]);
  });

  it('reads the service from the host a caller passes only when that call is the signer\'s one caller', () => {
    const text = readFileSync(join(here, 'no-legacy-signature', 'sigv2-query-runtime-region-caller.input.mjs'), 'utf8');
    const todo = "Not rewritten because the service is not visible (host `host` and API Version are set at run time), so sign with it written out, like `service: 'sqs'`, and `region: regionFromHost(host)`.";
    const variants = {
      exported: text.replace('function signedUrl(', 'export function signedUrl('),
      'called twice': text.replace('return response.text();', "await fetch(signedUrl(`sqs.${region}.amazonaws.com`, 'ListQueues', credentials));\n  return response.text();"),
      'not an AWS host': text.replace('`autoscaling.${region}.amazonaws.com`', '`autoscaling.${region}.example.com`'),
    };
    for (const [name, variant] of Object.entries(variants)) {
      const path = join(here, 'no-legacy-signature', 'variant.mjs');
      const result = migrateSource({ filePath: path, text: variant, rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
      assert.deepEqual(result.findings.map((finding) => finding.why), [todo], name);
    }
  });

  it('never rewrites a SimpleDB signer (SigV2 is all it accepts), even when the rule cannot tell the host', () => {
    assert.deepEqual(manualTodos('sigv2-query-sdb-kept.input.js', join(here, 'no-legacy-signature')), [
      'Keep this SignatureVersion=2 signing: SimpleDB and AWS Import/Export accept only Signature Version 2.',
    ]);
  });
});
