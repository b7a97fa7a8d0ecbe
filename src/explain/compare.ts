// Compares the canonical request AWS computed with the one the client signed, part by part, and names
// the cause of each difference.
import { canonicalQueryString } from '../sigv4/index';
import { PART_LINES, decodeOrKeep, removeDotSegments, sha256Hex } from './canonical';
import type { CanonicalHeaderLine, CanonicalParts } from './canonical';
import { headerValues } from './request';
import { maskSecret } from './redact';
import type { Cause, SentRequest } from './types';

export interface Comparison {
  causes: Cause[];
  /** Differences no cause id explains, described for the suspects list. */
  unexplained: string[];
}

const TOKEN_PARAMETER = 'X-Amz-Security-Token';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** Every cause that shows between what AWS computed and what the client signed. */
export function compareCanonicalRequests(aws: CanonicalParts, client: CanonicalParts, request?: SentRequest): Comparison {
  const result: Comparison = { causes: [], unexplained: [] };
  if (aws.method !== client.method) {
    result.causes.push({
      id: 'method-mismatch',
      line: PART_LINES.method,
      message: `AWS received ${aws.method} but your code signed ${client.method}: sign with the method you send (a URL presigned for ${client.method} cannot be used to ${aws.method}).`,
    });
  }
  const hosts = compareHosts(aws, client);
  if (hosts !== undefined) result.causes.push(hosts.cause);
  if (aws.path !== client.path && hosts?.explainsPath !== true) comparePaths(aws.path, client.path, result);
  if (aws.query !== client.query) compareQueries(aws.query, client.query, result);
  compareHeaders(aws, client, request, result);
  if (aws.payloadHash !== client.payloadHash) result.causes.push(payloadHashCause(aws.payloadHash, client.payloadHash, request, aws.lines.length));
  return result;
}

function hostOf(parts: CanonicalParts): string | undefined {
  return parts.headers.find((header) => header.name === 'host')?.value.trim();
}

/** Host lines that differ; a bucket moved between host and path is virtual-hosted vs path-style (which explains the path too). */
function compareHosts(aws: CanonicalParts, client: CanonicalParts): { cause: Cause; explainsPath: boolean } | undefined {
  const awsHost = hostOf(aws);
  const clientHost = hostOf(client);
  if (awsHost === undefined || clientHost === undefined || awsHost === clientHost) return undefined;
  const line = client.headers.find((header) => header.name === 'host')?.line;
  const hostCause = (message: string, explainsPath = false) => ({ cause: { id: 'host-mismatch' as const, line, message }, explainsPath });
  const withoutPort = (host: string): string => host.replace(/:\d+$/, '');
  if (withoutPort(awsHost) === withoutPort(clientHost)) {
    return hostCause(`AWS received Host ${awsHost} but your code signed ${clientHost}: sign the host with the port the URL carries (leave out only :443 for https and :80 for http).`);
  }
  const bucket = clientHost.endsWith(`.${awsHost}`) ? clientHost.slice(0, -awsHost.length - 1) : awsHost.endsWith(`.${clientHost}`) ? awsHost.slice(0, -clientHost.length - 1) : undefined;
  if (bucket !== undefined && (aws.path.startsWith(`/${bucket}/`) || client.path.startsWith(`/${bucket}/`))) {
    const [signedStyle, sentStyle] = client.path.startsWith(`/${bucket}/`) ? ['path-style', 'virtual-hosted'] : ['virtual-hosted', 'path-style'];
    return hostCause(
      `Your code signed the ${signedStyle} form (Host ${clientHost}, path ${client.path}) but sent the ${sentStyle} one (Host ${awsHost}, path ${aws.path}): sign the URL you send, after any redirect or endpoint rewrite.`,
      true,
    );
  }
  return hostCause(`AWS received Host ${awsHost} but your code signed ${clientHost}: sign the host the request is sent to (a proxy or a custom endpoint changes it).`);
}

function comparePaths(awsPath: string, clientPath: string, result: Comparison): void {
  const fullyDecoded = (path: string): string => decodeOrKeep(decodeOrKeep(path));
  const normalisedOnly = removeDotSegments(clientPath) === removeDotSegments(awsPath) || removeDotSegments(awsPath) === clientPath;
  if (!normalisedOnly && fullyDecoded(awsPath) !== fullyDecoded(clientPath)) {
    result.unexplained.push(`the path differs (AWS: ${awsPath}, signed: ${clientPath}): the request was sent to another path than the one signed`);
    return;
  }
  const detail = normalisedOnly
    ? 'AWS normalises "." , ".." and empty segments in the path except for S3 (which signs the path exactly as sent)'
    : clientPath.includes('%25') && !awsPath.includes('%25')
      ? 'your code encoded the path twice; S3 signs the path URI-encoded once'
      : awsPath.includes('%25') && !clientPath.includes('%25')
        ? 'your code encoded the path once; every service but S3 signs the path encoded twice (each "%" of the sent path as "%25")'
        : 'the path is URI-encoded differently (every byte but A-Z a-z 0-9 - . _ ~ and "/" as %XX, upper-case hex)';
  result.causes.push({ id: 'path-encoding', line: PART_LINES.path, message: `AWS signs the path as ${awsPath}, your code as ${clientPath}: ${detail}.` });
}

function pairsOf(query: string): string[] {
  return query.split('&').filter((pair) => pair !== '');
}

function compareQueries(awsQuery: string, clientQuery: string, result: Comparison): void {
  const isToken = (pair: string): boolean => pair.startsWith(`${TOKEN_PARAMETER}=`);
  const awsPairs = pairsOf(awsQuery);
  let clientPairs = pairsOf(clientQuery);
  if (awsPairs.some(isToken) !== clientPairs.some(isToken)) {
    result.causes.push(sessionTokenInSignature(awsPairs.some(isToken), PART_LINES.query));
    clientPairs = awsPairs.some(isToken) ? [...clientPairs, ...awsPairs.filter(isToken)] : clientPairs.filter((pair) => !isToken(pair));
    if (canonicalQueryString(clientPairs.join('&')) === awsQuery) return;
  }
  const loose = (pair: string): string => decodeOrKeep(decodeOrKeep(pair.replace(/\+/g, '%20')));
  const sameOrder = sameList(clientPairs.map(loose), awsPairs.map(loose));
  const sameText = sameList([...clientPairs].sort(), [...awsPairs].sort());
  const namesOf = (pairs: string[]): string[] => pairs.map((pair) => loose(pair.split('=', 1)[0] ?? ''));
  if (!sameText && !sameList(clientPairs.map(loose).sort(), awsPairs.map(loose).sort())) {
    const awsNames = namesOf(awsPairs);
    const clientNames = namesOf(clientPairs);
    const oneSided = awsNames.filter((name) => !clientNames.includes(name)).concat(clientNames.filter((name) => !awsNames.includes(name)));
    result.unexplained.push(
      `the query differs${oneSided.length > 0 ? ` (parameters on one side only: ${oneSided.join(', ')})` : ' in its values'}: the request was sent with another query than the one signed`,
    );
    // The parameters both sides have still show whether the signer sorted them.
    const shared = (names: string[], other: string[]): string[] => names.filter((name) => other.includes(name));
    if (sameList(shared(clientNames, awsNames), shared(awsNames, clientNames))) return;
  } else if (!sameText) {
    result.causes.push(queryEncodingCause(awsPairs, clientPairs));
  }
  if (!sameOrder) {
    result.causes.push({
      id: 'unsorted-query',
      line: PART_LINES.query,
      message: `Your code signed the query in written order (${firstNames(clientPairs)}); AWS sorts it by parameter name, then value (${firstNames(awsPairs)}): sort the encoded name=value pairs before signing.`,
    });
  }
}

function firstNames(pairs: string[]): string {
  const names = pairs.map((pair) => pair.split('=', 1)[0] ?? '');
  return names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : '');
}

function queryEncodingCause(awsPairs: string[], clientPairs: string[]): Cause {
  const client = clientPairs.join('&');
  const aws = awsPairs.join('&');
  const detail = client.includes('+') && aws.includes('%20')
    ? 'a space was signed as "+"; SigV4 encodes it as %20'
    : /[!'()*]/.test(client)
      ? "! ' ( ) * were left as they are (encodeURIComponent, quote_plus); SigV4 encodes them as %21 %27 %28 %29 %2A"
      : /%[\da-f][a-f]|%[a-f][\da-f]/.test(client)
        ? 'percent-escapes were written with lower-case hex; SigV4 uses upper-case (%2F, not %2f)'
        : /%25[\dA-Fa-f]{2}/.test(client) && !/%25[\dA-Fa-f]{2}/.test(aws)
          ? 'names or values were encoded twice (%2520); encode each once'
          : 'names or values were encoded differently: encode each once, everything but A-Z a-z 0-9 - . _ ~ as %XX with upper-case hex';
  return { id: 'query-encoding', line: PART_LINES.query, message: `The query your code signed is encoded differently from what AWS computes: ${detail}.` };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sessionTokenInSignature(awsHasToken: boolean, line: number): Cause {
  return {
    id: 'session-token',
    line,
    message: awsHasToken
      ? 'The request carries X-Amz-Security-Token but your code signed without it: add the token before signing (only services such as IoT want it added after signing).'
      : 'Your code signed X-Amz-Security-Token but the request does not carry it (or carries it unsigned): send the token with the request, signed.',
  };
}

function compareHeaders(aws: CanonicalParts, client: CanonicalParts, request: SentRequest | undefined, result: Comparison): void {
  const canonicalisation = blankLineProblem(client) ?? headerCanonicalisationProblem(client.headers);
  if (canonicalisation !== undefined) result.causes.push(canonicalisation);
  const clientByName = new Map(client.headers.map((header) => [header.name, header]));
  const awsByName = new Map(aws.headers.map((header) => [header.name, header]));
  for (const awsHeader of aws.headers) {
    const clientHeader = clientByName.get(awsHeader.name);
    if (clientHeader === undefined) result.causes.push(headerOnOneSide(awsHeader.name, 'aws', awsHeader.line));
    else if (awsHeader.name !== 'host' && foldValue(awsHeader.value) !== foldValue(clientHeader.value)) result.causes.push(headerValueCause(awsHeader, clientHeader, request));
  }
  for (const clientHeader of client.headers) {
    if (!awsByName.has(clientHeader.name)) result.causes.push(headerOnOneSide(clientHeader.name, 'client', clientHeader.line));
  }
  const signedHeadersLine = aws.lines.length - 1;
  if (aws.signedHeaders !== client.signedHeaders && canonicalisation === undefined && sameList([...aws.headers.map((h) => h.name)], [...client.headers.map((h) => h.name)])) {
    result.causes.push({
      id: 'header-canonicalization',
      line: signedHeadersLine,
      message: `The signed-headers line differs (AWS: ${aws.signedHeaders}, signed: ${client.signedHeaders}): list the lower-case names, sorted, joined with ";", exactly as in the Authorization header.`,
    });
  }
}

function foldValue(value: string): string {
  return value.replace(/[ \t]+/g, ' ').trim();
}

/** canonical_headers must end with '\n', which with the join gives exactly one blank line. */
function blankLineProblem(client: CanonicalParts): Cause | undefined {
  if (client.blankLines === 1 && client.lines[client.lines.length - 3] === '') return undefined;
  const line = (client.headers[client.headers.length - 1]?.line ?? PART_LINES.headers) + 1;
  return {
    id: 'header-canonicalization',
    line,
    message:
      client.blankLines === 0
        ? 'Your canonical request has no blank line after the headers: each canonical header line ends with "\\n", the last one too, so a blank line separates them from the signed headers.'
        : `Your canonical request has ${client.blankLines} blank lines among or after the headers; it must have exactly one, after the last header.`,
  };
}

function headerCanonicalisationProblem(headers: CanonicalHeaderLine[]): Cause | undefined {
  const badName = headers.find((header) => header.rawName !== header.name);
  if (badName !== undefined) {
    return { id: 'header-canonicalization', line: badName.line, message: `Your code signed the header name "${badName.rawName}"; canonical header names are lower-case with no spaces: "${badName.name}".` };
  }
  const badValue = headers.find((header) => header.value !== foldValue(header.value));
  if (badValue !== undefined) {
    return {
      id: 'header-canonicalization',
      line: badValue.line,
      message: `Your code signed the value of ${badValue.name} with leading, trailing or repeated spaces; AWS trims it and folds runs of spaces to one.`,
    };
  }
  const outOfOrder = headers.find((header, index) => index > 0 && header.name < (headers[index - 1] as CanonicalHeaderLine).name);
  if (outOfOrder !== undefined) {
    return { id: 'header-canonicalization', line: outOfOrder.line, message: `Your code signed the headers unsorted (${outOfOrder.name} after ${headers[headers.indexOf(outOfOrder) - 1]?.name ?? ''}); AWS sorts them by lower-case name.` };
  }
  return undefined;
}

function headerOnOneSide(name: string, side: 'aws' | 'client', line: number): Cause {
  if (name === 'x-amz-security-token') return { ...sessionTokenInSignature(side === 'aws', line) };
  return side === 'aws'
    ? { id: 'header-canonicalization', line, message: `The request's SignedHeaders lists ${name} but your canonical request leaves it out: build the canonical headers and the SignedHeaders list from the same headers.` }
    : { id: 'header-canonicalization', line, message: `Your code signed ${name} but the request's SignedHeaders does not list it: build the canonical headers and the SignedHeaders list from the same headers.` };
}

function headerValueCause(aws: CanonicalHeaderLine, client: CanonicalHeaderLine, request: SentRequest | undefined): Cause {
  const line = client.line;
  const notSent = request !== undefined ? headerValues(request.headers, aws.name).length === 0 : aws.value === '';
  if (notSent) {
    return { id: 'signed-header-missing', line, message: `${aws.name} is listed in SignedHeaders and your code signed "${shown(aws.name, client.value)}", but the request does not send it: send it with the signed value, or leave it out of the signature.` };
  }
  if (aws.name === 'x-amz-security-token') return { id: 'session-token', line, message: 'The session token sent is not the one your code signed: sign and send the same, current token.' };
  if (aws.name === 'x-amz-content-sha256') return { id: 'payload-hash', line, message: `x-amz-content-sha256 was sent as ${aws.value} but your code signed ${client.value}: sign the header value you send.` };
  return {
    id: 'header-value-mismatch',
    line,
    message: `${aws.name} was sent as "${shown(aws.name, aws.value)}" but your code signed "${shown(aws.name, client.value)}": send exactly the value that was signed${aws.name === 'content-type' ? ' (for a presigned PUT, the uploader must send the Content-Type given to the presigner)' : ''}.`,
  };
}

function shown(name: string, value: string): string {
  return name === 'x-amz-security-token' ? maskSecret(value) : value;
}

function payloadHashCause(awsHash: string, clientHash: string, request: SentRequest | undefined, lineCount: number): Cause {
  const bodyHash = request !== undefined && request.body !== '' ? sha256Hex(request.body) : undefined;
  const detail =
    awsHash === UNSIGNED_PAYLOAD || clientHash === UNSIGNED_PAYLOAD
      ? `one side signs UNSIGNED-PAYLOAD and the other a hash: S3 signs what x-amz-content-sha256 says (UNSIGNED-PAYLOAD for presigned URLs), other services always the body's SHA-256`
      : bodyHash !== undefined && bodyHash === awsHash
        ? 'your code hashed another body than the one sent (an empty string, or the body before JSON/encoding)'
        : 'sign the lower-case hex SHA-256 of the exact body bytes sent (e3b0c442… for an empty body)';
  return { id: 'payload-hash', line: lineCount, message: `AWS used the payload hash ${awsHash} but your code signed ${clientHash}: ${detail}.` };
}
