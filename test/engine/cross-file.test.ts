// Cross-file fixture projects (issue 9 §2): each test/codemods/cross-file/<case>/input/ is planned by
// the engine as one run and must equal <case>/output/ file for file; the output plans to itself.
// After an intended change: UPDATE_CROSS_FILE=1 node --import tsx --test test/engine/cross-file.test.ts
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { codemods } from '../../codemods/index';
import { rules } from '../../rules/index';
import { planFiles } from '../../src/engine/index';
import type { FindingReport } from '../../src/engine/index';
import type { HelperFlavor, TsCompilerHints } from '../../codemods/utils/helper-vendor';
import { migrate } from '../../src/migrate';
import { createProject } from '../cli/support/engine-fixtures';

const casesRoot = join(import.meta.dirname, '../codemods/cross-file');
/** Where the virtual project lives: absolute, so specifiers resolve as on disk. */
const PROJECT = '/project';

function readTree(directory: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.set(relative(directory, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  visit(directory);
  return files;
}

/**
 * How a case gets the helper: imported from the package, or (a case with a tsconfig.json) vendored
 * as a stand-in text per flavour, placed as that tsconfig allows (one helper per project).
 */
function helperOptions(files: ReadonlyMap<string, string>) {
  const tsconfig = files.get('tsconfig.json');
  if (tsconfig === undefined) return { helperImport: 'sigv4-migrate/sigv4' };
  const hints = (JSON.parse(tsconfig) as { compilerOptions: TsCompilerHints }).compilerOptions;
  const parameter = (flavor: HelperFlavor) => (flavor === 'ts' ? 'query: string' : 'query');
  const helperText = (flavor: HelperFlavor) => `// A stand-in for the SigV4 helper (${flavor}).\nexport const canonicalQueryString = (${parameter(flavor)}) => query;\n`;
  return { compilerHintsOf: () => hints, helperText };
}

/** Runs the engine over a project's files; returns each file's text after the plan (helpers it creates too) and the findings by file. */
function planProject(files: ReadonlyMap<string, string>) {
  const absolute = new Map([...files].map(([path, text]) => [`${PROJECT}/${path}`, text]));
  const plan = planFiles(absolute, { rules, codemods, ...helperOptions(files) });
  assert.deepEqual([...plan.fatal], []);
  assert.deepEqual(plan.errors, []);
  const outputs = new Map(files);
  const findings = new Map<string, FindingReport[]>();
  for (const file of plan.files) {
    const path = file.path.slice(PROJECT.length + 1);
    outputs.set(path, file.after);
    if (file.findings.length > 0) findings.set(path, file.findings);
  }
  for (const helper of plan.helpers) outputs.set(helper.path.slice(PROJECT.length + 1), helper.content);
  return { outputs, findings };
}

describe('cross-file fixture projects', () => {
  for (const name of readdirSync(casesRoot).sort()) {
    it(name, () => {
      const input = readTree(join(casesRoot, name, 'input'));
      const { outputs } = planProject(input);
      const outputDirectory = join(casesRoot, name, 'output');
      if (process.env.UPDATE_CROSS_FILE) {
        rmSync(outputDirectory, { recursive: true, force: true });
        for (const [path, text] of outputs) {
          mkdirSync(dirname(join(outputDirectory, path)), { recursive: true });
          writeFileSync(join(outputDirectory, path), text);
        }
      }
      assert.deepEqual(outputs, readTree(outputDirectory));
      assert.deepEqual(planProject(outputs).outputs, outputs, 'the output must plan to itself');
    });
  }
});

describe('cross-file report', () => {
  it('names the presign and the module that builds its client', () => {
    const { findings } = planProject(readTree(join(casesRoot, 'esm-named-export', 'input')));
    assert.deepEqual([...findings.keys()].sort(), ['src/s3.js', 'src/upload.js']);
    // The module that builds the client lists the edit once, at the construction, naming the first presign.
    assert.deepEqual(findings.get('src/s3.js')!.map((finding) => [finding.rule, finding.line, finding.column, finding.status]), [
      ['require-sigv4-presign', 4, 19, 'fixed'],
    ]);
    const edit = findings.get('src/s3.js')![0]!;
    assert.equal(edit.editFor, './upload.js:4');
    assert.match(edit.message, /^This aws-sdk v2 S3 client presigns URLs without `signatureVersion: 'v4'`/);
    assert.equal(edit.action, "adds `signatureVersion: 'v4'` to the S3 client in ./s3.js:4");
    const reported = findings.get('src/upload.js')!;
    assert.deepEqual(reported.map((finding) => [finding.rule, finding.line, finding.column, finding.status]), [
      ['require-sigv4-presign', 4, 10, 'fixed'],
      ['require-sigv4-presign', 8, 10, 'fixed'],
    ]);
    for (const finding of reported) assert.equal(finding.action, "adds `signatureVersion: 'v4'` to the S3 client in ./s3.js:4");
  });

  it('through the CLI run too, where the presigning file has no finding of its own', async () => {
    const input = readTree(join(casesRoot, 'cjs-module-exports-new', 'input'));
    const root = createProject(Object.fromEntries(input));
    const report = await migrate({ cwd: root });
    const output = readTree(join(casesRoot, 'cjs-module-exports-new', 'output'));
    for (const [path, text] of output) assert.equal(readFileSync(join(root, path), 'utf8'), text);
    assert.deepEqual(report.files.map((file) => [file.path, file.changed]), [['lib/links.js', true], ['lib/s3.js', true]]);
    assert.equal(report.exitCode, 0);
  });

  it('adds the option to a const only the construction reads, and leaves shared options as they are', () => {
    const { findings } = planProject(readTree(join(casesRoot, 'esm-const-options', 'input')));
    assert.deepEqual(findings.get('lib/s3.mjs')!.map((finding) => [finding.line, finding.status]), [[9, 'fixed']]);
    assert.deepEqual(findings.get('lib/links.mjs')!.map((finding) => [finding.line, finding.status]), [[4, 'fixed']]);
  });
});

describe('cross-file canonical query', () => {
  it('canonicalises where it is signed a query whose builder other callers rely on, and names the builder', () => {
    const input = readTree(join(casesRoot, 'cjs-query-builder-shared', 'input'));
    const { outputs, findings } = planProject(input);
    assert.equal(outputs.get('lib/http/query.js'), input.get('lib/http/query.js'), 'appendQuery keeps the order it had');
    assert.deepEqual([...findings.keys()], ['lib/http/signer.js']);
    const reported = findings.get('lib/http/signer.js')!;
    assert.deepEqual(reported.map((finding) => [finding.rule, finding.line, finding.status]), [
      ['sorted-canonical-query', 19, 'fixed'],
      ['sorted-canonical-query', 19, 'fixed'],
    ]);
    assert.deepEqual(new Set(reported.map((finding) => finding.message.slice(0, 20))).size, 2, 'one report per kind of defect');
    for (const finding of reported) {
      assert.equal(finding.action, 'canonicalises here the query `buildQueryString` (./query.js:10) builds; the builder keeps its order for its other callers');
    }
  });

  it('fixes a builder only the signer uses where it is, and lists the edit in both files', () => {
    const { findings } = planProject(readTree(join(casesRoot, 'ts-query-builder-index', 'input')));
    assert.deepEqual([...findings.keys()].sort(), ['src/aws/query.ts', 'src/sign.ts']);
    assert.deepEqual(findings.get('src/sign.ts')!.map((finding) => [finding.line, finding.status, finding.action]), [
      [8, 'fixed', 'fixes `canonicalQuery` in ./aws/query.ts:2, which builds this canonical query'],
      [8, 'fixed', 'fixes `canonicalQuery` in ./aws/query.ts:2, which builds this canonical query'],
    ]);
    assert.deepEqual(findings.get('src/aws/query.ts')!.map((finding) => [finding.line, finding.status, finding.editFor]), [[2, 'fixed', '../sign.ts:8']]);
  });

  it('leaves a signer alone when the imported builder already sorts and encodes', () => {
    const input = readTree(join(casesRoot, 'ts-query-builder-index', 'output'));
    assert.deepEqual([...planProject(input).findings.keys()], []);
  });
});

describe('cross-file presigned PUT URL', () => {
  it('names the presign of the other module that signed the type the upload now sends', () => {
    const { findings } = planProject(readTree(join(casesRoot, 'esm-presigned-put-url', 'input')));
    assert.deepEqual([...findings.keys()], ['src/upload.mjs']);
    assert.deepEqual(findings.get('src/upload.mjs')!.map((finding) => [finding.rule, finding.line, finding.status]), [['presigned-put-content-type', 6, 'fixed']]);
    assert.match(findings.get('src/upload.mjs')![0]!.action!, /^adds Content-Type 'image\/png', the type the URL was presigned with in presign\.mjs:6/);
  });
});

describe('cross-file probes stay quiet', () => {
  it('on a signer whose imported functions hash the payload and build a sorted, RFC 3986 query', () => {
    const files = new Map([
      ['src/hash.mjs', "import { createHash } from 'node:crypto';\nexport const sha256 = (text) => createHash('sha256').update(text).digest('hex');\n"],
      [
        'src/query.mjs',
        "const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());\n" +
          "export const sortedQuery = (params) => Object.keys(params).sort().map((name) => `${encode(name)}=${encode(params[name])}`).join('&');\n",
      ],
      [
        'src/sign.mjs',
        "import { sha256 } from './hash.mjs';\nimport { sortedQuery } from './query.mjs';\n" +
          "export const canonicalRequest = (path, params, headers, signed) => ['GET', path, sortedQuery(params), headers, signed, sha256('')].join('\\n'); // aws4_request\n",
      ],
    ]);
    const { outputs, findings } = planProject(files);
    assert.deepEqual([...findings.keys()], []);
    assert.deepEqual(outputs, files);
  });

  it('on a PUT to a URL another module presigns without a Content-Type (any type uploads)', () => {
    const files = new Map([
      ['lib/links.mjs', "import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({ signatureVersion: 'v4' });\nexport const target = (key) => s3.getSignedUrl('putObject', { Bucket: 'b', Key: key });\n"],
      ['lib/push.mjs', "import { target } from './links.mjs';\nexport async function push(key, bytes) {\n  const url = target(key);\n  await fetch(url, { method: 'PUT', body: bytes });\n}\n"],
    ]);
    const { outputs, findings } = planProject(files);
    assert.deepEqual([...findings.keys()], []);
    assert.deepEqual(outputs, files);
  });
});
