// Rule: presigned S3 URLs must be SigV4 — aws-sdk v2 S3 clients that presign without
// `signatureVersion: 'v4'`, and presign expiries beyond SigV4's 7-day limit.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findAmzExpiresInLiteral, findAmzExpiresInTemplate, type AmzExpiresValue } from './utils/amz-expires-parameter';
import {
  classifyEndpoint,
  findAwsSdkV2Option,
  matchAwsSdkV2ClientConstruction,
  matchAwsSdkV2ConfigConstruction,
  matchAwsSdkV2GlobalConfigAssignment,
  matchAwsSdkV2GlobalConfigUpdate,
  type AwsSdkV2ClientConstruction,
  type AwsSdkV2GlobalConfigWrite,
} from './utils/aws-sdk-v2';
import { clientsConfiguredLater } from './utils/client-config-writes';
import { type ScopeOf, skipTypeWrappers } from './utils/const-binding';
import { createRule } from './utils/create-rule';
import { resolveModuleMember } from './utils/module-binding';
import { findObjectProperty, resolveObjectLiteral } from './utils/object-literal';
import { getStaticString } from './utils/static-value';
import { numbersOf, propertyAt, skipWrappers, valuesOf, type ValueTracker } from './values';

/** SigV4's longest presign validity: 7 days. */
export const MAX_SIGV4_EXPIRY_SECONDS = 604_800;

/** Whole-file gate: without one of these words the rule has nothing to report (see src/cli/needles.ts). */
export const PRESIGN_TEXT_GATE = /getSignedUrl|s3-request-presigner|x-amz-expires/i;

/** A region name AWS could answer for; any other constant (`'REGION'`, a typo) is not known to be SigV4-only. */
const AWS_REGION_NAME = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Regions where aws-sdk v2 presigns S3 URLs with SigV2 unless told otherwise (its region_config_data.json). */
export const SIGV2_PRESIGN_REGIONS = [
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'sa-east-1',
  'us-gov-west-1',
] as const;

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

/** What the visible global `AWS.config` writes say, merged. */
interface GlobalConfigFacts {
  /** Some global write sets (or may set) `signatureVersion`, for every service or for S3. */
  readonly setsSignatureVersion: boolean;
  /** The region the global config ends with: a string, `unknown` when only runtime knows, or absent. */
  readonly region: string | 'unknown' | undefined;
}

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
    const sourceCode = context.sourceCode;
    if (!PRESIGN_TEXT_GATE.test(sourceCode.text)) return {};
    const scopeOf: ScopeOf = (node) => sourceCode.getScope(node);
    const values = valuesOf(sourceCode);
    const limitData = {
      limit: String(maxExpiresIn),
      reason: maxExpiresIn === MAX_SIGV4_EXPIRY_SECONDS ? "SigV4's 7 days" : 'maxExpiresIn, the signing credentials\' lifetime',
    };
    const presigningClients = new Map<TSESTree.NewExpression, AwsSdkV2ClientConstruction>();
    // Candidate global-config writes are only resolved at the end, and only if some client presigns:
    // most files never do, and `x.update(…)` / `a.b = c` are everywhere.
    const configUpdateCandidates: TSESTree.CallExpression[] = [];
    const configAssignmentCandidates: TSESTree.AssignmentExpression[] = [];
    const reportedExpiries = new Set<TSESTree.Node>();
    // Aliased presigner imports are only looked for once the file loads the presigner at all.
    let loadsPresigner = false;

    /** Reports the branch that holds a too-long constant (`parseInt(env) || 2592000` on its fallback). */
    function reportExpiry(node: TSESTree.Node, messageId: MessageIds): void {
      const offending = offendingExpiry(node, values, maxExpiresIn);
      if (!offending || reportedExpiries.has(offending.node)) return;
      reportedExpiries.add(offending.node);
      context.report({ node: offending.node, messageId, data: { seconds: String(offending.seconds), limit: limitData.limit, reason: limitData.reason } });
    }

    function checkExpiryOption(options: TSESTree.Node | undefined, name: string, messageId: MessageIds, use: TSESTree.Node): void {
      const lookup = options ? propertyAt(values.objectAt(options, use), name) : undefined;
      if (lookup?.kind !== 'found') return;
      for (const value of [lookup.value, ...lookup.maybe]) reportExpiry(value, messageId);
    }

    function checkAmzExpires(found: AmzExpiresValue | undefined): void {
      if (!found) return;
      if (found.kind === 'expression') return reportExpiry(found.node, 'amzExpiresBeyondSigV4Limit');
      if (found.seconds <= maxExpiresIn || reportedExpiries.has(found.node)) return;
      reportedExpiries.add(found.node);
      context.report({ node: found.node, messageId: 'amzExpiresBeyondSigV4Limit', data: { seconds: String(found.seconds), limit: limitData.limit, reason: limitData.reason } });
    }

    /** `s3.getSignedUrl(operation, params[, callback])`, also through `promisify`/`bind` aliases. */
    function checkSdkV2Presign(call: TSESTree.CallExpression, receiver: TSESTree.Node): void {
      const construction = values.constructionOf(receiver);
      const client = construction && matchAwsSdkV2ClientConstruction(construction, scopeOf);
      // A visible construction of anything but an S3 client (a CloudFront signer, a GCS file) is not ours.
      if (construction && client?.serviceId !== 's3') return;
      if (!client && !looksLikeSdkV2Presign(call)) return;
      if (client) presigningClients.set(client.node, client);
      checkExpiryOption(call.arguments[1], 'Expires', 'expiresBeyondSigV4Limit', call);
    }

    /** `getSignedUrl(client, command, { expiresIn })` from `@aws-sdk/s3-request-presigner`. */
    function checkSdkV3Presign(call: TSESTree.CallExpression): void {
      const member = resolveModuleMember(call.callee, scopeOf);
      if (member?.source !== PRESIGNER_MODULE || member.path.join('.') !== 'getSignedUrl') return;
      checkExpiryOption(call.arguments[2], 'expiresIn', 'expiresInBeyondSigV4Limit', call);
    }

    /** `new S3RequestPresigner(…).presign(request, { expiresIn })`. */
    function checkSdkV3RequestPresigner(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
      const construction = values.constructionOf(callee.object);
      const member = construction && resolveModuleMember(construction.callee, scopeOf);
      if (member?.source !== PRESIGNER_MODULE || member.path.join('.') !== 'S3RequestPresigner') return;
      checkExpiryOption(call.arguments[1], 'expiresIn', 'expiresInBeyondSigV4Limit', call);
    }

    /** A call of a local alias of `getSignedUrl`: `const presign = promisify(s3.getSignedUrl).bind(s3)`. */
    function checkPresignAlias(call: TSESTree.CallExpression): void {
      const target = values.callee(call);
      if (target?.kind === 'method' && PRESIGN_METHOD.test(target.name)) checkSdkV2Presign(call, target.receiver);
    }

    function reportClientWithoutSigV4(client: AwsSdkV2ClientConstruction, globalFacts: GlobalConfigFacts): void {
      const verdict = presignsWithSigV2(client, globalFacts, scopeOf, values);
      if (verdict === 'no') return;
      const target = editableOptionsTarget(client, scopeOf);
      const endpoint = findAwsSdkV2Option(client.options, 'endpoint', scopeOf);
      const customEndpoint = endpoint.kind === 'found' && classifyEndpoint(endpoint.value, scopeOf) !== 'aws';
      const fix = target
        ? (fixer: TSESLint.RuleFixer) => addSignatureVersionV4(fixer, target.node, sourceCode)
        : verdict === 'caller' && client.options
          ? spreadWithSignatureVersion(client.options, sourceCode)
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

    return {
      // `getSignedUrlAsync`: bluebird's `promisifyAll(s3)`, or `s3.getSignedUrlAsync = Promise.promisify(s3.getSignedUrl)`.
      'CallExpression[callee.type="MemberExpression"][callee.property.name=/^getSignedUrl(?:Promise|Async)?$/]'(
        call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
      ) {
        if (call.arguments.length >= 3 && call.callee.property.type === AST_NODE_TYPES.Identifier && call.callee.property.name === 'getSignedUrl') {
          checkSdkV3Presign(call);
        }
        checkSdkV2Presign(call, call.callee.object);
      },
      'CallExpression[callee.type="Identifier"][callee.name="getSignedUrl"]'(call: TSESTree.CallExpression) {
        checkSdkV3Presign(call);
        // A local alias that took the v2 method's name: `const getSignedUrl = promisify(s3.getSignedUrl).bind(s3)`.
        checkPresignAlias(call);
      },
      [`ImportDeclaration[source.value="${PRESIGNER_MODULE}"], TSExternalModuleReference[expression.value="${PRESIGNER_MODULE}"], CallExpression[callee.name="require"] > Literal.arguments[value="${PRESIGNER_MODULE}"]`]() {
        loadsPresigner = true;
      },
      'CallExpression[callee.type="Identifier"][callee.name!="getSignedUrl"]'(call: TSESTree.CallExpression) {
        // An aliased import: `import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner'`.
        if (loadsPresigner && call.arguments.length === 3) checkSdkV3Presign(call);
        checkPresignAlias(call);
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name="presign"]'(
        call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
      ) {
        checkSdkV3RequestPresigner(call, call.callee);
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name="update"]'(call: TSESTree.CallExpression) {
        configUpdateCandidates.push(call);
      },
      'AssignmentExpression[left.type="MemberExpression"]'(assignment: TSESTree.AssignmentExpression) {
        configAssignmentCandidates.push(assignment);
      },
      'Literal[value=/x-amz-expires/i]'(literal: TSESTree.Literal) {
        checkAmzExpires(findAmzExpiresInLiteral(literal));
      },
      'TemplateElement[value.raw=/x-amz-expires=/i]'(element: TSESTree.TemplateElement) {
        checkAmzExpires(findAmzExpiresInTemplate(element));
      },
      'Program:exit'() {
        if (presigningClients.size === 0) return;
        const globalConfigWrites = [
          ...configUpdateCandidates.map((call) => matchAwsSdkV2GlobalConfigUpdate(call, scopeOf)),
          ...configAssignmentCandidates.map((assignment) => matchAwsSdkV2GlobalConfigAssignment(assignment, scopeOf)),
        ].filter((write) => write !== undefined);
        const globalFacts = readGlobalConfig(globalConfigWrites, scopeOf);
        if (globalFacts.setsSignatureVersion) return;
        const configuredLater = clientsConfiguredLater(configUpdateCandidates, configAssignmentCandidates, values, scopeOf);
        for (const client of presigningClients.values()) {
          if (!configuredLater.has(client.node)) reportClientWithoutSigV4(client, globalFacts);
        }
      },
    };
  },
});

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

/**
 * Whether the client would presign with SigV2: nothing visible sets `signatureVersion` (an explicit
 * legacy value is `no-legacy-signature`'s finding, an unknown one cannot be judged), and its region
 * is not known to be one where the SDK already defaults to SigV4. `caller`: the options come from a
 * caller (a parameter, a spread of one), so only a suggestion can say what to set.
 */
function presignsWithSigV2(
  client: AwsSdkV2ClientConstruction,
  globalFacts: GlobalConfigFacts,
  scopeOf: ScopeOf,
  values: ValueTracker,
): 'yes' | 'caller' | 'no' {
  const options = client.options && sdkOptionsExpression(client.options, scopeOf);
  if (options === null) return isSigV4OnlyRegion(globalFacts.region) ? 'no' : 'yes';
  const object = options && values.objectAt(options, client.node);
  const signatureVersion = object ? propertyAt(object, 'signatureVersion') : ({ kind: 'absent' } as const);
  if (signatureVersion.kind === 'found') return 'no';
  if (signatureVersion.kind === 'unknown') return signatureVersion.fromCaller ? 'caller' : 'no';
  const regionLookup = object ? propertyAt(object, 'region') : undefined;
  const region = regionLookup?.kind === 'found' ? regionOf(regionLookup.value, values) : regionLookup?.kind === 'unknown' ? 'unknown' : undefined;
  return isSigV4OnlyRegion(region ?? globalFacts.region) ? 'no' : 'yes';
}

/** The options object the SDK reads: the argument, or the options of a `new AWS.Config(…)` in it; null for none. */
function sdkOptionsExpression(options: TSESTree.Node, scopeOf: ScopeOf): TSESTree.Node | null {
  const expression = skipWrappers(options);
  if (expression.type !== AST_NODE_TYPES.NewExpression) return options;
  const configOptions = matchAwsSdkV2ConfigConstruction(expression, scopeOf);
  return configOptions === undefined ? options : configOptions;
}

/** The one constant region every branch names, else `unknown`. */
function regionOf(node: TSESTree.Node, values: ValueTracker): string {
  const possible = values.resolve(node);
  const regions = new Set(possible.alternatives.map((alternative) => {
    const [only] = alternative;
    return alternative.length === 1 && only?.kind === 'value' && typeof only.value === 'string' ? only.value : 'unknown';
  }));
  const [only] = regions;
  return regions.size === 1 && only !== undefined ? only : 'unknown';
}

/** A constant AWS region where aws-sdk v2 presigns with SigV4 anyway; anything else may mean SigV2. */
function isSigV4OnlyRegion(region: string | undefined): boolean {
  return region !== undefined && AWS_REGION_NAME.test(region) && !(SIGV2_PRESIGN_REGIONS as readonly string[]).includes(region);
}

function readRegion(lookup: ReturnType<typeof findAwsSdkV2Option>, scopeOf: ScopeOf): string | 'unknown' | undefined {
  if (lookup.kind === 'absent') return undefined;
  if (lookup.kind === 'unknown') return 'unknown';
  return getStaticString(lookup.value, scopeOf(lookup.value)) ?? 'unknown';
}

/** Merges every visible write to the global `AWS.config`. */
function readGlobalConfig(writes: readonly AwsSdkV2GlobalConfigWrite[], scopeOf: ScopeOf): GlobalConfigFacts {
  let setsSignatureVersion = false;
  let region: string | 'unknown' | undefined;
  const ordered = [...writes].sort((a, b) => a.node.range[0] - b.node.range[0]);
  for (const write of ordered) {
    if (write.kind === 'property') {
      if (write.name === 'signatureVersion' || write.name === 's3') setsSignatureVersion = true;
      if (write.name === 'region') region = getStaticString(write.value, scopeOf(write.value)) ?? 'unknown';
      continue;
    }
    const signatureVersion = findAwsSdkV2Option(write.options, 'signatureVersion', scopeOf);
    const s3Options = findAwsSdkV2Option(write.options, 's3', scopeOf);
    const s3SignatureVersion = s3Options.kind === 'found' ? findObjectProperty(s3Options.value, 'signatureVersion', scopeOf).kind : 'absent';
    if (signatureVersion.kind !== 'absent' || s3Options.kind === 'unknown' || s3SignatureVersion !== 'absent') {
      setsSignatureVersion = true;
    }
    region = readRegion(findAwsSdkV2Option(write.options, 'region', scopeOf), scopeOf) ?? region;
  }
  return { setsSignatureVersion, region };
}

/** Where `signatureVersion: 'v4'` can be written: an object literal, or the `new` call that has none. */
interface OptionsTarget {
  readonly node: TSESTree.ObjectExpression | TSESTree.NewExpression;
  /** True when the literal is written inside the constructor call, so editing it touches nothing else. */
  readonly inline: boolean;
}

function editableOptionsTarget(client: AwsSdkV2ClientConstruction, scopeOf: ScopeOf): OptionsTarget | undefined {
  if (client.options === undefined) return { node: client.node, inline: true };
  const options = skipTypeWrappers(client.options);
  const configOptions = options.type === AST_NODE_TYPES.NewExpression ? matchAwsSdkV2ConfigConstruction(options, scopeOf) : undefined;
  const literal = configOptions === null ? undefined : resolveObjectLiteral(configOptions ?? options, scopeOf);
  if (!literal) return undefined;
  const [start, end] = client.node.range;
  return { node: literal, inline: literal.range[0] >= start && literal.range[1] <= end };
}

/** Adds `signatureVersion: 'v4'` as the last option, in the file's quote style and the object's layout. */
function addSignatureVersionV4(
  fixer: TSESLint.RuleFixer,
  target: TSESTree.ObjectExpression | TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.RuleFix | TSESLint.RuleFix[] {
  const quote = preferredQuote(sourceCode, target);
  const property = `signatureVersion: ${quote}v4${quote}`;
  if (target.type === AST_NODE_TYPES.NewExpression) {
    const closing = sourceCode.getLastToken(target);
    return closing?.value === ')' && target.arguments.length === 0
      ? fixer.insertTextBefore(closing, `{ ${property} }`)
      : fixer.insertTextAfter(target, `({ ${property} })`);
  }
  const last = target.properties.at(-1);
  if (!last) return fixer.replaceText(target, `{ ${property} }`);
  const afterLast = sourceCode.getTokenAfter(last);
  const trailingComma = afterLast?.value === ',' ? afterLast : undefined;
  const multiline = target.loc.start.line !== target.loc.end.line;
  if (!multiline) {
    return trailingComma ? fixer.insertTextAfter(trailingComma, ` ${property},`) : fixer.insertTextAfter(last, `, ${property}`);
  }
  const indent = sourceCode.lines[last.loc.start.line - 1]?.match(/^\s*/)?.[0] ?? '';
  // Comments trailing the last property stay on its line, so the new property goes after them.
  const anchor = trailingComma ?? last;
  const lineComments = sourceCode
    .getCommentsAfter(anchor)
    .filter((comment) => comment.loc.start.line === anchor.loc.end.line);
  const lineEnd = lineComments.at(-1)?.range[1] ?? anchor.range[1];
  const newLine = `\n${indent}${property}${trailingComma ? ',' : ''}`;
  return trailingComma
    ? fixer.insertTextAfterRange([lineEnd, lineEnd], newLine)
    : [fixer.insertTextAfter(last, ','), fixer.insertTextAfterRange([lineEnd, lineEnd], newLine)];
}

/** For options passed in whole (`new AWS.S3(opts)`, `new AWS.S3(this.options)`): `{ ...opts, signatureVersion: 'v4' }`. */
function spreadWithSignatureVersion(
  options: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  if (!isPlainReference(skipWrappers(options))) return undefined;
  const quote = preferredQuote(sourceCode, options);
  return (fixer) => fixer.replaceText(options, `{ ...${sourceCode.getText(options)}, signatureVersion: ${quote}v4${quote} }`);
}

/** `opts`, `this.options`, `config.s3`: a reference that reads the same value when written twice. */
function isPlainReference(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainReference(node.object);
}

/** The quote the surrounding code uses: the first string literal in the options, else in the file. */
function preferredQuote(sourceCode: Readonly<TSESLint.SourceCode>, near: TSESTree.Node): string {
  const tokens = sourceCode.ast.tokens;
  const isString = (token: TSESTree.Token): boolean => token.type === 'String';
  const local = sourceCode.getTokens(near).find(isString);
  const first = local ?? tokens.find(isString);
  return first?.value.startsWith('"') ? '"' : "'";
}
