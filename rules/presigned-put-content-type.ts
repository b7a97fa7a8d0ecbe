// Rule: a PUT to an S3 presigned URL must send the Content-Type the URL was signed with; HTTP
// clients left to themselves send none, or one derived from the body, and S3 answers 403 (or, when
// the presign leaves Content-Type unsigned, stores the object with the wrong type).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from './utils/create-rule';
import { matchPutRequest, mayBePutRequest } from './utils/http-put-calls';
import type { HttpClient, PutRequest } from './utils/http-put-calls';
import { buildHeaderFix, quoted } from './utils/header-fix-edits';
import { resolveObjectLiteral } from './utils/object-literal';
import { resolveUrlOrigin } from './utils/presigned-url-origin';
import type { UrlOrigin, UrlOriginContext } from './utils/presigned-url-origin';
import { collectPresignNames } from './utils/s3-presign-calls';
import { getPropertyKeyName, getStaticString } from './utils/static-value';
import { collectTopLevelImports } from './utils/top-level-imports';
import type { ImportedLocal } from './utils/top-level-imports';
import { classifyUploadBody } from './utils/upload-bodies';
import type { SignedContentType } from './utils/s3-presign-calls';
import { constantsOf, hasUnknownPart, valuesOf, type ValueTracker } from './values';
import type { UploadBody } from './utils/upload-bodies';

export type MessageId =
  | 'noContentTypeSent'
  | 'textPlainSent'
  | 'formUrlencodedSent'
  | 'jsonSent'
  | 'bodyTypeSent'
  | 'formDataSent'
  | 'contentTypeMismatch'
  | 'unsignedContentTypeNotSent'
  | 'unsignedContentTypeMismatch'
  | 'addContentType'
  | 'useSignedContentType';

type ReportedMessageId = Exclude<
  MessageId,
  | 'addContentType'
  | 'useSignedContentType'
  | 'contentTypeMismatch'
  | 'unsignedContentTypeNotSent'
  | 'unsignedContentTypeMismatch'
  | 'formDataSent'
>;

/** The literal Content-Type a presign fixed, when the source shows it. */
interface SignedLiteral {
  value: string;
}

const CLIENT_NAMES: Readonly<Record<HttpClient, string>> = {
  fetch: 'fetch',
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  superagent: 'superagent',
  XMLHttpRequest: 'XMLHttpRequest',
  'https.request': "node's http(s).request",
  'undici.request': "undici's request",
  'jQuery.ajax': 'jQuery.ajax',
  HttpClient: "Angular's HttpClient",
};

/** Clients whose Content-Type follows the body the way browsers' fetch/XHR do. */
const BODY_TYPED_CLIENTS = new Set<HttpClient>(['fetch', 'ky', 'XMLHttpRequest', 'superagent', 'HttpClient']);

/** Stores whose signed URLs are signed their own way: a file using them is not about S3 presigns. */
const OTHER_STORE_MODULES = /^(?:@google-cloud\/storage|@supabase\/|@azure\/storage-blob|firebase\/storage|firebase-admin)/;

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/**
 * Whole-file gate, the words of the CLI's needles (src/engine/prefilter.ts): a PUT, a URL named or made
 * like a presign, and a client the rule knows. Without all three the rule adds no listener.
 */
export const PUT_TEXT_GATES: readonly RegExp[] = [
  /PUT|\.\s*put\b|['"`][Pp][Uu][Tt]['"`]/,
  /signed|presign|(?:upload|put)[-_$]*ur[il]/i,
  /\b(?:fetch|axios|got|ky|superagent|open|request|undici|ajax|HttpClient)\b/,
];

/** The media types a presign may have signed when run time picks one: every presign's literal, or a value the layer can list. */
function possibleSignedTypes(contentType: SignedContentType, values: ValueTracker): string[] {
  if (contentType.kind === 'unknown') return [...(contentType.candidates ?? [])];
  if (contentType.kind !== 'expression') return [];
  const possible = values.resolve(contentType.node);
  if (hasUnknownPart(possible)) return [];
  const types = constantsOf(possible).filter((value): value is string => typeof value === 'string' && value.includes('/'));
  return [...new Set(types)];
}

/** What the client sends for this body when no Content-Type is given; undefined when it is fine. */
function chooseMessage(
  request: PutRequest,
  body: UploadBody | undefined,
  signed: SignedLiteral | undefined,
): { messageId: ReportedMessageId; reason?: string } | undefined {
  const { client } = request;
  // Neither derives a type from the body: only the headers given are sent.
  if (client === 'https.request' || client === 'undici.request') return { messageId: 'noContentTypeSent' };
  if (client === 'jQuery.ajax') {
    return body ? { messageId: 'formUrlencodedSent', reason: "(jQuery's default `contentType`)" } : undefined;
  }
  if (client === 'got') {
    if (request.serialisedAs === 'json') return { messageId: 'jsonSent' };
    if (request.serialisedAs === 'form') return { messageId: 'formUrlencodedSent', reason: "for got's `form` option" };
    return body ? { messageId: 'noContentTypeSent' } : undefined;
  }
  if (!body) return undefined;
  if (request.serialisedAs === 'json' || body.kind === 'object') {
    return client === 'fetch' || client === 'XMLHttpRequest' ? undefined : { messageId: 'jsonSent' };
  }
  if (client === 'axios') {
    return { messageId: 'formUrlencodedSent', reason: "(axios 0.x's default for PUT)" };
  }
  if (body.kind === 'string') {
    return client === 'superagent'
      ? { messageId: 'formUrlencodedSent', reason: "(superagent's default for strings)" }
      : { messageId: 'textPlainSent' };
  }
  if (body.kind === 'binary' || body.kind === 'untyped-blob') return { messageId: 'noContentTypeSent' };
  return BODY_TYPED_CLIENTS.has(client) && signed ? { messageId: 'bodyTypeSent' } : undefined;
}

/** A name or member chain (`file`, `input.files[0]`, `this.files[i]`) that reads the same value when written twice. */
function isRepeatable(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const key = node.property;
  const keyIsPlain = !node.computed || key.type === AST_NODE_TYPES.Literal || key.type === AST_NODE_TYPES.Identifier;
  return keyIsPlain && isRepeatable(node.object);
}

function describeConsequence(signed: SignedLiteral | undefined): string {
  return signed
    ? `but the URL was presigned for '${signed.value}', so S3 answers 403 SignatureDoesNotMatch`
    : 'which gets 403 SignatureDoesNotMatch unless the URL was presigned with it';
}

/** What the client sends, and so how S3 stores and later serves the object, when the presign did not sign the type. */
function describeUnsignedUpload(
  messageId: ReportedMessageId,
  client: HttpClient,
  body: UploadBody | undefined,
  reason: string,
): { sent: string; servedAs: string } {
  switch (messageId) {
    case 'noContentTypeSent':
      return { sent: `sends no Content-Type ${describeBody(client, body)}`, servedAs: 'binary/octet-stream' };
    case 'textPlainSent':
      return { sent: "sends 'text/plain;charset=UTF-8' for a string body", servedAs: 'that type' };
    case 'formUrlencodedSent':
      return { sent: `sends 'application/x-www-form-urlencoded' ${reason}`, servedAs: 'that type' };
    case 'jsonSent':
      return { sent: "sends 'application/json' for this body", servedAs: 'that type' };
    case 'bodyTypeSent':
      return {
        sent: "sends the body's own `type`",
        servedAs: 'that type (binary/octet-stream when empty)',
      };
  }
}

function describeBody(client: HttpClient, body: UploadBody | undefined): string {
  if (client === 'https.request' || client === 'undici.request' || client === 'got') return 'by default';
  if (body?.kind === 'untyped-blob') return 'for a Blob without a `type`';
  return body?.kind === 'binary' ? 'for a binary body' : 'for this body';
}

/** What the rule knows of the file being linted, read once at `Program`. */
interface PutRuleFile {
  context: Readonly<TSESLint.RuleContext<MessageId, []>>;
  sourceCode: Readonly<TSESLint.SourceCode>;
  values: ValueTracker;
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  imports: ReadonlyMap<string, ImportedLocal>;
  originContext: UrlOriginContext;
  /** The file uses another store's SDK, whose signed URLs a name alone does not tell apart. */
  usesOtherStore: boolean;
  /** The quote of the file's first string, for text a fix writes. */
  fileQuote: string;
}

function readFile(context: Readonly<TSESLint.RuleContext<MessageId, []>>, program: TSESTree.Program): PutRuleFile {
  const { sourceCode } = context;
  const values = valuesOf(sourceCode);
  const scopeOf = (node: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(node);
  const imports = collectTopLevelImports(program);
  const firstString = program.tokens?.find((token) => token.type === 'String');
  return {
    context,
    sourceCode,
    values,
    scopeOf,
    imports,
    originContext: { names: collectPresignNames(imports), getScope: scopeOf, visitorKeys: sourceCode.visitorKeys, values },
    usesOtherStore: [...imports.values()].some((local) => OTHER_STORE_MODULES.test(local.source)),
    fileQuote: firstString ? firstString.value.charAt(0) : "'",
  };
}

/** node's request options carry the URL in `host`/`path` or a spread `new URL(…)`. */
function originOfRequestUrl(file: PutRuleFile, request: PutRequest): UrlOrigin | undefined {
  const options = request.client === 'https.request' ? resolveObjectLiteral(request.url, file.scopeOf) : undefined;
  if (!options) return resolveUrlOrigin(request.url, file.originContext);
  const parts = options.properties.flatMap((property) => {
    if (property.type === AST_NODE_TYPES.SpreadElement) return [property.argument];
    const name = getPropertyKeyName(property);
    return name === 'host' || name === 'hostname' || name === 'path' ? [property.value] : [];
  });
  const origins = parts.map((part) => resolveUrlOrigin(part, file.originContext));
  return origins.find((origin) => origin?.kind === 'presign') ?? origins.find((origin) => origin?.kind === 'named');
}

/** A body whose `.type` names its media type, written so it can be repeated in the header. */
function blobTypeExpression(file: PutRuleFile, request: PutRequest, body: UploadBody | undefined): string | undefined {
  const node = request.body;
  if (body?.kind !== 'blob' || !node || !isRepeatable(node)) return undefined;
  return `${file.sourceCode.getText(node)}.type`;
}

function reportMismatch(file: PutRuleFile, valueNode: TSESTree.Node, signed: SignedLiteral, signsContentType: boolean): void {
  const quote = valueNode.type === AST_NODE_TYPES.Literal ? valueNode.raw.charAt(0) : file.fileQuote;
  const sent = getStaticString(valueNode, file.scopeOf(valueNode));
  // Without a '/', the value is a short name a client maps to a media type (superagent's `.type('png')`).
  if (sent === undefined || !sent.includes('/') || sent.trim() === signed.value.trim()) return;
  file.context.report({
    node: valueNode,
    messageId: signsContentType ? 'contentTypeMismatch' : 'unsignedContentTypeMismatch',
    data: { sent, signedType: signed.value },
    suggest: [
      {
        messageId: 'useSignedContentType',
        data: { signedType: signed.value },
        fix: (fixer) => fixer.replaceText(valueNode, quoted(signed.value, quote)),
      },
    ],
  });
}

/** The presign a request's URL comes from, as far as the file shows it; undefined when the rule has nothing to say. */
interface PresignedTarget {
  origin: Exclude<UrlOrigin, { kind: 'not-presigned' }>;
  /** The literal type the presign fixed, when the source shows it. */
  signed: SignedLiteral | undefined;
  /** False only for a presign the file shows leaving Content-Type unsigned; a named URL may sign it. */
  signsContentType: boolean;
}

function presignedTarget(file: PutRuleFile, request: PutRequest): PresignedTarget | undefined {
  const origin = originOfRequestUrl(file, request);
  if (!origin || origin.kind === 'not-presigned') return undefined;
  if (origin.kind === 'named' && file.usesOtherStore) return undefined;
  if (origin.kind === 'presign' && origin.contentType.kind === 'absent') return undefined;
  const signed = origin.kind === 'presign' && origin.contentType.kind === 'literal' ? { value: origin.contentType.value } : undefined;
  return { origin, signed, signsContentType: origin.kind !== 'presign' || origin.signsContentType };
}

function checkPutRequest(file: PutRuleFile, request: PutRequest): void {
  if (request.contentType.kind === 'unknown') return;
  const target = presignedTarget(file, request);
  if (!target) return;
  if (request.contentType.kind === 'set') {
    if (target.signed) reportMismatch(file, request.contentType.value, target.signed, target.signsContentType);
    return;
  }
  const body = request.body ? classifyUploadBody(request.body, { scopeOf: file.scopeOf, visitorKeys: file.sourceCode.visitorKeys }) : undefined;
  if (body?.kind === 'form-data') {
    file.context.report({ node: request.call, messageId: 'formDataSent', data: { client: CLIENT_NAMES[request.client] } });
    return;
  }
  const message = chooseMessage(request, body, target.signed);
  if (message) reportMissingContentType(file, request, body, target, message);
}

/** The header values a fix may write (the signed literal, or the body's certain `.type`), else the ones to suggest. */
function headerValues(
  file: PutRuleFile,
  request: PutRequest,
  body: UploadBody | undefined,
  target: PresignedTarget,
  quote: string,
): { fixValue: string | undefined; suggestedValues: string[] } {
  const blobType = blobTypeExpression(file, request, body);
  const fixValue = target.signed ? quoted(target.signed.value, quote) : body?.certain ? blobType : undefined;
  if (blobType) return { fixValue, suggestedValues: [blobType] };
  const runtimeTypes = target.origin.kind === 'presign' ? possibleSignedTypes(target.origin.contentType, file.values) : [];
  if (runtimeTypes.length > 0) return { fixValue, suggestedValues: runtimeTypes.map((type) => quoted(type, quote)) };
  const fallback = body?.kind === 'object' || request.serialisedAs === 'json' ? 'application/json' : FALLBACK_CONTENT_TYPE;
  return { fixValue, suggestedValues: [quoted(fallback, quote)] };
}

function reportMissingContentType(
  file: PutRuleFile,
  request: PutRequest,
  body: UploadBody | undefined,
  target: PresignedTarget,
  message: { messageId: ReportedMessageId; reason?: string },
): void {
  const { signed } = target;
  const unsigned = target.signsContentType ? undefined : describeUnsignedUpload(message.messageId, request.client, body, message.reason ?? '');
  const quote = request.methodNode?.type === AST_NODE_TYPES.Literal ? request.methodNode.raw.charAt(0) : file.fileQuote;
  const { fixValue, suggestedValues } = headerValues(file, request, body, target, quote);
  const { insertion } = request.contentType.kind === 'missing' ? request.contentType : { insertion: undefined };
  const fixWith = (value: string): TSESLint.ReportFixFunction | null => (insertion ? buildHeaderFix(file.sourceCode, insertion, value, quote) : null);
  file.context.report({
    node: request.call,
    messageId: unsigned ? 'unsignedContentTypeNotSent' : message.messageId,
    data: {
      client: CLIENT_NAMES[request.client],
      body: describeBody(request.client, body),
      reason: message.reason ?? '',
      consequence: describeConsequence(signed),
      signedType: signed?.value ?? '',
      sent: unsigned?.sent ?? '',
      servedAs: unsigned?.servedAs ?? '',
      advice: signed ? `Send '${signed.value}'.` : 'Send the presigned type.',
    },
    fix: fixValue ? fixWith(fixValue) : null,
    suggest:
      insertion && !fixValue
        ? suggestedValues.map((value) => ({ messageId: 'addContentType' as const, data: { value }, fix: buildHeaderFix(file.sourceCode, insertion, value, quote) }))
        : [],
  });
}

export default createRule<[], MessageId>({
  name: 'presigned-put-content-type',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a PUT to an S3 presigned URL to send the Content-Type the URL was signed with',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      noContentTypeSent: '{{client}} sends no Content-Type {{body}}, {{consequence}}. Set it explicitly.',
      textPlainSent: "{{client}} sends 'text/plain;charset=UTF-8' for a string body, {{consequence}}. Set it explicitly.",
      formUrlencodedSent: "{{client}} sends 'application/x-www-form-urlencoded' {{reason}}, {{consequence}}. Set it explicitly.",
      jsonSent: "{{client}} sends 'application/json' for this body, {{consequence}}. Set it explicitly.",
      bodyTypeSent:
        "{{client}} sends the body's own `type` (maybe empty, or differing by browser), but the URL was presigned for exactly '{{signedType}}'. Set it explicitly.",
      formDataSent:
        "{{client}} sends a FormData body as multipart/form-data, never the type the URL was presigned for, so S3 rejects it or stores the envelope. Send the file itself as the body.",
      contentTypeMismatch:
        "This upload sends Content-Type '{{sent}}' but the URL was presigned for '{{signedType}}': S3 answers 403 SignatureDoesNotMatch.",
      unsignedContentTypeNotSent:
        '{{client}} {{sent}} and the presign leaves it unsigned, so S3 serves the object as {{servedAs}}. {{advice}}',
      unsignedContentTypeMismatch:
        "This upload sends Content-Type '{{sent}}' but the URL was presigned for '{{signedType}}'; the presign leaves it unsigned, so S3 stores the object as '{{sent}}'.",
      addContentType: 'Send Content-Type {{value}} with the upload (it must equal the type the URL was presigned with).',
      useSignedContentType: "Send the Content-Type the URL was presigned for, '{{signedType}}'.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!PUT_TEXT_GATES.every((gate) => gate.test(context.sourceCode.text))) return {};
    let file: PutRuleFile | undefined;
    return {
      Program(program) {
        file = readFile(context, program);
      },
      CallExpression(call) {
        if (!file || !mayBePutRequest(call, file.imports)) return;
        const request = matchPutRequest(call, { imports: file.imports, scopeOf: file.scopeOf });
        if (request) checkPutRequest(file, request);
      },
    };
  },
});
