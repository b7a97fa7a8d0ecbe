// Codemod for sigv4/no-legacy-signature: legacy aws-sdk v2 `signatureVersion` → 'v4', dead SDK v3
// signing options removed, and hand-built SES SigV3 (`X-Amzn-Authorization: AWS3-HTTPS …`) rewritten
// to the helper's `signRequest`: at the fetch, axios or `request` package call, or where the signing
// function builds its headers (node:https options, a headers function, options built step by step),
// its signature kept; the rest is listed with what to do.
import { Node, SyntaxKind } from 'ts-morph';
import type { Codemod, CodemodContext, CodemodOutcome } from './types';
import { isVisiblyAwsEndpoint } from './utils/aws-endpoint';
import { bindingOccurrences, constInitializer, namesRead, uniqueDeclaration, usesOfVariable } from './utils/bindings';
import { literalValueReplacement } from './utils/code-layout';
import { removeDeadSigningCode } from './utils/dead-signing-code';
import { findProperty, innermostExpression, isStringLike, propertyValue } from './utils/expressions';
import { importRemoval } from './utils/import-removal';
import type { RemovedRange } from './utils/import-removal';
import { isExportedStatement } from './utils/module-exports';
import { unlessManual } from './utils/manual-work';
import { detectCodeStyle } from './utils/module-style';
import type { CodeStyle } from './utils/module-style';
import { findHttpsRequestSite } from './utils/node-https-site';
import type { HttpsRequestSite } from './utils/node-https-site';
import { checkInPlaceSigning, inPlaceLiveNames, signHeadersInPlace } from './utils/sign-headers-in-place';
import { findSigningSite } from './utils/request-call-site';
import { rewriteS3SigV2Signer, s3SigV2Todo } from './utils/s3-sigv2-signer';
import { findSesSigningTarget, mayBeOverridden, sesRegionExpression, sigV3ServiceNamedInFile } from './utils/ses-signing-target';
import { signRequestEdits } from './utils/sign-request-call';
import { findHeadersFunctionSite } from './utils/ses-headers-function';
import { rewriteAssignedSigV3Headers } from './utils/ses-assigned-headers';
import { rewriteSigV3AtSendSite } from './utils/ses-send-site';
import { isSigV2OnlyServiceConfig } from './utils/sigv2-only-service';
import { rewriteSigV2QuerySigner } from './utils/sigv2-query-signer';
import { conditionalSignatureVersionFix } from './utils/signature-version-branches';
import { isDroppedHeader, matchSigV3Authorization } from './utils/sigv3-authorization';
import type { SigV3Authorization } from './utils/sigv3-authorization';
import { adoptRuleFix, adoptRuleSuggestion } from './utils/rule-fixes';

const LEGACY_VERSIONS = new Set(['v2', 'v3', 'v3https', 's3']);
const SIGNER_V2_MODULES = new Set(['aws-sdk-signature-v2']);

// ---------------------------------------------------------------------------------------------
// signatureVersion in aws-sdk v2 configs

/** The property or assignment a report on `signatureVersion` sits in (the reported node itself included). */
function signatureVersionSetting(reported: Node): Node | undefined {
  return [reported, ...reported.getAncestors()].find((candidate) =>
    Node.isPropertyAssignment(candidate) || Node.isShorthandPropertyAssignment(candidate) || Node.isBinaryExpression(candidate));
}

/** The node holding the legacy value of a reported `signatureVersion` property or assignment. */
function signatureVersionValue(reported: Node): Node | undefined {
  const setting = signatureVersionSetting(reported);
  if (Node.isBinaryExpression(setting)) return innermostExpression(setting.getRight());
  const value = propertyValue(setting);
  return value && innermostExpression(value);
}

/**
 * `const SIG = 'v2'; new AWS.S3({ signatureVersion: SIG })`: when the config is the variable's only
 * use, the variable's value becomes 'v4' (the code keeps its shape and no dead variable is left).
 */
function rewriteSignatureVersionVariable(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const value = signatureVersionValue(context.node);
  if (!value || !Node.isIdentifier(value)) {
    return { kind: 'manual', todo: '' };
  }
  const name = value.getText();
  const initializer = constInitializer(sourceFile, name);
  if (!isStringLike(initializer) || !LEGACY_VERSIONS.has(initializer.getLiteralValue())) {
    return { kind: 'manual', todo: `'${name}' does not visibly hold one legacy literal.` };
  }
  const declaration = initializer.getParentIfKindOrThrow(SyntaxKind.VariableDeclaration);
  const statement = declaration.getVariableStatement();
  if (usesOfVariable(declaration).length !== 1 || (statement && isExportedStatement(statement))) {
    return {
      kind: 'manual',
      todo: `'${name}' (line ${initializer.getStartLineNumber()}) is also used elsewhere, so its value is left as it is.`,
    };
  }
  return { kind: 'fixed', edits: [literalValueReplacement(initializer, 'v4')], note: `sets '${name}' to 'v4'` };
}

const SIGV2_ONLY_TODO = 'SimpleDB and AWS Import/Export accept only Signature Version 2: keep it here.';

function customEndpointTodo(context: CodemodContext): CodemodOutcome {
  const object = context.node.getFirstAncestorByKind(SyntaxKind.ObjectLiteralExpression);
  const endpoint = object && findProperty(object, 'endpoint');
  return { kind: 'manual', todo: endpoint ? `Its endpoint is ${endpoint.getText().replace(/^endpoint\s*:\s*/, '')}.` : '' };
}

// ---------------------------------------------------------------------------------------------
// aws-sdk-signature-v2 plugged into an SDK v3 client

/** Removes `signerConstructor` (the rule's suggestion) and the SigV2 signer import when nothing else uses it. */
function removeSignerConstructor(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const property = [context.node, ...context.node.getAncestors()].find((candidate) => Node.isPropertyAssignment(candidate) || Node.isShorthandPropertyAssignment(candidate));
  const options = property?.getParentIfKind(SyntaxKind.ObjectLiteralExpression);
  const endpoint = options && findProperty(options, 'endpoint');
  if (endpoint && !isVisiblyAwsEndpoint(endpoint)) {
    return { kind: 'manual', todo: `Its endpoint ${endpoint.getText().replace(/^endpoint\s*:\s*/, '')} is not visibly AWS and may need SigV2 on purpose.` };
  }
  const adopted = adoptRuleSuggestion(context, 'removeSignerConstructor');
  if (!adopted || adopted.kind !== 'fixed') return { kind: 'manual', todo: '' };
  const value = propertyValue(property);
  const signerName = value && innermostExpression(value);
  if (!signerName || !Node.isIdentifier(signerName)) return { ...adopted, note: 'removes signerConstructor' };
  const signer = uniqueDeclaration(sourceFile, signerName.getText());
  const usedOnlyHere = (name: string) => name === signerName.getText() && bindingOccurrences(sourceFile, name).length === 2;
  const removal = signer && importRemoval(sourceFile, signer.node, SIGNER_V2_MODULES, usedOnlyHere);
  return removal ? { ...adopted, edits: [...adopted.edits, removal.edit], note: 'removes signerConstructor and the SigV2 signer import' } : { ...adopted, note: 'removes signerConstructor' };
}

// ---------------------------------------------------------------------------------------------
// Hand-built SigV3 (`X-Amzn-Authorization: AWS3-HTTPS …`) → signRequest

/** Headers sent with node:https: signed where they are built, so the signing function keeps its signature. */
function rewriteSigV3Headers(context: CodemodContext, authorization: SigV3Authorization, site: HttpsRequestSite, style: CodeStyle): CodemodOutcome {
  const { sourceFile } = context;
  const { headers } = authorization;
  const found = findSesSigningTarget(sourceFile, site.host, headers, style.quote);
  // A host the caller may override (`host ?? SES_HOST`) signs for the region in the host it is given.
  const overridden = found.region.startsWith(style.quote) && mayBeOverridden(sourceFile, site.host);
  const target = overridden ? { ...found, region: sesRegionExpression(site.host.getText(), found.region) } : found;
  const keptHeaders = headers.getProperties().filter((property) => !isDroppedHeader(sourceFile, property));
  const signing = { ...authorization, headers, keptHeaders, site, target };
  checkInPlaceSigning(sourceFile, signing);
  const signRequest = context.helper.use(sourceFile, 'signRequest');
  const live = inPlaceLiveNames(signing);
  if (!found.region.startsWith(style.quote)) live.add(found.region.replace(/!$/, ''));
  const dropped = headers.getProperties().filter((property) => isDroppedHeader(sourceFile, property)).map((property): RemovedRange => [property.getStart(), property.getEnd()]);
  const keep = headers.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? headers;
  const edits = [signHeadersInPlace(sourceFile, signing, signRequest, style.quote), ...removeDeadSigningCode(sourceFile, dropped, live, keep)];
  return { kind: 'fixed', edits, note: `signs the headers with Signature Version 4 through ${signRequest}() where they are built` };
}

function rewriteSigV3Request(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const style = detectCodeStyle(sourceFile);
  const assigned = rewriteAssignedSigV3Headers(context, style.quote);
  if (assigned) return assigned;
  const atSendSite = rewriteSigV3AtSendSite(context, style);
  if (atSendSite) return atSendSite;
  const authorization = matchSigV3Authorization(sourceFile, context.node);
  const { headers, accessKey, secret } = authorization;
  const httpsSite = findHttpsRequestSite(sourceFile, headers, style.quote) ?? findHeadersFunctionSite(sourceFile, headers, style.quote);
  if (httpsSite) return rewriteSigV3Headers(context, authorization, httpsSite, style);
  const { site, statement } = findSigningSite(sourceFile, headers, [accessKey, secret], style.quote);
  const target = findSesSigningTarget(sourceFile, site.url, statement, style.quote);

  const signRequest = context.helper.use(sourceFile, 'signRequest');
  const keptHeaders = headers.getProperties().filter((property) => !isDroppedHeader(sourceFile, property));
  const edits = signRequestEdits(sourceFile, { signRequest, site, statement, headers, keptHeaders, accessKey, secret, target }, style);
  // What the signing call still reads stays, even where only dropped code used it before.
  const live = new Set(namesRead([site.url, site.body, accessKey, secret, ...keptHeaders]));
  if (!target.region.startsWith(style.quote)) live.add(target.region.replace(/!$/, ''));
  const dropped = headers.getProperties().filter((property) => isDroppedHeader(sourceFile, property)).map((property): RemovedRange => [property.getStart(), property.getEnd()]);
  edits.push(...removeDeadSigningCode(sourceFile, dropped, live, statement));
  return { kind: 'fixed', edits, note: `signs the request with Signature Version 4 through ${signRequest}()` };
}

/** The reason a SigV3 request stays manual, naming the service to sign for: the docs page has the recipe. */
function sigV3Todo(reason: string, service: string | undefined): string {
  const scope = service === 'route53' ? " (sign for service 'route53' in us-east-1)" : service ? ` (sign for service '${service}')` : '';
  return `Not rewritten because ${reason}${scope}.`;
}

/** An adopted rule fix or suggestion, with what it does in the present tense. */
function described(outcome: CodemodOutcome | undefined, note: string): CodemodOutcome | undefined {
  return outcome?.kind === 'fixed' ? { ...outcome, note } : outcome;
}

function withSuggestion(context: CodemodContext, messageId: string, note: string): CodemodOutcome {
  return described(adoptRuleSuggestion(context, messageId), note) ?? { kind: 'manual', todo: '' };
}

const noLegacySignature: Codemod = (context) => {
  const { finding } = context;
  switch (finding.messageId) {
    case 'legacySignatureVersion':
      if (isSigV2OnlyServiceConfig(context.node)) return { kind: 'manual', todo: SIGV2_ONLY_TODO };
      return described(adoptRuleFix(context), "sets signatureVersion to 'v4'") ?? conditionalSignatureVersionFix(context.node) ?? rewriteSignatureVersionVariable(context);
    case 'legacySignatureVersionCustomEndpoint':
      return customEndpointTodo(context);
    case 'signatureVersionInSdkV3':
      return withSuggestion(context, 'removeSignatureVersion', 'removes the ignored signatureVersion');
    case 'sigV2SignerConstructor':
      return removeSignerConstructor(context);
    case 'requestAwsOption':
      return withSuggestion(context, 'addSignVersion4', "adds 'sign_version: 4'");
    case 'sigV2QuerySigning':
      return rewriteSigV2QuerySigner(context);
    case 'legacyAuthHeader':
    case 'legacyAuthScheme':
      return unlessManual(() => rewriteSigV3Request(context), (reason): CodemodOutcome => ({ kind: 'manual', todo: sigV3Todo(reason, sigV3ServiceNamedInFile(context.sourceFile)) }));
    case 's3SigV2AuthHeader':
    case 's3SigV2Hmac':
    case 's3SigV2PresignedUrl':
      return unlessManual(() => rewriteS3SigV2Signer(context), (reason): CodemodOutcome => ({ kind: 'manual', todo: s3SigV2Todo(context.sourceFile, reason) }));
    default:
      return { kind: 'manual', todo: '' };
  }
};

export default noLegacySignature;
