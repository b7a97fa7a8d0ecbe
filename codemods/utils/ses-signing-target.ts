// Telling from a request's URL expression that it goes to SES, and in which region: the URL is read
// through the file's consts, `??`/`||` and string building, without running anything.
import { Node, SyntaxKind } from 'ts-morph';
import type { BinaryExpression, ObjectLiteralExpression, SourceFile, SpreadAssignment } from 'ts-morph';
import { constInitializer, isVisibleAt, soleVariableInitializer } from './bindings';
import { thisFieldValues } from './class-methods';
import { findProperty, innermostExpression, propertyValue } from './expressions';
import { manual } from './manual-work';
import { definiteText } from './sign-request-call';
import { stringParts } from './string-parts';
import { onceAssignedInitializer } from './sigv3-authorization';

export interface SigningTarget {
  service: string;
  /** Source text of the region expression (a literal in the file's quotes, or a name). */
  region: string;
}

const RUN_TIME = '\0';
const SES_HOST = /email(?:-fips)?\.[^./]+\.amazonaws\.com/;
const ROUTE53_HOST = /(?:^|[/.])route53\.amazonaws\.com(?:[/:]|$)/;
const SES_HOST_REGION = /email(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com/;
const SES_LABEL = /email(?:-fips)?\.$/;
const MAX_ALTERNATIVES = 16;
const MAX_DEPTH = 6;

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
  // `this.amazon + '/'`: a concatenation that starts with a value rather than a literal.
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const rights = urlAlternatives(sourceFile, expression.getRight(), depth + 1);
    return urlAlternatives(sourceFile, expression.getLeft(), depth + 1).flatMap((left) => rights.map((right) => left + right)).slice(0, MAX_ALTERNATIVES);
  }
  if (Node.isPropertyAccessExpression(expression) && expression.getExpression().getText() === 'process.env') return [envMarker(expression.getName())];
  // `this.host`, set in the constructor as `host ?? SES_HOST`: what the class can give it.
  const fieldValues = Node.isPropertyAccessExpression(expression) ? thisFieldValues(expression) : undefined;
  if (fieldValues) return fieldValues.flatMap((value) => urlAlternatives(sourceFile, value, depth + 1)).slice(0, MAX_ALTERNATIVES);
  if (Node.isIdentifier(expression)) {
    // A `var` assigned once where it is declared (`var SES_HOST = '…'`) reads as a const.
    const initializer = constInitializer(sourceFile, expression.getText()) ?? onceAssignedInitializer(sourceFile, expression.getText());
    if (initializer) return urlAlternatives(sourceFile, initializer, depth + 1);
  }
  const merged = Node.isPropertyAccessExpression(expression) ? mergedPropertyValues(sourceFile, expression.getExpression(), expression.getName()) : undefined;
  if (merged) return merged.flatMap((value) => (value ? urlAlternatives(sourceFile, value, depth + 1) : [RUN_TIME])).slice(0, MAX_ALTERNATIVES);
  return [RUN_TIME];
}

/**
 * `settings.endpoint` where `settings = Object.assign({}, DEFAULTS, opts)` (or `{ ...DEFAULTS, ...opts }`):
 * what each source may give the property, undefined for a source the file does not show.
 */
function mergedPropertyValues(sourceFile: SourceFile, object: Node, name: string): (Node | undefined)[] | undefined {
  if (!Node.isIdentifier(object)) return undefined;
  const initializer = constInitializer(sourceFile, object.getText()) ?? soleVariableInitializer(sourceFile, object.getText());
  const merged = initializer && innermostExpression(initializer);
  let sources: Node[] | undefined;
  if (Node.isCallExpression(merged) && merged.getExpression().getText() === 'Object.assign') sources = merged.getArguments();
  if (Node.isObjectLiteralExpression(merged) && merged.getProperties().every(Node.isSpreadAssignment)) sources = merged.getProperties().map((spread) => (spread as SpreadAssignment).getExpression());
  if (!sources) return undefined;
  return sources.flatMap((source): (Node | undefined)[] => {
    const literal = Node.isObjectLiteralExpression(source) ? source : Node.isIdentifier(source) ? objectLiteralOf(sourceFile, source.getText()) : undefined;
    if (!literal) return [undefined];
    const value = propertyValue(findProperty(literal, name));
    return value ? [value] : [];
  });
}

/** The object literal a const (or a variable assigned once) holds, through `Object.freeze(…)`. */
function objectLiteralOf(sourceFile: SourceFile, name: string): ObjectLiteralExpression | undefined {
  const initializer = constInitializer(sourceFile, name) ?? soleVariableInitializer(sourceFile, name);
  const value = initializer && innermostExpression(initializer);
  const frozen = Node.isCallExpression(value) && value.getExpression().getText() === 'Object.freeze' ? value.getArguments()[0] : value;
  return Node.isObjectLiteralExpression(frozen) ? frozen : undefined;
}

/**
 * The expression spliced as the region label of an `email.<region>.amazonaws.com` host (or of the
 * host whose service label `label` matches), read through consts.
 */
export function splicedRegion(sourceFile: SourceFile, node: Node, label = SES_LABEL, depth = 0): Node | undefined {
  const expression = innermostExpression(node);
  if (depth > MAX_DEPTH) return undefined;
  const parts = stringParts(expression);
  if (parts) {
    for (const [index, part] of parts.entries()) {
      if (!('expression' in part)) continue;
      const previous = parts[index - 1];
      const after = parts[index + 1];
      if (previous && 'text' in previous && label.test(previous.text) && after && 'text' in after && after.text.startsWith('.amazonaws.com')) return part.expression;
      const inner = splicedRegion(sourceFile, part.expression, label, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isFallback(expression)) {
    return splicedRegion(sourceFile, expression.getLeft(), label, depth + 1) ?? splicedRegion(sourceFile, expression.getRight(), label, depth + 1);
  }
  const initializer = Node.isIdentifier(expression) ? constInitializer(sourceFile, expression.getText()) : undefined;
  return initializer && splicedRegion(sourceFile, initializer, label, depth + 1);
}

/** True when the endpoint expression may be something the file does not show (a parameter, an option, the environment). */
export function mayBeOverridden(sourceFile: SourceFile, url: Node): boolean {
  return urlAlternatives(sourceFile, url).some((alternative) => alternative.includes(RUN_TIME) || alternative.includes('\u0002'));
}

/**
 * The region written as an expression over the host the request really goes to: the region label of
 * an SES host, else `fallback` (the default host's region). For a host that may be overridden.
 */
export function sesRegionExpression(host: string, fallback: string): string {
  return `/\\bemail(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com\\b/.exec(${host})?.[1] ?? ${fallback}`;
}

/** The SigV3 services a host names: SES, and Route 53 (one global endpoint, signed in us-east-1). */
function sigV3ServiceOf(text: string): 'ses' | 'route53' | undefined {
  if (SES_HOST.test(text)) return 'ses';
  return ROUTE53_HOST.test(text) ? 'route53' : undefined;
}

/**
 * The signing name of the service the file's SigV3 requests go to, read from the hosts its strings
 * name, when they name exactly one (for a to-do that the codemod could not finish).
 */
export function sigV3ServiceNamedInFile(sourceFile: SourceFile): string | undefined {
  const texts = [...sourceFile.getDescendantsOfKind(SyntaxKind.StringLiteral), ...sourceFile.getDescendantsOfKind(SyntaxKind.NoSubstitutionTemplateLiteral), ...sourceFile.getDescendantsOfKind(SyntaxKind.TemplateHead), ...sourceFile.getDescendantsOfKind(SyntaxKind.TemplateMiddle)];
  const services = new Set(texts.flatMap((literal) => sigV3ServiceOf(literal.getLiteralText()) ?? []));
  return services.size === 1 ? [...services][0] : undefined;
}

/** The service and the region to sign for (SES, or Route 53), as visible at `site` where the signing call goes; manual when either is unknown. */
export function findSesSigningTarget(sourceFile: SourceFile, url: Node, site: Node, quote: string): SigningTarget {
  const alternatives = urlAlternatives(sourceFile, url);
  // Route 53 is global: signed for us-east-1 whatever region the code names.
  if (alternatives.length > 0 && alternatives.every((alternative) => sigV3ServiceOf(alternative) === 'route53')) return { service: 'route53', region: `${quote}us-east-1${quote}` };
  const isSes = alternatives.some((alternative) => SES_HOST.test(alternative) || alternative.includes(envMarker('AWS_ENDPOINT_URL_SES')));
  if (!isSes) manual('the endpoint is not visibly SES (an email.<region>.amazonaws.com host or AWS_ENDPOINT_URL_SES), so the service to sign for is unknown');
  // `https://email.${region}.amazonaws.com`: the spliced name is the region.
  const spliced = splicedRegion(sourceFile, url);
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
