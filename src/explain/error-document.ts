// Reads the error body AWS returned: S3's <Error> with its CanonicalRequest and StringToSign, the Query
// services' <ErrorResponse> (SES, STS, SQS) whose message may quote the canonical string, or a JSON error.
import type { AwsErrorDocument, InputProblem } from './types';
import { XmlSyntaxError, readFlatXml } from './xml';

const HTML_PAGE = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
// The Query services quote what they computed inside the message of SignatureDoesNotMatch.
const QUOTED_CANONICAL =
  /The Canonical String for this request should have been\s*'([\s\S]*?)'\s*The String-to-Sign should have been\s*'([\s\S]*?)'\s*$/;

/** The error document in `text`, or what is wrong with it. */
export function readErrorDocument(text: string): AwsErrorDocument | InputProblem {
  if (HTML_PAGE.test(text)) {
    return problem('is an HTML page, not an AWS error document: save the response body AWS sent (curl -sS, or the SDK\'s raw response), not a page a browser or proxy showed');
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return readJsonError(trimmed);
  if (!trimmed.startsWith('<')) return problem('is neither XML nor JSON: expected the XML error body AWS returned (it starts with <?xml or <Error)');
  let leaves: Record<string, string>;
  try {
    leaves = readFlatXml(trimmed).leaves;
  } catch (error) {
    if (error instanceof XmlSyntaxError) return problem(`is not well-formed XML: ${error.message}`);
    throw error;
  }
  return documentFrom(leaves);
}

function documentFrom(leaves: Record<string, string>): AwsErrorDocument | InputProblem {
  const code = leaves['Code'];
  if (code === undefined) return problem('is XML but not an AWS error document: it has no <Code> element');
  const message = leaves['Message'] ?? '';
  const quoted = QUOTED_CANONICAL.exec(message);
  return withoutUndefined({
    code,
    message: quoted === null ? message : message.slice(0, quoted.index).trim(),
    canonicalRequest: leaves['CanonicalRequest'] ?? quoted?.[1],
    stringToSign: leaves['StringToSign'] ?? quoted?.[2],
    signatureProvided: leaves['SignatureProvided'],
    accessKeyId: leaves['AWSAccessKeyId'],
    serverTime: leaves['ServerTime'],
    requestTime: leaves['RequestTime'],
    expires: leaves['Expires'],
    fields: leaves,
  });
}

/** JSON-protocol services answer `{"__type": "…#Code", "message": "…"}`. */
function readJsonError(text: string): AwsErrorDocument | InputProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return problem('starts like JSON but does not parse (truncated?)');
  }
  if (typeof parsed !== 'object' || parsed === null) return problem('is JSON but not an AWS error');
  const record = parsed as Record<string, unknown>;
  const type = [record['__type'], record['code'], record['Code']].find((value) => typeof value === 'string') as string | undefined;
  if (type === undefined) return problem('is JSON but not an AWS error: it has no __type or code');
  const message = [record['message'], record['Message']].find((value) => typeof value === 'string') as string | undefined;
  const leaves: Record<string, string> = { Code: type.slice(type.lastIndexOf('#') + 1) };
  if (message !== undefined) leaves['Message'] = message;
  return documentFrom(leaves);
}

function problem(message: string): InputProblem {
  return { input: 'error', message };
}

function withoutUndefined(document: AwsErrorDocument): AwsErrorDocument {
  return Object.fromEntries(Object.entries(document).filter(([, value]) => value !== undefined)) as unknown as AwsErrorDocument;
}
