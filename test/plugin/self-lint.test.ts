// The repository passes its own lint (eslint.config.js: typescript-eslint, eslint-plugin-eslint-plugin
// and this plugin's recommended config), so CI checks it with the tests.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { REPOSITORY_ROOT } from '../support/built-plugin';

describe('self-lint', () => {
  let eslint: ESLint;
  before(() => {
    eslint = new ESLint({ cwd: REPOSITORY_ROOT });
  });

  /** The rule ids switched on for a file, to prove the config covers what it claims. */
  async function enabledRules(path: string): Promise<string[]> {
    const config = (await eslint.calculateConfigForFile(join(REPOSITORY_ROOT, path))) as { rules?: Record<string, unknown[]> } | undefined;
    return Object.entries(config?.rules ?? {})
      .filter(([, setting]) => setting[0] !== 0 && setting[0] !== 'off')
      .map(([rule]) => rule);
  }

  it('applies typescript-eslint, eslint-plugin-eslint-plugin and sigv4 rules to rule files', async () => {
    const ruleIds = await enabledRules('rules/no-legacy-signature.ts');
    for (const expected of ['@typescript-eslint/no-explicit-any', 'eslint-plugin/require-meta-type', 'sigv4/no-legacy-signature']) {
      assert.ok(ruleIds.includes(expected), `${expected} is not on for rules/`);
    }
  });

  it('applies typescript-eslint and sigv4 rules to the helper, CLI, tests and scripts', async () => {
    for (const path of ['src/sigv4/index.ts', 'src/cli/main.ts', 'test/corpus.test.ts', 'scripts/rule-table.ts']) {
      const ruleIds = await enabledRules(path);
      assert.ok(ruleIds.includes('@typescript-eslint/no-unused-vars'), `typescript-eslint is off for ${path}`);
      assert.ok(ruleIds.includes('sigv4/sorted-canonical-query'), `sigv4 is off for ${path}`);
    }
  });

  it('ignores build output, dependencies, the corpus and examples', async () => {
    for (const path of ['dist/index.mjs', 'node_modules/eslint/lib/api.js', 'test/corpus/mixed/media-service.js', 'examples/legacy-app/x.js']) {
      assert.ok(await eslint.isPathIgnored(join(REPOSITORY_ROOT, path)), `${path} is linted`);
    }
  });

  it('reports no errors on the repository', async () => {
    const results = await eslint.lintFiles(['.']);
    assert.ok(results.some((result) => result.filePath.endsWith(join('rules', 'index.ts'))), 'rules/index.ts was not linted');
    const errors = results.flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map((message) => `${result.filePath.slice(REPOSITORY_ROOT.length + 1)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'}: ${message.message}`),
    );
    assert.deepEqual(errors, []);
  });
});
