// Matching a hand-built S3 SigV2 presigned URL (`…?AWSAccessKeyId=…&Expires=…&Signature=…` in a
// template) and what its SigV4 presignUrl needs: the URL without the query, the seconds it stays
// valid (SigV2's Expires is an epoch time, SigV4's expiresIn seconds from now), and the signature.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile, TemplateExpression, VariableDeclaration } from 'ts-morph';
import { constantNumber } from './constant-number';
import { innermostExpression, isPlainReference } from './expressions';
import { MAX_EXPIRY } from './expiry-lowering';
import { manual } from './manual-work';
import { constDeclarationAt, usesOf } from './s3-sigv2-header';
import { expressionAfter, stringParts } from './string-parts';

const QUERY_START = '?AWSAccessKeyId=';

export interface S3SigV2Presign {
  /** The template the URL is built in: replaced by the presignUrl call. */
  template: TemplateExpression;
  /** Source text of the URL without the SigV2 query, as a template. */
  url: string;
  accessKey: Node;
  signature: Node;
  /** Source text of the SigV4 expiresIn: the seconds added to now. */
  expiresIn: string;
  /** `const expires = …`, removed with the URL when nothing else reads it. */
  expiresDeclaration: VariableDeclaration;
}

/** `encodeURIComponent(signature)` or `signature`: the signature variable. */
function signatureVariable(node: Node | undefined): Node {
  let expression = node && innermostExpression(node);
  if (Node.isCallExpression(expression) && expression.getExpression().getText() === 'encodeURIComponent') expression = expression.getArguments()[0];
  if (!expression || !Node.isIdentifier(expression)) manual("the Signature= value is not a variable (or encodeURIComponent of one)");
  return expression;
}

/** True for `Math.floor(Date.now() / 1000)` and `Math.round(…)`: the current epoch second. */
function isEpochNow(node: Node): boolean {
  return /^Math\.(?:floor|round|trunc)\(\s*(?:Date\.now\(\)|new Date\(\)\.getTime\(\))\s*\/\s*1000\s*\)$/.test(innermostExpression(node).getText());
}

/** `now + seconds` (either order): the seconds, as SigV4's expiresIn, kept within 604800. */
function secondsFromNow(expires: Node): string {
  const expression = innermostExpression(expires);
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.PlusToken) {
    manual(`the Expires value '${expires.getText()}' is not visibly the current time plus a number of seconds, so SigV4's expiresIn (seconds from now) cannot be derived from it`);
  }
  const [left, right] = [expression.getLeft(), expression.getRight()];
  const seconds = isEpochNow(left) ? right : isEpochNow(right) ? left : undefined;
  if (!seconds) manual(`the Expires value '${expires.getText()}' is not visibly Math.floor(Date.now() / 1000) plus a number of seconds`);
  const value = constantNumber(seconds);
  if (value !== undefined && value > 0 && value <= Number(MAX_EXPIRY)) return seconds.getText();
  // SigV4 presigned URLs last at most 7 days; a longer or unknown span is capped, never left to throw.
  return `Math.min(${seconds.getText()}, ${MAX_EXPIRY})`;
}

function expiresOf(sourceFile: SourceFile, node: Node | undefined): { declaration: VariableDeclaration; expiresIn: string } {
  const declaration = node && constDeclarationAt(sourceFile, node);
  const initializer = declaration?.getInitializer();
  if (!declaration || !initializer) manual("the Expires= value is not a const of this file, so the time the URL stays valid is not visible");
  return { declaration, expiresIn: secondsFromNow(initializer) };
}

/** The SigV2 presigned URL a finding is on: a template ending in `?AWSAccessKeyId=…&Expires=…&Signature=…`. */
export function matchS3SigV2Presign(sourceFile: SourceFile, node: Node): S3SigV2Presign {
  const template = [node, ...node.getAncestors()].find(Node.isTemplateExpression);
  if (!template) manual('the presigned URL is not built in one template literal');
  const parts = stringParts(template)!;
  const last = parts[parts.length - 1];
  if (!last || !('text' in last) || last.text !== '') manual('the presigned URL has more after its Signature= value');
  const accessKey = expressionAfter(parts, QUERY_START);
  if (!accessKey || !isPlainReference(accessKey)) manual('the AWSAccessKeyId= value is not a plain variable or property');
  const signature = signatureVariable(expressionAfter(parts, '&Signature='));
  const { declaration, expiresIn } = expiresOf(sourceFile, expressionAfter(parts, '&Expires='));
  const text = template.getText();
  const queryStart = text.indexOf(QUERY_START);
  if (queryStart < 0 || text.indexOf('?') !== queryStart) manual('the presigned URL has a query of its own before AWSAccessKeyId');
  return { template, url: `${text.slice(0, queryStart)}\``, accessKey, signature, expiresIn, expiresDeclaration: declaration };
}

/** The `expires` const goes when the signature and the URL were its only readers. */
export function isExpiresOnlyReadIn(declaration: VariableDeclaration, ranges: readonly [number, number][]): boolean {
  return usesOf(declaration).every((use) => ranges.some(([start, end]) => start <= use.getStart() && use.getEnd() <= end));
}
