// Plumbing shared by the test servers: listen on 127.0.0.1, read bodies, answer, close without leaks.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest } from './sigv4-verifier';

/** One request a test server answered, for tests to inspect. */
export interface AnsweredRequest {
  method: string;
  /** The path as received, without the query (which may carry signatures). */
  path: string;
  status: number;
  /** The AWS error code answered, if any. */
  code?: string;
}

/** Listens on a random port of 127.0.0.1 and returns the server's base URL. */
export function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

/** Stops accepting, drops kept-alive sockets (fetch keeps them), and resolves once closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The request as received, body included, in the shape the verifier takes. */
export async function receive(request: IncomingMessage): Promise<ReceivedRequest> {
  return {
    method: request.method ?? 'GET',
    target: request.url ?? '/',
    rawHeaders: request.rawHeaders,
    body: await readBody(request),
  };
}

/** The path and query of an absolute URL string, byte for byte (no URL parsing). */
export function targetOf(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

export function pathOf(target: string): string {
  const queryStart = target.indexOf('?');
  return queryStart === -1 ? target : target.slice(0, queryStart);
}

/** An upper-case hex id in the style of S3's x-amz-request-id. */
export function newRequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const XML_CHARACTERS = new Map(Object.entries(XML_ENTITIES).map(([character, entity]) => [entity, character]));

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ENTITIES[character] ?? character);
}

/** `<Name>value</Name>` for each entry, values escaped. */
export function xmlElements(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
}

export function sendText(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

/** Runs an async request handler, answering 500 with `fallback` if it throws (a bug in the server). */
export function handleWith(
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  fallback: (response: ServerResponse, error: unknown) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handler(request, response).catch((error: unknown) => {
      if (!response.headersSent) fallback(response, error);
      else response.destroy();
    });
  };
}

/** The text of the first `<name>` element in `xml`, unescaped; undefined when absent. */
export function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return match?.[1]?.replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => XML_CHARACTERS.get(entity) ?? entity);
}

export interface LoopbackAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends one request with `path` exactly as given (no URL parsing, so nothing is normalised or
 * re-encoded) on a fresh connection, and reads the whole answer.
 */
export function sendRequest(
  endpoint: string,
  request: { method: string; path: string; headers?: OutgoingHttpHeaders; body?: string | Uint8Array },
): Promise<LoopbackAnswer> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: hostname, port, method: request.method, path: request.path, headers: request.headers ?? {}, agent: false },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
