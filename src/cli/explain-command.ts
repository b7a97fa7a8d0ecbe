// `sigv4-migrate explain`: reads the error body, the request and what the client signed from files or
// stdin, and prints explainSignatureError's report (src/explain). No logic of its own beyond I/O.
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_INPUT_BYTES, explainSignatureError, formatExplainReport } from '../explain/index';
import type { ExplainInput, ExplainReport } from '../explain/index';
import type { OutputStream } from './output';

export interface ExplainEnvironment {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  /** Default: process.stdin. */
  stdin?: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
}

export const EXPLAIN_USAGE = `Usage: sigv4-migrate explain [<error.xml> | -] [--request <request.json|.http>]
                             [--canonical-request <file>] [--string-to-sign <file>] [--json]

Names why AWS refused a request's signature (403 SignatureDoesNotMatch, InvalidClientTokenId,
AccessDenied "Request has expired", RequestTimeTooSkewed, 400 InvalidRequest "Please use
AWS4-HMAC-SHA256", ...), whatever language signed it. Never needs the secret key; secrets found in
the inputs are shown only up to their first 4 characters.

Inputs:
  <error.xml> | -              The error body AWS returned (a file, or - for stdin).
  --request <file>             The request as sent: JSON { "method", "url", "headers", "body"? } or a
                               raw HTTP request (.http: request line, headers, blank line, body),
                               or curl -v output.
                               From it, explain computes the canonical request AWS computes.
  --canonical-request <file>   The canonical request your code signed (most signers can print it).
  --string-to-sign <file>      The string to sign your code signed.
  --json                       Print { causes: [{ id, message, line? }], aws, client, suspects }.
  -h, --help                   Show this help.

Causes: unsorted-query, query-encoding, path-encoding, signed-header-missing, header-value-mismatch,
header-canonicalization, payload-hash, credential-scope, method-mismatch, host-mismatch, expired,
clock-skew, legacy-signature, session-token, secret-key (see docs/explain.md).

Exit codes:
  0  at least one cause named
  1  the inputs agree and no cause can be named (the remaining suspects are listed)
  2  unusable input (which one, and what is wrong with it)
`;

type InputFlag = 'error' | 'request' | 'canonical-request' | 'string-to-sign';

/** Thrown for input that cannot be read; the message names it. */
class UnreadableInput extends Error {}

export async function runExplainCommand(argv: readonly string[], environment: ExplainEnvironment): Promise<number> {
  const { stdout, stderr } = environment;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        request: { type: 'string' },
        'canonical-request': { type: 'string' },
        'string-to-sign': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    stderr.write(`sigv4-migrate explain: ${(error as Error).message}\n\n${EXPLAIN_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write(EXPLAIN_USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    stderr.write(`sigv4-migrate explain: one error body at most (got ${positionals.length})\n\n${EXPLAIN_USAGE}`);
    return 2;
  }
  const paths: Partial<Record<InputFlag, string>> = {
    error: positionals[0] ?? (values.request === undefined ? '-' : undefined),
    request: values.request,
    'canonical-request': values['canonical-request'],
    'string-to-sign': values['string-to-sign'],
  };
  let input: ExplainInput;
  try {
    input = await readInputs(paths, environment);
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    stderr.write(`sigv4-migrate explain: ${error.message}\n`);
    return 2;
  }
  const report = explainSignatureError(input);
  printReport(report, paths, values.json, environment);
  return report.exitCode;
}

function printReport(report: ExplainReport, paths: Partial<Record<InputFlag, string>>, json: boolean, { stdout, stderr }: ExplainEnvironment): void {
  if (report.inputProblem !== undefined) {
    const input = report.inputProblem.input;
    const label = input === 'input' ? 'inputs' : labelOf(input, paths[input] ?? '');
    stderr.write(`sigv4-migrate explain: ${formatExplainReport(report, label)}`);
    if (json) stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatExplainReport(report));
}

function labelOf(input: InputFlag, path: string): string {
  const where = path === '-' ? 'stdin' : path;
  return input === 'error' ? `the error body (${where})` : `--${input} ${where}`;
}

async function readInputs(paths: Partial<Record<InputFlag, string>>, environment: ExplainEnvironment): Promise<ExplainInput> {
  const stdinUsers = Object.values(paths).filter((path) => path === '-').length;
  if (stdinUsers > 1) throw new UnreadableInput('only one input can come from stdin (-)');
  const read = async (input: InputFlag): Promise<string | undefined> => {
    const path = paths[input];
    return path === undefined ? undefined : readText(input, path, environment);
  };
  const [error, request, canonicalRequest, stringToSign] = await Promise.all([read('error'), read('request'), read('canonical-request'), read('string-to-sign')]);
  return {
    ...(error !== undefined ? { error } : {}),
    ...(request !== undefined ? { request } : {}),
    ...(canonicalRequest !== undefined ? { canonicalRequest } : {}),
    ...(stringToSign !== undefined ? { stringToSign } : {}),
  };
}

async function readText(input: InputFlag, path: string, environment: ExplainEnvironment): Promise<string> {
  const label = labelOf(input, path);
  const bytes = path === '-' ? await readStdin(label, environment) : await readFileCapped(label, resolve(environment.cwd, path));
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new UnreadableInput(`${label}: is over ${MAX_INPUT_BYTES} bytes; an error body, request or canonical string is far smaller: leave large bodies out of the request`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableInput(`${label}: contains bytes that are not UTF-8 text (a binary file?)`);
  }
}

/** At most MAX_INPUT_BYTES + 1 bytes: enough to tell that a file is too large without reading it all. */
async function readFileCapped(label: string, path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new UnreadableInput(`${label}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const buffer = new Uint8Array(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.byteLength - length, null);
      length += bytesRead;
      if (bytesRead === 0 || length === buffer.byteLength) return buffer.subarray(0, length);
    }
  } catch (error) {
    throw new UnreadableInput(`${label}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}

async function readStdin(label: string, environment: ExplainEnvironment): Promise<Uint8Array> {
  const stdin = environment.stdin ?? process.stdin;
  if (stdin.isTTY === true) throw new UnreadableInput(`${label}: nothing to read from a terminal; give a file, pipe the error body in, or use --request`);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes);
    length += bytes.byteLength;
    if (length > MAX_INPUT_BYTES) break;
  }
  return Buffer.concat(chunks);
}
