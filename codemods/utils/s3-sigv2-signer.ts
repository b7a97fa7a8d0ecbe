// Rewriting a hand-rolled S3 SigV2 header signer to the helper's signRequest: every header its
// HMAC-SHA1 signs is signed with SigV4 where it is built (node:https) or sent (fetch, axios), the
// function keeps its signature, and the HMAC, string-to-sign and date code that only served those
// headers is removed.
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, SourceFile, VariableDeclaration } from 'ts-morph';
import type { CodemodContext, CodemodOutcome, TextEdit } from '../types';
import { invisibleCredential, namesRead, referencesTo, uniqueDeclaration } from './bindings';
import { statementRemoval } from './code-layout';
import { removeDeadSigningCode } from './dead-signing-code';
import type { RemovedRange } from './import-removal';
import { manual, unlessManual } from './manual-work';
import { detectCodeStyle } from './module-style';
import type { CodeStyle } from './module-style';
import { findHttpsRequestSite } from './node-https-site';
import { findSigningSite } from './request-call-site';
import { constDeclarationAt, findSignatureHmac, hmacOf, isInAuthorizationHeader, matchS3SigV2Header, signatureUses } from './s3-sigv2-header';
import { isExpiresOnlyReadIn, matchS3SigV2Presign } from './s3-sigv2-presign';
import type { S3SigV2Presign } from './s3-sigv2-presign';
import type { S3SigV2Header } from './s3-sigv2-header';
import { findS3SigningTarget, missingRegionHint } from './s3-sigv2-target';
import { checkInPlaceSigning, inPlaceLiveNames, signHeadersInPlace } from './sign-headers-in-place';
import { signingOptions, signRequestEdits } from './sign-request-call';
import { headerName, isCreateHmacCall } from './sigv3-authorization';

const BROWSER_REASON =
  'the file signs with CryptoJS in a browser page, where the helper cannot run and the secret key is public (sign on a server instead)';

/** What one header's rewrite needs once the helper's name is known, and what it reads and drops. */
interface PlannedSite {
  edits(helper: (name: 'signRequest' | 'presignUrl') => string): TextEdit[];
  /** Names the signing expression reads: they stay. */
  live: string[];
  /** Ranges the rewrite removes: the Authorization and Date headers or the SigV2 URL, and the signature const. */
  dropped: RemovedRange[];
  keep: Node;
  /** Statements that die with the rewrite whatever dead-code removal thinks of their calls (the signature, the expiry). */
  removals: TextEdit[];
  /** Said with the fix: an expiry lowered to SigV4's limit. */
  note?: string;
}

/** The headers S3 SigV4 signing replaces: the SigV2 Authorization and the dates it signed. */
function isS3DroppedHeader(sourceFile: SourceFile, property: Node): boolean {
  const name = headerName(sourceFile, property);
  return name !== undefined && (/^authorization$/i.test(name) || /^(?:x-amz-)?date$/i.test(name));
}


/** A region held in a variable stays alive: the signing options read it. */
function regionName(region: string, quote: string): string[] {
  return region.startsWith(quote) ? [] : [region.replace(/!$/, '')];
}

/** The secret access key of the HMAC computing `signature`, which must be the signer's HMAC. */
function secretOf(sourceFile: SourceFile, signature: Node, call: CallExpression): Node {
  const hmac = findSignatureHmac(sourceFile, signature);
  if (hmac.call !== call) manual(`the signature '${signature.getText()}' is computed by another HMAC than the one on line ${call.getStartLineNumber()}`);
  return hmac.secret;
}

/** The removal of a one-declaration statement, and its range. */
function declarationRemoval(sourceFile: SourceFile, declaration: VariableDeclaration | undefined): { edit: TextEdit; range: RemovedRange } | undefined {
  const statement = declaration?.getVariableStatement();
  if (!statement || statement.getDeclarations().length !== 1) return undefined;
  return { edit: statementRemoval(sourceFile, statement), range: [statement.getStart(), statement.getEnd()] };
}

function planHeaderSite(sourceFile: SourceFile, header: S3SigV2Header, call: CallExpression, style: CodeStyle): PlannedSite {
  const { headers, accessKey } = header;
  const secret = secretOf(sourceFile, header.signature, call);
  const properties = headers.getProperties();
  const keptHeaders = properties.filter((property) => !isS3DroppedHeader(sourceFile, property));
  const dropped = properties.filter((property) => isS3DroppedHeader(sourceFile, property)).map((property): RemovedRange => [property.getStart(), property.getEnd()]);
  const signatureRemoval = declarationRemoval(sourceFile, header.signatureDeclaration);
  if (signatureRemoval) dropped.push(signatureRemoval.range);
  const removals = signatureRemoval ? [signatureRemoval.edit] : [];
  const httpsSite = findHttpsRequestSite(sourceFile, headers, style.quote);
  if (httpsSite) {
    const target = findS3SigningTarget(sourceFile, httpsSite.host, headers, style.quote);
    const signing = { headers, keptHeaders, site: httpsSite, accessKey, secret, target };
    checkInPlaceSigning(sourceFile, signing);
    const live = [...inPlaceLiveNames(signing), ...regionName(target.region, style.quote)];
    const keep = headers.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? headers;
    return { edits: (helper) => [signHeadersInPlace(sourceFile, signing, helper('signRequest'), style.quote)], live, dropped, keep, removals };
  }
  const { site, statement: sending } = findSigningSite(sourceFile, headers, [accessKey, secret], style.quote);
  const target = findS3SigningTarget(sourceFile, site.url, sending, style.quote);
  const live = [...namesRead([site.url, site.body, accessKey, secret, ...keptHeaders]), ...regionName(target.region, style.quote)];
  const edits = (helper: (name: 'signRequest') => string) =>
    signRequestEdits(sourceFile, { signRequest: helper('signRequest'), site, statement: sending, headers, keptHeaders, accessKey, secret, target }, style);
  return { edits, live, dropped, keep: sending, removals };
}

/** A hand-built SigV2 GET URL → `presignUrl({ method: 'GET', url }, { …, expiresIn }).url` in its place. */
function planPresignSite(sourceFile: SourceFile, presign: S3SigV2Presign, call: CallExpression, style: CodeStyle): PlannedSite {
  const { template, accessKey } = presign;
  const secret = secretOf(sourceFile, presign.signature, call);
  const signatureDeclaration = constDeclarationAt(sourceFile, presign.signature);
  const initializer = signatureDeclaration?.getInitializer();
  if (!initializer || !/(['"`])GET(?:\1|\\n)/.test(initializer.getText())) manual('the string-to-sign does not visibly sign a GET, the only method a link is opened with');
  const target = findS3SigningTarget(sourceFile, template, template, style.quote);
  const hidden = invisibleCredential(sourceFile, [accessKey, secret], template);
  if (hidden) manual(`'${hidden}' (part of the credentials) is not visible where the URL is built`);
  const dropped: RemovedRange[] = [[template.getStart(), template.getEnd()]];
  const removals: TextEdit[] = [];
  for (const declaration of [signatureDeclaration!, presign.expiresDeclaration]) {
    const removal = declarationRemoval(sourceFile, declaration);
    if (!removal || !isExpiresOnlyReadIn(declaration, dropped)) continue;
    removals.push(removal.edit);
    dropped.push(removal.range);
  }
  const urlReads = template.getTemplateSpans().filter((span) => span.getStart() < template.getStart() + presign.url.length).map((span) => span.getExpression());
  const live = [...namesRead([...urlReads, accessKey, secret]), ...presign.expiresIn.match(/[A-Za-z_$][\w$]*/g) ?? [], ...regionName(target.region, style.quote)];
  const options = signingOptions(sourceFile, { accessKey, secret, target }, style.quote).replace(/ \}$/, `, expiresIn: ${presign.expiresIn} }`);
  const edits = (helper: (name: 'presignUrl') => string): TextEdit[] => [
    { filePath: sourceFile.getFilePath(), start: template.getStart(), end: template.getEnd(), text: `${helper('presignUrl')}({ method: ${style.quote}GET${style.quote}, url: ${presign.url} }, ${options}).url` },
  ];
  const note = presign.expiresIn.startsWith('Math.min(') ? ` and caps the link's lifetime at 604800 seconds (7 days), the longest SigV4 allows` : undefined;
  return { edits, live, dropped, keep: template, removals, note };
}

/** A use of the signature: in an Authorization header, or in a SigV2 presigned URL. */
function planUse(sourceFile: SourceFile, use: Node, call: CallExpression, style: CodeStyle): PlannedSite {
  if (isInAuthorizationHeader(use)) return planHeaderSite(sourceFile, matchS3SigV2Header(sourceFile, use), call, style);
  return planPresignSite(sourceFile, matchS3SigV2Presign(sourceFile, use), call, style);
}

function isInside(node: Node, ranges: readonly RemovedRange[]): boolean {
  return ranges.some(([start, end]) => start <= node.getStart() && node.getEnd() <= end);
}

/** Local functions (`stringToSign`, `signV2`) that only removed code calls, and the rewrite does not write again: they go too. */
function deadLocalFunctions(sourceFile: SourceFile, ranges: readonly RemovedRange[], edited: readonly TextEdit[], live: ReadonlySet<string>): Node[] {
  return sourceFile.getStatements().filter((statement) => {
    if (!Node.isFunctionDeclaration(statement) || statement.isExported() || isInside(statement, ranges)) return false;
    const name = statement.getName();
    if (!name || live.has(name) || uniqueDeclaration(sourceFile, name)?.node !== statement) return false;
    if (edited.some((edit) => statement.getStart() <= edit.start && edit.end <= statement.getEnd())) return false;
    return referencesTo(sourceFile, name).every((reference) => isInside(reference, ranges) || reference.getFirstAncestor((node) => node === statement));
  });
}

/** Removes a top-level declaration and the blank line above it, so one blank line stays between what is left. */
function removalWithBlankLineAbove(sourceFile: SourceFile, declaration: Node): TextEdit {
  const edit = statementRemoval(sourceFile, declaration);
  const blankAbove = /\r?\n[ \t]*$/.exec(sourceFile.getFullText().slice(0, edit.start));
  return blankAbove ? { ...edit, start: blankAbove.index } : edit;
}

/** The dead-code removals for all the rewritten headers at once, repeated while local functions die. */
function deadCodeRemovals(sourceFile: SourceFile, sites: PlannedSite[], siteEdits: TextEdit[]): TextEdit[] {
  const dropped = sites.flatMap((site) => site.dropped);
  const live = new Set(sites.flatMap((site) => site.live));
  const removals = sites.flatMap((site) => site.removals);
  for (;;) {
    const deadCode = removeDeadSigningCode(sourceFile, dropped, live, sites[0]!.keep);
    const ranges = [...dropped, ...deadCode.map((edit): RemovedRange => [edit.start, edit.end])];
    const functions = deadLocalFunctions(sourceFile, ranges, siteEdits, live);
    if (functions.length === 0) {
      const edits = [...removals, ...deadCode];
      return edits.filter((edit) => !edits.some((other) => other !== edit && other.start <= edit.start && edit.end <= other.end && (other.start !== edit.start || other.end !== edit.end)));
    }
    for (const declaration of functions) {
      removals.push(removalWithBlankLineAbove(sourceFile, declaration));
      dropped.push([declaration.getStart(), declaration.getEnd()]);
    }
  }
}

/** The HMAC-SHA1 call a finding names: the HMAC itself, or the one computing the header's signature. */
function signingHmac(context: CodemodContext): CallExpression {
  const { sourceFile, node } = context;
  if (context.finding.messageId === 's3SigV2AuthHeader') return findSignatureHmac(sourceFile, matchS3SigV2Header(sourceFile, node).signature).call;
  if (context.finding.messageId === 's3SigV2PresignedUrl') return findSignatureHmac(sourceFile, matchS3SigV2Presign(sourceFile, node).signature).call;
  const call = [node, ...node.getAncestors(), ...node.getDescendants()].find((candidate): candidate is CallExpression => isCreateHmacCall(sourceFile, candidate));
  if (!call) manual('the HMAC-SHA1 is not a createHmac() call');
  return call;
}

/**
 * The whole signer, rewritten from any of its findings (the HMAC, a header, a URL): all give the
 * same edits, so the engine applies them once.
 */
export function rewriteS3SigV2Signer(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  if (/\bCryptoJS\b/.test(sourceFile.getFullText())) manual(BROWSER_REASON);
  const call = signingHmac(context);
  const style = detectCodeStyle(sourceFile);
  const planSigner = (hmac: CallExpression) => {
    hmacOf(sourceFile, hmac);
    return signatureUses(hmac).map((use) => planUse(sourceFile, use, hmac, style));
  };
  // The file's other S3 SigV2 signers go along when they can: the crypto import dies only with the last HMAC.
  // Every finding of every signer that can be rewritten then gives the same edits.
  const others = sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).filter((candidate) => candidate !== call && isCreateHmacCall(sourceFile, candidate));
  const sites = [...planSigner(call), ...others.flatMap((other) => unlessManual(() => planSigner(other), () => []))]
    .sort((a, b) => a.dropped[0]![0] - b.dropped[0]![0]);
  const used = new Map<string, string>();
  const helper = (name: 'signRequest' | 'presignUrl') => used.get(name) ?? used.set(name, context.helper.use(sourceFile, name)).get(name)!;
  const siteEdits = sites.flatMap((site) => site.edits(helper));
  const edits = [...siteEdits, ...deadCodeRemovals(sourceFile, sites, siteEdits)];
  const notes = [...new Set(sites.flatMap((site) => (site.note ? [site.note] : [])))].join('');
  return { kind: 'fixed', edits, note: `signs the S3 requests with Signature Version 4 through ${[...used.values()].map((name) => `${name}()`).join(' and ')}${notes}` };
}

/** What to do by hand, and which value could not be seen (the bucket's region too, when no host names it). */
export function s3SigV2Todo(sourceFile: SourceFile, reason: string): string {
  const hint = reason.includes('names no region') || reason === BROWSER_REASON ? '' : missingRegionHint(sourceFile);
  return `Not rewritten because ${reason}${hint}.`;
}
