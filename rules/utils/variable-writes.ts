// Matches the values a local variable is given: its initialiser and every later assignment.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Every expression written to a local variable, in source order. */
export function writtenValues(variable: TSESLint.Scope.Variable): TSESTree.Node[] {
  return variable.references.flatMap((reference) => (reference.writeExpr ? [reference.writeExpr] : []));
}

/** The one expression ever written to a local variable, or undefined when it is written more or less often. */
export function onlyWrittenValue(variable: TSESLint.Scope.Variable): TSESTree.Node | undefined {
  const values = writtenValues(variable);
  return values.length === 1 ? values[0] : undefined;
}
