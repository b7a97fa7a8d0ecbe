// The engine's last stage: lint a rewritten file again to prove it parses and to count what is left.
// Only the rules that fired in the file run (the others found nothing there, and a fix of one rule
// does not create another's defect); a dry run, whose result is never written, skips it.
import { createRuleLinter } from './lint';
import type { LintResult, LintRule, LintText } from './lint';

/** `fired-rules`: the rules that fired re-lint the rewrite; `none`: trust the plan (dry runs). */
export type RewriteCheck = 'fired-rules' | 'none';

export type CheckResult = LintResult | { kind: 'unchecked' };

export function createRewriteChecker(rules: Record<string, LintRule>, mode: RewriteCheck) {
  const linters = new Map<string, LintText>();

  function linterFor(ruleNames: ReadonlySet<string>): LintText {
    const names = [...ruleNames].filter((name) => name in rules).sort();
    const key = names.join('\n');
    let linter = linters.get(key);
    if (!linter) {
      linter = createRuleLinter(Object.fromEntries(names.map((name) => [name, rules[name]])));
      linters.set(key, linter);
    }
    return linter;
  }

  /** Lints `after` with the rules named in `fired` (none: a parse check). */
  return function checkRewrite(path: string, after: string, fired: ReadonlySet<string>): CheckResult {
    if (mode === 'none') return { kind: 'unchecked' };
    return linterFor(fired)(path, after);
  };
}
