// SigV2 query signers (no-legacy-signature, sigV2QuerySigning): the rewritten SES signer's URL is
// accepted by an endpoint that verifies SigV4 where the SigV2 one was refused, and the signers that
// stay manual say which value could not be seen.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { rules } from '../../rules/index';
import { migrateSource } from '../../src/migrate';
import { startVerifyingSes } from '../support/verifying-ses-endpoint';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

type SendEmailUrl = (credentials: { accessKeyId: string; secretAccessKey: string }, to: string, subject: string, text: string) => string;

/** Imports a copy of a fixture, with the helper's package specifier pointing at the helper's source. */
async function importFixture(directory: string, fixture: string): Promise<{ sendEmailUrl: SendEmailUrl }> {
  const text = readFileSync(join(here, 'no-legacy-signature', fixture), 'utf8');
  const file = join(directory, fixture);
  writeFileSync(file, text.replace("'sigv4-migrate/sigv4'", `'${pathToFileURL(join(root, 'src', 'sigv4', 'index.ts')).href}'`));
  return (await import(pathToFileURL(file).href)) as { sendEmailUrl: SendEmailUrl };
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

  it('keeps a signer whose host is a parameter manual, naming the host', () => {
    const [signQuery, receiveMessage] = manualTodos('ec2-query-client.mjs');
    assert.match(signQuery!, /because the host \(`host`\) is only known at run time/);
    assert.match(receiveMessage!, /because the function that sets SignatureVersion \(receiveMessageQuery, line 34\) does not return the signed URL/);
  });

  it('keeps a signer whose query a caller signs manual, naming where', () => {
    assert.match(manualTodos('ec2-describe.mjs')[0]!, /\(describeInstancesQuery, line 18\) builds the query, but a caller signs and sends it \(line 35\)/);
  });

  it('keeps signers that sign for a host set at run time manual, naming the host as written', () => {
    assert.match(manualTodos('sqs-query-signer.js')[0]!, /the host the query is signed for \(`self\.queueUrl\.host`, line 48\) is only known at run time/);
    assert.match(manualTodos('sigv2-pairs-push.mjs')[0]!, /the host the query is signed for \(`this\.host`, line 24\) is only known at run time/);
    assert.match(manualTodos('sts-member-assign.ts')[0]!, /the host the query is signed for \(`this\.endpoint\.host`, line 29\) is only known at run time/);
  });

  it('never rewrites a SimpleDB signer (SigV2 is all it accepts), even when the rule cannot tell the host', () => {
    assert.deepEqual(manualTodos('sigv2-query-sdb-kept.input.js', join(here, 'no-legacy-signature')), [
      'Keep this SignatureVersion=2 signing: SimpleDB and AWS Import/Export accept only Signature Version 2.',
    ]);
  });
});
