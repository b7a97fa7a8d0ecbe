// Proves no-legacy-signing-dependency reports package.json dependencies whose range allows a SigV2/SigV3
// release (ranges, aliases, git and file sources, workspaces), on the version string, under ESLint 10 and 9.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jsonPlugin from '@eslint/json';
import { Linter, RuleTester as RuleTester10 } from 'eslint';
import { RuleTester as RuleTester9 } from 'eslint9';
import { readDeclaredRelease } from '../../rules/data/dependency-findings';
import { findLegacySigningDependencies } from '../../rules/data/package-json-text';
import rule from '../../rules/no-legacy-signing-dependency';
import plugin from '../../src/index';

for (const Tester of [RuleTester10, RuleTester9]) {
  Tester.describe = describe;
  Tester.it = it;
  Tester.itOnly = it.only;
}

/** A package.json as npm writes it (two-space indent), from its dependency sections. */
function packageJson(fields: Record<string, unknown>): string {
  return `${JSON.stringify({ name: 'acme-mailer', version: '1.4.0', ...fields }, null, 2)}\n`;
}

/** Where `"name": "version"` puts its version string: the rule reports there, quotes included. */
function versionPosition(text: string, name: string, version: string) {
  const declaration = `${JSON.stringify(name)}: ${JSON.stringify(version)}`;
  const offset = text.indexOf(declaration) + declaration.length - JSON.stringify(version).length;
  assert.ok(offset >= declaration.length - JSON.stringify(version).length, `${declaration} is not in the text`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { line, column, endLine: line, endColumn: column + JSON.stringify(version).length };
}

interface Expectation {
  section?: string;
  name: string;
  version: string;
  messageId: 'upgrade' | 'replace';
  /** The version string the suggestion writes, when there is one. */
  suggestion?: string;
}

function invalidCase(fields: Record<string, unknown>, expectations: Expectation[]) {
  const code = packageJson(fields);
  return {
    code,
    output: null,
    errors: expectations.map(({ name, version, messageId, suggestion }) => ({
      messageId,
      ...versionPosition(code, name, version),
      suggestions:
        suggestion === undefined
          ? []
          : [{ messageId: 'useFixedRange', data: { fixedRange: suggestion }, output: code.replace(`${JSON.stringify(name)}: ${JSON.stringify(version)}`, `${JSON.stringify(name)}: ${JSON.stringify(suggestion)}`) }],
    })),
  };
}

const valid = [
  // No dependencies at all.
  packageJson({}),
  packageJson({ scripts: { test: 'node --test' } }),
  // The fixed releases and later.
  packageJson({ dependencies: { 'node-ses': '^2.0.0', nodemailer: '^6.9.16' } }),
  packageJson({ dependencies: { 'node-ses': '>=2.1.0 <4' }, devDependencies: { nodemailer: '0.7.x' } }),
  // Maintained signers and unrelated packages.
  packageJson({ dependencies: { aws4: '^1.13.2', '@aws-sdk/client-s3': '^3.700.0', 'knox-mpu-tools': '^1.0.0', express: '^4.21.0' } }),
  // A dist-tag or an unpinned git source of a package whose later releases are fixed: nothing proves an old one.
  packageJson({ dependencies: { 'node-ses': 'latest', nodemailer: 'github:nodemailer/nodemailer' } }),
  packageJson({ dependencies: { 'node-ses': 'git+https://github.com/aheckmann/node-ses.git#v2.0.0', awssum: 'file:../vendor/awssum' } }),
  // The project's own workspace package that happens to be called knox.
  packageJson({ private: true, workspaces: ['packages/*'], dependencies: { knox: 'workspace:*' } }),
  // Not a dependency section, not at the root, or not a version string.
  packageJson({ bundleDependencies: ['knox'], resolutions: { knox: '0.9.2' }, config: { dependencies: { knox: '^0.9.2' } } }),
  packageJson({ dependencies: { knox: 9 } }),
  packageJson({ dependencies: ['knox'] }),
  '[]\n',
];

const invalid = [
  invalidCase({ dependencies: { knox: '^0.9.2', express: '^4.21.0' } }, [{ name: 'knox', version: '^0.9.2', messageId: 'replace' }]),
  invalidCase({ dependencies: { 'node-ses': '~1.2.0' } }, [{ name: 'node-ses', version: '~1.2.0', messageId: 'upgrade', suggestion: '^2.0.0' }]),
  invalidCase({ devDependencies: { 'node-ses': '1.x' } }, [{ name: 'node-ses', version: '1.x', messageId: 'upgrade', suggestion: '^2.0.0' }]),
  invalidCase({ optionalDependencies: { 'node-ses': '1.2.0' } }, [{ name: 'node-ses', version: '1.2.0', messageId: 'upgrade', suggestion: '^2.0.0' }]),
  // Allows 2.x too, but also every 1.x.
  invalidCase({ dependencies: { 'node-ses': '>=1.0.0' } }, [{ name: 'node-ses', version: '>=1.0.0', messageId: 'upgrade', suggestion: '^2.0.0' }]),
  invalidCase({ peerDependencies: { 'aws-sign2': '*' } }, [{ name: 'aws-sign2', version: '*', messageId: 'replace' }]),
  // Every release of these signs the old way, so any source counts.
  invalidCase({ dependencies: { knox: 'latest', aws3: '' } }, [
    { name: 'knox', version: 'latest', messageId: 'replace' },
    { name: 'aws3', version: '', messageId: 'replace' },
  ]),
  invalidCase({ dependencies: { knox: 'git+https://github.com/Automattic/knox.git', 'aws-sign2': 'file:../vendor/aws-sign2' } }, [
    { name: 'knox', version: 'git+https://github.com/Automattic/knox.git', messageId: 'replace' },
    { name: 'aws-sign2', version: 'file:../vendor/aws-sign2', messageId: 'replace' },
  ]),
  // A git source pinned to an old release: reported, but only a registry range gets the suggestion.
  invalidCase({ dependencies: { 'node-ses': 'github:aheckmann/node-ses#semver:^1.0.0' } }, [
    { name: 'node-ses', version: 'github:aheckmann/node-ses#semver:^1.0.0', messageId: 'upgrade' },
  ]),
  invalidCase({ dependencies: { 'node-ses': 'git+https://github.com/aheckmann/node-ses.git#v1.2.0' } }, [
    { name: 'node-ses', version: 'git+https://github.com/aheckmann/node-ses.git#v1.2.0', messageId: 'upgrade' },
  ]),
  // npm aliases: the alias target is what gets installed.
  invalidCase({ dependencies: { s3: 'npm:knox@^0.9.0' } }, [{ name: 's3', version: 'npm:knox@^0.9.0', messageId: 'replace' }]),
  invalidCase({ devDependencies: { ses: 'npm:node-ses@^1.0.0' } }, [
    { name: 'ses', version: 'npm:node-ses@^1.0.0', messageId: 'upgrade', suggestion: 'npm:node-ses@^2.0.0' },
  ]),
  // The changelog does not call 0.7.0 compatible: no suggestion.
  invalidCase({ dependencies: { nodemailer: '^0.6.0' } }, [{ name: 'nodemailer', version: '^0.6.0', messageId: 'upgrade' }]),
  invalidCase({ dependencies: { aws2js: '~0.8.0' } }, [{ name: 'aws2js', version: '~0.8.0', messageId: 'replace' }]),
  // A workspace member's package.json.
  invalidCase({ name: '@acme/storage', private: true, dependencies: { '@acme/config': 'workspace:^', 'awssum-amazon-s3': '^1.5.0' } }, [
    { name: 'awssum-amazon-s3', version: '^1.5.0', messageId: 'replace' },
  ]),
];

describe('no-legacy-signing-dependency', () => {
  for (const [label, Tester] of [['ESLint 10', RuleTester10], ['ESLint 9', RuleTester9]] as const) {
    describe(label, () => {
      const ruleTester = new Tester({ plugins: { json: jsonPlugin }, language: 'json/json' });
      // ESLint's RuleTester types rules as JavaScript rules; this one is a JSON-language rule object.
      ruleTester.run('no-legacy-signing-dependency', rule as never, { valid, invalid });
    });
  }
});

describe('no-legacy-signing-dependency messages', () => {
  it('names the release that fixed it and the install line, in the section it was declared in', () => {
    const [finding] = findLegacySigningDependencies(packageJson({ devDependencies: { 'node-ses': '^1.2.0' } }), 'package.json');
    assert.equal(
      finding?.message,
      '`node-ses@^1.2.0` allows node-ses releases that sign with SigV3 (`X-Amzn-Authorization: AWS3-HTTPS`) for SES; 2.0.0 signs with SigV4: `npm install --save-dev node-ses@^2.0.0`.',
    );
  });

  it('names the maintained replacement where no release signs with SigV4', () => {
    const [finding] = findLegacySigningDependencies(packageJson({ peerDependencies: { aws3: '^0.2.0' } }), 'package.json');
    assert.equal(finding?.message, '`aws3@^0.2.0`: aws3 signs with SigV3 (`X-Amzn-Authorization: AWS3-HTTPS` / `AWS3`) in every release; replace it with aws4: `npm install --save-peer aws4`.');
  });

  it('gives the CLI the version string\'s location', () => {
    const code = packageJson({ dependencies: { knox: '^0.9.2' } });
    const [finding] = findLegacySigningDependencies(code, 'package.json');
    assert.deepEqual(finding?.location, versionPosition(code, 'knox', '^0.9.2'));
  });

  it('is the same text ESLint reports', () => {
    const code = packageJson({ dependencies: { knox: '^0.9.2', 'node-ses': '^1.0.0' } });
    const messages = new Linter().verify(code, [plugin.configs['package-json'] as never], { filename: 'package.json' });
    assert.deepEqual(
      messages.map((message) => message.message),
      findLegacySigningDependencies(code, 'package.json').map((finding) => finding.message),
    );
    assert.equal(messages.length, 2);
  });
});

describe('malformed package.json', () => {
  const broken = '{\n  "dependencies": {\n    "knox": "^0.9.2",\n';

  it('gets ESLint\'s own parse error, not a crash', () => {
    for (const LinterClass of [Linter]) {
      const messages = new LinterClass().verify(broken, [plugin.configs['package-json'] as never], { filename: 'package.json' });
      assert.equal(messages.length, 1);
      assert.equal(messages[0]?.fatal, true);
      assert.equal(messages[0]?.ruleId, null);
    }
  });

  it('has no findings for the CLI', () => {
    assert.deepEqual(findLegacySigningDependencies(broken, 'package.json'), []);
  });
});

describe('readDeclaredRelease', () => {
  const cases: [string, string, ReturnType<typeof readDeclaredRelease>][] = [
    ['knox', '^0.9.2', { kind: 'range', packageName: 'knox', range: '>=0.9.2 <0.10.0-0' }],
    ['s3', 'npm:knox', { kind: 'range', packageName: 'knox', range: '*' }],
    ['mail', 'npm:@acme/node-ses@1.2.0', { kind: 'range', packageName: '@acme/node-ses', range: '1.2.0' }],
    ['knox', 'workspace:~', { kind: 'local' }],
    ['knox', 'next', { kind: 'unknown', packageName: 'knox' }],
    ['knox', 'Automattic/knox', { kind: 'unknown', packageName: 'knox' }],
    ['knox', 'Automattic/knox#0.9.2', { kind: 'range', packageName: 'knox', range: '0.9.2' }],
    ['knox', 'https://example.com/knox-0.9.2.tgz', { kind: 'unknown', packageName: 'knox' }],
  ];
  for (const [name, spec, expected] of cases) {
    it(`reads ${name}: ${spec}`, () => {
      assert.deepEqual(readDeclaredRelease(name, spec), expected);
    });
  }
});
