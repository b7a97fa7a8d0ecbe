// What every check of no-legacy-signature shares for one file: the report context, the whole-file
// gates that decide which checks run, the value tracker (built on first use) and listener merging.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ScopeOf } from './const-binding';
import { valuesOf, type ValueTracker } from '../values';

export type LegacyMessageIds =
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

export type LegacyContext = Readonly<TSESLint.RuleContext<LegacyMessageIds, []>>;

export const SIGNER_V2_MODULE = 'aws-sdk-signature-v2';

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
const AWS_SDK_V2_IMPORT = /["'`]aws-sdk(?:\/[\w./-]*)?["'`]/;

export interface LegacyScan {
  readonly context: LegacyContext;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly text: string;
  readonly scopeOf: ScopeOf;
  /** The file's value tracker, built on first use (most files never need it). */
  readonly tracker: () => ValueTracker;
  /** The file loads aws-sdk v2 (an import, or the `AWS` browser global). */
  readonly fileUsesAwsSdkV2: () => boolean;
  readonly checksStrings: boolean;
  /** SignatureVersion, SignatureMethod and an HMAC name of AWS's SigV2 query signing all appear. */
  readonly hasSignatureMethodEvidence: boolean;
  readonly checksSignatureVersionConfig: boolean;
  readonly checksLibraries: boolean;
  readonly checksRequestAws: boolean;
}

function once<T>(compute: () => T): () => T {
  let value: { readonly result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}

export function startLegacyScan(context: LegacyContext): LegacyScan {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  return {
    context,
    sourceCode,
    text,
    scopeOf: (node) => sourceCode.getScope(node),
    tracker: once(() => valuesOf(sourceCode)),
    fileUsesAwsSdkV2: once(
      () =>
        AWS_SDK_V2_IMPORT.test(text) ||
        (sourceCode.scopeManager?.globalScope?.through.some((reference) => reference.identifier.name === 'AWS') ?? false),
    ),
    checksStrings: STRING_NEEDLES.test(text) || HEADER_NEEDLE.test(text),
    hasSignatureMethodEvidence:
      text.includes('SignatureVersion') &&
      SIGNATURE_METHOD_EVIDENCE.test(text) &&
      HMAC_NAME_EVIDENCE.test(text) &&
      !(NON_AWS_ACCESS_KEY_PARAMETER.test(text) && !text.includes('AWSAccessKeyId')) &&
      !SIMPLEDB_ENDPOINT.test(text),
    checksSignatureVersionConfig: text.includes('signatureVersion'),
    checksLibraries: text.includes('aws-sign2') || text.includes('knox') || text.includes('aws3') || text.includes(SIGNER_V2_MODULE),
    checksRequestAws: /\baws\s*:/.test(text) && text.includes('request'),
  };
}

type Handler = (node: never) => void;

/** One listener map from several: handlers for the same selector all run, in the order given. */
export function mergeListeners(...parts: readonly TSESLint.RuleListener[]): TSESLint.RuleListener {
  const handlers = new Map<string, Handler[]>();
  for (const part of parts) {
    for (const [selector, handler] of Object.entries(part)) {
      if (handler) handlers.set(selector, [...(handlers.get(selector) ?? []), handler as Handler]);
    }
  }
  const merged: Record<string, Handler> = {};
  for (const [selector, list] of handlers) {
    merged[selector] = list.length === 1 && list[0] ? list[0] : (node: never) => list.forEach((handler) => handler(node));
  }
  return merged as TSESLint.RuleListener;
}

/** The quote a fix should write: the literal's own, a template's backtick, else single. */
export function quoteOf(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return '`';
  if (node.type === AST_NODE_TYPES.Literal && node.raw.startsWith('"')) return '"';
  return "'";
}

/** A literal written in place (`'v2'`, `` `v2` ``), which a fix may rewrite without touching anything else. */
export function isInlineLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
  );
}
