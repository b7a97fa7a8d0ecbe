// Runs the plugin's rules on one file's text through ESLint's Linter (no user config) and turns
// each report into a Finding located by offsets as well as line/column.
import type * as TypescriptParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { Rule } from 'eslint';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, RuleEdit, RuleSuggestion } from '../../codemods/types';
import type { RuleName } from '../../rules/index';

const PLUGIN_NAMESPACE = 'sigv4';

/** A rule as ESLint's flat config takes it; typed loosely because rule modules come from two typings. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- createRule's and ESLint's RuleModule types differ only nominally
export type LintRule = any;

// ESM (bundle or tsx) has import.meta.url; the CommonJS bundle has an empty import.meta and __dirname.
const moduleDirectory = import.meta.url ? dirname(fileURLToPath(import.meta.url)) : __dirname;
const requireFromHere = createRequire(join(moduleDirectory, 'lint.js'));
let typescriptParser: typeof TypescriptParser | undefined;

/** Loaded on first use: most candidates are JavaScript, and the parser costs ~65 MB of memory. */
function loadTypescriptParser(): typeof TypescriptParser {
  typescriptParser ??= requireFromHere('@typescript-eslint/parser') as typeof TypescriptParser;
  return typescriptParser;
}

export type LintResult = { kind: 'parsed'; findings: Finding[] } | { kind: 'fatal'; message: string };

/** Offsets where each line starts, with ESLint's idea of a line break. */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  const lineBreak = /\r\n|[\r\n\u2028\u2029]/g;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

function offsetOf(lineStarts: readonly number[], line: number, column: number): number {
  return (lineStarts[line - 1] ?? 0) + column - 1;
}

function toRuleEdit(fix: Rule.Fix): RuleEdit {
  return { start: fix.range[0], end: fix.range[1], text: fix.text };
}

/** ESLint passes a suggestion's `data` through to the message; its typings leave it out. */
type LintSuggestionWithData = Linter.LintSuggestion & { data?: Record<string, string> };

function toRuleSuggestions(suggestions: LintSuggestionWithData[] | undefined): RuleSuggestion[] | undefined {
  return suggestions?.map((suggestion) => ({
    messageId: suggestion.messageId ?? '',
    description: suggestion.desc,
    edit: toRuleEdit(suggestion.fix),
    ...(suggestion.data ? { data: suggestion.data } : {}),
  }));
}

type ReportData = Record<string, string>;
type ReportDescriptor = { messageId?: string; data?: ReportData; node?: { loc: { start: Position } }; loc?: { start: Position } | Position };
type Position = { line: number; column: number };

/** Where ESLint will say a report starts: its `loc` (a range or a position) or its node's start. */
function reportKey(messageId: string | undefined, start: Position | undefined): string {
  return `${messageId}@${start?.line}:${start?.column}`;
}

function startOfReport(descriptor: ReportDescriptor): Position | undefined {
  const { loc, node } = descriptor;
  if (loc) return 'start' in loc ? loc.start : loc;
  return node?.loc.start;
}

/**
 * ESLint's messages leave out a report's `data`, which holds the values codemods need (an expiry's
 * seconds, the type a URL was signed with). Each rule's `context.report` is observed so the data
 * can be matched back to its message by message id and start position.
 */
function recordingReportData(rule: LintRule, sink: Map<string, ReportData>): LintRule {
  return {
    ...rule,
    create(context: { report(descriptor: ReportDescriptor): void }) {
      const recording = Object.create(context, {
        report: {
          value(descriptor: ReportDescriptor) {
            if (descriptor.data) sink.set(reportKey(descriptor.messageId, startOfReport(descriptor)), descriptor.data);
            context.report(descriptor);
          },
        },
      });
      return rule.create(recording);
    },
  };
}

function toFinding(message: Linter.LintMessage, lineStarts: readonly number[], reportData: ReadonlyMap<string, ReportData>): Finding {
  const endLine = message.endLine ?? message.line;
  const endColumn = message.endColumn ?? message.column;
  return {
    // The engine also runs test-only rules; codemods are looked up by this same name.
    ruleId: message.ruleId!.slice(PLUGIN_NAMESPACE.length + 1) as RuleName,
    messageId: message.messageId ?? '',
    message: message.message,
    line: message.line,
    column: message.column,
    endLine,
    endColumn,
    range: [offsetOf(lineStarts, message.line, message.column), offsetOf(lineStarts, endLine, endColumn)],
    fix: message.fix && toRuleEdit(message.fix),
    suggestions: toRuleSuggestions(message.suggestions),
    // ESLint columns are 1-based, report positions 0-based.
    data: reportData.get(reportKey(message.messageId, { line: message.line, column: message.column - 1 })),
  };
}

function extensionOf(filePath: string): string {
  return /\.[^./\\]+$/.exec(filePath)?.[0] ?? '.js';
}

type ParserChoice = 'espree-module' | 'espree-commonjs' | 'typescript';

/** A statement-level `import …`/`export …`: the file is most likely a module. */
const MODULE_SYNTAX = /^[ \t]*(?:import[\s{*'"]|export[\s{*])/m;

/**
 * Parsers to try, in order. JavaScript goes to espree first (several times faster than the
 * TypeScript parser on big files), in the source type a cheap text check makes likelier: a file
 * without `import`/`export` statements is parsed as a script first (parsing a big generated script
 * as a module can take minutes). When one fails the next is tried, so a file is unparseable only
 * when every parser rejects it.
 */
function parserChoicesFor(extension: string, text: string): ParserChoice[] {
  if (/^\.[cm]?tsx?$/.test(extension)) return ['typescript'];
  if (extension === '.cjs') return ['espree-commonjs', 'typescript'];
  if (extension === '.mjs') return ['espree-module', 'typescript'];
  return MODULE_SYNTAX.test(text) ? ['espree-module', 'espree-commonjs', 'typescript'] : ['espree-commonjs', 'espree-module', 'typescript'];
}

function languageOptionsFor(choice: ParserChoice, extension: string): Linter.LanguageOptions {
  // `<T>x` casts make JSX impossible in .ts/.mts/.cts; every JavaScript file may hold JSX.
  const jsx = !/^\.[cm]?ts$/.test(extension);
  if (choice === 'typescript') {
    return {
      parser: loadTypescriptParser(),
      ecmaVersion: 'latest',
      sourceType: extension === '.cjs' || extension === '.cts' ? 'commonjs' : 'module',
      parserOptions: { ecmaFeatures: { jsx } },
    };
  }
  return { ecmaVersion: 'latest', sourceType: choice === 'espree-module' ? 'module' : 'commonjs', parserOptions: { ecmaFeatures: { jsx } } };
}

/** Lints texts with `rules` (name → rule), all at severity error, nothing else. */
export function createRuleLinter(rules: Record<string, LintRule>) {
  const reportData = new Map<string, ReportData>();
  const recordingRules = Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, recordingReportData(rule, reportData)]));
  const ruleLevels = Object.fromEntries(Object.keys(rules).map((name) => [`${PLUGIN_NAMESPACE}/${name}`, 'error' as const]));
  const configs = new Map<string, Linter.Config[]>();

  function configFor(choice: ParserChoice, extension: string): Linter.Config[] {
    const key = `${choice}${extension}`;
    const cached = configs.get(key);
    if (cached) return cached;
    const config: Linter.Config[] = [
      {
        files: [`**/*${extension}`],
        plugins: { [PLUGIN_NAMESPACE]: { rules: recordingRules } },
        languageOptions: languageOptionsFor(choice, extension),
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: ruleLevels,
      },
    ];
    configs.set(key, config);
    return config;
  }

  return function lintText(filePath: string, text: string): LintResult {
    const extension = extensionOf(filePath);
    // A Linter keeps the last file's SourceCode (AST, tokens, scopes): one per file lets that go
    // as soon as the file is linted, instead of holding a big file's tree through the next steps.
    const linter = new Linter({ configType: 'flat' });
    let fatal: Linter.LintMessage | undefined;
    for (const choice of parserChoicesFor(extension, text)) {
      reportData.clear();
      // A neutral name: rules must not depend on where the file lives, and ESLint must not ignore it.
      const messages = linter.verify(text, configFor(choice, extension), `file${extension}`);
      // Only a parse failure is fatal: ESLint 10 also flags `/* eslint-env */` comments as fatal.
      fatal = messages.find((message) => message.fatal && message.message.startsWith('Parsing error'));
      if (fatal) continue;
      const lineStarts = lineStartOffsets(text);
      const findings = messages
        .filter((message) => message.ruleId?.startsWith(`${PLUGIN_NAMESPACE}/`))
        .map((message) => toFinding(message, lineStarts, reportData));
      return { kind: 'parsed', findings };
    }
    return { kind: 'fatal', message: `${fatal?.line}:${fatal?.column} ${fatal?.message}` };
  };
}

export type LintText = ReturnType<typeof createRuleLinter>;
