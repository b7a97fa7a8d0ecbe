// Writes the README's rule table from the rules' meta and the table of legacy signing dependencies in
// docs/rules/no-legacy-signing-dependency.md from its data file (`npm run readme`); with `--check` it
// writes nothing and exits 1 when either is stale, so CI catches a change made without its table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { LEGACY_SIGNING_DEPENDENCIES, type LegacySigningDependency } from '../rules/data/legacy-signing-dependencies';
import { packageJsonRules, rules } from '../rules/index';

export const BEGIN_MARKER = '<!-- begin auto-generated rules list -->';
export const END_MARKER = '<!-- end auto-generated rules list -->';

export const DEPENDENCY_TABLE_BEGIN_MARKER = '<!-- begin auto-generated dependency table -->';
export const DEPENDENCY_TABLE_END_MARKER = '<!-- end auto-generated dependency table -->';

const README_PATH = join(import.meta.dirname, '..', 'README.md');
export const DEPENDENCY_DOCS_PATH = join(import.meta.dirname, '..', 'docs', 'rules', 'no-legacy-signing-dependency.md');

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
    '💼 Set in the `recommended` config (package.json rules: in the `package-json` config).\\',
    '🔧 Automatically fixable by the [`--fix` CLI option](https://eslint.org/docs/latest/use/command-line-interface#--fix).\\',
    '💡 Manually fixable by [editor suggestions](https://eslint.org/docs/latest/use/core-concepts#rule-suggestions).',
    '',
    '| Name | Description | 💼 | 🔧 | 💡 |',
    '| :--- | :--- | :-: | :-: | :-: |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/** Text with everything between the markers replaced by `table`. */
export function replaceBetweenMarkers(text: string, table: string, beginMarker: string, endMarker: string): string {
  const begin = text.indexOf(beginMarker);
  const end = text.indexOf(endMarker);
  if (begin === -1 || end < begin) throw new Error(`the file lacks the markers ${beginMarker} … ${endMarker}`);
  return `${text.slice(0, begin + beginMarker.length)}\n\n${table}\n\n${text.slice(end)}`;
}

/** README text with everything between the rule-list markers replaced by `table`. */
export function replaceRuleTable(readme: string, table: string): string {
  return replaceBetweenMarkers(readme, table, BEGIN_MARKER, END_MARKER);
}

export function currentRuleMetas(): Record<string, RuleTableMeta> {
  return Object.fromEntries(Object.entries({ ...rules, ...packageJsonRules }).map(([name, rule]) => [name, rule.meta as RuleTableMeta]));
}

function describeFix(entry: LegacySigningDependency): string {
  if (entry.fix.kind === 'upgrade') {
    const compatibility = entry.fix.apiCompatible ? 'API-compatible per its changelog (suggestion offered)' : 'API may differ (no suggestion)';
    return `upgrade to ${entry.fix.version} (${compatibility})`;
  }
  const packages = entry.fix.packages.map((name) => `\`${name}\``).join(', ');
  return entry.fix.note ? `replace: ${entry.fix.note} (e.g. ${packages})` : `replace with ${packages}`;
}

/** Each source as a link: its URL, then what it shows (the text after the URL). */
function describeSources(entry: LegacySigningDependency): string {
  return entry.sources
    .map((source) => {
      const [url = '', ...rest] = source.split(' ');
      const label = url.replace('https://github.com/', '').replace(/\/blob\/([0-9a-f]{7})[0-9a-f]{33}\//, '@$1/');
      return `[${label}](${url})${rest.length > 0 ? ` ${rest.join(' ')}` : ''}`;
    })
    .join('<br>');
}

export function renderDependencyTable(entries: readonly LegacySigningDependency[]): string {
  const rows = [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((entry) => [`\`${entry.name}\``, `\`${entry.affected}\``, entry.signs, describeFix(entry), describeSources(entry)].map(escapeCell).join(' | '));
  return ['| Package | Affected releases | Signs with | Fix | Verified from |', '| :--- | :--- | :--- | :--- | :--- |', ...rows.map((row) => `| ${row} |`)].join('\n');
}

/** A generated file and its text as it should be. */
interface GeneratedFile {
  path: string;
  current: string;
  updated: string;
}

function generatedFiles(readmePath: string, dependencyDocsPath: string): GeneratedFile[] {
  const readme = readFileSync(readmePath, 'utf8');
  const docs = readFileSync(dependencyDocsPath, 'utf8');
  return [
    { path: readmePath, current: readme, updated: replaceRuleTable(readme, renderRuleTable(currentRuleMetas())) },
    {
      path: dependencyDocsPath,
      current: docs,
      updated: replaceBetweenMarkers(docs, renderDependencyTable(LEGACY_SIGNING_DEPENDENCIES), DEPENDENCY_TABLE_BEGIN_MARKER, DEPENDENCY_TABLE_END_MARKER),
    },
  ];
}

function main(): void {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, readme: { type: 'string' }, 'dependency-docs': { type: 'string' } } });
  for (const file of generatedFiles(values.readme ?? README_PATH, values['dependency-docs'] ?? DEPENDENCY_DOCS_PATH)) {
    if (file.updated === file.current) continue;
    if (values.check) {
      process.stderr.write(`${file.path}: the generated table is stale; run \`npm run readme\`.\n`);
      process.exitCode = 1;
    } else {
      writeFileSync(file.path, file.updated);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
