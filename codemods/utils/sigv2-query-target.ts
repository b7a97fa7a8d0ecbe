// The service and region a SigV2 query signer's request goes to, read from its URL's host
// (`ec2.us-east-1.amazonaws.com`, `sns.${region}.amazonaws.com`, an SES endpoint): never guessed.
import { Node } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { isVisibleAt, readIdentifiers } from './bindings';
import { manual } from './manual-work';
import { findSesSigningTarget, splicedRegion, urlAlternatives } from './ses-signing-target';
import type { SigningTarget } from './ses-signing-target';
import { definiteText } from './sign-request-call';
import { stringParts } from './string-parts';

/** `<service>.<region>.amazonaws.com` or the global `<service>.amazonaws.com`, at the start of the URL. */
const AWS_HOST = /^(?:https?:\/\/)?([a-z0-9-]+)\.(?:([^./?:]+)\.)?amazonaws\.com(?:[/:?]|$)/;
/** Endpoint prefixes whose signing name differs. */
const SIGNING_NAMES: Readonly<Record<string, string>> = { email: 'ses' };
/** AWS signs requests to a global endpoint (`sts.amazonaws.com`, `iam.amazonaws.com`) in us-east-1. */
const GLOBAL_ENDPOINT_REGION = 'us-east-1';
const RUN_TIME = '\0';

export const SIGV2_ONLY_QUERY_SERVICES = new Set(['sdb', 'importexport']);

/** SimpleDB and Import/Export speak only SigV2, so a signer for them is right as it is. */
export class SigV2OnlyService extends Error {}

/** The signing name of the service a fully written AWS host or URL names (`sts.amazonaws.com` → sts, `email.…` → ses). */
export function serviceOfHost(alternative: string): string | undefined {
  const prefix = alternative.includes(RUN_TIME) || alternative.includes('\u0002') ? undefined : AWS_HOST.exec(alternative)?.[1]?.replace(/-fips$/, '');
  return prefix && (SIGNING_NAMES[prefix] ?? prefix);
}

/** `<service>.<region known at run time>.amazonaws.com` (`cloudsearch.${region}.amazonaws.com`): the endpoint prefix still names the service. */
const RUN_TIME_REGION_HOST = /^(?:https?:\/\/)?([a-z0-9-]+)\.(?:\0|\u0002\w+\u0002)\.amazonaws\.com(?:[/:?]|$)/;

/** The signing name of the service a host names whose region is set at run time (`cloudsearch.${region}.amazonaws.com` → cloudsearch). */
export function serviceOfRunTimeRegionHost(alternative: string): string | undefined {
  const prefix = RUN_TIME_REGION_HOST.exec(alternative)?.[1]?.replace(/-fips$/, '');
  return prefix && (SIGNING_NAMES[prefix] ?? prefix);
}

/** A region only known at run time: a value the file does not show, or an environment variable. */
function isSetAtRunTime(region: string): boolean {
  return region.includes(RUN_TIME) || region.includes('\u0002');
}

/** The first expression spliced into the URL before its query, as written: what the host comes from. */
function hostSource(url: Node): string {
  const parts = stringParts(url) ?? [];
  const query = parts.findIndex((part) => 'text' in part && part.text.includes('?'));
  const spliced = parts.slice(0, query < 0 ? parts.length : query).find((part) => 'expression' in part);
  return spliced && 'expression' in spliced ? `\`${spliced.expression.getText()}\`` : 'the start of the URL';
}

/** The region spliced into the host (`sns.${target.region}.amazonaws.com`), as visible at `site`. */
function splicedRegionText(sourceFile: SourceFile, url: Node, prefix: string, site: Node): string {
  const label = new RegExp(`(?:^|[/.])${prefix.replace(/-/g, '\\-')}\\.$`);
  const spliced = splicedRegion(sourceFile, url, label);
  if (!spliced) manual(`the region in the host ${prefix}.<region>.amazonaws.com could not be seen`);
  const visible = readIdentifiers(spliced).every((identifier) => isVisibleAt(sourceFile, identifier.getText(), site, { origin: identifier, allowGlobal: true }));
  const isPlainValue = Node.isIdentifier(spliced) || Node.isPropertyAccessExpression(spliced);
  if (!visible || !isPlainValue) manual(`the region (\`${spliced.getText()}\`) spliced into the host is not a plain value visible where the URL is signed`);
  return definiteText(sourceFile, spliced);
}

/**
 * The service and region to sign `url` for, as written at `site` (where the signing call goes);
 * manual with the value that could not be seen. SES endpoints go through the SES reader (it knows
 * AWS_ENDPOINT_URL_SES and the `region` variable beside it).
 */
export function findQuerySigningTarget(sourceFile: SourceFile, url: Node, site: Node, quote: string): SigningTarget {
  const alternatives = urlAlternatives(sourceFile, url);
  if (alternatives.some((alternative) => alternative.includes('AWS_ENDPOINT_URL_SES') || /^(?:https?:\/\/)?email(?:-fips)?\./.test(alternative))) {
    return findSesSigningTarget(sourceFile, url, site, quote);
  }
  const hosts = alternatives.map((alternative) => AWS_HOST.exec(alternative));
  const unseen = alternatives.find((_, index) => !hosts[index] || hosts[index]![1]!.includes(RUN_TIME));
  if (unseen !== undefined) {
    const source = /\u0002(\w+)\u0002/.exec(unseen)?.[1];
    manual(source ? `the host comes from process.env.${source}, so the service and region to sign for are not visible` : `the host (${hostSource(url)}) is only known at run time, so the service and region to sign for are not visible`);
  }
  const prefixes = new Set(hosts.map((host) => host![1]!));
  if (prefixes.size !== 1) manual(`the URL may go to several services (${[...prefixes].join(', ')})`);
  const prefix = [...prefixes][0]!;
  if (SIGV2_ONLY_QUERY_SERVICES.has(prefix)) throw new SigV2OnlyService(prefix);
  const service = SIGNING_NAMES[prefix] ?? prefix;
  const regions = new Set(hosts.map((host) => host![2] ?? GLOBAL_ENDPOINT_REGION));
  const written = [...regions].filter((region) => !isSetAtRunTime(region));
  if (regions.size === 1 && written.length === 1) return { service, region: `${quote}${written[0]!}${quote}` };
  // `ec2.${REGION}.amazonaws.com` with `REGION = process.env.X ?? 'us-east-1'`: the spliced value is the region, whichever it is.
  if (written.length < regions.size) return { service, region: splicedRegionText(sourceFile, url, prefix, site) };
  return manual(`the URL may go to several regions (${written.join(', ')})`);
}
