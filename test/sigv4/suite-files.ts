// Reads the AWS SigV4 test suite (../shared/aws-sig-v4-test-suite beside the repository) into helper inputs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_ROOT = fileURLToPath(new URL('../../../shared/aws-sig-v4-test-suite/', import.meta.url));

export interface RawRequest {
  method: string;
  target: string;
  headers: Record<string, string | string[]>;
  body: string;
}

/** Parses a raw HTTP/1.1 request as the suite writes it: the target may hold spaces, folded lines continue a header. */
export function parseRawRequest(text: string): RawRequest {
  const blank = text.indexOf('\n\n');
  const head = blank < 0 ? text : text.slice(0, blank);
  const body = blank < 0 ? '' : text.slice(blank + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const firstSpace = requestLine.indexOf(' ');
  const versionAt = requestLine.lastIndexOf(' HTTP/');
  const order: Array<[string, string]> = [];
  for (const line of lines) {
    if (line === '') continue;
    const last = order.at(-1);
    // An obs-fold (a line break before a space or tab) is read as a space, as RFC 9112 §5.2 has recipients do.
    if (/^[ \t]/.test(line) && last) {
      last[1] += ' ' + line;
      continue;
    }
    const colon = line.indexOf(':');
    order.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of order) {
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return { method: requestLine.slice(0, firstSpace), target: requestLine.slice(firstSpace + 1, versionAt), headers, body };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function listDirectories(path: string): string[] {
  return readdirSync(path)
    .filter((name) => statSync(join(path, name)).isDirectory())
    .sort();
}

export function suiteAvailable(): boolean {
  return existsSync(join(SUITE_ROOT, 'v4'));
}

/**
 * The suite's request target is the path exactly as sent, raw spaces and UTF-8 included: a URL-like object, which
 * the helper signs as already serialised (a string would be signed as fetch sends it, with those characters encoded).
 */
export function wireUrl(origin: string, target: string): { href: string } {
  return { href: origin + target };
}
