// Text edits on object literals that keep the surrounding commas and layout valid: removing one
// property, or adding one after the last.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

function isPunctuator(token: TSESTree.Token | null, value: string): boolean {
  return token?.value === value;
}

/** Removes `property` and the comma that separated it, whatever its position in the literal. */
export function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): TSESLint.RuleFix {
  const before = sourceCode.getTokenBefore(property);
  const after = sourceCode.getTokenAfter(property);
  if (!before || !after) return fixer.remove(property);
  if (isPunctuator(after, ',')) {
    const next = sourceCode.getTokenAfter(after);
    if (next && !isPunctuator(next, '}')) {
      // In the middle: take everything up to the next property so its indentation stays as it was.
      return fixer.removeRange([property.range[0], next.range[0]]);
    }
    // Last, with a trailing comma: keep the previous property's comma as the new trailing comma.
    if (isPunctuator(before, '{') && next) return fixer.removeRange([before.range[1], next.range[0]]);
    return fixer.removeRange([before.range[1], after.range[1]]);
  }
  if (isPunctuator(before, ',')) return fixer.removeRange([before.range[0], property.range[1]]);
  // The only property: leave `{}`.
  return fixer.removeRange([before.range[1], after.range[0]]);
}

/** Adds `text` (`key: value`) as the last property of `object`. */
export function appendProperty(
  fixer: TSESLint.RuleFixer,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix {
  const last = object.properties[object.properties.length - 1];
  if (!last) return fixer.replaceText(object, `{ ${text} }`);
  return fixer.insertTextAfter(last, `, ${text}`);
}
