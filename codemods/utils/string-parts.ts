// A string expression (literal, template, `+` concatenation) cut into its literal text and the
// expressions spliced into it, on the ts-morph tree.
import { Node, SyntaxKind } from 'ts-morph';
import { innermostExpression, isStringLike } from './expressions';

export type StringPart = { text: string } | { expression: Node };

/** The parts of a string built in place, or undefined when `node` is not visibly a string. */
export function stringParts(node: Node): StringPart[] | undefined {
  const expression = innermostExpression(node);
  if (isStringLike(expression)) return [{ text: expression.getLiteralValue() }];
  if (Node.isTemplateExpression(expression)) {
    const parts: StringPart[] = [{ text: expression.getHead().getLiteralText() }];
    for (const span of expression.getTemplateSpans()) parts.push({ expression: span.getExpression() }, { text: span.getLiteral().getLiteralText() });
    return parts;
  }
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = stringParts(expression.getLeft());
    const right = stringParts(expression.getRight()) ?? [{ expression: expression.getRight() }];
    return left && [...left, ...right];
  }
  return undefined;
}

/** The expression spliced right after the literal text ending with `marker` (`AWSAccessKeyId=`, `Signature=`). */
export function expressionAfter(parts: StringPart[], marker: string): Node | undefined {
  const index = parts.findIndex((part) => 'text' in part && part.text.trimEnd().endsWith(marker));
  const next = parts[index + 1];
  return index >= 0 && next && 'expression' in next ? next.expression : undefined;
}
