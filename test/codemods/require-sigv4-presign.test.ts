// Proves what the require-sigv4-presign codemod leaves as manual work (and says how to do it), and
// its cross-file rewrite: an S3 client built in one module and presigned in another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codemods } from '../../codemods/index';
import { rules } from '../../rules/index';
import { createSession } from '../../src/engine/plan-fixes';
import type { FindingReport } from '../../src/engine/plan-fixes';
import { migrateSource } from '../../src/migrate';

const onlyThisRule = { 'require-sigv4-presign': rules['require-sigv4-presign'] };

const lines = (...source: string[]): string => source.join('\n') + '\n';

function migrate(text: string, filePath = '/project/src/links.js') {
  const result = migrateSource({ filePath, text, rules: onlyThisRule });
  assert.equal(result.error, undefined);
  return result;
}

function manualFindings(findings: readonly FindingReport[]): FindingReport[] {
  return findings.filter((finding) => finding.status === 'manual');
}

describe('require-sigv4-presign codemod: manual outcomes', () => {
  it('leaves a client with a non-AWS endpoint alone and says how to decide', () => {
    const input = lines(
      "import AWS from 'aws-sdk';",
      "const s3 = new AWS.S3({ endpoint: 'http://minio:9000', s3ForcePathStyle: true });",
      "export const link = (Key) => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: 30 * 86400 });",
    );
    const result = migrate(input);
    assert.equal(result.output, input);
    const [client, expiry] = manualFindings(result.findings);
    assert.equal(result.findings.length, 2);
    assert.equal(client?.line, 2);
    assert.match(client!.message, /against an endpoint that is not visibly AWS\. Add it if that server accepts SigV4/);
    assert.equal(client!.why, "Its endpoint is `'http://minio:9000'`.");
    assert.equal(expiry?.line, 3);
    assert.match(expiry!.message, /^`Expires` of 2592000 s is above the 604800 s limit/);
    assert.match(expiry!.why ?? '', /client \(line 2\) uses an endpoint that is not visibly AWS and may keep SigV2, where the expiry may stay/);
  });

  it('does not edit an options object other code uses too', () => {
    const input = lines(
      "const AWS = require('aws-sdk');",
      "const options = { region: 'us-east-1' };",
      'const s3 = new AWS.S3(options);',
      'const backup = new AWS.S3(options);',
      "exports.link = (Key) => s3.getSignedUrl('getObject', { Bucket: 'media', Key });",
      "exports.copy = (Key) => backup.putObject({ Bucket: 'backup', Key, Body: '' }).promise();",
    );
    const result = migrate(input, '/project/src/links.cjs');
    assert.equal(result.output, input);
    const [finding] = manualFindings(result.findings);
    assert.equal(finding?.line, 3);
    assert.match(finding!.why ?? '', /^Its options come from `options`, which other code uses too/);
  });

  it('treats an endpoint set on the options after the literal as the client\'s endpoint', () => {
    const input = lines(
      "import AWS from 'aws-sdk';",
      "const s3Options = { apiVersion: '2006-03-01' };",
      'if (process.env.S3_ENDPOINT) s3Options.endpoint = process.env.S3_ENDPOINT;',
      'const s3 = new AWS.S3(s3Options);',
      "export const link = (Key) => s3.getSignedUrl('getObject', { Bucket: 'docs', Key });",
    );
    const result = migrate(input);
    assert.equal(result.output, input);
    const [finding] = manualFindings(result.findings);
    assert.equal(finding?.line, 4);
    assert.equal(finding!.why, 'Its endpoint is `process.env.S3_ENDPOINT` (set on line 3).');
  });

  it('adds signatureVersion to options whose other fields are set after the literal', () => {
    const input = lines(
      "const AWS = require('aws-sdk');",
      "const options = { region: 'eu-west-1' };",
      'options.httpOptions = { timeout: 5000 };',
      'const s3 = new AWS.S3(options);',
      "exports.link = (Key) => s3.getSignedUrl('getObject', { Bucket: 'media', Key });",
    );
    const result = migrate(input, '/project/src/links.cjs');
    assert.match(result.output, /const options = \{ region: 'eu-west-1', signatureVersion: 'v4' \};/);
    assert.equal(manualFindings(result.findings).length, 0);
  });

  it('does not lower Expires in a params object other calls use too', () => {
    const input = lines(
      "import { S3 } from 'aws-sdk';",
      "const s3 = new S3({ signatureVersion: 'v4' });",
      "const params = { Bucket: 'media', Key: 'a.txt', Expires: 2592000 };",
      "export const link = () => s3.getSignedUrl('getObject', params);",
      "export const head = () => s3.headObject({ Bucket: params.Bucket, Key: params.Key }).promise();",
      'export const same = params;',
    );
    const result = migrate(input);
    assert.equal(result.output, input);
    const [finding] = manualFindings(result.findings);
    assert.equal(finding?.line, 3);
    assert.match(finding!.why ?? '', /^It sits in `params` that other code uses too/);
    assert.match(finding!.why ?? '', /\{ \.\.\.params, Expires: 604800 \}/);
  });

  it('does not edit what an export hands to other modules', () => {
    const input = lines(
      "import AWS from 'aws-sdk';",
      "export const options = { region: 'us-east-1' };",
      'const s3 = new AWS.S3(options);',
      "export const params = { Bucket: 'media', Key: 'a.txt', Expires: 2592000 };",
      "export const link = () => s3.getSignedUrl('getObject', params);",
    );
    const result = migrate(input);
    assert.equal(result.output, input);
    assert.deepEqual(manualFindings(result.findings).map((finding) => finding.line), [3, 4]);
    assert.match(result.findings[0]!.why ?? '', /Its options come from `options`, which may be used elsewhere/);
    assert.match(result.findings[1]!.why ?? '', /^It sits in an object that other code uses too/);
  });

  it('leaves an X-Amz-Expires constant that also feeds other code to the user', () => {
    const input = lines(
      'const EXPIRES = 1209600;',
      "export const canonicalQuery = (credential) => 'X-Amz-Credential=' + credential + '&X-Amz-Expires=' + EXPIRES;",
      "export const urlQuery = (credential, signature) => 'X-Amz-Credential=' + credential + '&X-Amz-Expires=' + EXPIRES + '&X-Amz-Signature=' + signature;",
    );
    const result = migrate(input);
    assert.equal(result.output, input);
    const manual = manualFindings(result.findings);
    assert.deepEqual(manual.map((finding) => finding.line), [2, 3]);
    assert.match(manual[0]!.message, /^`X-Amz-Expires` of 1209600 s is above the 604800 s limit/);
    assert.match(manual[0]!.why ?? '', /^The value `EXPIRES` is used elsewhere too: change it where the canonical query and the URL both read it/);
  });

  it('reports the lowered expiry in the fixed finding', () => {
    const input = lines(
      "const S3 = require('aws-sdk/clients/s3');",
      "const s3 = new S3({ signatureVersion: 'v4' });",
      'const THIRTY_DAYS = 30 * 24 * 60 * 60;',
      "exports.link = (Key) => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: THIRTY_DAYS });",
      'exports.ttl = THIRTY_DAYS;',
    );
    const result = migrate(input, '/project/src/links.cjs');
    assert.equal(result.remaining, 0);
    assert.match(result.output, /Expires: 604800 \/\* SigV4 maximum \(7 days\); was THIRTY_DAYS \*\/ \}\);/);
    assert.match(result.output, /^const THIRTY_DAYS = 30 \* 24 \* 60 \* 60;$/m);
    assert.deepEqual(result.findings.map((finding) => finding.status), ['fixed']);
    assert.match(result.findings[0]!.action ?? '', /^lowers `Expires` from `THIRTY_DAYS` \(2592000 s\) to 604800 s/);
  });
});

/** Migrates `files` together (in order), as the CLI does when they are all under the given paths. */
function migrateProject(files: Record<string, string>) {
  const session = createSession({
    rules: onlyThisRule,
    codemods,
    annotate: false,
    packageSpecifier: 'sigv4-migrate/sigv4',
    readSibling: (path) => files[path],
  });
  const findings = Object.entries(files).flatMap(([path, text]) => {
    const analysed = session.analyse(path, text);
    assert.equal(analysed.kind, 'analysed');
    return analysed.kind === 'analysed' ? analysed.findings.map((finding) => ({ path, ...finding })) : [];
  });
  const outputs = { ...files };
  for (const outcome of session.finish(() => 'sigv4-migrate/sigv4')) {
    assert.equal(outcome.error, undefined);
    outputs[outcome.path] = outcome.after;
  }
  return { findings, outputs };
}

describe('require-sigv4-presign codemod: a client built in another module', () => {
  const upload = lines(
    "import { s3 } from './s3.js';",
    'const THIRTY_DAYS = 30 * 24 * 3600;',
    "export const archiveLink = (Key) => s3.getSignedUrl('getObject', { Bucket: 'archive', Key, Expires: THIRTY_DAYS });",
  );

  it('adds SigV4 where the client is built when a presign elsewhere is reported', () => {
    const s3 = lines("import AWS from 'aws-sdk';", '', 'export const s3 = new AWS.S3({', "  region: 'us-east-1',", '});');
    const { findings, outputs } = migrateProject({ '/project/src/s3.js': s3, '/project/src/upload.js': upload });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.status, 'fixed');
    assert.match(findings[0]!.action ?? '', /, and adds `signatureVersion: 'v4'` to its S3 client in \.\/s3\.js:3$/);
    assert.equal(outputs['/project/src/s3.js'], s3.replace("  region: 'us-east-1',\n", "  region: 'us-east-1',\n  signatureVersion: 'v4',\n"));
    assert.match(outputs['/project/src/upload.js']!, /Expires: 604800 \/\* SigV4 maximum \(7 days\); was THIRTY_DAYS \*\//);
  });

  it('follows CommonJS: module.exports of a client and a whole require()', () => {
    const s3 = lines("const S3 = require('aws-sdk/clients/s3');", 'const client = new S3();', 'module.exports = client;');
    const links = lines(
      "const s3 = require('./s3');",
      "exports.link = (Key) => s3.getSignedUrl('getObject', { Bucket: 'a', Key, Expires: 1209600 });",
    );
    const { findings, outputs } = migrateProject({ '/project/lib/s3.cjs': s3, '/project/lib/links.cjs': links });
    assert.deepEqual(findings.map((finding) => finding.status), ['fixed']);
    assert.equal(outputs['/project/lib/s3.cjs'], s3.replace('new S3()', "new S3({ signatureVersion: 'v4' })"));
  });

  it('follows TypeScript: a default export and `import x = require()`', () => {
    const s3 = lines("import S3 from 'aws-sdk/clients/s3';", "export default new S3({ region: 'eu-west-1' });");
    const links = lines(
      "import s3 = require('./s3');",
      "export const link = (Key: string) => s3.getSignedUrl('getObject', { Bucket: 'a', Key, Expires: 8 * 86400 });",
    );
    const { findings, outputs } = migrateProject({ '/project/src/s3.ts': s3, '/project/src/links.ts': links });
    assert.deepEqual(findings.map((finding) => finding.status), ['fixed']);
    assert.equal(outputs['/project/src/s3.ts'], s3.replace("region: 'eu-west-1' }", "region: 'eu-west-1', signatureVersion: 'v4' }"));
    assert.match(outputs['/project/src/links.ts']!, /Expires: 604800 \/\* SigV4 maximum \(7 days\); was 8 \* 86400 \*\/ \}/);
  });

  it('writes the same edit as the rule where the client module presigns too, so both fixes apply once', () => {
    const s3 = lines(
      "import AWS from 'aws-sdk';",
      "export const s3 = new AWS.S3({ region: 'us-east-1' });",
      "export const thumbnail = (Key) => s3.getSignedUrl('getObject', { Bucket: 'thumbs', Key });",
    );
    const { findings, outputs } = migrateProject({ '/project/src/s3.js': s3, '/project/src/upload.js': upload });
    assert.deepEqual(findings.map((finding) => `${finding.path} ${finding.status}`), ['/project/src/s3.js fixed', '/project/src/upload.js fixed']);
    assert.equal(outputs['/project/src/s3.js'], s3.replace("region: 'us-east-1' }", "region: 'us-east-1', signatureVersion: 'v4' }"));
  });

  it('leaves a client with a non-AWS endpoint in the other module to the user', () => {
    const s3 = lines("import AWS from 'aws-sdk';", "export const s3 = new AWS.S3({ endpoint: 'http://ceph.internal:7480' });");
    const { findings, outputs } = migrateProject({ '/project/src/s3.js': s3, '/project/src/upload.js': upload });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.status, 'manual');
    assert.match(findings[0]!.why ?? '', /S3 client \(line 2 of \.\/s3\.js\) uses an endpoint that is not visibly AWS/);
    assert.equal(outputs['/project/src/upload.js'], upload);
  });

  it('sees the client even when the presign elsewhere has nothing to report (the engine resolves it across files)', () => {
    const s3 = lines("import AWS from 'aws-sdk';", "export const s3 = new AWS.S3({ region: 'us-east-1' });");
    const shortLived = upload.replace('Expires: THIRTY_DAYS', 'Expires: 900');
    const { findings, outputs } = migrateProject({ '/project/src/s3.js': s3, '/project/src/upload.js': shortLived });
    assert.deepEqual(findings.map((finding) => [finding.path, finding.line, finding.status]), [['/project/src/upload.js', 3, 'fixed']]);
    assert.equal(outputs['/project/src/s3.js'], s3.replace("region: 'us-east-1' }", "region: 'us-east-1', signatureVersion: 'v4' }"));
    assert.equal(outputs['/project/src/upload.js'], shortLived);
  });
});

describe('require-sigv4-presign codemod: region note', () => {
  const noteOf = (options: string) => {
    const result = migrate(lines("const AWS = require('aws-sdk');", `const s3 = new AWS.S3(${options});`, "exports.link = (Key) => s3.getSignedUrl('getObject', { Bucket: 'b', Key });"));
    const fixed = result.findings.filter((finding) => finding.status === 'fixed');
    assert.equal(fixed.length, 1);
    return fixed[0]!.action ?? '';
  };

  it('tells a client with no region that SigV4 presigns need the bucket region', () => {
    assert.match(noteOf(''), /signatureVersion: 'v4'.* \(check by hand: it sets no region, and SigV4 signs for the bucket's region\)$/);
    assert.match(noteOf('{ maxRetries: 3 }'), /it sets no region/);
  });

  it('tells a client whose region is a placeholder', () => {
    assert.match(noteOf("{ region: 'REGION' }"), /its region `'REGION'` is not an AWS region/);
  });

  it('says nothing of a region read from the environment', () => {
    assert.doesNotMatch(noteOf('{ region: process.env.AWS_REGION }'), /check by hand/);
  });
});
