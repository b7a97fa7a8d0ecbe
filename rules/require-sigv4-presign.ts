// Rule: presigned S3 URLs must be SigV4 — aws-sdk v2 S3 clients that presign without
// `signatureVersion: 'v4'`, and presign expiries beyond SigV4's 7-day limit.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findAmzExpiresInLiteral, findAmzExpiresInTemplate, type AmzExpiresValue } from './utils/amz-expires-parameter';
import {
  classifyEndpoint,
  findAwsSdkV2Option,
  matchAwsSdkV2ClientConstruction,
  matchAwsSdkV2GlobalConfigAssignment,
  matchAwsSdkV2GlobalConfigUpdate,
  type AwsSdkV2ClientConstruction,
} from './utils/aws-sdk-v2';
import { clientsConfiguredLater } from './utils/client-config-writes';
import type { ScopeOf } from './utils/const-binding';
import { createRule } from './utils/create-rule';
import { resolveModuleMember } from './utils/module-binding';
import { type GlobalConfigFacts, presignsWithSigV2, readGlobalConfig, writesBeforeConstruction } from './utils/presign-signing-version';
import { addSignatureVersionV4, editableOptionsTarget, spreadWithSignatureVersion } from './utils/signature-version-v4-fixes';
import { defaultUnderCaller, numbersOf, propertyAt, skipWrappers, valuesOf, type ValueTracker } from './values';

export { SIGV2_PRESIGN_REGIONS } from './utils/presign-signing-version';

/** SigV4's longest presign validity: 7 days. */
export const MAX_SIGV4_EXPIRY_SECONDS = 604_800;

/** Whole-file gate: without one of these words the rule has nothing to report (see src/engine/prefilter.ts). */
export const PRESIGN_TEXT_GATE = /getSignedUrl|s3-request-presigner|x-amz-expires/i;

const PRESIGNER_MODULE = '@aws-sdk/s3-request-presigner';

type MessageIds =
  | 'presignWithoutSigV4'
  | 'presignWithoutSigV4CustomEndpoint'
  | 'addSignatureVersionV4'
  | 'expiresBeyondSigV4Limit'
  | 'expiresInBeyondSigV4Limit'
  | 'amzExpiresBeyondSigV4Limit'
  | 'presignWithoutSigV4OptionsFromCaller';

type Options = [{ maxExpiresIn?: number }];

export default createRule<Options, MessageIds>({
  name: 'require-sigv4-presign',
  meta: {
    type: 'problem',
    docs: {
      description: "Require aws-sdk v2 S3 clients that presign URLs to use SigV4, and presign expiries within SigV4's 7 days",
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      presignWithoutSigV4:
        "This aws-sdk v2 S3 client presigns URLs without `signatureVersion: 'v4'`, so some are signed with SigV2, which S3 rejects. Add `signatureVersion: 'v4'` to the client's options.",
      presignWithoutSigV4CustomEndpoint:
        "This aws-sdk v2 S3 client presigns URLs without `signatureVersion: 'v4'` against an endpoint that is not visibly AWS. Add it if that server accepts SigV4 (AWS, MinIO and Ceph do).",
      presignWithoutSigV4OptionsFromCaller:
        "This aws-sdk v2 S3 client presigns URLs with options from its caller, which may not set `signatureVersion: 'v4'`. Set it explicitly so the URLs are never signed with legacy SigV2.",
      addSignatureVersionV4: "Add `signatureVersion: 'v4'` to the client's options.",
      expiresBeyondSigV4Limit:
        '`Expires` of {{seconds}} s is above the {{limit}} s limit ({{reason}}). Use at most {{limit}} s.',
      expiresInBeyondSigV4Limit:
        '`expiresIn` of {{seconds}} s is above the {{limit}} s limit ({{reason}}). Use at most {{limit}} s.',
      amzExpiresBeyondSigV4Limit:
        '`X-Amz-Expires` of {{seconds}} s is above the {{limit}} s limit ({{reason}}). Use at most {{limit}} s.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxExpiresIn: {
            type: 'integer',
            minimum: 1,
            maximum: MAX_SIGV4_EXPIRY_SECONDS,
            description: 'Longest presign expiry allowed, in seconds: the lifetime of the credentials that sign (default 604800, SigV4\'s 7 days).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxExpiresIn: MAX_SIGV4_EXPIRY_SECONDS }],
  },
  defaultOptions: [{ maxExpiresIn: MAX_SIGV4_EXPIRY_SECONDS }],
  create(context, [{ maxExpiresIn = MAX_SIGV4_EXPIRY_SECONDS }]) {
    if (!PRESIGN_TEXT_GATE.test(context.sourceCode.text)) return {};
    return presignListeners(startScan(context, maxExpiresIn));
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** What one file's lint run needs and has seen so far. */
interface PresignScan {
  readonly context: Context;
  readonly scopeOf: ScopeOf;
  readonly values: ValueTracker;
  readonly maxExpiresIn: number;
  readonly limitData: { readonly limit: string; readonly reason: string };
  readonly presigningClients: Map<TSESTree.NewExpression, AwsSdkV2ClientConstruction>;
  // Candidate global-config writes are only resolved at the end, and only if some client presigns:
  // most files never do, and `x.update(…)` / `a.b = c` are everywhere.
  readonly configUpdateCandidates: TSESTree.CallExpression[];
  readonly configAssignmentCandidates: TSESTree.AssignmentExpression[];
  readonly reportedExpiries: Set<TSESTree.Node>;
  /** Aliased presigner imports are only looked for once the file loads the presigner at all. */
  loadsPresigner: boolean;
}

function startScan(context: Context, maxExpiresIn: number): PresignScan {
  const sourceCode = context.sourceCode;
  return {
    context,
    scopeOf: (node) => sourceCode.getScope(node),
    values: valuesOf(sourceCode),
    maxExpiresIn,
    limitData: {
      limit: String(maxExpiresIn),
      reason: maxExpiresIn === MAX_SIGV4_EXPIRY_SECONDS ? "SigV4's 7 days" : 'maxExpiresIn, the signing credentials\' lifetime',
    },
    presigningClients: new Map(),
    configUpdateCandidates: [],
    configAssignmentCandidates: [],
    reportedExpiries: new Set(),
    loadsPresigner: false,
  };
}

/** Reports an expiry of `seconds` once per node. */
function reportSeconds(scan: PresignScan, node: TSESTree.Node, seconds: number, messageId: MessageIds): void {
  if (scan.reportedExpiries.has(node)) return;
  scan.reportedExpiries.add(node);
  scan.context.report({ node, messageId, data: { seconds: String(seconds), ...scan.limitData } });
}

/** Reports the branch that holds a too-long constant (`parseInt(env) || 2592000` on its fallback). */
function reportExpiry(scan: PresignScan, node: TSESTree.Node, messageId: MessageIds): void {
  const offending = offendingExpiry(node, scan.values, scan.maxExpiresIn);
  if (offending) reportSeconds(scan, offending.node, offending.seconds, messageId);
}

function checkExpiryOption(scan: PresignScan, options: TSESTree.Node | undefined, name: string, messageId: MessageIds, use: TSESTree.Node): void {
  if (!options) return;
  const object = scan.values.objectAt(options, use);
  const lookup = propertyAt(object, name);
  // `{ ...DEFAULTS, ...options }`: DEFAULTS' expiry applies whenever the caller leaves it out.
  const fallback = lookup.kind === 'unknown' ? defaultUnderCaller(object, name) : undefined;
  if (fallback) reportExpiry(scan, fallback, messageId);
  if (lookup.kind !== 'found') return;
  for (const value of [lookup.value, ...lookup.maybe]) reportExpiry(scan, value, messageId);
}

function checkAmzExpires(scan: PresignScan, found: AmzExpiresValue | undefined): void {
  if (!found) return;
  if (found.kind === 'expression') return reportExpiry(scan, found.node, 'amzExpiresBeyondSigV4Limit');
  if (found.seconds > scan.maxExpiresIn) reportSeconds(scan, found.node, found.seconds, 'amzExpiresBeyondSigV4Limit');
}

/** `s3.getSignedUrl(operation, params[, callback])`, also through `promisify`/`bind` aliases. */
function checkSdkV2Presign(scan: PresignScan, call: TSESTree.CallExpression, receiver: TSESTree.Node): void {
  const construction = scan.values.constructionOf(receiver);
  const client = construction && matchAwsSdkV2ClientConstruction(construction, scan.scopeOf);
  // A visible construction of anything but an S3 client (a CloudFront signer, a GCS file) is not ours.
  if (construction && client?.serviceId !== 's3') return;
  if (!client && !looksLikeSdkV2Presign(call)) return;
  if (client) scan.presigningClients.set(client.node, client);
  checkExpiryOption(scan, call.arguments[1], 'Expires', 'expiresBeyondSigV4Limit', call);
}

/** `getSignedUrl(client, command, { expiresIn })` from `@aws-sdk/s3-request-presigner`. */
function checkSdkV3Presign(scan: PresignScan, call: TSESTree.CallExpression): void {
  const member = resolveModuleMember(call.callee, scan.scopeOf);
  if (member?.source !== PRESIGNER_MODULE || member.path.join('.') !== 'getSignedUrl') return;
  checkExpiryOption(scan, call.arguments[2], 'expiresIn', 'expiresInBeyondSigV4Limit', call);
}

/** `new S3RequestPresigner(…).presign(request, { expiresIn })`. */
function checkSdkV3RequestPresigner(scan: PresignScan, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
  const construction = scan.values.constructionOf(callee.object);
  const member = construction && resolveModuleMember(construction.callee, scan.scopeOf);
  if (member?.source !== PRESIGNER_MODULE || member.path.join('.') !== 'S3RequestPresigner') return;
  checkExpiryOption(scan, call.arguments[1], 'expiresIn', 'expiresInBeyondSigV4Limit', call);
}

/** A call of a local alias of `getSignedUrl`: `const presign = promisify(s3.getSignedUrl).bind(s3)`. */
function checkPresignAlias(scan: PresignScan, call: TSESTree.CallExpression): void {
  const target = scan.values.callee(call);
  if (target?.kind === 'method' && PRESIGN_METHOD.test(target.name)) checkSdkV2Presign(scan, call, target.receiver);
}

/** A fix when the options literal is written in the client's call, a suggestion when the value is shared or from a caller. */
function reportClientWithoutSigV4(scan: PresignScan, client: AwsSdkV2ClientConstruction, globalFacts: GlobalConfigFacts): void {
  const { context, scopeOf } = scan;
  const verdict = presignsWithSigV2(client, globalFacts, scopeOf, scan.values);
  if (verdict === 'no') return;
  const target = editableOptionsTarget(client, scopeOf);
  const endpoint = findAwsSdkV2Option(client.options, 'endpoint', scopeOf);
  const customEndpoint = endpoint.kind === 'found' && classifyEndpoint(endpoint.value, scopeOf) !== 'aws';
  const fix = target
    ? (fixer: TSESLint.RuleFixer) => addSignatureVersionV4(fixer, target.node, context.sourceCode)
    : verdict === 'caller' && client.options
      ? spreadWithSignatureVersion(client.options, context.sourceCode)
      : undefined;
  if (verdict === 'caller' || customEndpoint || !target?.inline) {
    context.report({
      node: client.node,
      messageId: verdict === 'caller' ? 'presignWithoutSigV4OptionsFromCaller' : customEndpoint ? 'presignWithoutSigV4CustomEndpoint' : 'presignWithoutSigV4',
      suggest: fix ? [{ messageId: 'addSignatureVersionV4', fix }] : [],
    });
    return;
  }
  context.report({ node: client.node, messageId: 'presignWithoutSigV4', fix });
}

/** At the end of the file: every presigning client that nothing visible gives SigV4. */
function reportPresigningClients(scan: PresignScan): void {
  if (scan.presigningClients.size === 0) return;
  const globalConfigWrites = [
    ...scan.configUpdateCandidates.map((call) => matchAwsSdkV2GlobalConfigUpdate(call, scan.scopeOf)),
    ...scan.configAssignmentCandidates.map((assignment) => matchAwsSdkV2GlobalConfigAssignment(assignment, scan.scopeOf)),
  ].filter((write) => write !== undefined);
  const configuredLater = clientsConfiguredLater(scan.configUpdateCandidates, scan.configAssignmentCandidates, scan.values, scan.scopeOf);
  for (const client of scan.presigningClients.values()) {
    const globalFacts = readGlobalConfig(writesBeforeConstruction(client.node, globalConfigWrites, scan.scopeOf), scan.scopeOf);
    if (!globalFacts.setsSignatureVersion && !configuredLater.has(client.node)) reportClientWithoutSigV4(scan, client, globalFacts);
  }
}

function presignListeners(scan: PresignScan): TSESLint.RuleListener {
  return {
    // `getSignedUrlAsync`: bluebird's `promisifyAll(s3)`, or `s3.getSignedUrlAsync = Promise.promisify(s3.getSignedUrl)`.
    'CallExpression[callee.type="MemberExpression"][callee.property.name=/^getSignedUrl(?:Promise|Async)?$/]'(
      call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
    ) {
      if (call.arguments.length >= 3 && call.callee.property.type === AST_NODE_TYPES.Identifier && call.callee.property.name === 'getSignedUrl') {
        checkSdkV3Presign(scan, call);
      }
      checkSdkV2Presign(scan, call, call.callee.object);
    },
    'CallExpression[callee.type="Identifier"][callee.name="getSignedUrl"]'(call: TSESTree.CallExpression) {
      checkSdkV3Presign(scan, call);
      // A local alias that took the v2 method's name: `const getSignedUrl = promisify(s3.getSignedUrl).bind(s3)`.
      checkPresignAlias(scan, call);
    },
    [`ImportDeclaration[source.value="${PRESIGNER_MODULE}"], TSExternalModuleReference[expression.value="${PRESIGNER_MODULE}"], CallExpression[callee.name="require"] > Literal.arguments[value="${PRESIGNER_MODULE}"]`]() {
      scan.loadsPresigner = true;
    },
    'CallExpression[callee.type="Identifier"][callee.name!="getSignedUrl"]'(call: TSESTree.CallExpression) {
      // An aliased import: `import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner'`.
      if (scan.loadsPresigner && call.arguments.length === 3) checkSdkV3Presign(scan, call);
      checkPresignAlias(scan, call);
    },
    'CallExpression[callee.type="MemberExpression"][callee.property.name="presign"]'(
      call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
    ) {
      checkSdkV3RequestPresigner(scan, call, call.callee);
    },
    'CallExpression[callee.type="MemberExpression"][callee.property.name="update"]'(call: TSESTree.CallExpression) {
      scan.configUpdateCandidates.push(call);
    },
    'AssignmentExpression[left.type="MemberExpression"]'(assignment: TSESTree.AssignmentExpression) {
      scan.configAssignmentCandidates.push(assignment);
    },
    'Literal[value=/x-amz-expires/i]'(literal: TSESTree.Literal) {
      checkAmzExpires(scan, findAmzExpiresInLiteral(literal));
    },
    'TemplateElement[value.raw=/x-amz-expires=/i]'(element: TSESTree.TemplateElement) {
      checkAmzExpires(scan, findAmzExpiresInTemplate(element));
    },
    'Program:exit'() {
      reportPresigningClients(scan);
    },
  };
}

const PRESIGN_METHOD = /^getSignedUrl(?:Promise|Async)?$/;

/** The part of an expiry expression that may hold a constant above the limit, and that constant. */
function offendingExpiry(node: TSESTree.Node, values: ValueTracker, limit: number): { node: TSESTree.Node; seconds: number } | undefined {
  const tooLong = numbersOf(values.resolve(node)).filter((seconds) => seconds > limit);
  if (tooLong.length === 0) return undefined;
  const expression = skipWrappers(node);
  const branches =
    expression.type === AST_NODE_TYPES.LogicalExpression
      ? [expression.left, expression.right]
      : expression.type === AST_NODE_TYPES.ConditionalExpression
        ? [expression.consequent, expression.alternate]
        : [];
  for (const branch of branches) {
    const found = offendingExpiry(branch, values, limit);
    if (found) return found;
  }
  return { node, seconds: Math.max(...tooLong) };
}

/** A call shaped like aws-sdk v2's presign on a client we cannot see built: `x.getSignedUrl('getObject', params)`. */
function looksLikeSdkV2Presign(call: TSESTree.CallExpression): boolean {
  const operation = call.arguments[0];
  return (
    call.arguments.length >= 2 &&
    ((operation?.type === AST_NODE_TYPES.Literal && typeof operation.value === 'string') ||
      operation?.type === AST_NODE_TYPES.TemplateLiteral)
  );
}

