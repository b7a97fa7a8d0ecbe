// Writing the helper's `signRequest(…)` call before a request that was signed by hand, and the
// edits that make the request send the signed URL and headers, in the file's own layout.
import { Node } from 'ts-morph';
import type { ObjectLiteralExpression, SourceFile, Statement } from 'ts-morph';
import type { TextEdit } from '../types';
import { constInitializer, freeName } from './bindings';
import { indentOf, indentUnit, statementRemoval, usesTrailingCommas } from './code-layout';
import { isPlainReference, propertyName } from './expressions';
import type { CodeStyle } from './module-style';
import type { RequestSite } from './request-call-site';
import type { SigningTarget } from './ses-signing-target';

export interface SignRequestRewrite {
  /** The helper's signRequest as this file calls it (from `context.helper.use`). */
  signRequest: string;
  site: RequestSite;
  /** The statement that sends the request: the signing call goes right before it. */
  statement: Statement;
  /** The headers object literal (or the call that returns the headers), replaced by the signed headers. */
  headers: ObjectLiteralExpression | Node;
  /** The headers as the signing call writes them, when they are not the kept headers in a literal (`this.headers()`). */
  headersText?: string;
  /** The headers that are signed and sent as they were. */
  keptHeaders: Node[];
  /** A credential as a node of the file, or as the text that reads it where the request is signed. */
  accessKey: Node | string;
  secret: Node | string;
  target: SigningTarget;
}

/**
 * A value as written in the signing options. `process.env.X` is `string | undefined` in
 * TypeScript, where the hand-built string accepted it: the non-null assertion keeps the value and
 * types it as the string the hand-rolled code already assumed.
 */
export function definiteText(sourceFile: SourceFile, node: Node): string {
  const text = node.getText();
  if (!/\.[cm]?tsx?$/.test(sourceFile.getFilePath())) return text;
  const value = Node.isIdentifier(node) ? constInitializer(sourceFile, text) : node;
  return value && /^process\.env\.\w+$/.test(value.getText()) ? `${text}!` : text;
}

/** `name` or `name: value`, as an object literal entry. */
export function entry(name: string, value: string): string {
  return value === name ? name : `${name}: ${value}`;
}

/** Before the statement's own leading comments, so they stay above the call they describe. */
function signingPosition(statement: Statement): number {
  const comments = statement.getLeadingCommentRanges();
  return comments.length > 0 ? comments[0]!.getPos() : statement.getStart();
}

/** The body expression replaced by the const holding it: `body: expr` becomes `body` when the names match. */
function bodyReplacement(sourceFile: SourceFile, body: Node, name: string): TextEdit {
  const property = body.getParent();
  const filePath = sourceFile.getFilePath();
  if (Node.isPropertyAssignment(property) && propertyName(property) === name && Node.isIdentifier(property.getNameNode())) {
    return { filePath, start: property.getStart(), end: property.getEnd(), text: name };
  }
  return { filePath, start: body.getStart(), end: body.getEnd(), text: name };
}

/** The object literal `{ method, url, headers, body }` the request is signed as, one entry a line. */
function requestLiteral(rewrite: SignRequestRewrite, bodyText: string | undefined, indent: string, inner: string, trailingComma: boolean): string {
  const { site, keptHeaders, headersText } = rewrite;
  const kept = keptHeaders.length > 0 ? [`headers: { ${keptHeaders.map((property) => property.getText()).join(', ')} }`] : [];
  const lines = [
    entry('method', site.method),
    entry('url', site.url.getText()),
    ...(headersText ? [`headers: ${headersText}`] : kept),
    ...(bodyText ? [entry('body', bodyText)] : []),
  ];
  return `{\n${lines.map((line, index) => `${inner}${line}${index < lines.length - 1 || trailingComma ? ',' : ''}`).join('\n')}\n${indent}}`;
}

/** `{ service, region, credentials: { accessKeyId, secretAccessKey } }`. */
export function signingOptions(sourceFile: SourceFile, rewrite: Pick<SignRequestRewrite, 'accessKey' | 'secret' | 'target'>, quote: string): string {
  const credential = (value: Node | string) => (typeof value === 'string' ? value : definiteText(sourceFile, value));
  const credentials = `{ ${entry('accessKeyId', credential(rewrite.accessKey))}, ${entry('secretAccessKey', credential(rewrite.secret))} }`;
  return `{ service: ${quote}${rewrite.target.service}${quote}, ${entry('region', rewrite.target.region)}, credentials: ${credentials} }`;
}

/**
 * The edits that sign the request before its statement (`const signed = signRequest(…)`) and send
 * `signed.url` and `signed.headers`. A body computed in the call is evaluated once, into a const
 * that both signing and sending read.
 */
export function signRequestEdits(sourceFile: SourceFile, rewrite: SignRequestRewrite, style: CodeStyle): TextEdit[] {
  const text = sourceFile.getFullText();
  const filePath = sourceFile.getFilePath();
  const { site, statement, headers } = rewrite;
  const { body } = site;
  const signed = freeName(sourceFile, ['signed', 'signedRequest']);
  const indent = indentOf(text, statement.getStart());
  const inner = indent + indentUnit(text, statement);
  const bodyConst = body && !isPlainReference(body) ? freeName(sourceFile, ['body', 'requestBody']) : undefined;
  const request = requestLiteral(rewrite, bodyConst ?? body?.getText(), indent, inner, usesTrailingCommas(text));
  const end = style.semicolon ? ';' : '';
  const hoistedBody = bodyConst ? `const ${bodyConst} = ${body!.getText()}${end}\n${indent}` : '';
  const signing = `${hoistedBody}const ${signed} = ${rewrite.signRequest}(${request}, ${signingOptions(sourceFile, rewrite, style.quote)})${end}\n${indent}`;
  const edits: TextEdit[] = [
    { filePath, start: signingPosition(statement), end: signingPosition(statement), text: signing },
    { filePath, start: site.url.getStart(), end: site.url.getEnd(), text: `${signed}.url` },
    Node.isShorthandPropertyAssignment(site.headersProperty)
      ? { filePath, start: site.headersProperty.getStart(), end: site.headersProperty.getEnd(), text: `headers: ${signed}.headers` }
      : { filePath, start: headers.getStart(), end: headers.getEnd(), text: `${signed}.headers` },
  ];
  if (site.headersStatement) edits.push(statementRemoval(sourceFile, site.headersStatement));
  if (bodyConst) edits.push(bodyReplacement(sourceFile, body!, bodyConst));
  return edits;
}
