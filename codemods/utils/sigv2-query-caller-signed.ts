// A SigV2 query builder whose caller signs and sends the query: `const query = build(key)`, then
// fetch(`https://${HOST}/?${query}&Signature=${encode(sign(query, secret))}`). The caller's URL is
// what the rewrite presigns; the builder's `+` string loses its SigV2 parameters, and a parameter of
// the builder read only by them goes, with its argument at the one call.
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, FunctionDeclaration, SourceFile, Statement } from 'ts-morph';
import type { TextEdit } from '../types';
import { declarationAt, readIdentifiers, uniqueDeclaration } from './bindings';
import { isStringLike } from './expressions';
import type { RemovedRange } from './import-removal';
import { manual } from './manual-work';
import { namesExportedSeparately } from './module-exports';
import { enclosingFunction, signedString } from './sigv2-query-output';
import type { SignedReturn } from './sigv2-query-output';
import { signedQueryString } from './sigv2-query-string-to-sign';

const SIGV2_PAIR = /^&?(AWSAccessKeyId|SignatureMethod|SignatureVersion|Timestamp)=([^&]*)$/;
const SIGV2_NAME = /\b(?:AWSAccessKeyId|SignatureMethod|SignatureVersion|Timestamp)=/;

export interface CallerSignedQuery {
  /** The caller's signed URL (a `url` output: it is replaced by the presigned URL). */
  output: SignedReturn;
  caller: Node;
  accessKey: Node;
  secret: Node;
  /** Drop the SigV2 parameters from the builder's string, and the parameters only they read. */
  edits: TextEdit[];
}

/** The operands of a `+` chain, left to right. */
function chainOperands(node: Node): Node[] {
  if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.PlusToken) return [...chainOperands(node.getLeft()), node.getRight()];
  return [node];
}

/** The operands that go: `'&Name='` with the value after it, or a whole `'&Name=value'`; and the access key's value. */
function sigV2Operands(operands: Node[]): { removed: Set<number>; accessKey: Node } {
  const removed = new Set<number>();
  let accessKey: Node | undefined;
  operands.forEach((operand, index) => {
    const pair = isStringLike(operand) ? SIGV2_PAIR.exec(operand.getLiteralValue()) : undefined;
    if (!pair) {
      if (isStringLike(operand) && SIGV2_NAME.test(operand.getLiteralValue()) && !removed.has(index)) manual('the SigV2 parameters share a string with other parameters of the query');
      return;
    }
    const value = pair[2] === '' ? operands[index + 1] : undefined;
    if (pair[2] === '' && (!value || isStringLike(value))) manual(`the value of ${pair[1]} is not written right after its name`);
    removed.add(index);
    if (value) removed.add(index + 1);
    if (pair[1] === 'AWSAccessKeyId') accessKey = value;
  });
  if (!accessKey) manual('no AWSAccessKeyId value names the access key id in the query builder');
  return { removed, accessKey };
}

/** The edits that drop the removed operands, each run of them with the `+` before it; a query left starting with `&` loses it. */
function chainEdits(sourceFile: SourceFile, operands: Node[], removed: Set<number>): { edits: TextEdit[]; ranges: RemovedRange[] } {
  const filePath = sourceFile.getFilePath();
  const edits: TextEdit[] = [];
  for (let start = 0; start < operands.length; start += 1) {
    if (!removed.has(start) || removed.has(start - 1)) continue;
    let end = start;
    while (removed.has(end + 1)) end += 1;
    if (start > 0) {
      edits.push({ filePath, start: operands[start - 1]!.getEnd(), end: operands[end]!.getEnd(), text: '' });
      continue;
    }
    const first = operands[end + 1];
    if (!first || !isStringLike(first) || !first.getLiteralValue().startsWith('&')) manual('the query left after the SigV2 parameters does not start with a written parameter');
    const text = first.getText();
    edits.push({ filePath, start: operands[0]!.getStart(), end: first.getEnd(), text: `${text[0]}${text.slice(2)}` });
  }
  return { edits, ranges: edits.map((edit): RemovedRange => [edit.start, edit.end]) };
}

/** The one call of the builder in the file, stored in a const the caller reads. */
function builderCall(builder: FunctionDeclaration): { call: CallExpression; variable: string } | undefined {
  const name = builder.getName();
  const sourceFile = builder.getSourceFile();
  const calls = sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => call.getExpression().getText() === name);
  const holder = calls.length === 1 ? calls[0]!.getParent() : undefined;
  const isExported = builder.isExported() || builder.isDefaultExport() || (name !== undefined && namesExportedSeparately(sourceFile).has(name));
  return Node.isVariableDeclaration(holder) && !isExported ? { call: calls[0]!, variable: holder.getName() } : undefined;
}

/** What the caller passes for `value` when it is a parameter of `fn` (called at `call`); else `value` itself. */
function argumentFor(fn: Node, call: CallExpression, value: Node): Node {
  const declaration = Node.isIdentifier(value) ? declarationAt(fn.getSourceFile(), value)?.node : undefined;
  if (!Node.isParameterDeclaration(declaration) || declaration.getParent() !== fn) return value;
  const argument = call.getArguments()[(fn as FunctionDeclaration).getParameters().indexOf(declaration)];
  if (!argument) manual(`the call on line ${call.getStartLineNumber()} passes no ${declaration.getName()}`);
  return argument;
}

/** `encode(accessKeyId)`: the value inside a call of encodeURIComponent or of a file function built on it (an access key id has nothing to encode). */
function unencoded(value: Node): Node {
  const callee = Node.isCallExpression(value) && value.getArguments().length === 1 ? value.getExpression() : undefined;
  if (!Node.isIdentifier(callee)) return value;
  const declaration = uniqueDeclaration(value.getSourceFile(), callee.getText())?.node;
  const isEncoder = callee.getText() === 'encodeURIComponent' || (declaration !== undefined && declaration.getText().includes('encodeURIComponent('));
  return isEncoder ? (value as CallExpression).getArguments()[0]! : value;
}

/** The builder's trailing parameters read only in removed code, and their arguments: they go. */
function unusedParameterEdits(builder: FunctionDeclaration, call: CallExpression, ranges: RemovedRange[]): TextEdit[] {
  const sourceFile = builder.getSourceFile();
  const parameters = builder.getParameters();
  const isUnused = (index: number) => {
    const name = parameters[index]!.getNameNode();
    const reads = builder.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier !== name && identifier.getText() === name.getText() && declarationAt(sourceFile, identifier)?.node === parameters[index]);
    return Node.isIdentifier(name) && reads.every((identifier) => ranges.some(([start, end]) => start <= identifier.getStart() && identifier.getEnd() <= end));
  };
  let first = parameters.length;
  while (first > 0 && isUnused(first - 1)) first -= 1;
  if (first === parameters.length) return [];
  const cut = (nodes: Node[]): TextEdit[] => (nodes.length > first ? [{ filePath: sourceFile.getFilePath(), start: first === 0 ? nodes[0]!.getStart() : nodes[first - 1]!.getEnd(), end: nodes[nodes.length - 1]!.getEnd(), text: '' }] : []);
  return [...cut(parameters), ...cut(call.getArguments())];
}

/**
 * The caller-signed query of `builder`, when its caller signs it in view: one call stores the query,
 * the caller's URL splices it before `&Signature=`, and the HMAC signs it for GET with a key the
 * caller passes; undefined when the shape is not this one.
 */
export function findCallerSignedQuery(builder: Node): CallerSignedQuery | undefined {
  if (!Node.isFunctionDeclaration(builder)) return undefined;
  const sourceFile = builder.getSourceFile();
  const stored = builderCall(builder);
  const caller = stored && enclosingFunction(stored.call);
  const output = caller && signedUrlIn(caller, stored.variable);
  const signed = output && signedQueryString(sourceFile, caller);
  if (!stored || !caller || !output || !signed || signed.lines?.[3]?.node === undefined) return undefined;
  const signer = enclosingFunction(signed.hmac);
  const signCall = output.expression.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => Node.isFunctionDeclaration(signer) && call.getExpression().getText() === signer.getName());
  const key = Node.isCallExpression(signed.hmac) ? signed.hmac.getArguments()[1] : undefined;
  if (!signer || !signCall || !key || argumentFor(signer, signCall, signed.lines[3].node).getText() !== stored.variable) return undefined;
  const returned = builder.getStatements().length === 1 ? builder.getStatements()[0] : undefined;
  const chain = Node.isReturnStatement(returned) && returned.getExpression() ? chainOperands(returned.getExpression()!) : undefined;
  if (!chain) manual('the query builder does not return its query as one `+` string');
  const { removed, accessKey } = sigV2Operands(chain);
  const { edits, ranges } = chainEdits(sourceFile, chain, removed);
  edits.push(...unusedParameterEdits(builder, stored.call, ranges));
  return { output, caller, accessKey: argumentFor(builder, stored.call, unencoded(accessKey)), secret: argumentFor(signer, signCall, key), edits };
}

/** The caller's signed URL, when it splices the builder's query (`…?${query}&Signature=…`): the outermost such string. */
function signedUrlIn(caller: Node, variable: string): SignedReturn | undefined {
  const strings = caller.getDescendants().filter((node) => (Node.isTemplateExpression(node) || Node.isBinaryExpression(node)) && !Node.isBinaryExpression(node.getParent()));
  for (const expression of strings) {
    const statement = expression.getFirstAncestor((ancestor) => Node.isStatement(ancestor));
    const signed = statement && signedString(expression, statement as Statement);
    const splicesQuery = signed && readIdentifiers(expression).some((identifier) => identifier.getText() === variable && identifier.getEnd() <= signed.unsignedEnd);
    if (signed?.kind === 'url' && splicesQuery) return signed;
  }
  return undefined;
}
