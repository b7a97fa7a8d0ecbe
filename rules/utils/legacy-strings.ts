// no-legacy-signature's string checks: SigV3 headers and schemes, S3 SigV2 headers, presigned URLs
// and HMAC-SHA1 string-to-sign, SigV2 query strings — in literals, templates, concatenations and joins,
// followed through the value tracker, and reported once where the whole string is built.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isInlineLiteral, type LegacyMessageIds, type LegacyScan } from './legacy-scan';
import { getPropertyKeyName, isConcatenation } from './static-value';
import { isAssertionArgument, isInsideTestBlock } from './test-fixture-context';
import { constantsOf, hasUnknownPart, patternsOf, type Possible, propertyAt } from '../values';

// S3 SigV2 in the file: an `AWS key:signature` header or a presign's query keys (query SigV2 names SignatureVersion).
const S3_SIGV2_EVIDENCE = /["'`]AWS |AWSAccessKeyId[\s\S]*Expires|Expires[\s\S]*AWSAccessKeyId/;

const LEGACY_HEADER = /^\s*x-amzn-authorization\s*(?::|$)/i;
const SIGV3_SCHEME = /^\s*(AWS3-HTTPS)\s|^\s*(AWS3)\s+(?:AWSAccessKeyId=|\0|$)/;
const S3_SIGV2_HEADER = /^AWS (?:\0|[A-Z0-9]{16,128}):\0$/;
const SIGV2_QUERY = /(?:^|[?&\0])SignatureVersion=2(?:$|[&\0])/;
const PRESIGN_ACCESS_KEY = /(?:^|[?&\0])AWSAccessKeyId=/;
const PRESIGN_EXPIRES = /[?&\0]Expires=/;
const PRESIGN_SIGNATURE = /[?&\0]Signature=/;

interface StringFinding {
  node: TSESTree.Node;
  messageId: LegacyMessageIds;
  data?: Record<string, string>;
  /** Expressions read to know the value (initialisers, returns), so they are not reported again. */
  resolved: readonly TSESTree.Node[];
}

/** Which legacy string the text (run-time parts as `\0`) is, if any; most specific first. */
function classifyLegacyString(pattern: string): { messageId: LegacyMessageIds; data?: Record<string, string> } | undefined {
  if (LEGACY_HEADER.test(pattern)) return { messageId: 'legacyAuthHeader' };
  const scheme = SIGV3_SCHEME.exec(pattern);
  if (scheme) return { messageId: 'legacyAuthScheme', data: { scheme: scheme[1] ?? scheme[2] ?? 'AWS3' } };
  if (PRESIGN_ACCESS_KEY.test(pattern) && PRESIGN_EXPIRES.test(pattern) && PRESIGN_SIGNATURE.test(pattern)) {
    return { messageId: 's3SigV2PresignedUrl' };
  }
  if (S3_SIGV2_HEADER.test(pattern)) return { messageId: 's3SigV2AuthHeader' };
  if (SIGV2_QUERY.test(pattern)) return { messageId: 'sigV2QuerySigning' };
  return undefined;
}

/** True when every value the algorithm may hold is known and is SHA-1 (`createHmac(hash, …)` with `hash` either way is not). */
function isSha1(possible: Possible): boolean {
  const constants = constantsOf(possible);
  return !hasUnknownPart(possible) && constants.length > 0 && constants.every((value) => typeof value === 'string' && /^sha-?1$/i.test(value));
}

const COMPARISON_OPERATORS = new Set(['===', '!==', '==', '!=']);
const HEADER_READ_METHODS = new Set(['get', 'has', 'includes', 'indexOf', 'delete', 'getHeader', 'hasHeader', 'removeHeader']);

/**
 * True when a header name is only looked up, compared or listed (redaction lists, proxies that strip
 * it): the code does not sign anything with it.
 */
function isHeaderNameOnlyRead(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node) return !isAssignedTo(parent);
  if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'in') return true;
  if (parent.type === AST_NODE_TYPES.ArrayExpression || parent.type === AST_NODE_TYPES.SwitchCase) return true;
  if (parent.type === AST_NODE_TYPES.BinaryExpression) return COMPARISON_OPERATORS.has(parent.operator);
  if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = parent.callee.property;
  return method.type === AST_NODE_TYPES.Identifier && HEADER_READ_METHODS.has(method.name);
}

/** `h[name] = …` writes the header; `h[name]`, `delete h[name]` and `log(h[name])` only read it. */
function isAssignedTo(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member;
}

/**
 * True when the node is one operand of a larger concatenation or template, or one part of an
 * array joined right there (`['AWS3-HTTPS …', 'Signature=…'].join(', ')`): checked as the whole.
 */
function isInsideLargerString(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return parent !== undefined && (isConcatenation(parent) || parent.type === AST_NODE_TYPES.TemplateLiteral || isJoinedArray(parent));
}

function isJoinedArray(node: TSESTree.Node): boolean {
  const member = node.parent;
  return (
    node.type === AST_NODE_TYPES.ArrayExpression &&
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === node &&
    member.property.type === AST_NODE_TYPES.Identifier &&
    member.property.name === 'join' &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  );
}

type PresignCall = TSESTree.CallExpression & { callee: TSESTree.MemberExpression };

/** What the string checks collect before reporting at the end of the file. */
interface StringState {
  readonly scan: LegacyScan;
  readonly findings: StringFinding[];
  // `url.searchParams.set('AWSAccessKeyId', …)` … `set('Expires', …)` … `set('Signature', …)` in one function.
  readonly queryKeySets: Map<string, { keys: Set<string>; accessKeyCall?: TSESTree.CallExpression }>;
}

function checkStringExpression(state: StringState, node: TSESTree.Node): void {
  if (isInsideLargerString(node) || isAssertionArgument(node) || isInsideTestBlock(node)) return;
  const possible = state.scan.tracker().resolve(node);
  const finding = patternsOf(possible)
    .map(classifyLegacyString)
    .find((found) => found !== undefined);
  if (!finding) return;
  if (finding.messageId === 'sigV2QuerySigning' && !state.scan.hasSignatureMethodEvidence) return;
  if (finding.messageId === 'legacyAuthHeader' && isHeaderNameOnlyRead(node)) return;
  state.findings.push({ node, ...finding, resolved: possible.sources });
}

/** `q['AWSAccessKeyId'] = …; q['Expires'] = …; q['Signature'] = …`: an S3 SigV2 presign built key by key. */
function checkPresignQueryKeys(scan: LegacyScan, assignment: TSESTree.AssignmentExpression & { left: TSESTree.MemberExpression }): void {
  const object = scan.tracker().objectAt(assignment.left.object, 'end');
  const has = (name: string): boolean => propertyAt(object, name).kind === 'found';
  if (has('Expires') && has('Signature') && !has('SignatureVersion')) {
    scan.context.report({ node: assignment, messageId: 's3SigV2PresignedUrl' });
  }
}

/** `{ AWSAccessKeyId, Expires, Signature }` in one literal (with SignatureVersion it is query SigV2, reported there). */
function checkPresignQueryObject(scan: LegacyScan, node: TSESTree.Property): void {
  const object = node.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
  const keys = new Set(object.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined)));
  if (keys.has('Expires') && keys.has('Signature') && !keys.has('SignatureVersion')) {
    scan.context.report({ node: object, messageId: 's3SigV2PresignedUrl' });
  }
}

function recordQueryKeySet(state: StringState, call: PresignCall): void {
  const key = call.arguments[0];
  if (key?.type !== AST_NODE_TYPES.Literal || typeof key.value !== 'string') return;
  const { sourceCode } = state.scan;
  const scope = sourceCode.getScope(call).variableScope.block;
  const group = `${scope.range.join(':')} ${sourceCode.getText(call.callee.object)}`;
  const entry = state.queryKeySets.get(group) ?? { keys: new Set<string>() };
  entry.keys.add(key.value);
  if (key.value === 'AWSAccessKeyId') entry.accessKeyCall ??= call;
  state.queryKeySets.set(group, entry);
}

function reportQueryKeySets(state: StringState): void {
  for (const { keys, accessKeyCall } of state.queryKeySets.values()) {
    if (accessKeyCall && keys.has('Expires') && keys.has('Signature') && !keys.has('SignatureVersion')) {
      state.scan.context.report({ node: accessKeyCall, messageId: 's3SigV2PresignedUrl' });
    }
  }
}

function reportStringFindings(state: StringState): void {
  // A literal read through a variable is reported where the whole string is built, not twice; a
  // string built whole (a builder's return) is reported there, not at every use of its result.
  const consumed = new Set(state.findings.flatMap((finding) => finding.resolved));
  const built = new Map(state.findings.filter((finding) => !isInlineLiteral(finding.node)).map((finding) => [finding.node, finding.messageId]));
  for (const finding of state.findings) {
    if (consumed.has(finding.node) && isInlineLiteral(finding.node)) continue;
    const readsBuiltFinding = finding.resolved.some((source) => source !== finding.node && built.get(source) === finding.messageId);
    if (readsBuiltFinding) continue;
    state.scan.context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
  }
}

/** HMAC-SHA1 calls, in files that build an S3 SigV2 header or presign and no SigV2 query. */
function s3Sha1Listeners(scan: LegacyScan): TSESLint.RuleListener {
  if (!S3_SIGV2_EVIDENCE.test(scan.text) || scan.text.includes('SignatureVersion')) return {};
  return {
    'CallExpression[callee.name="createHmac"], CallExpression[callee.property.name="createHmac"]'(node: TSESTree.CallExpression) {
      const algorithm = node.arguments[0];
      if (algorithm && isSha1(scan.tracker().resolve(algorithm))) scan.context.report({ node, messageId: 's3SigV2Hmac' });
    },
    'CallExpression[callee.name="HmacSHA1"], CallExpression[callee.property.name="HmacSHA1"]'(node: TSESTree.CallExpression) {
      scan.context.report({ node, messageId: 's3SigV2Hmac' });
    },
  };
}

export function legacyStringListeners(scan: LegacyScan): TSESLint.RuleListener {
  if (!scan.checksStrings) return {};
  const state: StringState = { scan, findings: [], queryKeySets: new Map() };
  const checkString = (node: TSESTree.Node): void => checkStringExpression(state, node);
  return {
    ...s3Sha1Listeners(scan),
    Literal(node) {
      if (typeof node.value === 'string') checkString(node);
    },
    TemplateLiteral: checkString,
    'BinaryExpression[operator="+"]': checkString,
    // `['AWS ', key, ':', signature].join('')`: the joined text is the header.
    'CallExpression[callee.property.name="join"][callee.object.type="ArrayExpression"]': checkString,
    'AssignmentExpression > MemberExpression.left[property.name="AWSAccessKeyId"], AssignmentExpression > MemberExpression.left[property.value="AWSAccessKeyId"]'(
      node: TSESTree.MemberExpression,
    ) {
      checkPresignQueryKeys(scan, node.parent as TSESTree.AssignmentExpression & { left: TSESTree.MemberExpression });
    },
    'Property[key.name="AWSAccessKeyId"], Property[key.value="AWSAccessKeyId"]'(node: TSESTree.Property) {
      checkPresignQueryObject(scan, node);
    },
    'CallExpression[callee.type="MemberExpression"][callee.property.name=/^(?:set|append)$/]'(call: PresignCall) {
      recordQueryKeySet(state, call);
    },
    'Program:exit'() {
      reportStringFindings(state);
      reportQueryKeySets(state);
    },
  };
}
