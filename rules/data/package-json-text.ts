// Reads a package.json's text with @eslint/json's parser and returns its legacy-signing dependency
// findings: kept apart from the rule's core so that loading the rules map does not load @eslint/json.
import jsonPlugin from '@eslint/json';
import { findLegacySigningDependenciesInDocument, type JsonNode, type LegacySigningDependencyFinding } from './dependency-findings';

export type PackageJsonCheck =
  | { ok: true; findings: LegacySigningDependencyFinding[] }
  /** The text is not JSON: the parser's first error, with its 1-based line and column. */
  | { ok: false; message: string; line: number; column: number };

export function checkPackageJsonText(packageJsonText: string, path: string): PackageJsonCheck {
  const parsed = jsonPlugin.languages.json.parse({ body: packageJsonText, path, physicalPath: path, bom: false }, { languageOptions: {} });
  if (parsed.ok) return { ok: true, findings: findLegacySigningDependenciesInDocument(parsed.ast as unknown as JsonNode) };
  const [error] = parsed.errors;
  return { ok: false, message: error?.message ?? 'not valid JSON', line: error?.line ?? 1, column: error?.column ?? 1 };
}

/** The findings of a package.json's text. Text that is not JSON has no findings; ESLint reports its
 * parse error where the rule runs. */
export function findLegacySigningDependencies(packageJsonText: string, path: string): LegacySigningDependencyFinding[] {
  const checked = checkPackageJsonText(packageJsonText, path);
  return checked.ok ? checked.findings : [];
}
