// Rule: a PUT to an S3 presigned URL must send the Content-Type the URL was signed with; HTTP
// clients left to themselves send none, or one derived from the body, and S3 answers 403 (or, when
// the presign leaves Content-Type unsigned, stores the object with the wrong type).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from './utils/create-rule';
import { matchPutRequest, mayBePutRequest } from './utils/http-put-calls';
import type { HeaderInsertion, HttpClient, PutRequest } from './utils/http-put-calls';
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
 * Whole-file gate, the words of the CLI's needles (src/cli/needles.ts): a PUT, a URL named or made
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
    const { sourceCode } = context;
    if (!PUT_TEXT_GATES.every((gate) => gate.test(sourceCode.text))) return {};
    const values = valuesOf(sourceCode);
    const scopeOf = (node: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(node);
    let imports: ReadonlyMap<string, ImportedLocal> = new Map();
    let originContext: UrlOriginContext | undefined;
    let usesOtherStore = false;
    let fileQuote = "'";

    /** node's request options carry the URL in `host`/`path` or a spread `new URL(…)`. */
    function originOfRequestUrl(request: PutRequest, resolveContext: UrlOriginContext): UrlOrigin | undefined {
      const options = request.client === 'https.request' ? resolveObjectLiteral(request.url, scopeOf) : undefined;
      if (!options) return resolveUrlOrigin(request.url, resolveContext);
      const parts = options.properties.flatMap((property) => {
        if (property.type === AST_NODE_TYPES.SpreadElement) return [property.argument];
        const name = getPropertyKeyName(property);
        return name === 'host' || name === 'hostname' || name === 'path' ? [property.value] : [];
      });
      const origins = parts.map((part) => resolveUrlOrigin(part, resolveContext));
      return origins.find((origin) => origin?.kind === 'presign') ?? origins.find((origin) => origin?.kind === 'named');
    }

    function quoted(text: string, quote: string): string {
      return `${quote}${text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
    }

    /** The node or token after which a new line can go without moving a trailing `// comment`. */
    function endOfLine(node: TSESTree.Node | TSESTree.Token): TSESTree.Node | TSESTree.Token {
      const trailing = sourceCode.getCommentsAfter(node).filter((comment) => comment.loc.start.line === node.loc.end.line);
      return trailing[trailing.length - 1] ?? node;
    }

    function lineIndent(line: number): string {
      return /^\s*/.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
    }

    function insertObjectProperty(
      fixer: TSESLint.RuleFixer,
      object: TSESTree.ObjectExpression,
      text: string,
    ): TSESLint.RuleFix | TSESLint.RuleFix[] {
      const last = object.properties[object.properties.length - 1];
      if (!last) return fixer.replaceText(object, `{ ${text} }`);
      const after = sourceCode.getTokenAfter(last);
      const comma = after?.value === ',' ? after : undefined;
      const closing = sourceCode.getLastToken(object);
      const multiline = closing !== null && closing.loc.start.line !== last.loc.end.line;
      if (!multiline) return comma ? fixer.insertTextAfter(comma, ` ${text},`) : fixer.insertTextAfter(last, `, ${text}`);
      const indent = lineIndent(last.loc.start.line);
      if (comma) return fixer.insertTextAfter(endOfLine(comma), `\n${indent}${text},`);
      return [fixer.insertTextAfter(last, ','), fixer.insertTextAfter(endOfLine(last), `\n${indent}${text}`)];
    }

    /** Adds an argument after `previous`, on its own line when the arguments are one per line. */
    function insertArgument(fixer: TSESLint.RuleFixer, previous: TSESTree.Node, text: string): TSESLint.RuleFix | TSESLint.RuleFix[] {
      const after = sourceCode.getTokenAfter(previous);
      const comma = after?.value === ',' ? after : undefined;
      const closing = comma ? sourceCode.getTokenAfter(comma) : after;
      const onOwnLines = closing !== null && closing !== undefined && closing.loc.start.line !== previous.loc.end.line;
      if (!onOwnLines) return fixer.insertTextAfter(previous, `, ${text}`);
      const indent = lineIndent(previous.loc.start.line);
      if (comma) return fixer.insertTextAfter(endOfLine(comma), `\n${indent}${text},`);
      return [fixer.insertTextAfter(previous, ','), fixer.insertTextAfter(endOfLine(previous), `\n${indent}${text}`)];
    }

    function buildHeaderFix(insertion: HeaderInsertion, value: string, quote: string): TSESLint.ReportFixFunction {
      const name = quoted('Content-Type', quote);
      const header = `${name}: ${value}`;
      return (fixer) => {
        switch (insertion.kind) {
          case 'header-property':
            return insertObjectProperty(fixer, insertion.object, header);
          case 'headers-property':
            return insertObjectProperty(fixer, insertion.object, `headers: { ${header} }`);
          case 'option-property':
            return insertObjectProperty(fixer, insertion.object, `${insertion.name}: ${value}`);
          case 'options-argument':
            return insertArgument(fixer, insertion.after, `{ headers: { ${header} } }`);
          case 'xhr-statement': {
            const { statement, receiver } = insertion;
            const semicolon = sourceCode.getText(statement).endsWith(';') ? ';' : '';
            const indent = lineIndent(statement.loc.start.line);
            return fixer.insertTextAfter(
              endOfLine(statement),
              `\n${indent}${receiver}.setRequestHeader(${name}, ${value})${semicolon}`,
            );
          }
          case 'superagent-set': {
            const dot = sourceCode.getTokenAfter(insertion.call);
            const onNextLine = dot !== null && dot.value === '.' && dot.loc.start.line !== insertion.call.loc.end.line;
            const call = `.set(${name}, ${value})`;
            if (!onNextLine) return fixer.insertTextAfter(insertion.call, call);
            return fixer.insertTextAfter(endOfLine(insertion.call), `\n${lineIndent(dot.loc.start.line)}${call}`);
          }
        }
      };
    }

    /** A body whose `.type` names its media type, written so it can be repeated in the header. */
    function blobTypeExpression(request: PutRequest, body: UploadBody | undefined): string | undefined {
      const node = request.body;
      if (body?.kind !== 'blob' || !node || !isRepeatable(node)) return undefined;
      return `${sourceCode.getText(node)}.type`;
    }

    function reportMismatch(valueNode: TSESTree.Node, signed: SignedLiteral, signsContentType: boolean): void {
      const quote = valueNode.type === AST_NODE_TYPES.Literal ? valueNode.raw.charAt(0) : fileQuote;
      const sent = getStaticString(valueNode, scopeOf(valueNode));
      // Without a '/', the value is a short name a client maps to a media type (superagent's `.type('png')`).
      if (sent === undefined || !sent.includes('/') || sent.trim() === signed.value.trim()) return;
      context.report({
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

    function checkPutRequest(request: PutRequest, resolveContext: UrlOriginContext): void {
      if (request.contentType.kind === 'unknown') return;
      const origin = originOfRequestUrl(request, resolveContext);
      if (!origin || origin.kind === 'not-presigned') return;
      if (origin.kind === 'named' && usesOtherStore) return;
      if (origin.kind === 'presign' && origin.contentType.kind === 'absent') return;
      const signed: SignedLiteral | undefined =
        origin.kind === 'presign' && origin.contentType.kind === 'literal' ? { value: origin.contentType.value } : undefined;
      // Only a presign the file shows can be known to leave the type unsigned; a named URL may sign it.
      const signsContentType = origin.kind !== 'presign' || origin.signsContentType;
      if (request.contentType.kind === 'set') {
        if (signed) reportMismatch(request.contentType.value, signed, signsContentType);
        return;
      }
      const body = request.body ? classifyUploadBody(request.body, { scopeOf, visitorKeys: sourceCode.visitorKeys }) : undefined;
      if (body?.kind === 'form-data') {
        context.report({ node: request.call, messageId: 'formDataSent', data: { client: CLIENT_NAMES[request.client] } });
        return;
      }
      const message = chooseMessage(request, body, signed);
      if (!message) return;
      const unsigned = signsContentType ? undefined : describeUnsignedUpload(message.messageId, request.client, body, message.reason ?? '');
      const quote = request.methodNode?.type === AST_NODE_TYPES.Literal ? request.methodNode.raw.charAt(0) : fileQuote;
      const blobType = blobTypeExpression(request, body);
      const fixValue = signed ? quoted(signed.value, quote) : body?.certain ? blobType : undefined;
      const { insertion } = request.contentType;
      const runtimeTypes = origin.kind === 'presign' ? possibleSignedTypes(origin.contentType, values) : [];
      const suggestedValues = blobType
        ? [blobType]
        : runtimeTypes.length > 0
          ? runtimeTypes.map((type) => quoted(type, quote))
          : [quoted(body?.kind === 'object' || request.serialisedAs === 'json' ? 'application/json' : FALLBACK_CONTENT_TYPE, quote)];
      context.report({
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
        fix: insertion && fixValue ? buildHeaderFix(insertion, fixValue, quote) : null,
        suggest:
          insertion && !fixValue
            ? suggestedValues.map((value) => ({ messageId: 'addContentType' as const, data: { value }, fix: buildHeaderFix(insertion, value, quote) }))
            : [],
      });
    }

    return {
      Program(program) {
        imports = collectTopLevelImports(program);
        usesOtherStore = [...imports.values()].some((local) => OTHER_STORE_MODULES.test(local.source));
        originContext = { names: collectPresignNames(imports), getScope: scopeOf, visitorKeys: sourceCode.visitorKeys, values };
        const firstString = program.tokens?.find((token) => token.type === 'String');
        if (firstString) fileQuote = firstString.value.charAt(0);
      },
      CallExpression(call) {
        if (!originContext || !mayBePutRequest(call, imports)) return;
        const request = matchPutRequest(call, { imports, scopeOf });
        if (request) checkPutRequest(request, originContext);
      },
    };
  },
});
