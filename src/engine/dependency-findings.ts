// The engine's package.json stage: a package.json's text in, its dependencies that may still sign
// AWS requests with SigV2/SigV3 out, as manual findings of `no-legacy-signing-dependency` worded as
// ESLint words them. Pure; @eslint/json loads at the first package.json, so other runs never pay for it.
import type { LegacySigningDependencyFinding } from '../../rules/data/dependency-findings';
import type { FindingReport } from './plan-fixes';

export const DEPENDENCY_RULE = 'no-legacy-signing-dependency';

export type PackageJsonOutcome =
  | { kind: 'checked'; findings: FindingReport[] }
  /** Not JSON: nothing was checked, and `reason` says why. */
  | { kind: 'malformed'; reason: string };

/** Manual work (an upgrade can change the API); the fixed range, where the source says it is safe, as a suggested edit. */
function toFindingReport(path: string, finding: LegacySigningDependencyFinding): FindingReport {
  const { location, node, fixedDeclaration } = finding;
  return {
    rule: DEPENDENCY_RULE,
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    status: 'manual',
    message: finding.message,
    ...(fixedDeclaration === undefined
      ? {}
      : { edits: [{ path, start: node.loc.start.offset, end: node.loc.end.offset, text: JSON.stringify(fixedDeclaration) }] }),
  };
}

export async function checkPackageJson(path: string, text: string): Promise<PackageJsonOutcome> {
  const { checkPackageJsonText } = await import('../../rules/data/package-json-text');
  const checked = checkPackageJsonText(text, path);
  if (!checked.ok) {
    return { kind: 'malformed', reason: `is not valid JSON (${checked.line}:${checked.column}: ${checked.message}); its dependencies were not checked` };
  }
  return { kind: 'checked', findings: checked.findings.map((finding) => toFindingReport(path, finding)) };
}
