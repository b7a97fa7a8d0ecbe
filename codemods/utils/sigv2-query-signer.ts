// A hand-rolled SignatureVersion=2 query signer rewritten to sign with the helper's presignUrl: a
// function that returned the signed URL returns presignUrl(…).url, one that returned the signed query
// returns the presigned URL's query, one that set a Signature parameter sets the X-Amz-* ones. Same
// function, same signature, so callers need no change; the SigV2 parameters and the HMAC code that
// only they used go. A host known only at run time is signed for with regionFromHost(<that host>).
import { Node, SyntaxKind } from 'ts-morph';
import type { Identifier, SourceFile } from 'ts-morph';
import type { CodemodContext, CodemodOutcome, TextEdit } from '../types';
import { freeName, isVisibleAt, readIdentifiers } from './bindings';
import { thisClass, thisOwner } from './class-methods';
import { indentOf, indentUnit } from './code-layout';
import { removeDeadSigningCode } from './dead-signing-code';
import { innermostExpression } from './expressions';
import type { RemovedRange } from './import-removal';
import { manual, unlessManual } from './manual-work';
import { detectCodeStyle } from './module-style';
import type { SigningTarget } from './ses-signing-target';
import { signingOptions } from './sign-request-call';
import { enclosingFunction, findSignedOutput } from './sigv2-query-output';
import type { SignedOutput } from './sigv2-query-output';
import { findCallerSignedQuery } from './sigv2-query-caller-signed';
import { findSigV2Parameters, parameterRemoval } from './sigv2-query-params';
import { isRunTimeHost, runTimeHostTarget } from './sigv2-query-runtime-host';
import { signedMethod, signedQueryString } from './sigv2-query-string-to-sign';
import type { SignedLine } from './sigv2-query-string-to-sign';
import { SigV2OnlyService, findQuerySigningTarget } from './sigv2-query-target';
import { withoutDoubledBlankLines } from './sigv2-query-layout';

const SIGNATURE_MARKER = '&Signature=';
/** A SigV2 Timestamp is accepted for 15 minutes; the presigned URL stays valid as long. */
const EXPIRES_IN = 900;

const SIGV2_ONLY_TODO = 'Keep this SignatureVersion=2 signing: SimpleDB and AWS Import/Export accept only Signature Version 2.';

type SignedString = NonNullable<ReturnType<typeof signedQueryString>>;

function functionLabel(fn: Node): string {
  const name = functionName(fn);
  return `the function that sets SignatureVersion (${name ? `${name}, ` : ''}line ${fn.getStartLineNumber()})`;
}

/** The name `fn` is called by: its own, or the name it is stored under. */
function functionName(fn: Node): string | undefined {
  const holder = fn.getParent();
  // `const name = () => …`, `Client.prototype.name = function …`: the name it is stored under.
  const stored = Node.isVariableDeclaration(holder) ? holder.getName() : Node.isBinaryExpression(holder) ? holder.getLeft().getText() : undefined;
  return (fn as Node & { getName?(): string | undefined }).getName?.() ?? stored;
}

/** Where the query is signed when a caller of `fn` does it: `…&Signature=…` written in a function that calls `fn`. */
function signedElsewhereReason(fn: Node): string | undefined {
  const name = functionName(fn)?.split('.').pop();
  const isMarker = (node: Node) => (Node.isTemplateHead(node) || Node.isTemplateMiddle(node) || Node.isTemplateTail(node) || Node.isStringLiteral(node)) && node.getText().includes(SIGNATURE_MARKER);
  const callsFn = (scope: Node | undefined) => scope !== undefined && scope.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => call.getExpression().getText().split('.').pop() === name);
  const marker = fn.getSourceFile().getDescendants().find((node) => isMarker(node) && !fn.containsRange(node.getPos(), node.getEnd()) && callsFn(enclosingFunction(node)));
  return marker && `${functionLabel(fn)} builds the query, but a caller signs and sends it (line ${marker.getStartLineNumber()})`;
}

/** Why `fn` cannot be rewritten when it hands out no signed URL, query or Signature parameter. */
function noOutputReason(sourceFile: SourceFile, fn: Node): string {
  const host = signedQueryString(sourceFile, fn)?.lines?.[1]?.node;
  // A run-time host whose service the file does not show: what to write comes first.
  const serviceReason = host && isRunTimeHost(sourceFile, host) ? unlessManual(() => void runTimeHostTarget(sourceFile, fn, host, () => 'regionFromHost'), (reason) => reason) : undefined;
  return serviceReason ?? signedElsewhereReason(fn) ?? `${functionLabel(fn)} does not return the signed URL (\`…?query&Signature=…\`)`;
}

/** The one HMAC the signer computes, once its string to sign is seen to be for a GET, and its key (the secret access key). */
function signedGetString(sourceFile: SourceFile, fn: Node): { signed: SignedString; secret: Node } {
  const signed = signedQueryString(sourceFile, fn);
  if (!signed) manual(`${functionLabel(fn)} does not compute the HMAC signature itself, so the secret access key could not be seen`);
  const method = signedMethod(sourceFile, signed.hmac);
  if (method !== 'GET') manual(method ? `the string to sign is for ${method}, but the function returns a URL (sent with GET)` : 'the string to sign does not visibly start with GET, so the method of the returned URL could not be seen');
  const secret = Node.isCallExpression(signed.hmac) ? signed.hmac.getArguments()[1] : undefined;
  if (!secret) manual('the HMAC has no visible key');
  return { signed, secret };
}

/** The service and region: read from the host as written, else, for a host known only at run time, regionFromHost(<host>). */
function signingTarget(context: CodemodContext, fn: Node, output: SignedOutput, host: Node | undefined, quote: string): SigningTarget {
  const { sourceFile } = context;
  const written = output.kind === 'url' ? output.expression : host;
  if (!written) manual('the host the query is signed for is not a value of its own in the string to sign');
  const fromFile = () => findQuerySigningTarget(sourceFile, written, output.statement, quote);
  if (!host || !isRunTimeHost(sourceFile, host)) return fromFile();
  return unlessManual(fromFile, () => runTimeHostTarget(sourceFile, fn, host, () => context.helper.use(sourceFile, 'regionFromHost')));
}

/** A line of the string to sign as a piece of the URL: its expression, or its text. */
function urlPiece(line: SignedLine | undefined, what: string): { code: string } | { text: string } {
  if (!line) manual(`the string to sign has no ${what} line`);
  return line.node ? { code: line.node.getText() } : { text: line.text };
}

/** `https://<host><path>?<query>` written as the file writes strings: a template, or concatenation. */
function joinedUrl(pieces: ({ code: string } | { text: string })[], template: boolean, quote: string): string {
  if (template) return `\`${pieces.map((piece) => ('code' in piece ? `\${${piece.code}}` : piece.text)).join('')}\``;
  const merged = pieces.reduce<({ code: string } | { text: string })[]>((all, piece) => {
    const last = all[all.length - 1];
    if (last && 'text' in last && 'text' in piece) all[all.length - 1] = { text: last.text + piece.text };
    else all.push(piece);
    return all;
  }, []);
  return merged.map((piece) => ('code' in piece ? piece.code : `${quote}${piece.text}${quote}`)).join(' + ');
}

/** The URL the request is presigned as: the returned URL, or the host and path the query was signed for with the query. */
function requestUrl(context: CodemodContext, output: SignedOutput, lines: SignedLine[] | undefined, quote: string): string {
  if (output.kind === 'url') return output.unsigned;
  const host = urlPiece(lines?.[1], 'host');
  const path = urlPiece(lines?.[2], 'path');
  const template = output.kind === 'query' ? Node.isTemplateExpression(output.expression) : context.sourceFile.getDescendantsOfKind(SyntaxKind.TemplateExpression).length > 0;
  if (output.kind === 'parameter') {
    const query = `${context.helper.use(context.sourceFile, 'canonicalQueryString')}(${output.holder.getText()})`;
    return joinedUrl([{ text: 'https://' }, host, path, { text: '?' }, { code: query }], template, quote);
  }
  // A returned template (`${canonical}&Signature=…`) goes into the URL's template as written, without a template inside it.
  const url = joinedUrl([{ text: 'https://' }, host, path, { text: '?' }], template, quote);
  return template ? `${url.slice(0, -1)}${output.unsigned.slice(1)}` : `${url} + ${output.unsigned}`;
}

/** Manual unless every name the new call reads is visible where it goes, and every `this` in it means the same object there. */
function assertReadableAt(sourceFile: SourceFile, nodes: readonly Node[], names: readonly Identifier[], site: Node): void {
  for (const identifier of names) {
    if (!isVisibleAt(sourceFile, identifier.getText(), site, { origin: identifier, allowGlobal: true })) manual(`'${identifier.getText()}' is not visible where the query is signed`);
  }
  for (const node of nodes) {
    const usesThis = Node.isThisExpression(node) || node.getDescendantsOfKind(SyntaxKind.ThisKeyword).length > 0;
    const sameThis = thisOwner(node) === thisOwner(site) || (thisClass(node) !== undefined && thisClass(node) === thisClass(site));
    if (usesThis && !sameThis) manual(`\`${node.getText()}\` does not mean the same object where the query is signed`);
  }
}

/** The new code in place of what handed out the signature. */
function replacement(sourceFile: SourceFile, output: SignedOutput, presigned: string): string {
  if (output.kind === 'url') return `${presigned}.url`;
  if (output.kind === 'query') return `${presigned}.url.replace(/^[^?]*\\?/, '')`;
  const [name, value] = [freeName(sourceFile, ['name', 'paramName', 'amzName']), freeName(sourceFile, ['value', 'paramValue', 'amzValue'])];
  const set = output.usesSet ? `.set(${name}, ${value})` : `[${name}] = ${value}`;
  const text = sourceFile.getFullText();
  const indent = indentOf(text, output.statement.getStart());
  const body = `${indent}${indentUnit(text, output.statement)}if (${name}.startsWith('X-Amz-')) ${output.holder.getText()}${set};`;
  return `new URL(${presigned}.url).searchParams.forEach((${value}, ${name}) => {\n${body}\n${indent}});`;
}

/** What the rewrite works from: where the query is signed, what hands the signature out, the keys, and the edits that drop the SigV2 parameters. */
interface SignerParts {
  /** The function whose code signs the query (the caller, when a caller signs what `fn` builds). */
  signing: Node;
  output: SignedOutput;
  signed: SignedString;
  accessKey: Node;
  secret: Node;
  removals: TextEdit[];
}

/** The parts of a signer that signs its own query, or of a builder whose caller signs it in view. */
function signerParts(sourceFile: SourceFile, fn: Node): SignerParts {
  const output = findSignedOutput(fn);
  const callerSigned = output ? undefined : findCallerSignedQuery(fn);
  if (callerSigned) {
    const { signed } = signedGetString(sourceFile, callerSigned.caller);
    return { signing: callerSigned.caller, output: callerSigned.output, signed, accessKey: callerSigned.accessKey, secret: callerSigned.secret, removals: callerSigned.edits };
  }
  if (!output) manual(noOutputReason(sourceFile, fn));
  const { signed, secret } = signedGetString(sourceFile, fn);
  const parameters = [...findSigV2Parameters(fn).values()];
  const accessKey = innermostExpression(parameters.find((entry) => entry.name === 'AWSAccessKeyId')!.value);
  return { signing: fn, output, signed, accessKey, secret, removals: parameters.map((entry) => parameterRemoval(sourceFile, entry)) };
}

function rewrite(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const q = detectCodeStyle(sourceFile).quote;
  const fn = enclosingFunction(context.node);
  if (!fn) manual('the SigV2 parameters are not set inside a function');
  const { signing, output, signed, accessKey, secret, removals } = signerParts(sourceFile, fn);
  const host = signed.lines?.[1]?.node;
  const target = signingTarget(context, signing, output, host, q);
  const url = requestUrl(context, output, signed.lines, q);
  // The URL's host and path come from the string to sign unless the signer returned the URL; regionFromHost(<host>) reads the host too.
  const signsForHost = output.kind !== 'url' || (host !== undefined && target.region.endsWith(`(${host.getText()})`));
  const read = [accessKey, secret, ...(signsForHost ? [host] : []), ...(output.kind === 'url' ? [] : [signed.lines?.[2]?.node]), ...(output.kind === 'parameter' ? [output.holder] : [])].filter((node): node is Node => node !== undefined);
  const unsignedNames = output.kind === 'parameter' ? [] : readIdentifiers(output.expression).filter((identifier) => identifier.getEnd() <= output.unsignedEnd);
  const names = [...read.flatMap(readIdentifiers), ...unsignedNames];
  assertReadableAt(sourceFile, read, names, output.statement);

  const presignUrl = context.helper.use(sourceFile, 'presignUrl');
  const options = signingOptions(sourceFile, { accessKey, secret, target }, q).replace(/ \}$/, `, expiresIn: ${EXPIRES_IN} }`);
  const replaced = output.kind === 'parameter' ? output.statement : output.expression;
  const edits: TextEdit[] = [
    { filePath: sourceFile.getFilePath(), start: replaced.getStart(), end: replaced.getEnd(), text: replacement(sourceFile, output, `${presignUrl}({ method: ${q}GET${q}, url: ${url} }, ${options})`) },
    ...removals,
  ];
  const dropped = edits.map((edit): RemovedRange => [edit.start, edit.end]);
  // Names the new call reads stay; so does a region read from a name (`region`, `target.region`).
  const live = new Set(names.map((identifier) => identifier.getText()));
  if (/^[\w$.]+!?$/.test(target.region)) live.add(target.region.replace(/!$/, '').split('.')[0]!);
  edits.push(...removeDeadSigningCode(sourceFile, dropped, live, output.statement));
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
