// Writes the README's rule table from the rules' meta (`npm run readme`); with `--check` it writes
// nothing and exits 1 when README.md is stale, so CI catches a rule changed without its table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { rules } from '../rules/index';

export const BEGIN_MARKER = '<!-- begin auto-generated rules list -->';
export const END_MARKER = '<!-- end auto-generated rules list -->';

const README_PATH = join(import.meta.dirname, '..', 'README.md');

/** The part of a rule's meta the table shows. */
export interface RuleTableMeta {
  docs?: { description: string; recommended?: boolean };
  fixable?: 'code' | 'whitespace';
  hasSuggestions?: boolean;
}

/** Table cells cannot hold `|` or line breaks. */
function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

export function renderRuleTable(ruleMetas: Record<string, RuleTableMeta>): string {
  const rows = Object.entries(ruleMetas)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, meta]) =>
      [
        `[${name}](docs/rules/${name}.md)`,
        escapeCell(meta.docs?.description ?? ''),
        meta.docs?.recommended ? '💼' : '',
        meta.fixable ? '🔧' : '',
        meta.hasSuggestions ? '💡' : '',
      ].join(' | '),
    );
  return [
    '💼 Set in the `recommended` config.\\',
    '🔧 Automatically fixable by the [`--fix` CLI option](https://eslint.org/docs/latest/use/command-line-interface#--fix).\\',
    '💡 Manually fixable by [editor suggestions](https://eslint.org/docs/latest/use/core-concepts#rule-suggestions).',
    '',
    '| Name | Description | 💼 | 🔧 | 💡 |',
    '| :--- | :--- | :-: | :-: | :-: |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/** README text with everything between the markers replaced by `table`. */
export function replaceRuleTable(readme: string, table: string): string {
  const begin = readme.indexOf(BEGIN_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (begin === -1 || end < begin) throw new Error(`README lacks the markers ${BEGIN_MARKER} … ${END_MARKER}`);
  return `${readme.slice(0, begin + BEGIN_MARKER.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

export function currentRuleMetas(): Record<string, RuleTableMeta> {
  return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, rule.meta]));
}

function main(): void {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, readme: { type: 'string' } } });
  const readmePath = values.readme ?? README_PATH;
  const readme = readFileSync(readmePath, 'utf8');
  const updated = replaceRuleTable(readme, renderRuleTable(currentRuleMetas()));
  if (values.check) {
    if (updated !== readme) {
      process.stderr.write(`${readmePath}: the rule table is stale; run \`npm run readme\`.\n`);
      process.exitCode = 1;
    }
    return;
  }
  if (updated !== readme) writeFileSync(readmePath, updated);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
