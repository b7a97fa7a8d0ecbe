// Telling from a request's URL expression that it goes to SES, and in which region: the URL is read
// through the file's consts, `??`/`||` and string building, without running anything.
import { Node } from 'ts-morph';
import type { BinaryExpression, SourceFile } from 'ts-morph';
import { constInitializer, isVisibleAt } from './bindings';
import { thisFieldValues } from './class-methods';
import { innermostExpression } from './expressions';
import { manual } from './manual-work';
import { definiteText } from './sign-request-call';
import { stringParts } from './string-parts';

export interface SigningTarget {
  service: string;
  /** Source text of the region expression (a literal in the file's quotes, or a name). */
  region: string;
}

const RUN_TIME = '\0';
const SES_HOST = /email(?:-fips)?\.[^./]+\.amazonaws\.com/;
const SES_HOST_REGION = /email(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com/;
const MAX_ALTERNATIVES = 16;
const MAX_DEPTH = 4;

export function envMarker(name: string): string {
  return `\u0002${name}\u0002`;
}

/** `a ?? b`, `a || b`: either side may be the value. */
function isFallback(expression: Node): expression is BinaryExpression {
  return Node.isBinaryExpression(expression) && ['??', '||'].includes(expression.getOperatorToken().getText());
}

/**
 * The strings a URL expression can be: run-time parts become `\0`, `process.env.X` becomes a
 * marker naming X.
 */
export function urlAlternatives(sourceFile: SourceFile, node: Node, depth = 0): string[] {
  const expression = innermostExpression(node);
  if (depth > MAX_DEPTH) return [RUN_TIME];
  const parts = stringParts(expression);
  if (parts) {
    let results = [''];
    for (const part of parts) {
      const options = 'text' in part ? [part.text] : urlAlternatives(sourceFile, part.expression, depth + 1);
      results = results.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, MAX_ALTERNATIVES);
    }
    return results;
  }
  if (isFallback(expression)) {
    return [...urlAlternatives(sourceFile, expression.getLeft(), depth + 1), ...urlAlternatives(sourceFile, expression.getRight(), depth + 1)].slice(0, MAX_ALTERNATIVES);
  }
  if (Node.isPropertyAccessExpression(expression) && expression.getExpression().getText() === 'process.env') return [envMarker(expression.getName())];
  // `this.host`, set in the constructor as `host ?? SES_HOST`: what the class can give it.
  const fieldValues = Node.isPropertyAccessExpression(expression) ? thisFieldValues(expression) : undefined;
  if (fieldValues) return fieldValues.flatMap((value) => urlAlternatives(sourceFile, value, depth + 1)).slice(0, MAX_ALTERNATIVES);
  if (Node.isIdentifier(expression)) {
    const initializer = constInitializer(sourceFile, expression.getText());
    if (initializer) return urlAlternatives(sourceFile, initializer, depth + 1);
  }
  return [RUN_TIME];
}

/** The expression spliced as the region label of an `email.<region>.amazonaws.com` host (or another `before` label), read through consts. */
export function splicedSesRegion(sourceFile: SourceFile, node: Node, depth = 0, before = /email(?:-fips)?\.$/): Node | undefined {
  const expression = innermostExpression(node);
  if (depth > MAX_DEPTH) return undefined;
  const parts = stringParts(expression);
  if (parts) {
    for (const [index, part] of parts.entries()) {
      if (!('expression' in part)) continue;
      const previous = parts[index - 1];
      const after = parts[index + 1];
      if (previous && 'text' in previous && before.test(previous.text) && after && 'text' in after && after.text.startsWith('.amazonaws.com')) return part.expression;
      const inner = splicedSesRegion(sourceFile, part.expression, depth + 1, before);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isFallback(expression)) {
    return splicedSesRegion(sourceFile, expression.getLeft(), depth + 1, before) ?? splicedSesRegion(sourceFile, expression.getRight(), depth + 1, before);
  }
  const initializer = Node.isIdentifier(expression) ? constInitializer(sourceFile, expression.getText()) : undefined;
  return initializer && splicedSesRegion(sourceFile, initializer, depth + 1, before);
}

/** True when the endpoint expression may be something the file does not show (a parameter, an option, the environment). */
export function mayBeOverridden(sourceFile: SourceFile, url: Node): boolean {
  return urlAlternatives(sourceFile, url).some((alternative) => alternative.includes(RUN_TIME) || alternative.includes('\u0002'));
}

/**
 * The region written as an expression over the host the request really goes to: the region label of
 * an SES host, else `fallback` (the default host's region). For a host that may be overridden.
 */
export function regionFromHost(host: string, fallback: string): string {
  return `/\\bemail(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com\\b/.exec(${host})?.[1] ?? ${fallback}`;
}

/** SES and the region to sign for, as visible at `site` where the signing call goes; manual when either is unknown. */
export function findSesSigningTarget(sourceFile: SourceFile, url: Node, site: Node, quote: string): SigningTarget {
  const alternatives = urlAlternatives(sourceFile, url);
  const isSes = alternatives.some((alternative) => SES_HOST.test(alternative) || alternative.includes(envMarker('AWS_ENDPOINT_URL_SES')));
  if (!isSes) manual('the endpoint is not visibly SES (an email.<region>.amazonaws.com host or AWS_ENDPOINT_URL_SES), so the service to sign for is unknown');
  // `https://email.${region}.amazonaws.com`: the spliced name is the region.
  const spliced = splicedSesRegion(sourceFile, url);
  if (spliced && Node.isIdentifier(spliced) && isVisibleAt(sourceFile, spliced.getText(), site, { origin: spliced })) return { service: 'ses', region: definiteText(sourceFile, spliced) };
  const literalRegions = new Set(alternatives.flatMap((alternative) => SES_HOST_REGION.exec(alternative)?.[1] ?? []));
  // With an endpoint override (`AWS_ENDPOINT_URL_SES ?? 'https://email.us-east-1…'`) the host's
  // region is only the default: a `region` variable, when there is one, says where it really goes.
  const regionVariable = isVisibleAt(sourceFile, 'region', site);
  const [onlyRegion] = literalRegions;
  if (onlyRegion && literalRegions.size === 1 && (alternatives.length === 1 || !regionVariable)) {
    return { service: 'ses', region: `${quote}${onlyRegion}${quote}` };
  }
  if (regionVariable) return { service: 'ses', region: 'region' };
  manual('no region is visible at the call (neither a `region` variable nor an email.<region>.amazonaws.com host)');
}
