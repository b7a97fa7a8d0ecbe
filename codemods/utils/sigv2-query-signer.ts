// A hand-rolled SignatureVersion=2 query signer that returns the signed URL (`…?${query}&Signature=…`)
// rewritten to return the helper's presignUrl(…).url: same function, same signature, so callers need
// no change; the SigV2 parameters and the HMAC code that only they used go.
import { Node, SyntaxKind } from 'ts-morph';
import type { Expression, ReturnStatement, SourceFile } from 'ts-morph';
import type { CodemodContext, CodemodOutcome, TextEdit } from '../types';
import { isVisibleAt, readIdentifiers } from './bindings';
import { removeDeadSigningCode } from './dead-signing-code';
import { innermostExpression, isStringLike } from './expressions';
import type { RemovedRange } from './import-removal';
import { manual, unlessManual } from './manual-work';
import { detectCodeStyle } from './module-style';
import { signingOptions } from './sign-request-call';
import { isCreateHmacCall } from './sigv3-authorization';
import { signedMethod, unseenHostReason } from './sigv2-query-string-to-sign';
import { findSigV2Parameters, parameterRemoval } from './sigv2-query-params';
import { SigV2OnlyService, findQuerySigningTarget } from './sigv2-query-target';
import { withoutDoubledBlankLines } from './sigv2-query-layout';
import { stringParts } from './string-parts';

const SIGNATURE_MARKER = '&Signature=';
/** A SigV2 Timestamp is accepted for 15 minutes; the presigned URL stays valid as long. */
const EXPIRES_IN = 900;

const SIGV2_ONLY_TODO = 'Keep this SignatureVersion=2 signing: SimpleDB and AWS Import/Export accept only Signature Version 2.';

type SigningFunction = Node & { getName?(): string | undefined };

function enclosingFunction(node: Node): SigningFunction | undefined {
  return node.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor) || Node.isMethodDeclaration(ancestor) || Node.isFunctionExpression(ancestor) || Node.isArrowFunction(ancestor));
}

function functionLabel(fn: SigningFunction): string {
  const name = functionName(fn);
  return `the function that sets SignatureVersion (${name ? `${name}, ` : ''}line ${fn.getStartLineNumber()})`;
}

/** The name `fn` is called by: its own, or the name it is stored under. */
function functionName(fn: SigningFunction): string | undefined {
  const holder = fn.getParent();
  // `const name = () => …`, `Client.prototype.name = function …`: the name it is stored under.
  const stored = Node.isVariableDeclaration(holder) ? holder.getName() : Node.isBinaryExpression(holder) ? holder.getLeft().getText() : undefined;
  return fn.getName?.() ?? stored;
}

/** Where the query is signed when a caller of `fn` does it: `…&Signature=…` written in a function that calls `fn`. */
function signedElsewhereReason(fn: SigningFunction): string | undefined {
  const name = functionName(fn)?.split('.').pop();
  const isMarker = (node: Node) => (Node.isTemplateHead(node) || Node.isTemplateMiddle(node) || Node.isTemplateTail(node) || Node.isStringLiteral(node)) && node.getText().includes(SIGNATURE_MARKER);
  const callsFn = (scope: Node | undefined) => scope !== undefined && scope.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => call.getExpression().getText().split('.').pop() === name);
  const marker = fn.getSourceFile().getDescendants().find((node) => isMarker(node) && !fn.containsRange(node.getPos(), node.getEnd()) && callsFn(enclosingFunction(node)));
  return marker && `${functionLabel(fn)} builds the query, but a caller signs and sends it (line ${marker.getStartLineNumber()})`;
}

/** The `return` of `fn` (not of a nested function) whose string carries `&Signature=`. */
function signedUrlReturn(fn: SigningFunction): ReturnStatement & { getExpressionOrThrow(): Expression } {
  const returns = fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((statement) => enclosingFunction(statement) === fn);
  const signed = returns.find((statement) => {
    const parts = statement.getExpression() && stringParts(statement.getExpression()!);
    return parts?.some((part) => 'text' in part && part.text.includes(SIGNATURE_MARKER));
  });
  if (!signed) manual(unseenHostReason(fn.getSourceFile(), fn) ?? signedElsewhereReason(fn) ?? `${functionLabel(fn)} does not return the signed URL (\`…?query&Signature=…\`)`);
  const expression = signed.getExpressionOrThrow();
  if (!expression.getText().slice(0, expression.getText().indexOf(SIGNATURE_MARKER)).includes('?')) manual(unseenHostReason(fn.getSourceFile(), fn) ?? `${functionLabel(fn)} returns the signed query, not a URL, so the host it is sent to could not be seen`);
  return signed as ReturnStatement & { getExpressionOrThrow(): Expression };
}

/** The returned URL's source text cut before `&Signature=`, still a valid expression. */
function unsignedUrlText(expression: Node): { text: string; end: number } {
  const offset = expression.getText().indexOf(SIGNATURE_MARKER);
  const literal = expression.getSourceFile().getDescendantAtPos(expression.getStart() + offset);
  const quote = literal && (isStringLike(literal) ? literal.getText()[0] : '`');
  const text = `${expression.getText().slice(0, offset)}${quote}`.replace(/\s*\+\s*(['"`])\1$/, '');
  return { text, end: expression.getStart() + offset };
}

/** The key of the one HMAC in `fn` (the secret access key), once its string to sign is seen to be for a GET. */
function hmacSecret(sourceFile: SourceFile, fn: SigningFunction): Node {
  const hmacs = fn.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => isCreateHmacCall(sourceFile, call));
  if (hmacs.length !== 1) manual(`${functionLabel(fn)} does not compute the HMAC signature itself, so the secret access key could not be seen`);
  const hmac = hmacs[0]!;
  const method = signedMethod(sourceFile, hmac);
  if (method !== 'GET') manual(method ? `the string to sign is for ${method}, but the function returns a URL (sent with GET)` : 'the string to sign does not visibly start with GET, so the method of the returned URL could not be seen');
  const secret = hmac.getArguments()[1];
  if (!secret) manual('the HMAC has no visible key');
  return secret;
}

function rewrite(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const style = detectCodeStyle(sourceFile);
  const fn = enclosingFunction(context.node);
  if (!fn) manual('the SigV2 parameters are not set inside a function');
  const returned = signedUrlReturn(fn);
  const expression = returned.getExpressionOrThrow();
  const target = findQuerySigningTarget(sourceFile, expression, returned, style.quote);
  const secret = hmacSecret(sourceFile, fn);
  const parameters = findSigV2Parameters(fn);
  const accessKey = innermostExpression(parameters.get('AWSAccessKeyId')!.value);
  const url = unsignedUrlText(expression);
  const urlNames = readIdentifiers(expression).filter((identifier) => identifier.getEnd() <= url.end);
  const used = [...urlNames, ...readIdentifiers(accessKey), ...readIdentifiers(secret)];
  for (const identifier of used) {
    if (!isVisibleAt(sourceFile, identifier.getText(), returned, { origin: identifier, allowGlobal: true })) manual(`'${identifier.getText()}' is not visible where the URL is returned`);
  }

  const presignUrl = context.helper.use(sourceFile, 'presignUrl');
  const q = style.quote;
  const options = signingOptions(sourceFile, { accessKey, secret, target }, q).replace(/ \}$/, `, expiresIn: ${EXPIRES_IN} }`);
  const filePath = sourceFile.getFilePath();
  const edits: TextEdit[] = [
    { filePath, start: expression.getStart(), end: expression.getEnd(), text: `${presignUrl}({ method: ${q}GET${q}, url: ${url.text} }, ${options}).url` },
    ...[...parameters.values()].map((entry) => parameterRemoval(sourceFile, entry)),
  ];
  const dropped: RemovedRange[] = [[expression.getStart(), expression.getEnd()], ...[...parameters.values()].map((entry): RemovedRange => [entry.removed.getStart(), entry.removed.getEnd()])];
  const live = new Set(used.map((identifier) => identifier.getText()));
  // A region read from a name (`region`, `target.region`) keeps that name alive.
  if (!target.region.startsWith(q)) live.add(target.region.replace(/!$/, '').split('.')[0]!);
  edits.push(...removeDeadSigningCode(sourceFile, dropped, live, returned));
  return {
    kind: 'fixed',
    edits: withoutDoubledBlankLines(sourceFile.getFullText(), edits),
    note: `signs the request with Signature Version 4 through ${presignUrl}() (valid ${EXPIRES_IN / 60} minutes, as a SigV2 Timestamp was)`,
  };
}

/** The no-legacy-signature codemod for `sigV2QuerySigning`: the rewrite, or what to do and which value could not be seen. */
export function rewriteSigV2QuerySigner(context: CodemodContext): CodemodOutcome {
  try {
    return unlessManual(() => rewrite(context), (reason): CodemodOutcome => ({ kind: 'manual', todo: `Not rewritten because ${reason}.` }));
  } catch (error) {
    if (error instanceof SigV2OnlyService) return { kind: 'manual', todo: SIGV2_ONLY_TODO };
    throw error;
  }
}
