// Fixes and suggestions that give an aws-sdk v2 client `signatureVersion: 'v4'`: a property added to its
// options literal in the file's quote style and layout, or a spread of options passed in whole.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { matchAwsSdkV2ConfigConstruction, type AwsSdkV2ClientConstruction } from './aws-sdk-v2';
import { type ScopeOf, skipTypeWrappers } from './const-binding';
import { resolveObjectLiteral } from './object-literal';
import { skipWrappers } from '../values';

/** Where `signatureVersion: 'v4'` can be written: an object literal, or the `new` call that has none. */
export interface OptionsTarget {
  readonly node: TSESTree.ObjectExpression | TSESTree.NewExpression;
  /** True when the literal is written inside the constructor call, so editing it touches nothing else. */
  readonly inline: boolean;
}

export function editableOptionsTarget(client: AwsSdkV2ClientConstruction, scopeOf: ScopeOf): OptionsTarget | undefined {
  if (client.options === undefined) return { node: client.node, inline: true };
  const options = skipTypeWrappers(client.options);
  const configOptions = options.type === AST_NODE_TYPES.NewExpression ? matchAwsSdkV2ConfigConstruction(options, scopeOf) : undefined;
  const literal = configOptions === null ? undefined : resolveObjectLiteral(configOptions ?? options, scopeOf);
  if (!literal) return undefined;
  const [start, end] = client.node.range;
  return { node: literal, inline: literal.range[0] >= start && literal.range[1] <= end };
}

/** Adds `signatureVersion: 'v4'` as the last option, in the file's quote style and the object's layout. */
export function addSignatureVersionV4(
  fixer: TSESLint.RuleFixer,
  target: TSESTree.ObjectExpression | TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.RuleFix | TSESLint.RuleFix[] {
  const quote = preferredQuote(sourceCode, target);
  const property = `signatureVersion: ${quote}v4${quote}`;
  if (target.type === AST_NODE_TYPES.NewExpression) {
    const closing = sourceCode.getLastToken(target);
    return closing?.value === ')' && target.arguments.length === 0
      ? fixer.insertTextBefore(closing, `{ ${property} }`)
      : fixer.insertTextAfter(target, `({ ${property} })`);
  }
  const last = target.properties.at(-1);
  if (!last) return fixer.replaceText(target, `{ ${property} }`);
  const afterLast = sourceCode.getTokenAfter(last);
  const trailingComma = afterLast?.value === ',' ? afterLast : undefined;
  const multiline = target.loc.start.line !== target.loc.end.line;
  if (!multiline) {
    return trailingComma ? fixer.insertTextAfter(trailingComma, ` ${property},`) : fixer.insertTextAfter(last, `, ${property}`);
  }
  const indent = sourceCode.lines[last.loc.start.line - 1]?.match(/^\s*/)?.[0] ?? '';
  // Comments trailing the last property stay on its line, so the new property goes after them.
  const anchor = trailingComma ?? last;
  const lineComments = sourceCode
    .getCommentsAfter(anchor)
    .filter((comment) => comment.loc.start.line === anchor.loc.end.line);
  const lineEnd = lineComments.at(-1)?.range[1] ?? anchor.range[1];
  const newLine = `\n${indent}${property}${trailingComma ? ',' : ''}`;
  return trailingComma
    ? fixer.insertTextAfterRange([lineEnd, lineEnd], newLine)
    : [fixer.insertTextAfter(last, ','), fixer.insertTextAfterRange([lineEnd, lineEnd], newLine)];
}

/** For options passed in whole (`new AWS.S3(opts)`, `new AWS.S3(this.options)`): `{ ...opts, signatureVersion: 'v4' }`. */
export function spreadWithSignatureVersion(
  options: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  if (!isPlainReference(skipWrappers(options))) return undefined;
  const quote = preferredQuote(sourceCode, options);
  return (fixer) => fixer.replaceText(options, `{ ...${sourceCode.getText(options)}, signatureVersion: ${quote}v4${quote} }`);
}

/** `opts`, `this.options`, `config.s3`: a reference that reads the same value when written twice. */
function isPlainReference(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainReference(node.object);
}

/** The quote the surrounding code uses: the first string literal in the options, else in the file. */
function preferredQuote(sourceCode: Readonly<TSESLint.SourceCode>, near: TSESTree.Node): string {
  const tokens = sourceCode.ast.tokens;
  const isString = (token: TSESTree.Token): boolean => token.type === 'String';
  const local = sourceCode.getTokens(near).find(isString);
  const first = local ?? tokens.find(isString);
  return first?.value.startsWith('"') ? '"' : "'";
}
