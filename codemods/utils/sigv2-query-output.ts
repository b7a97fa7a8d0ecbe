// What a SigV2 query signer hands out, and so what its rewrite returns in its place: the signed URL
// (`…?${query}&Signature=…`), the signed query alone (`query + '&Signature=' + …`, sent by a caller to
// the host it was signed for), or a `Signature` parameter it sets on the parameters it returns.
import { Node, SyntaxKind } from 'ts-morph';
import type { Expression, Statement } from 'ts-morph';
import { innermostExpression, isStringLike } from './expressions';
import { findQueryParameter } from './sigv2-query-params';
import { stringParts } from './string-parts';
import type { StringPart } from './string-parts';

const SIGNATURE_MARKER = '&Signature=';

/** A returned string ending in `&Signature=…`: the whole URL (`url`) or the query alone (`query`), and its source cut before the marker. */
interface SignedReturnParts {
  statement: Statement;
  expression: Expression;
  /** The returned expression's text before `&Signature=`, still a valid expression. */
  unsigned: string;
  /** Where `&Signature=` starts: names read after it (the signature) go with it. */
  unsignedEnd: number;
}
export type SignedReturn = SignedReturnParts & ({ kind: 'url' } | { kind: 'query' });

/** `q['Signature'] = sign(q)`, `q.Signature = …`, `params.set('Signature', …)`: the parameters object it is set on. */
export interface SignatureParameter {
  kind: 'parameter';
  statement: Statement;
  holder: Node;
  /** True for `holder.set(name, value)` (URLSearchParams), false for `holder[name] = value`. */
  usesSet: boolean;
}

export type SignedOutput = SignedReturn | SignatureParameter;

export function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor) || Node.isMethodDeclaration(ancestor) || Node.isFunctionExpression(ancestor) || Node.isArrowFunction(ancestor));
}

/** The returned expression's source cut before `&Signature=`, still a valid expression. */
function unsignedText(expression: Node): string {
  const offset = expression.getText().indexOf(SIGNATURE_MARKER);
  const literal = expression.getSourceFile().getDescendantAtPos(expression.getStart() + offset);
  const quote = literal && (isStringLike(literal) ? literal.getText()[0] : '`');
  return `${expression.getText().slice(0, offset)}${quote}`.replace(/\s*\+\s*(['"`])\1$/, '');
}

/** The literal text and spliced expressions of a string, also when it starts with a name (`query + '&Signature=' + …`). */
function partsOfString(node: Node): StringPart[] | undefined {
  const expression = innermostExpression(node);
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.PlusToken) return stringParts(expression);
  const left = partsOfString(expression.getLeft()) ?? [{ expression: expression.getLeft() }];
  const right = stringParts(expression.getRight()) ?? [{ expression: expression.getRight() }];
  return [...left, ...right];
}

/** A string expression ending in `&Signature=…`, as the URL (`?` before the marker) or the query it hands out. */
export function signedString(expression: Node, statement: Statement): SignedReturn | undefined {
  if (!partsOfString(expression)?.some((part) => 'text' in part && part.text.includes(SIGNATURE_MARKER))) return undefined;
  const offset = expression.getText().indexOf(SIGNATURE_MARKER);
  const parts = { statement, expression: expression as Expression, unsigned: unsignedText(expression), unsignedEnd: expression.getStart() + offset };
  return expression.getText().slice(0, offset).includes('?') ? { kind: 'url', ...parts } : { kind: 'query', ...parts };
}

/** The `return` of `fn` (not of a nested function) whose string carries `&Signature=`. */
function signedReturn(fn: Node): SignedReturn | undefined {
  const returns = fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((statement) => enclosingFunction(statement) === fn);
  for (const statement of returns) {
    const signed = statement.getExpression() && signedString(statement.getExpression()!, statement);
    if (signed) return signed;
  }
  return undefined;
}

/** The `Signature` parameter `fn` sets on a parameters object, as a statement of its own. */
function signatureParameter(fn: Node): SignatureParameter | undefined {
  const setting = findQueryParameter(fn, 'Signature');
  if (!setting || !Node.isExpressionStatement(setting.removed)) return undefined;
  const expression = setting.removed.getExpression();
  if (Node.isBinaryExpression(expression)) {
    const target = expression.getLeft();
    const holder = Node.isElementAccessExpression(target) || Node.isPropertyAccessExpression(target) ? target.getExpression() : undefined;
    return holder && { kind: 'parameter', statement: setting.removed, holder, usesSet: false };
  }
  const callee = Node.isCallExpression(expression) ? expression.getExpression() : undefined;
  const isSet = Node.isPropertyAccessExpression(callee) && callee.getName() === 'set';
  return isSet ? { kind: 'parameter', statement: setting.removed, holder: callee.getExpression(), usesSet: true } : undefined;
}

/** How `fn` hands out its signature, when it does so in one of the forms the rewrite keeps. */
export function findSignedOutput(fn: Node): SignedOutput | undefined {
  return signedReturn(fn) ?? signatureParameter(fn);
}
