// Reports request signing older than Signature Version 4: SigV3 headers, SigV2 query and S3 signing,
// aws-sdk v2 legacy `signatureVersion` settings, and libraries that can only sign with SigV2.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  classifyEndpoint,
  findAwsSdkV2Option,
  matchAwsSdkV2ClientConstruction,
  matchAwsSdkV2ConfigConstruction,
  matchAwsSdkV2GlobalConfigAssignment,
  matchAwsSdkV2GlobalConfigUpdate,
  type EndpointKind,
} from './utils/aws-sdk-v2';
import type { ScopeOf } from './utils/const-binding';
import { createRule } from './utils/create-rule';
import { requiredModuleSource, resolveModuleMember } from './utils/module-binding';
import { findObjectDestinations, isObjectAssignCall, type Destination } from './utils/object-destinations';
import { findObjectProperty, resolveObjectLiteral, type PropertyLookup } from './utils/object-literal';
import { appendProperty, removeProperty } from './utils/property-fixes';
import { isS3OptionsOfWrapper } from './utils/s3-options-wrappers';
import { clientsBuiltWithWrite, SIGV2_ONLY_SERVICES } from './utils/signature-version-writes';
import { getPropertyKeyName, getStaticString, getStringParts, isConcatenation } from './utils/static-value';
import { constantsOf, hasUnknownPart, patternsOf, type Possible, propertyAt, valuesOf, type ValueTracker } from './values';

type MessageIds =
  | 'legacyAuthHeader'
  | 'legacyAuthScheme'
  | 'sigV2QuerySigning'
  | 's3SigV2PresignedUrl'
  | 's3SigV2AuthHeader'
  | 's3SigV2Hmac'
  | 'legacySignatureVersion'
  | 'legacySignatureVersionCustomEndpoint'
  | 'signatureVersionInSdkV3'
  | 'awsSign2Library'
  | 'knoxLibrary'
  | 'aws3Library'
  | 'sigV2SignerConstructor'
  | 'sigV2SignerLibrary'
  | 'requestAwsOption'
  | 'useSigV4'
  | 'removeSignatureVersion'
  | 'removeSignerConstructor'
  | 'addSignVersion4';

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

const SES_SIGV3_ANSWER =
  'SES answers 403 InvalidClientTokenId "Signature Version 3 requests are deprecated from March 1, 2021. From that date on, we are progressively rejecting such requests."';
const QUERY_SIGV2_ANSWER =
  'regions opened since 2014 accept only Signature Version 4 and AWS keeps turning Signature Version 2 off per service, so requests fail authentication';
const S3_SIGV2_ANSWER =
  'S3 answers 400 InvalidRequest "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256." in regions opened since 2014 and for buckets created since June 24, 2020';

/** aws-sdk v2 `signatureVersion` values that sign with something older than SigV4, and what that is. */
const LEGACY_SIGNATURE_VERSIONS: ReadonlyMap<string, { name: string; answer: string }> = new Map([
  ['v2', { name: 'Signature Version 2', answer: QUERY_SIGV2_ANSWER }],
  ['s3', { name: 'S3 Signature Version 2', answer: S3_SIGV2_ANSWER }],
  ['v3', { name: 'Signature Version 3', answer: SES_SIGV3_ANSWER }],
  ['v3https', { name: 'Signature Version 3 (AWS3-HTTPS)', answer: SES_SIGV3_ANSWER }],
]);

/** Packages that send the `request` package's options, including its `aws` option, unchanged. */
const REQUEST_MODULES = new Set(['request', 'request-promise', 'request-promise-native', 'postman-request']);
const SIGNER_V2_MODULE = 'aws-sdk-signature-v2';

// Whole-file needles: most files mention none of them, and then the string checks are skipped.
const STRING_NEEDLES = /AWS3|AWSAccessKeyId|SignatureVersion|["'`]AWS /;
const HEADER_NEEDLE = /x-amzn-authorization/i;
// SigV2's SignatureMethod and its HMAC, anywhere in the file: the HMAC is often named far from the
// parameter (`const SIG_METHOD = 'HmacSHA256'` at the top … `params.set('SignatureMethod', SIG_METHOD)`).
const SIGNATURE_METHOD_EVIDENCE = /SignatureMethod/i;
const HMAC_NAME_EVIDENCE = /Hmac-?SHA(?:1|256)/i;
// AWS's SigV2 names the key `AWSAccessKeyId`; exchanges that copied the scheme (Huobi/HTX sign
// `AccessKeyId=…&SignatureMethod=HmacSHA256&SignatureVersion=2`) name it `AccessKeyId` and are not AWS.
const NON_AWS_ACCESS_KEY_PARAMETER = /(?<![.\w])AccessKeyId\s*[:=]|["'`]AccessKeyId["'`]/;
// SimpleDB never took SigV4: a file that talks to its endpoint signs its Query API with SigV2 by design.
const SIMPLEDB_ENDPOINT = /\bsdb\.(?:[a-z0-9-]+\.)?amazonaws\.com\b/;
// S3 SigV2 in the file: an `AWS key:signature` header or a presign's query keys (query SigV2 names SignatureVersion).
const S3_SIGV2_EVIDENCE = /["'`]AWS |AWSAccessKeyId[\s\S]*Expires|Expires[\s\S]*AWSAccessKeyId/;
const AWS_SDK_V2_IMPORT = /["'`]aws-sdk(?:\/[\w./-]*)?["'`]/;

const LEGACY_HEADER = /^\s*x-amzn-authorization\s*(?::|$)/i;
const SIGV3_SCHEME = /^\s*(AWS3-HTTPS)\s|^\s*(AWS3)\s+(?:AWSAccessKeyId=|\0|$)/;
const S3_SIGV2_HEADER = /^AWS (?:\0|[A-Z0-9]{16,128}):\0$/;
const SIGV2_QUERY = /(?:^|[?&\0])SignatureVersion=2(?:$|[&\0])/;
const PRESIGN_ACCESS_KEY = /(?:^|[?&\0])AWSAccessKeyId=/;
const PRESIGN_EXPIRES = /[?&\0]Expires=/;
const PRESIGN_SIGNATURE = /[?&\0]Signature=/;

interface StringFinding {
  node: TSESTree.Node;
  messageId: MessageIds;
  data?: Record<string, string>;
  /** Expressions read to know the value (initialisers, returns), so they are not reported again. */
  resolved: readonly TSESTree.Node[];
}

/** Keys of service-specific config blocks for those services (`sdb: {…}`, aws-sdk's own region table keys ending in `/sdb`). */
const SIGV2_ONLY_CONFIG_KEY = /(?:^|\/)(?:sdb|simpledb|importexport)$/i;

/** True for the options of a SigV2-only service: keyed by it, or naming it as `endpointPrefix`/`signingName`. */
function isSigV2OnlyServiceConfig(object: TSESTree.ObjectExpression): boolean {
  const holder = object.parent;
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === object) {
    const key = getPropertyKeyName(holder);
    if (key !== undefined && SIGV2_ONLY_CONFIG_KEY.test(key)) return true;
  }
  return object.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getPropertyKeyName(property);
    const value = property.value;
    return (
      (key === 'endpointPrefix' || key === 'signingName') &&
      value.type === AST_NODE_TYPES.Literal &&
      typeof value.value === 'string' &&
      SIGV2_ONLY_SERVICES.has(value.value)
    );
  });
}

const ASSERTION_ROOTS = new Set(['expect', 'assert', 'should', 'chai', 't']);

/** The identifier a call chain starts from: `expect` in `expect(x).to.have.string('…')`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else return current;
  }
}

// Test-framework blocks: what their callbacks build is a fixture fed to the code under test, not a request.
const TEST_BLOCK_NAMES = new Set(['describe', 'context', 'suite', 'it', 'test', 'specify', 'before', 'beforeEach', 'beforeAll', 'after', 'afterEach', 'afterAll']);
const TEST_BLOCK_MODIFIERS = new Set(['only', 'skip', 'each', 'concurrent', 'todo', 'serial']);

/** True for `it(…)`, `test.only(…)`, `describe.each(…)(…)`: a call that registers a test or a suite. */
function isTestBlockCall(call: TSESTree.CallExpression): boolean {
  let callee: TSESTree.Node = call.callee;
  if (callee.type === AST_NODE_TYPES.CallExpression) callee = callee.callee;
  while (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    TEST_BLOCK_MODIFIERS.has(callee.property.name)
  ) {
    callee = callee.object;
  }
  return callee.type === AST_NODE_TYPES.Identifier && TEST_BLOCK_NAMES.has(callee.name);
}

/** True when the node sits in a function passed to a test block: a fixture, whatever the test feeds it to. */
function isInsideTestBlock(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    const holder = current.parent;
    const isCallback = current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression;
    if (isCallback && holder?.type === AST_NODE_TYPES.CallExpression && holder.arguments.includes(current as TSESTree.CallExpressionArgument) && isTestBlockCall(holder)) {
      return true;
    }
  }
  return false;
}

/** True when the string is an argument of a test assertion (`assert.match(a, …)`, `expect(a).toContain(…)`). */
function isAssertionArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const root = chainRoot(parent.callee);
  return root.type === AST_NODE_TYPES.Identifier && ASSERTION_ROOTS.has(root.name);
}

/** Which legacy string the text (run-time parts as `\0`) is, if any; most specific first. */
function classifyLegacyString(pattern: string): { messageId: MessageIds; data?: Record<string, string> } | undefined {
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

function quoteOf(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return '`';
  if (node.type === AST_NODE_TYPES.Literal && node.raw.startsWith('"')) return '"';
  return "'";
}

/** A literal written in place (`'v2'`, `` `v2` ``), which a fix may rewrite without touching anything else. */
function isInlineLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
  );
}

function moduleMatches(source: string, name: string): boolean {
  return source === name || source.startsWith(`${name}/`);
}

/** The module member path without the ESM interop `default` segment. */
function memberPath(path: readonly string[]): readonly string[] {
  return path[0] === 'default' ? path.slice(1) : path;
}

type ConfigConsumer = { kind: 'sdkV2'; options: TSESTree.Node } | { kind: 'sdkV3' } | { kind: 'sigV2OnlyService' } | { kind: 'other' };

function classifyDestination(destination: Destination, scopeOf: ScopeOf): ConfigConsumer {
  if ('assignment' in destination) {
    const write = matchAwsSdkV2GlobalConfigAssignment(destination.assignment, scopeOf);
    return write?.kind === 'options' && write.options ? { kind: 'sdkV2', options: write.options } : { kind: 'other' };
  }
  const { call, argument } = destination;
  if (call.arguments[0] !== argument) return { kind: 'other' };
  if (call.type === AST_NODE_TYPES.NewExpression) {
    const client = matchAwsSdkV2ClientConstruction(call, scopeOf);
    if (client && SIGV2_ONLY_SERVICES.has(client.serviceId)) return { kind: 'sigV2OnlyService' };
    if (client || matchAwsSdkV2ConfigConstruction(call, scopeOf) !== undefined) {
      return { kind: 'sdkV2', options: argument };
    }
    const member = resolveModuleMember(call.callee, scopeOf);
    if (member?.source.startsWith('@aws-sdk/client-')) return { kind: 'sdkV3' };
    return { kind: 'other' };
  }
  return matchAwsSdkV2GlobalConfigUpdate(call, scopeOf) ? { kind: 'sdkV2', options: argument } : { kind: 'other' };
}

/** Looks an option up like the SDK reads it, also through `Object.assign(…)` (last argument wins). */
function findConfigOption(options: TSESTree.Node, name: string, scopeOf: ScopeOf): PropertyLookup {
  if (!isObjectAssignCall(options)) return findAwsSdkV2Option(options, name, scopeOf);
  for (const argument of [...options.arguments].reverse()) {
    const lookup = findConfigOption(argument, name, scopeOf);
    if (lookup.kind !== 'absent') return lookup;
  }
  return { kind: 'absent' };
}

function endpointKindOf(options: TSESTree.Node, scopeOf: ScopeOf): EndpointKind {
  const endpoint = findConfigOption(options, 'endpoint', scopeOf);
  if (endpoint.kind === 'absent') return 'aws';
  if (endpoint.kind === 'unknown') return 'unknown';
  return classifyEndpoint(endpoint.value, scopeOf);
}

function isRequestCall(call: TSESTree.CallExpression | TSESTree.NewExpression, scopeOf: ScopeOf): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const member = resolveModuleMember(call.callee, scopeOf);
  if (!member || !REQUEST_MODULES.has(member.source)) return false;
  // `request(opts)`, `request.get(opts)`, `request.defaults(opts)`.
  return memberPath(member.path).length <= 1;
}

export default createRule<[], MessageIds>({
  name: 'no-legacy-signature',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow AWS request signing older than Signature Version 4 (SigV2, SigV3, S3 SigV2 presigns)',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      legacyAuthHeader:
        "'X-Amzn-Authorization' carries an AWS Signature Version 3 signature, which AWS no longer accepts. Sign with Signature Version 4 (an 'Authorization: AWS4-HMAC-SHA256 …' header).",
      legacyAuthScheme:
        "'{{scheme}}' is the AWS Signature Version 3 auth scheme, which AWS no longer accepts. Build a Signature Version 4 'Authorization: AWS4-HMAC-SHA256 …' header instead.",
      sigV2QuerySigning:
        'SignatureVersion=2 query signing is AWS Signature Version 2, which newer regions and more services every year reject. Sign the query with Signature Version 4.',
      s3SigV2PresignedUrl:
        'This builds an S3 Signature Version 2 presigned URL (AWSAccessKeyId, Expires, Signature), which S3 rejects in newer regions and for newer buckets. Presign with Signature Version 4 (at most 7 days).',
      s3SigV2Hmac:
        'HMAC-SHA1 over an S3 string-to-sign is S3 Signature Version 2, which S3 rejects in newer regions and for newer buckets. Sign with Signature Version 4 (HMAC-SHA256 over a canonical request).',
      s3SigV2AuthHeader:
        "'AWS <AccessKeyId>:<Signature>' is an S3 Signature Version 2 Authorization header, which S3 rejects in newer regions and for newer buckets. Sign with Signature Version 4.",
      legacySignatureVersion: "signatureVersion '{{version}}' makes aws-sdk v2 sign with {{name}}, which AWS rejects. Use 'v4'.",
      legacySignatureVersionCustomEndpoint:
        "signatureVersion '{{version}}' makes aws-sdk v2 sign with {{name}}, and this client's endpoint is not visibly AWS. Use 'v4' if the server is AWS or supports SigV4.",
      signatureVersionInSdkV3: "AWS SDK v3 clients ignore 'signatureVersion' and always sign with Signature Version 4. Remove it.",
      awsSign2Library: "'aws-sign2' only produces S3 Signature Version 2 headers, which S3 rejects in newer regions and for newer buckets. Sign with Signature Version 4 (aws4, the sigv4-migrate helper, or an AWS SDK).",
      aws3Library: "'aws3' signs requests with AWS Signature Version 3, which AWS no longer accepts. Use its successor aws4 (same `sign(options)` call) or an AWS SDK.",
      knoxLibrary: "'knox' signs every S3 request with Signature Version 2 and is unmaintained. Use @aws-sdk/client-s3 (or aws-sdk v2 with signatureVersion 'v4').",
      sigV2SignerConstructor:
        "'signerConstructor' plugs the aws-sdk-signature-v2 Signature Version 2 signer into an SDK v3 client. Remove it so the client signs with Signature Version 4.",
      sigV2SignerLibrary: "'aws-sdk-signature-v2' signs with Signature Version 2. Let the SDK v3 client sign with its default Signature Version 4.",
      requestAwsOption: "The 'request' package signs its 'aws' option with S3 Signature Version 2 unless 'sign_version: 4' is set. Add 'sign_version: 4' or move to an AWS SDK.",
      useSigV4: "Use signatureVersion 'v4'.",
      removeSignatureVersion: "Remove the ignored 'signatureVersion' option.",
      removeSignerConstructor: "Remove 'signerConstructor' so the client signs with Signature Version 4.",
      addSignVersion4: "Set 'sign_version: 4'.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context: Context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    const scopeOf: ScopeOf = (node) => sourceCode.getScope(node);
    const listeners: TSESLint.RuleListener = {};

    const checksStrings = STRING_NEEDLES.test(text) || HEADER_NEEDLE.test(text);
    const hasSignatureMethodEvidence =
      text.includes('SignatureVersion') &&
      SIGNATURE_METHOD_EVIDENCE.test(text) &&
      HMAC_NAME_EVIDENCE.test(text) &&
      !(NON_AWS_ACCESS_KEY_PARAMETER.test(text) && !text.includes('AWSAccessKeyId')) &&
      !SIMPLEDB_ENDPOINT.test(text);
    const checksSignatureVersionConfig = text.includes('signatureVersion');
    const checksLibraries = text.includes('aws-sign2') || text.includes('knox') || text.includes('aws3') || text.includes(SIGNER_V2_MODULE);
    const checksRequestAws = /\baws\s*:/.test(text) && text.includes('request');

    let usesAwsSdkV2: boolean | undefined;
    function fileUsesAwsSdkV2(): boolean {
      usesAwsSdkV2 ??=
        AWS_SDK_V2_IMPORT.test(text) ||
        (sourceCode.scopeManager?.globalScope?.through.some((reference) => reference.identifier.name === 'AWS') ?? false);
      return usesAwsSdkV2;
    }

    const stringFindings: StringFinding[] = [];

    let values: ValueTracker | undefined;
    const tracker = (): ValueTracker => (values ??= valuesOf(sourceCode));

    function checkStringExpression(node: TSESTree.Node): void {
      if (isInsideLargerString(node) || isAssertionArgument(node) || isInsideTestBlock(node)) return;
      const possible = tracker().resolve(node);
      const finding = patternsOf(possible)
        .map(classifyLegacyString)
        .find((found) => found !== undefined);
      if (!finding) return;
      if (finding.messageId === 'sigV2QuerySigning' && !hasSignatureMethodEvidence) return;
      if (finding.messageId === 'legacyAuthHeader' && isHeaderNameOnlyRead(node)) return;
      stringFindings.push({ node, ...finding, resolved: possible.sources });
    }

    /** `q['AWSAccessKeyId'] = …; q['Expires'] = …; q['Signature'] = …`: an S3 SigV2 presign built key by key. */
    function checkPresignQueryKeys(assignment: TSESTree.AssignmentExpression & { left: TSESTree.MemberExpression }): void {
      const object = tracker().objectAt(assignment.left.object, 'end');
      const has = (name: string): boolean => propertyAt(object, name).kind === 'found';
      if (has('Expires') && has('Signature') && !has('SignatureVersion')) {
        context.report({ node: assignment, messageId: 's3SigV2PresignedUrl' });
      }
    }

    // `url.searchParams.set('AWSAccessKeyId', …)` … `set('Expires', …)` … `set('Signature', …)` in one function.
    const queryKeySets = new Map<string, { keys: Set<string>; accessKeyCall?: TSESTree.CallExpression }>();
    function recordQueryKeySet(call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression }): void {
      const key = call.arguments[0];
      if (key?.type !== AST_NODE_TYPES.Literal || typeof key.value !== 'string') return;
      const scope = sourceCode.getScope(call).variableScope.block;
      const group = `${scope.range.join(':')} ${sourceCode.getText(call.callee.object)}`;
      const entry = queryKeySets.get(group) ?? { keys: new Set<string>() };
      entry.keys.add(key.value);
      if (key.value === 'AWSAccessKeyId') entry.accessKeyCall ??= call;
      queryKeySets.set(group, entry);
    }
    function reportQueryKeySets(): void {
      for (const { keys, accessKeyCall } of queryKeySets.values()) {
        if (accessKeyCall && keys.has('Expires') && keys.has('Signature') && !keys.has('SignatureVersion')) {
          context.report({ node: accessKeyCall, messageId: 's3SigV2PresignedUrl' });
        }
      }
    }

    function reportStringFindings(): void {
      // A literal read through a variable is reported where the whole string is built, not twice; a
      // string built whole (a builder's return) is reported there, not at every use of its result.
      const consumed = new Set(stringFindings.flatMap((finding) => finding.resolved));
      const built = new Map(
        stringFindings.filter((finding) => !isInlineLiteral(finding.node)).map((finding) => [finding.node, finding.messageId]),
      );
      for (const finding of stringFindings) {
        if (consumed.has(finding.node) && isInlineLiteral(finding.node)) continue;
        const readsBuiltFinding = finding.resolved.some((source) => source !== finding.node && built.get(source) === finding.messageId);
        if (readsBuiltFinding) continue;
        context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
      }
    }

    if (checksStrings) {
      listeners.Literal = (node) => {
        if (typeof node.value === 'string') checkStringExpression(node);
      };
      listeners.TemplateLiteral = checkStringExpression;
      listeners['BinaryExpression[operator="+"]'] = checkStringExpression;
      // `['AWS ', key, ':', signature].join('')`: the joined text is the header.
      listeners['CallExpression[callee.property.name="join"][callee.object.type="ArrayExpression"]'] = checkStringExpression;
      listeners[
        'AssignmentExpression > MemberExpression.left[property.name="AWSAccessKeyId"], AssignmentExpression > MemberExpression.left[property.value="AWSAccessKeyId"]'
      ] = (node: TSESTree.MemberExpression) => {
        checkPresignQueryKeys(node.parent as TSESTree.AssignmentExpression & { left: TSESTree.MemberExpression });
      };
      listeners['Property[key.name="AWSAccessKeyId"], Property[key.value="AWSAccessKeyId"]'] = (
        node: TSESTree.Property,
      ) => {
        const object = node.parent;
        if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
        const keys = new Set(
          object.properties.map((property) =>
            property.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined,
          ),
        );
        // With SignatureVersion it is SigV2 query signing, reported on that property instead.
        if (keys.has('Expires') && keys.has('Signature') && !keys.has('SignatureVersion')) {
          context.report({ node: object, messageId: 's3SigV2PresignedUrl' });
        }
      };
      listeners['CallExpression[callee.type="MemberExpression"][callee.property.name=/^(?:set|append)$/]'] = recordQueryKeySet;
      listeners['Program:exit'] = () => {
        reportStringFindings();
        reportQueryKeySets();
      };
      if (S3_SIGV2_EVIDENCE.test(text) && !text.includes('SignatureVersion')) {
        listeners['CallExpression[callee.name="createHmac"], CallExpression[callee.property.name="createHmac"]'] = (
          node: TSESTree.CallExpression,
        ) => {
          const algorithm = node.arguments[0];
          if (algorithm && isSha1(tracker().resolve(algorithm))) context.report({ node, messageId: 's3SigV2Hmac' });
        };
        listeners['CallExpression[callee.name="HmacSHA1"], CallExpression[callee.property.name="HmacSHA1"]'] = (
          node: TSESTree.CallExpression,
        ) => context.report({ node, messageId: 's3SigV2Hmac' });
      }
    }

    if (hasSignatureMethodEvidence) {
      // Any value the expression may hold: a constant, a method's return, a field set in the class.
      const isVersion2 = (node: TSESTree.Node): boolean => constantsOf(tracker().resolve(node)).some((value) => String(value) === '2');
      // `params.push({ name: 'SignatureVersion', value: self.signatureVersion() })`: a name/value pair list.
      listeners['Property[value.value="SignatureVersion"]'] = (node: TSESTree.Property) => {
        const key = getPropertyKeyName(node);
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || !key || !/^(?:name|key)$/i.test(key)) return;
        const value = node.parent.properties.find(
          (property): property is TSESTree.Property =>
            property.type === AST_NODE_TYPES.Property && /^value$/i.test(getPropertyKeyName(property) ?? ''),
        );
        if (value && isVersion2(value.value)) context.report({ node: node.parent, messageId: 'sigV2QuerySigning' });
      };
      // `kvs.push(['SignatureVersion', '2'])`, `new URLSearchParams([['SignatureVersion', '2'], …])`: a key/value pair.
      listeners['ArrayExpression > Literal.elements[value="SignatureVersion"]'] = (node: TSESTree.Literal) => {
        const pair = node.parent as TSESTree.ArrayExpression;
        const [key, value] = pair.elements;
        if (key === node && pair.elements.length === 2 && value && value.type !== AST_NODE_TYPES.SpreadElement && isVersion2(value)) {
          context.report({ node: pair, messageId: 'sigV2QuerySigning' });
        }
      };
      listeners['Property[key.name="SignatureVersion"], Property[key.value="SignatureVersion"]'] = (
        node: TSESTree.Property,
      ) => {
        if (node.parent.type === AST_NODE_TYPES.ObjectExpression && isVersion2(node.value)) {
          context.report({ node, messageId: 'sigV2QuerySigning' });
        }
      };
      listeners[
        'AssignmentExpression > MemberExpression.left[property.name="SignatureVersion"], AssignmentExpression > MemberExpression.left[property.value="SignatureVersion"]'
      ] = (node: TSESTree.MemberExpression) => {
        const assignment = node.parent as TSESTree.AssignmentExpression;
        if (isVersion2(assignment.right)) context.report({ node: assignment, messageId: 'sigV2QuerySigning' });
      };
      listeners['CallExpression[callee.property.name=/^(?:set|append)$/][arguments.0.value="SignatureVersion"]'] = (
        node: TSESTree.CallExpression,
      ) => {
        const value = node.arguments[1];
        if (value && isVersion2(value)) context.report({ node, messageId: 'sigV2QuerySigning' });
      };
    }

    function reportLegacySignatureVersion(
      node: TSESTree.Property | TSESTree.AssignmentExpression,
      value: TSESTree.Node,
      version: string,
      endpointIsAws: boolean,
    ): void {
      const legacy = LEGACY_SIGNATURE_VERSIONS.get(version);
      if (!legacy) return;
      const data = { version, name: legacy.name, answer: legacy.answer };
      const isShorthand = node.type === AST_NODE_TYPES.Property && node.shorthand;
      const replaceWithV4 = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => {
        if (isShorthand) return fixer.replaceText(node, "signatureVersion: 'v4'");
        const quote = quoteOf(isInlineLiteral(value) ? value : (resolvedLiteralOf(value) ?? value));
        return fixer.replaceText(value, `${quote}v4${quote}`);
      };
      if (endpointIsAws && isInlineLiteral(value) && !isShorthand) {
        context.report({ node, messageId: 'legacySignatureVersion', data, fix: replaceWithV4 });
        return;
      }
      context.report({
        node,
        messageId: endpointIsAws ? 'legacySignatureVersion' : 'legacySignatureVersionCustomEndpoint',
        data,
        suggest: [{ messageId: 'useSigV4', fix: replaceWithV4 }],
      });
    }

    /** The literal a variable holds, so a suggestion can keep its quote style. */
    function resolvedLiteralOf(value: TSESTree.Node): TSESTree.Node | undefined {
      return getStringParts(value, scopeOf(value)).resolvedInitializers.find(isInlineLiteral);
    }

    /** A legacy version one branch may hold: `service === 'ses' ? 'v3' : 'v4'` signs SES with SigV3. */
    function legacyBranchOf(value: TSESTree.Node): string | undefined {
      return constantsOf(tracker().resolve(value))
        .map(String)
        .find((version) => LEGACY_SIGNATURE_VERSIONS.has(version));
    }

    function checkSignatureVersionProperty(property: TSESTree.Property): void {
      const object = property.parent;
      if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
      const consumers = findObjectDestinations(object, sourceCode).map((destination) =>
        classifyDestination(destination, scopeOf),
      );
      if (consumers.some((consumer) => consumer.kind === 'sdkV3')) {
        context.report({
          node: property,
          messageId: 'signatureVersionInSdkV3',
          suggest: [{ messageId: 'removeSignatureVersion', fix: (fixer) => removeProperty(fixer, sourceCode, property) }],
        });
        return;
      }
      const version = getStaticString(property.value, scopeOf(property.value)) ?? legacyBranchOf(property.value);
      if (version === undefined || !LEGACY_SIGNATURE_VERSIONS.has(version)) return;
      if (consumers.some((consumer) => consumer.kind === 'sigV2OnlyService') || isSigV2OnlyServiceConfig(object)) return;
      const sdkV2Options = consumers.flatMap((consumer) => (consumer.kind === 'sdkV2' ? [consumer.options] : []));
      let endpointKinds: EndpointKind[];
      if (sdkV2Options.length > 0) {
        // Only clients for which this property is the one that wins (not overridden by a later key).
        const effective = sdkV2Options.filter((options) => {
          const lookup = findConfigOption(options, 'signatureVersion', scopeOf);
          return lookup.kind === 'found' && lookup.property === property;
        });
        if (effective.length === 0) return;
        endpointKinds = effective.map((options) => endpointKindOf(options, scopeOf));
      } else if (fileUsesAwsSdkV2() || isS3OptionsOfWrapper(object, sourceCode, scopeOf)) {
        endpointKinds = [endpointKindOf(object, scopeOf)];
      } else {
        return;
      }
      reportLegacySignatureVersion(
        property,
        property.value,
        version,
        endpointKinds.every((kind) => kind === 'aws'),
      );
    }

    const optionWrites: TSESTree.AssignmentExpression[] = [];
    const constructions: TSESTree.NewExpression[] = [];

    /** `opts.signatureVersion = 's3'` on options a client is built from later in the file. */
    function checkSignatureVersionWrite(assignment: TSESTree.AssignmentExpression): void {
      const endpointKinds = clientsBuiltWithWrite(assignment, constructions, tracker(), scopeOf);
      if (endpointKinds.length === 0) return;
      const version = getStaticString(assignment.right, scopeOf(assignment.right)) ?? legacyBranchOf(assignment.right);
      if (version === undefined) return;
      reportLegacySignatureVersion(assignment, assignment.right, version, endpointKinds.every((kind) => kind === 'aws'));
    }

    if (checksSignatureVersionConfig) {
      listeners['Property[key.name="signatureVersion"], Property[key.value="signatureVersion"]'] =
        checkSignatureVersionProperty;
      listeners[
        'AssignmentExpression[operator="="] > MemberExpression.left[property.name="signatureVersion"], AssignmentExpression[operator="="] > MemberExpression.left[property.value="signatureVersion"]'
      ] = (node: TSESTree.MemberExpression) => {
        const assignment = node.parent as TSESTree.AssignmentExpression;
        const write = matchAwsSdkV2GlobalConfigAssignment(assignment, scopeOf);
        if (!write) optionWrites.push(assignment);
        if (write?.kind !== 'property') return;
        const version = getStaticString(write.value, scopeOf(write.value));
        if (version !== undefined) reportLegacySignatureVersion(assignment, write.value, version, true);
      };
      listeners.NewExpression = (node) => {
        constructions.push(node);
      };
      const previousExit = listeners['Program:exit'];
      listeners['Program:exit'] = (node) => {
        previousExit?.(node);
        for (const assignment of optionWrites) checkSignatureVersionWrite(assignment);
      };
    }

    const signerV2Imports: TSESTree.Node[] = [];
    let signerV2Used = false;

    function checkModuleSource(node: TSESTree.Node, source: string): void {
      if (moduleMatches(source, 'aws-sign2')) context.report({ node, messageId: 'awsSign2Library' });
      else if (moduleMatches(source, 'knox')) context.report({ node, messageId: 'knoxLibrary' });
      else if (moduleMatches(source, 'aws3')) context.report({ node, messageId: 'aws3Library' });
      else if (moduleMatches(source, SIGNER_V2_MODULE)) signerV2Imports.push(node);
    }

    if (checksLibraries) {
      listeners.ImportDeclaration = (node) => checkModuleSource(node, node.source.value);
      listeners.ImportExpression = (node) => {
        if (node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string') {
          checkModuleSource(node, node.source.value);
        }
      };
      listeners.TSImportEqualsDeclaration = (node) => {
        const reference = node.moduleReference;
        if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && typeof reference.expression.value === 'string') {
          checkModuleSource(node, reference.expression.value);
        }
      };
      listeners['CallExpression[callee.type="Identifier"][callee.name="require"]'] = (node: TSESTree.CallExpression) => {
        const source = requiredModuleSource(node, scopeOf);
        if (source !== undefined) checkModuleSource(node, source);
      };
      listeners['Property[key.name="signerConstructor"]'] = (node: TSESTree.Property) => {
        const member = resolveModuleMember(node.value, scopeOf);
        if (!member || !moduleMatches(member.source, SIGNER_V2_MODULE)) return;
        signerV2Used = true;
        context.report({
          node,
          messageId: 'sigV2SignerConstructor',
          suggest: [{ messageId: 'removeSignerConstructor', fix: (fixer) => removeProperty(fixer, sourceCode, node) }],
        });
      };
      const previousExit = listeners['Program:exit'];
      listeners['Program:exit'] = (node) => {
        previousExit?.(node);
        if (signerV2Used) return;
        for (const importNode of signerV2Imports) context.report({ node: importNode, messageId: 'sigV2SignerLibrary' });
      };
    }

    function checkRequestAwsOption(property: TSESTree.Property): void {
      const options = property.parent;
      if (options.type !== AST_NODE_TYPES.ObjectExpression) return;
      const passedToRequest = findObjectDestinations(options, sourceCode).some(
        (destination) => 'call' in destination && isRequestCall(destination.call, scopeOf),
      );
      if (!passedToRequest) return;
      const aws = resolveObjectLiteral(property.value, scopeOf);
      if (!aws) return;
      const signVersion = findObjectProperty(aws, 'sign_version', scopeOf);
      if (signVersion.kind === 'unknown') return;
      if (signVersion.kind === 'found' && getStaticString(signVersion.value, scopeOf(signVersion.value)) === '4') return;
      context.report({
        node: property,
        messageId: 'requestAwsOption',
        suggest: [
          {
            messageId: 'addSignVersion4',
            fix: (fixer) =>
              signVersion.kind === 'found'
                ? fixer.replaceText(signVersion.value, '4')
                : appendProperty(fixer, aws, 'sign_version: 4'),
          },
        ],
      });
    }

    if (checksRequestAws) {
      listeners['Property[key.name="aws"]'] = checkRequestAwsOption;
    }

    return listeners;
  },
});
