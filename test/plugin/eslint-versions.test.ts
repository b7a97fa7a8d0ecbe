// The built plugin works where users run it: ESLint 10 and ESLint 9, through `ESLint` and `Linter`,
// with espree and with @typescript-eslint/parser, and from a real `eslint.config.js`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, Linter as Linter10 } from 'eslint';
import { ESLint as ESLint9, Linter as Linter9 } from 'eslint9';
import type { RuleName } from '../../rules/index';
import { importBuiltPlugin, type Plugin, REPOSITORY_ROOT } from '../support/built-plugin';

/** One small file per rule, written the way the issue describes the defect: with every rule of
 * `recommended` on, each must draw exactly one report, from its own rule. */
const SAMPLES: Record<RuleName, string> = {
  'no-legacy-signature': `import AWS from 'aws-sdk';

export const ses = new AWS.SES({ region: 'us-east-1', signatureVersion: 'v3' });
`,
  'require-sigv4-presign': `import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'eu-west-1' });

export function downloadUrl(key) {
  return s3.getSignedUrl('getObject', { Bucket: 'reports', Key: key });
}
`,
  'sorted-canonical-query': `import { createHash } from 'node:crypto';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

export function stringToSign(amzDate, scope) {
  const query = 'Action=ListUsers&Version=2010-05-08&MaxItems=10';
  const canonicalRequest = ['GET', '/', query, 'host:iam.amazonaws.com\\n', 'host', sha256('')].join('\\n');
  return ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\\n');
}
`,
  'presigned-put-content-type': `export async function upload(signedUrl, bytes) {
  const response = await fetch(signedUrl, { method: 'PUT', body: bytes });
  return response.ok;
}
`,
};

const sampleEntries = Object.entries(SAMPLES) as [RuleName, string][];

interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  fatal?: boolean;
}

/** The whole outcome, so a failure shows every message and not only a count. */
function describeMessages(messages: readonly LintMessage[]): string {
  return messages.map((message) => `${message.line}: ${message.ruleId ?? 'fatal'}: ${message.message}`).join('\n') || '(none)';
}

function assertOneReportFrom(rule: RuleName, messages: readonly LintMessage[]): void {
  assert.deepEqual(
    messages.map((message) => message.ruleId),
    [`sigv4/${rule}`],
    `expected exactly one sigv4/${rule} report, got:\n${describeMessages(messages)}`,
  );
}

const PARSERS = [
  { label: 'espree (default parser)', extension: 'js', extraConfig: [] },
  {
    label: '@typescript-eslint/parser',
    extension: 'ts',
    extraConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }],
  },
] as const;

/** What the tests need from one ESLint major, each typed by its own package. The plugin's types
 * come from typescript-eslint, each ESLint major types configs itself; at run time all three are
 * the same plain flat-config objects, hence the `unknown` casts. */
interface EslintVersion {
  label: string;
  lintText(source: string, filePath: string, config: readonly object[]): Promise<readonly LintMessage[]>;
  verify(source: string, filename: string, config: readonly object[]): readonly LintMessage[];
  lintProject(cwd: string, patterns: string[]): Promise<{ filePath: string; messages: readonly LintMessage[] }[]>;
}

const ESLINT_VERSIONS: EslintVersion[] = [
  {
    label: 'ESLint 10 (eslint)',
    async lintText(source, filePath, config) {
      const eslint = new ESLint10({ cwd: REPOSITORY_ROOT, overrideConfigFile: true, overrideConfig: config as unknown as Linter10.Config[] });
      return (await eslint.lintText(source, { filePath }))[0]?.messages ?? [];
    },
    verify: (source, filename, config) => new Linter10().verify(source, config as unknown as Linter10.Config[], { filename }),
    lintProject: (cwd, patterns) => new ESLint10({ cwd }).lintFiles(patterns),
  },
  {
    label: 'ESLint 9 (eslint9)',
    async lintText(source, filePath, config) {
      const eslint = new ESLint9({ cwd: REPOSITORY_ROOT, overrideConfigFile: true, overrideConfig: config as unknown as Linter9.Config[] });
      return (await eslint.lintText(source, { filePath }))[0]?.messages ?? [];
    },
    verify: (source, filename, config) =>
      new Linter9({ configType: 'flat' }).verify(source, config as unknown as Linter9.Config[], { filename }),
    lintProject: (cwd, patterns) => new ESLint9({ cwd }).lintFiles(patterns),
  },
];

let plugin: Plugin;
before(async () => {
  plugin = await importBuiltPlugin();
});

it('runs each ESLint major it claims to support', () => {
  assert.match(ESLint10.version, /^10\./);
  assert.match(Linter10.version, /^10\./);
  assert.match(ESLint9.version, /^9\./);
  assert.match(Linter9.version, /^9\./);
});

for (const eslintVersion of ESLINT_VERSIONS) {
  describe(eslintVersion.label, () => {
    for (const parser of PARSERS) {
      describe(parser.label, () => {
        const config = () => [plugin.configs.recommended, ...parser.extraConfig];

        for (const [rule, source] of sampleEntries) {
          it(`ESLint#lintText: ${rule} reports once`, async () => {
            const filePath = join(REPOSITORY_ROOT, `sample.${parser.extension}`);
            assertOneReportFrom(rule, await eslintVersion.lintText(source, filePath, config()));
          });

          it(`Linter#verify: ${rule} reports once`, () => {
            assertOneReportFrom(rule, eslintVersion.verify(source, `sample.${parser.extension}`, config()));
          });
        }
      });
    }
  });
}

/** A project that installed the package: `node_modules/sigv4-migrate` is this repository. */
function createProject(configFileName: string, configSource: string): string {
  const project = mkdtempSync(join(tmpdir(), 'sigv4-migrate-eslint-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(REPOSITORY_ROOT, join(project, 'node_modules', 'sigv4-migrate'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', type: 'module', private: true }));
  writeFileSync(join(project, configFileName), configSource);
  mkdirSync(join(project, 'src'));
  for (const [rule, source] of sampleEntries) writeFileSync(join(project, 'src', `${rule}.js`), source);
  writeFileSync(join(project, 'src', 'clean.js'), "export const greeting = 'hello';\n");
  return project;
}

/** A project manifest that declares a SigV2 signer (knox) beside an unrelated package. */
const PROJECT_MANIFEST = `${JSON.stringify({ name: 'user-project', type: 'module', private: true, dependencies: { express: '^4.21.0', knox: '^0.9.2' } }, null, 2)}\n`;

const CONFIG_FILES = [
  {
    label: 'ESM eslint.config.js from the README',
    fileName: 'eslint.config.js',
    source: "import sigv4 from 'sigv4-migrate';\n\nexport default [sigv4.configs.recommended];\n",
  },
  {
    label: 'CommonJS eslint.config.cjs',
    fileName: 'eslint.config.cjs',
    source: "const sigv4 = require('sigv4-migrate');\n\nmodule.exports = [sigv4.configs.recommended];\n",
  },
] as const;

describe("a user project with configs['package-json']", () => {
  const projects: string[] = [];
  after(() => {
    for (const project of projects) rmSync(project, { recursive: true, force: true });
  });

  for (const eslintVersion of ESLINT_VERSIONS) {
    it(`${eslintVersion.label} lints package.json with the JSON rule only, and code as before`, async () => {
      const project = createProject('eslint.config.js', "import sigv4 from 'sigv4-migrate';\n\nexport default [sigv4.configs.recommended, sigv4.configs['package-json']];\n");
      projects.push(project);
      writeFileSync(join(project, 'package.json'), PROJECT_MANIFEST);
      const results = await eslintVersion.lintProject(project, ['.']);
      const manifest = results.find((result) => result.filePath === join(project, 'package.json'));
      assert.deepEqual(manifest?.messages.map((message) => `${message.line} ${message.ruleId}`), ['7 sigv4/no-legacy-signing-dependency']);
      for (const [rule] of sampleEntries) {
        const result = results.find((candidate) => candidate.filePath.endsWith(join('src', `${rule}.js`)));
        assertOneReportFrom(rule, result?.messages ?? []);
      }
    });

    it(`${eslintVersion.label} with the README's config alone leaves package.json unlinted`, async () => {
      const project = createProject('eslint.config.js', CONFIG_FILES[0].source);
      projects.push(project);
      writeFileSync(join(project, 'package.json'), PROJECT_MANIFEST);
      const results = await eslintVersion.lintProject(project, ['.']);
      assert.ok(!results.some((result) => result.filePath.endsWith('package.json')), 'package.json was linted');
    });
  }
});

describe('a user project with a flat config file', () => {
  const projects: string[] = [];
  after(() => {
    for (const project of projects) rmSync(project, { recursive: true, force: true });
  });

  for (const configFile of CONFIG_FILES) {
    for (const eslintVersion of ESLINT_VERSIONS) {
      it(`${eslintVersion.label} loads the ${configFile.label} and lints src/`, async () => {
        const project = createProject(configFile.fileName, configFile.source);
        projects.push(project);
        const results = await eslintVersion.lintProject(project, ['src']);

        const linted = results.map((result) => result.filePath.slice(project.length + 1)).sort();
        assert.deepEqual(linted, [...sampleEntries.map(([rule]) => `src/${rule}.js`), 'src/clean.js'].sort());
        for (const result of results) {
          const rule = sampleEntries.find(([name]) => result.filePath.endsWith(`${name}.js`))?.[0];
          if (rule) assertOneReportFrom(rule, result.messages);
          else assert.deepEqual(result.messages, [], `clean.js:\n${describeMessages(result.messages)}`);
        }
      });
    }
  }
});
