// The data `explain` works on and returns: inputs, the parsed error and request, causes, the report.

/** The stable cause ids; docs/explain.md documents each with an example. */
export const CAUSE_IDS = [
  'unsorted-query',
  'query-encoding',
  'path-encoding',
  'signed-header-missing',
  'header-value-mismatch',
  'header-canonicalization',
  'payload-hash',
  'credential-scope',
  'method-mismatch',
  'host-mismatch',
  'expired',
  'clock-skew',
  'legacy-signature',
  'session-token',
  'secret-key',
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

export interface Cause {
  id: CauseId;
  /** What differs and what to change, secrets masked. */
  message: string;
  /** 1-based line of the canonical request where it shows, when it shows in one. */
  line?: number;
}

/** A request as given: JSON `{ method, url, headers, body? }`, or the text of a JSON or raw HTTP request. */
export interface RequestObject {
  method: string;
  url: string;
  headers?: Record<string, string | string[]>;
  body?: string;
}

export interface ExplainInput {
  /** The error body AWS returned (XML). */
  error?: string;
  /** The request as sent: a JSON text, a raw HTTP request (`.http`), or the object. */
  request?: string | RequestObject;
  /** What the client code signed. */
  canonicalRequest?: string;
  stringToSign?: string;
}

/** The input `explain` could not use, and why (exit code 2). */
export type InputName = 'error' | 'request' | 'canonical-request' | 'string-to-sign' | 'input';

export interface InputProblem {
  input: InputName;
  message: string;
}

/** A parsed AWS error document; fields absent from the document are undefined. */
export interface AwsErrorDocument {
  code: string;
  message: string;
  canonicalRequest?: string;
  stringToSign?: string;
  signatureProvided?: string;
  accessKeyId?: string;
  serverTime?: string;
  requestTime?: string;
  expires?: string;
  /** Every leaf element of the document by name, as read. */
  fields: Record<string, string>;
}

export type SignatureKind = 'sigv4-header' | 'sigv4-query' | 'sigv2' | 'sigv3';

/** What a request says about its own signature. */
export interface SignatureClaim {
  kind: SignatureKind;
  accessKeyId: string;
  /** SigV4 only. */
  scope?: { date: string; region: string; service: string; terminator: string };
  signedHeaders: string[];
  signature: string;
  /** x-amz-date or X-Amz-Date (SigV4). */
  amzDate?: string;
  /** X-Amz-Expires (presigned). */
  expires?: string;
  sessionToken?: string;
}

/** A request as it went on the wire. */
export interface SentRequest {
  method: string;
  url: string;
  /** scheme://authority, as written. */
  origin: string;
  /** Host as the URL gives it, default port dropped, lower-case. */
  urlHost: string;
  /** The path as written, percent-encoding untouched. */
  path: string;
  /** The query as written, without '?'. */
  query: string;
  /** Header names and values in order as given; repeated names kept. */
  headers: [string, string][];
  body: string;
  signature: SignatureClaim;
}

export interface ExplainReport {
  /** 0: at least one cause named; 1: nothing could be named (see suspects); 2: unusable input. */
  exitCode: 0 | 1 | 2;
  causes: Cause[];
  /** What AWS computed (from its error, or recomputed from the request). */
  aws: AwsSide;
  /** What the client signed, as far as the inputs tell. */
  client: ClientSide;
  /** What remains to check: with causes, the differences they do not explain; without, every suspect. */
  suspects: string[];
  /** Set when exitCode is 2. */
  inputProblem?: InputProblem;
}

export interface AwsSide {
  code?: string;
  message?: string;
  /** 'error' when the error document carried it, 'request' when recomputed from the request. */
  canonicalRequestSource?: 'error' | 'request';
  canonicalRequest?: string;
  stringToSign?: string;
  signatureProvided?: string;
  accessKeyId?: string;
}

export interface ClientSide {
  canonicalRequest?: string;
  stringToSign?: string;
  signatureKind?: SignatureKind;
  accessKeyId?: string;
  credentialScope?: string;
  signedHeaders?: string[];
  signature?: string;
}
