// AGAINST THE REAL RULES (not the test-only ones): each rule's seed case goes through the whole
// pipeline (discovery, the real needles, the Linter, the codemod map). A rule still a placeholder is
// skipped; re-run when the rules and codemods land. Status is fixed or manual depending on whether
// the rule's codemod exists yet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rules } from '../../rules/index';
import type { RuleName } from '../../rules/index';
import { createRuleLinter } from '../../src/engine/lint';
import { createLintPool } from '../../src/cli/lint-pool';
import { migrate } from '../../src/migrate';
import { createProject } from './support/engine-fixtures';

const seedCases: Record<RuleName, { file: string; source: string; line: number }> = {
  'no-legacy-signature': {
    file: 'legacy.js',
    source: "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3({ signatureVersion: 'v2' });\n",
    line: 2,
  },
  'require-sigv4-presign': {
    file: 'presign.js',
    source: "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3({ region: 'eu-west-1' });\nexports.url = s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k' });\n",
    line: 2,
  },
  'sorted-canonical-query': {
    file: 'canonical.ts',
    source:
      "declare const headers: string, signedHeaders: string, payloadHash: string, date: string;\nconst canonicalQuery = 'Action=SendEmail&Source=a&Destination=b';\nexport const canonicalRequest = ['POST', '/', canonicalQuery, headers, signedHeaders, payloadHash].join('\\n');\nexport const scope = `${date}/us-east-1/ses/aws4_request`;\n",
    line: 2,
  },
  'presigned-put-content-type': {
    file: 'upload.mjs',
    source: "export async function upload(signedUrl, buffer) {\n  await fetch(signedUrl, { method: 'PUT', body: buffer });\n}\n",
    line: 2,
  },
};

const isPlaceholder = (name: RuleName) => rules[name].meta.docs?.description === 'placeholder';

describe('real rules through the whole pipeline', () => {
  for (const [name, seed] of Object.entries(seedCases) as [RuleName, (typeof seedCases)[RuleName]][]) {
    it(`${name}: its seed case passes the prefilter and is reported`, { skip: isPlaceholder(name) ? 'rule not landed yet' : false }, async () => {
      const root = createProject({ [seed.file]: seed.source });
      const report = await migrate({ cwd: root, dryRun: true, helperImport: 'sigv4-migrate/sigv4' });
      assert.equal(report.totals.candidates, 1);
      const findings = report.files.flatMap((file) => file.findings).filter((finding) => finding.rule === name);
      assert.ok(findings.length > 0, `no ${name} finding in ${JSON.stringify(report.files)}`);
      assert.equal(findings[0]?.line, seed.line);
      assert.deepEqual(report.errors, []);
    });
  }

  it('stays silent on a file without signing code', async () => {
    const root = createProject({ 'clean.js': "export const add = (a, b) => a + b;\nfetch('/api', { method: 'PUT', body: '{}' });\n" });
    const report = await migrate({ cwd: root, dryRun: true });
    assert.equal(report.totals.findings, 0);
    assert.equal(report.exitCode, 0);
  });
});

describe('lint worker threads', () => {
  it('a worker pool lints exactly as this thread does', async () => {
    const pool = createLintPool(Object.keys(rules), { size: 2 });
    assert.ok(pool, 'the worker entry is found');
    try {
      const inline = createRuleLinter(rules);
      for (const seed of Object.values(seedCases)) {
        const path = `/virtual/${seed.file}`;
        assert.deepEqual(await pool.lint(path, seed.source), inline(path, seed.source));
      }
      assert.equal((await pool.lint('/virtual/broken.ts', 'const = ;')).kind, 'fatal');
    } finally {
      await pool.close();
    }
  });

  it('migrate reports the same with and without workers', async () => {
    const files = Object.fromEntries(Object.values(seedCases).map((seed) => [seed.file, seed.source]));
    const root = createProject({ ...files, 'broken.js': 'getSignedUrl(\n' });
    const withWorkers = await migrate({ cwd: root, dryRun: true, workerThreshold: 0, helperImport: 'sigv4-migrate/sigv4' });
    const inThread = await migrate({ cwd: root, dryRun: true, workerThreshold: Number.POSITIVE_INFINITY, helperImport: 'sigv4-migrate/sigv4' });
    assert.deepEqual(withWorkers, inThread);
    assert.equal(inThread.errors.length, 1);
  });
});
