// Codemod for sigv4/no-legacy-signature: legacy aws-sdk v2 `signatureVersion` → 'v4', dead SDK v3
// signing options removed, and hand-built SES SigV3 (`X-Amzn-Authorization: AWS3-HTTPS …`) rewritten
// to the helper's `signRequest`: at the fetch, axios or `request` package call, or where the signing
// function builds its headers (node:https options, a headers function, options built step by step),
// its signature kept; the rest is listed with what to do.
import { Node, SyntaxKind } from 'ts-morph';
import type { Codemod, CodemodContext, CodemodOutcome } from './types';
import { isVisiblyAwsEndpoint } from './utils/aws-endpoint';
import { bindingOccurrences, constInitializer, isVisibleAt, readIdentifiers, uniqueDeclaration, usesOfVariable } from './utils/bindings';
import { literalValueReplacement } from './utils/code-layout';
import { removeDeadSigningCode } from './utils/dead-signing-code';
import { findProperty, innermostExpression, isStringLike, propertyValue } from './utils/expressions';
import { importRemoval } from './utils/import-removal';
import type { RemovedRange } from './utils/import-removal';
import { isExportedStatement } from './utils/module-exports';
import { manual, unlessManual } from './utils/manual-work';
import { detectCodeStyle } from './utils/module-style';
import type { CodeStyle } from './utils/module-style';
import { findHttpsRequestSite } from './utils/node-https-site';
import type { HttpsRequestSite } from './utils/node-https-site';
import { checkInPlaceSigning, inPlaceLiveNames, signHeadersInPlace } from './utils/sign-headers-in-place';
import { enclosingStatement, findRequestSite } from './utils/request-call-site';
import { rewriteS3SigV2Signer, s3SigV2Todo } from './utils/s3-sigv2-signer';
import { findSesSigningTarget, mayBeOverridden, regionFromHost, sigV3ServiceNamedInFile } from './utils/ses-signing-target';
import { signRequestEdits } from './utils/sign-request-call';
import { findHeadersFunctionSite } from './utils/ses-headers-function';
import { rewriteAssignedSigV3Headers } from './utils/ses-assigned-headers';
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
    return { kind: 'manual', todo: `${context.finding.message} Set signatureVersion: 'v4' on this client.` };
  }
  const name = value.getText();
  const initializer = constInitializer(sourceFile, name);
  if (!isStringLike(initializer) || !LEGACY_VERSIONS.has(initializer.getLiteralValue())) {
    return { kind: 'manual', todo: `Set signatureVersion: 'v4' here: '${name}' holds a legacy signature version that this codemod cannot trace to one literal.` };
  }
  const declaration = initializer.getParentIfKindOrThrow(SyntaxKind.VariableDeclaration);
  const statement = declaration.getVariableStatement();
  if (usesOfVariable(declaration).length !== 1 || (statement && isExportedStatement(statement))) {
    return {
      kind: 'manual',
      todo: `Set signatureVersion: 'v4' on this client: '${name}' (line ${initializer.getStartLineNumber()}) is also used elsewhere, so its value was not changed; check whether those uses need 'v4' too.`,
    };
  }
  return { kind: 'fixed', edits: [literalValueReplacement(initializer, 'v4')] };
}

const SIGV2_ONLY_TODO = "Keep signatureVersion 'v2' here: SimpleDB and AWS Import/Export accept only Signature Version 2.";

function customEndpointTodo(context: CodemodContext): CodemodOutcome {
  const object = context.node.getFirstAncestorByKind(SyntaxKind.ObjectLiteralExpression);
  const endpoint = object && findProperty(object, 'endpoint');
  const where = endpoint ? ` (endpoint: ${endpoint.getText().replace(/^endpoint\s*:\s*/, '')})` : '';
  return {
    kind: 'manual',
    todo: `This aws-sdk v2 client signs with a legacy signatureVersion and talks to a server that is not visibly AWS${where}. An S3-compatible server (MinIO, Ceph RGW, an appliance) may need SigV2 on purpose: if the server is AWS or supports SigV4, set signatureVersion: 'v4'; otherwise keep it and add \`// eslint-disable-next-line sigv4/no-legacy-signature -- <server> needs SigV2\`.`,
  };
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
    return { kind: 'manual', todo: "This SDK v3 client signs with aws-sdk-signature-v2 (SigV2) against an endpoint that is not visibly AWS: an S3-compatible server may need it on purpose. If the server supports SigV4, remove signerConstructor and the aws-sdk-signature-v2 import." };
  }
  const adopted = adoptRuleSuggestion(context, 'removeSignerConstructor');
  if (!adopted || adopted.kind !== 'fixed') return { kind: 'manual', todo: "Remove signerConstructor so the client signs with Signature Version 4." };
  const value = propertyValue(property);
  const signerName = value && innermostExpression(value);
  if (!signerName || !Node.isIdentifier(signerName)) return adopted;
  const signer = uniqueDeclaration(sourceFile, signerName.getText());
  const usedOnlyHere = (name: string) => name === signerName.getText() && bindingOccurrences(sourceFile, name).length === 2;
  const removal = signer && importRemoval(sourceFile, signer.node, SIGNER_V2_MODULES, usedOnlyHere);
  return removal ? { ...adopted, edits: [...adopted.edits, removal.edit] } : adopted;
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
  const target = overridden ? { ...found, region: regionFromHost(site.host.getText(), found.region) } : found;
  const keptHeaders = headers.getProperties().filter((property) => !isDroppedHeader(sourceFile, property));
  const signing = { ...authorization, headers, keptHeaders, site, target };
  checkInPlaceSigning(sourceFile, signing);
  const signRequest = context.helper.use(sourceFile, 'signRequest');
  const live = inPlaceLiveNames(signing);
  if (!found.region.startsWith(style.quote)) live.add(found.region.replace(/!$/, ''));
  const dropped = headers.getProperties().filter((property) => isDroppedHeader(sourceFile, property)).map((property): RemovedRange => [property.getStart(), property.getEnd()]);
  const keep = headers.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? headers;
  const edits = [signHeadersInPlace(sourceFile, signing, signRequest, style.quote), ...removeDeadSigningCode(sourceFile, dropped, live, keep)];
  return { kind: 'fixed', edits, note: `headers signed with Signature Version 4 through ${signRequest}() where they are built` };
}

function rewriteSigV3Request(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const style = detectCodeStyle(sourceFile);
  const assigned = rewriteAssignedSigV3Headers(context, style.quote);
  if (assigned) return assigned;
  const authorization = matchSigV3Authorization(sourceFile, context.node);
  const { headers, accessKey, secret } = authorization;
  const httpsSite = findHttpsRequestSite(sourceFile, headers, style.quote) ?? findHeadersFunctionSite(sourceFile, headers, style.quote);
  if (httpsSite) return rewriteSigV3Headers(context, authorization, httpsSite, style);
  const site = findRequestSite(sourceFile, headers, style.quote);
  const statement = enclosingStatement(site.call);
  const target = findSesSigningTarget(sourceFile, site.url, statement, style.quote);
  for (const identifier of [accessKey, secret].flatMap(readIdentifiers)) {
    const name = identifier.getText();
    if (!isVisibleAt(sourceFile, name, statement, { origin: identifier, allowGlobal: true })) manual(`'${name}' (part of the credentials) is not visible where the request is sent`);
  }
  if (site.headersStatement && site.headersStatement.getParent() !== statement.getParent()) manual('the headers object is declared in another block than the request call');

  const signRequest = context.helper.use(sourceFile, 'signRequest');
  const keptHeaders = headers.getProperties().filter((property) => !isDroppedHeader(sourceFile, property));
  const edits = signRequestEdits(sourceFile, { signRequest, site, statement, headers, keptHeaders, accessKey, secret, target }, style);
  // What the signing call still reads stays, even where only dropped code used it before.
  const live = new Set([site.url, site.body, accessKey, secret, ...keptHeaders].flatMap((node) => (node ? readIdentifiers(node).map((identifier) => identifier.getText()) : [])));
  if (!target.region.startsWith(style.quote)) live.add(target.region.replace(/!$/, ''));
  const dropped = headers.getProperties().filter((property) => isDroppedHeader(sourceFile, property)).map((property): RemovedRange => [property.getStart(), property.getEnd()]);
  edits.push(...removeDeadSigningCode(sourceFile, dropped, live, statement));
  return { kind: 'fixed', edits, note: `signed with Signature Version 4 through ${signRequest}()` };
}

function sigV3Todo(reason: string, service: string | undefined): string {
  const options = service ? `service: '${service}', region${service === 'route53' ? ": 'us-east-1'" : ''}` : "service: '<the service's signing name, from the host>', region";
  return `Sign this request with Signature Version 4 instead of SigV3: \`const signed = signRequest({ method, url, headers, body }, { ${options}, credentials: { accessKeyId, secretAccessKey } })\` from the sigv4-migrate helper, send signed.url and signed.headers, and drop the X-Amzn-Authorization and Date headers and the HMAC code. Not rewritten automatically because ${reason}.`;
}

// ---------------------------------------------------------------------------------------------
// Everything else: adopt the rule's suggestion where it has one, else say what to do.

const MANUAL_TODOS: Record<string, string> = {
  s3SigV2PresignedUrl:
    "Presign with Signature Version 4 instead: `presignUrl({ method: 'GET', url }, { service: 's3', region, credentials, expiresIn })` from the sigv4-migrate helper (or @aws-sdk/s3-request-presigner); expiresIn is at most 604800 seconds.",
  s3SigV2AuthHeader:
    "Replace the 'AWS key:signature' header with Signature Version 4: `signRequest({ method, url, headers, body }, { service: 's3', region, credentials })` from the sigv4-migrate helper, then send its headers (it adds x-amz-content-sha256 for S3).",
  awsSign2Library:
    "aws-sign2 only signs with S3 SigV2: sign with the sigv4-migrate helper's signRequest({ method, url, headers, body }, { service: 's3', region, credentials }) or aws4, then remove aws-sign2.",
  knoxLibrary:
    "knox signs every request with S3 SigV2: move these calls to @aws-sdk/client-s3 (or aws-sdk v2 with signatureVersion: 'v4') and remove knox.",
  sigV2SignerLibrary:
    "aws-sdk-signature-v2 is imported but not visibly used as a signerConstructor here: remove it where a client gets it, so the client signs with Signature Version 4.",
};

function withSuggestion(context: CodemodContext, messageId: string, todo: string): CodemodOutcome {
  return adoptRuleSuggestion(context, messageId) ?? { kind: 'manual', todo };
}

const noLegacySignature: Codemod = (context) => {
  const { finding } = context;
  switch (finding.messageId) {
    case 'legacySignatureVersion':
      if (isSigV2OnlyServiceConfig(context.node)) return { kind: 'manual', todo: SIGV2_ONLY_TODO };
      return adoptRuleFix(context) ?? conditionalSignatureVersionFix(context.node) ?? rewriteSignatureVersionVariable(context);
    case 'legacySignatureVersionCustomEndpoint':
      return customEndpointTodo(context);
    case 'signatureVersionInSdkV3':
      return withSuggestion(context, 'removeSignatureVersion', "Remove signatureVersion: SDK v3 clients always sign with Signature Version 4.");
    case 'sigV2SignerConstructor':
      return removeSignerConstructor(context);
    case 'requestAwsOption':
      return withSuggestion(context, 'addSignVersion4', "Add sign_version: 4 to the request's aws option.");
    case 'sigV2QuerySigning':
      return rewriteSigV2QuerySigner(context);
    case 'legacyAuthHeader':
    case 'legacyAuthScheme':
      return unlessManual(() => rewriteSigV3Request(context), (reason): CodemodOutcome => ({ kind: 'manual', todo: sigV3Todo(reason, sigV3ServiceNamedInFile(context.sourceFile)) }));
    case 's3SigV2AuthHeader':
    case 's3SigV2Hmac':
    case 's3SigV2PresignedUrl':
      return unlessManual(() => rewriteS3SigV2Signer(context), (reason): CodemodOutcome => ({ kind: 'manual', todo: s3SigV2Todo(context.sourceFile, MANUAL_TODOS[finding.messageId] ?? finding.message, reason) }));
    default:
      return { kind: 'manual', todo: MANUAL_TODOS[finding.messageId] ?? finding.message };
  }
};

export default noLegacySignature;
