// Runs the plugin's rules on one file's text through ESLint's Linter (no user config) and turns
// each report into a Finding located by offsets as well as line/column.
import * as typescriptParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { Finding } from '../../codemods/types';
import type { RuleName } from '../../rules/index';

const PLUGIN_NAMESPACE = 'sigv4';

/** A rule as ESLint's flat config takes it; typed loosely because rule modules come from two typings. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- createRule's and ESLint's RuleModule types differ only nominally
export type LintRule = any;

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

function toFinding(message: Linter.LintMessage, lineStarts: readonly number[]): Finding {
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
  };
}

function extensionOf(filePath: string): string {
  return /\.[^./\\]+$/.exec(filePath)?.[0] ?? '.js';
}

/** Lints texts with `rules` (name → rule), all at severity error, nothing else. */
export function createRuleLinter(rules: Record<string, LintRule>) {
  const linter = new Linter({ configType: 'flat' });
  const ruleLevels = Object.fromEntries(Object.keys(rules).map((name) => [`${PLUGIN_NAMESPACE}/${name}`, 'error' as const]));
  const configs = new Map<string, Linter.Config[]>();

  function configFor(extension: string): Linter.Config[] {
    const cached = configs.get(extension);
    if (cached) return cached;
    const config: Linter.Config[] = [
      {
        files: [`**/*${extension}`],
        plugins: { [PLUGIN_NAMESPACE]: { rules } },
        languageOptions: {
          parser: typescriptParser,
          ecmaVersion: 'latest',
          sourceType: extension === '.cjs' || extension === '.cts' ? 'commonjs' : 'module',
          // `<T>x` casts make JSX impossible in .ts/.mts/.cts; every JavaScript file may hold JSX.
          parserOptions: { ecmaFeatures: { jsx: !/^\.[cm]?ts$/.test(extension) } },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: ruleLevels,
      },
    ];
    configs.set(extension, config);
    return config;
  }

  return function lintText(filePath: string, text: string): LintResult {
    const extension = extensionOf(filePath);
    // A neutral name: rules must not depend on where the file lives, and ESLint must not ignore it.
    const messages = linter.verify(text, configFor(extension), `file${extension}`);
    const fatal = messages.find((message) => message.fatal);
    if (fatal) return { kind: 'fatal', message: `${fatal.line}:${fatal.column} ${fatal.message}` };
    const lineStarts = lineStartOffsets(text);
    const findings = messages
      .filter((message) => message.ruleId?.startsWith(`${PLUGIN_NAMESPACE}/`))
      .map((message) => toFinding(message, lineStarts));
    return { kind: 'parsed', findings };
  };
}

export type LintText = ReturnType<typeof createRuleLinter>;
