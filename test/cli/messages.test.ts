// Issue 13: the CLI words every finding exactly as ESLint does. For each corpus file, ESLint runs the
// plugin on it and the engine plans the same text (each corpus folder as one run, so presigns with a
// client from a sibling module are planned too): every finding the CLI lists carries the ESLint
// message of the same rule, line and column, and what it did or why not is kept apart, short.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { codemods } from '../../codemods/index';
import { rules } from '../../rules/index';
import plugin from '../../src/index';
import { planFiles } from '../../src/engine/index';
import type { FindingReport } from '../../src/engine/index';
import { MAX_MESSAGE_LENGTH, sentenceCount } from '../support/message-size';

const CORPUS_DIR = join(import.meta.dirname, '..', 'corpus');
const CODE_FILE = /\.[cm]?[jt]sx?$/;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

function codeFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return codeFilesUnder(path);
    return CODE_FILE.test(entry.name) ? [path] : [];
  });
}

/** ESLint with the plugin, as a user's flat config runs it (inline comments honoured, as the engine does). */
function eslintMessages(path: string, text: string): Linter.LintMessage[] {
  const extension = extname(path);
  const config: Linter.Config = {
    files: [`**/*${extension}`],
    plugins: { sigv4: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    rules: Object.fromEntries(Object.keys(rules).map((name) => [`sigv4/${name}`, 'error'])),
    languageOptions: {
      parser: (TYPESCRIPT_FILE.test(path) ? tsParser : espree) as Linter.Parser,
      ecmaVersion: 'latest',
      sourceType: extension === '.cjs' || extension === '.cts' ? 'commonjs' : /^\s*(?:import|export)\b/m.test(text) ? 'module' : 'commonjs',
      parserOptions: { ecmaFeatures: { jsx: !/\.[cm]?ts$/.test(extension) } },
    },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  };
  return new Linter().verify(text, [config], { filename: path });
}

/** Every message a rule can report with no data (what an item without an ESLint report of its own carries). */
function ruleMessages(rule: string): string[] {
  return Object.values((rules as Record<string, { meta: { messages: Record<string, string> } }>)[rule]?.meta.messages ?? {});
}

/** The rules whose defects the engine also finds across files, where ESLint (single-file) reports nothing. */
const CROSS_FILE_RULES = new Set(['require-sigv4-presign', 'sorted-canonical-query', 'presigned-put-content-type']);

/** Whether `message` is one of the rule's messages with its `{{data}}` filled in. */
function isRuleMessage(rule: string, message: string): boolean {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ruleMessages(rule).some((template) => new RegExp(`^${template.split(/\{\{\s*\w+\s*\}\}/).map(escape).join('[^]*')}$`).test(message));
}

interface Compared {
  finding: FindingReport;
  path: string;
  eslint: Linter.LintMessage | undefined;
}

/** Each corpus folder planned as one run, each finding paired with ESLint's report at its place. */
function compareCorpus(): Compared[] {
  const compared: Compared[] = [];
  for (const folder of readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const files = new Map(codeFilesUnder(join(CORPUS_DIR, folder.name)).map((path) => [path, readFileSync(path, 'utf8')]));
    const plan = planFiles(files, { rules, codemods, rewriteCheck: 'none' });
    for (const outcome of plan.files) {
      const reported = eslintMessages(outcome.path, outcome.before);
      for (const finding of outcome.findings) {
        const eslint = reported.find((message) => message.ruleId === `sigv4/${finding.rule}` && message.line === finding.line && message.column === finding.column);
        compared.push({ finding, path: relative(CORPUS_DIR, outcome.path), eslint });
      }
    }
  }
  return compared;
}

const compared = compareCorpus();
const where = ({ path, finding }: Compared) => `${path}:${finding.line}:${finding.column} ${finding.rule}`;

describe('the CLI words findings as ESLint does', () => {
  it('plans findings across the whole corpus', () => {
    const matched = compared.filter((entry) => entry.eslint !== undefined).length;
    assert.ok(matched > 100, `${matched} of ${compared.length} findings at a place ESLint reports`);
  });

  it("each finding's message is ESLint's message for the same rule, line and column", () => {
    const differing = compared
      .filter((entry) => entry.eslint !== undefined && entry.eslint.message !== entry.finding.message)
      .map((entry) => ({ at: where(entry), cli: entry.finding.message, eslint: entry.eslint!.message }));
    assert.deepEqual(differing, []);
  });

  it(`every corpus finding's message is at most ${MAX_MESSAGE_LENGTH} characters and two sentences, with its data filled in`, () => {
    const long = compared.filter(({ finding }) => finding.message.length > MAX_MESSAGE_LENGTH || sentenceCount(finding.message) > 2);
    assert.deepEqual(long.map((entry) => `${where(entry)}: ${entry.finding.message}`), []);
  });

  it("an edit made for another file's finding carries that finding's message", () => {
    const edits = compared.filter((entry) => entry.finding.editFor !== undefined);
    assert.ok(edits.length > 0, 'edits for other files in the corpus');
    const differing = edits.filter((entry) => {
      const [file, line] = entry.finding.editFor!.split(/:(?=\d+$)/);
      const originPath = relative(CORPUS_DIR, resolve(CORPUS_DIR, dirname(entry.path), file!));
      const origin = compared.find((other) => other.path === originPath && other.finding.line === Number(line) && other.finding.rule === entry.finding.rule && other.finding.editFor === undefined);
      return origin?.finding.message !== entry.finding.message;
    });
    assert.deepEqual(differing.map(where), []);
  });

  it('a finding seen only across files (no ESLint report here: a presign, a query, a PUT) carries a message of its rule', () => {
    const unmatched = compared.filter((entry) => entry.eslint === undefined && entry.finding.editFor === undefined);
    const unexplained = unmatched.filter((entry) => !CROSS_FILE_RULES.has(entry.finding.rule) || !isRuleMessage(entry.finding.rule, entry.finding.message));
    assert.deepEqual(unexplained.map(where), []);
  });

  it('what a fix does and why work stays manual are one short sentence each, apart from the message', () => {
    const details = compared.flatMap(({ finding }) => [finding.action, finding.why].filter((detail): detail is string => detail !== undefined));
    assert.ok(details.length > 10, `${details.length} details`);
    const long = details.filter((detail) => detail.length > MAX_MESSAGE_LENGTH || sentenceCount(detail) > 1);
    assert.deepEqual(long, []);
    const pastTense = compared.flatMap(({ finding }) => (finding.action && /^(added|lowered|capped|set|signed|replaced|removed)\b/i.test(finding.action) ? [finding.action] : []));
    assert.deepEqual(pastTense, []);
  });
});
