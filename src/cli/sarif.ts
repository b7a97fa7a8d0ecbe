// `--format sarif`: the run's report as a SARIF 2.1.0 log, for GitHub code scanning
// (github/codeql-action/upload-sarif) and other SARIF consumers: the rules with their docs URLs,
// one result per finding with its region, and the fix's edits where one was made or would be.
import { pathToFileURL } from 'node:url';
import type { LintRule } from '../engine/lint';
import type { MigrateReport } from './migration';
import type { FindingReport } from '../engine/plan-fixes';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/sigv4-migrate/sigv4-migrate';
const SOURCE_ROOT = 'SRCROOT';

export interface SarifOptions {
  /** The rules the run used (name → rule), for `tool.driver.rules`. */
  rules: Record<string, LintRule>;
  version: string;
  /** Absolute folder the report's paths are relative to. */
  cwd: string;
  /** Warnings of the CLI (e.g. --helper-import), as tool notifications. */
  warnings?: readonly { path: string; message: string }[];
}

interface RuleMeta {
  type?: string;
  docs?: { description?: string; url?: string };
}

export const ruleIdOf = (name: string): string => `sigv4/${name}`;

function describeRule(name: string, rule: LintRule) {
  const meta = ((rule as { meta?: RuleMeta }).meta ?? {});
  return {
    id: ruleIdOf(name),
    name,
    shortDescription: { text: meta.docs?.description ?? name },
    ...(meta.docs?.url ? { helpUri: meta.docs.url } : {}),
    defaultConfiguration: { level: meta.type === 'problem' ? 'error' : 'warning' },
  };
}

function artifactLocation(path: string) {
  return { uri: encodeURI(path), uriBaseId: SOURCE_ROOT };
}

/** The fix as SARIF artifact changes: one per edited file, offsets into the text as read. A manual
 * finding's edits are a suggestion (a package.json's fixed range) that the run never applies. */
function fixesOf(finding: FindingReport) {
  if (!finding.edits?.length) return undefined;
  const byFile = new Map<string, { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[]>();
  for (const edit of finding.edits) {
    const replacements = byFile.get(edit.path) ?? [];
    replacements.push({ deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start }, insertedContent: { text: edit.text } });
    byFile.set(edit.path, replacements);
  }
  const descriptions = { fixed: 'applied by sigv4-migrate', 'would-fix': 'sigv4-migrate would apply this fix', manual: 'a suggestion sigv4-migrate does not apply' };
  const description = finding.action ? `${descriptions[finding.status]}: ${finding.action}` : descriptions[finding.status];
  return [{
    description: { text: description },
    artifactChanges: [...byFile].map(([path, replacements]) => ({ artifactLocation: artifactLocation(path), replacements })),
  }];
}

function resultOf(path: string, finding: FindingReport, ruleIndex: number, level: string) {
  const fixes = fixesOf(finding);
  return {
    ruleId: ruleIdOf(finding.rule),
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    // A fix already written leaves only a note; one still to make, or manual work, is the rule's level.
    level: finding.status === 'fixed' ? 'note' : level,
    // The same string ESLint reports; what the run did or could not do goes in `properties`.
    message: { text: finding.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(path),
        region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
      },
    }],
    properties: {
      status: finding.status,
      ...(finding.action ? { action: finding.action } : {}),
      ...(finding.why ? { why: finding.why } : {}),
      ...(finding.editFor ? { editFor: finding.editFor } : {}),
    },
    ...(fixes ? { fixes } : {}),
  };
}

function notificationsOf(report: MigrateReport, warnings: SarifOptions['warnings']) {
  const notification = (level: string, path: string, text: string) => ({
    level,
    message: { text: `${path}: ${text}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(path) } }],
  });
  return [
    ...report.errors.map((error) => notification('error', error.path, error.message)),
    ...report.refused.map((path) => notification('error', path, 'has uncommitted changes: the run refused to write')),
    ...(warnings ?? []).map((warning) => notification('warning', warning.path, warning.message)),
    ...report.skipped.map((entry) => notification('note', entry.path, entry.reason)),
  ];
}

export function toSarif(report: MigrateReport, options: SarifOptions) {
  const names = Object.keys(options.rules);
  const rules = names.map((name) => describeRule(name, options.rules[name]));
  const results = report.files.flatMap((file) =>
    file.findings.map((finding) => {
      const index = names.indexOf(finding.rule);
      return resultOf(file.path, finding, index, index >= 0 ? rules[index]!.defaultConfiguration.level : 'warning');
    }));
  const root = pathToFileURL(options.cwd.endsWith('/') ? options.cwd : `${options.cwd}/`).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'sigv4-migrate', version: options.version, semanticVersion: options.version, informationUri: INFORMATION_URI, rules } },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: root } },
      invocations: [{
        executionSuccessful: report.exitCode !== 3 && report.exitCode !== 130,
        exitCode: report.exitCode,
        toolExecutionNotifications: notificationsOf(report, options.warnings),
      }],
      results,
    }],
  };
}
