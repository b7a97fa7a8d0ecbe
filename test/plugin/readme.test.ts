// The README's rule table is generated from the rules' meta and up to date (`npm run readme`), and
// `scripts/rule-table.ts --check` really fails on a stale README.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
import { packageJsonRules, rules as codeRules } from '../../rules/index';
import { BEGIN_MARKER, currentRuleMetas, END_MARKER, renderRuleTable, replaceRuleTable } from '../../scripts/rule-table';
import { REPOSITORY_ROOT } from '../support/built-plugin';

const rules = { ...codeRules, ...packageJsonRules };
const README_PATH = join(REPOSITORY_ROOT, 'README.md');
const SCRIPT_PATH = join(REPOSITORY_ROOT, 'scripts', 'rule-table.ts');

function runRuleTable(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', SCRIPT_PATH, ...args], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
}

function tableRows(readme: string): string[] {
  const table = readme.slice(readme.indexOf(BEGIN_MARKER), readme.indexOf(END_MARKER));
  return table.split('\n').filter((line) => line.startsWith('| ['));
}

describe('README rule table', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sigv4-migrate-readme-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('is current: `rule-table.ts --check` passes on README.md', () => {
    const result = runRuleTable(['--check']);
    assert.equal(result.status, 0, `README.md is stale; run \`npm run readme\`\n${result.stderr}`);
  });

  it('has one row per rule, linked to its docs, with its description and badges', () => {
    const rows = tableRows(readFileSync(README_PATH, 'utf8'));
    assert.equal(rows.length, Object.keys(rules).length);
    for (const [name, rule] of Object.entries(rules)) {
      const row = rows.find((line) => line.startsWith(`| [${name}](docs/rules/${name}.md) |`));
      assert.ok(row, `no row for ${name}`);
      const cells = row.split(' | ');
      assert.equal(cells[1], rule.meta?.docs?.description);
      assert.equal(cells[2], rule.meta?.docs?.recommended ? '💼' : '');
    }
  });

  it('marks fixable and suggesting rules', () => {
    const table = renderRuleTable({
      'fixes-code': { docs: { description: 'Fixes.', recommended: true }, fixable: 'code' },
      'suggests-only': { docs: { description: 'A | B.', recommended: false }, hasSuggestions: true },
    });
    assert.match(table, /^\| \[fixes-code\]\(docs\/rules\/fixes-code\.md\) \| Fixes\. \| 💼 \| 🔧 \|  \|$/m);
    assert.match(table, /^\| \[suggests-only\]\(docs\/rules\/suggests-only\.md\) \| A \\\| B\. \|  \|  \| 💡 \|$/m);
  });

  it('`--check` fails on a stale README and leaves it untouched; a plain run repairs it', () => {
    const current = readFileSync(README_PATH, 'utf8');
    const stale = replaceRuleTable(current, renderRuleTable({ ...currentRuleMetas(), 'gone-rule': { docs: { description: 'Old.' } } }));
    const stalePath = join(scratch, 'README.md');
    writeFileSync(stalePath, stale);

    const check = runRuleTable(['--check', '--readme', stalePath]);
    assert.equal(check.status, 1);
    assert.match(check.stderr, /stale/);
    assert.equal(readFileSync(stalePath, 'utf8'), stale);

    assert.equal(runRuleTable(['--readme', stalePath]).status, 0);
    assert.equal(readFileSync(stalePath, 'utf8'), current);
  });

  it('refuses a README without the markers', () => {
    assert.throws(() => replaceRuleTable('# no table here\n', 'x'), /markers/);
  });
});

describe('README commands', () => {
  const readme = readFileSync(README_PATH, 'utf8');

  it('Quick start holds exactly the two set-up commands, in one code block', () => {
    const quickStart = /^## Quick start\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
    const blocks = [...quickStart.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
    assert.deepEqual(blocks, ['npm ci && npm run demo\nnpm test\n']);
  });

  it('names only npm scripts that package.json defines', () => {
    const scripts: Record<string, string> = packageJson.scripts;
    const named = [...new Set([...readme.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1] ?? ''))];
    assert.deepEqual(named.filter((name) => !(name in scripts)), [], 'README runs scripts package.json lacks');
  });

  it('CI runs the README\'s test command after a clean install', () => {
    const ci = readFileSync(join(REPOSITORY_ROOT, '.ci', 'run'), 'utf8');
    assert.match(ci, /^npm ci\nnpm test$/m);
  });
});
