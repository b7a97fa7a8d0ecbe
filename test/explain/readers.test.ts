// The pure readers under explain: the strict XML reader, AWS error documents of each shape, requests
// (JSON and raw HTTP, every signature kind), canonical requests, and the secret redaction.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readCanonicalRequest } from '../../src/explain/canonical';
import { readErrorDocument } from '../../src/explain/error-document';
import { explainSignatureError, formatExplainReport } from '../../src/explain/index';
import { redactSecrets } from '../../src/explain/redact';
import { readRequest } from '../../src/explain/request';
import type { AwsErrorDocument, InputProblem, SentRequest } from '../../src/explain/types';
import { XmlSyntaxError, readFlatXml } from '../../src/explain/xml';

function document(text: string): AwsErrorDocument {
  const read = readErrorDocument(text);
  assert.ok(!('input' in read), JSON.stringify(read));
  return read as AwsErrorDocument;
}

function request(input: Parameters<typeof readRequest>[0]): SentRequest {
  const read = readRequest(input);
  assert.ok(!('input' in read), JSON.stringify(read));
  return read as SentRequest;
}

function requestProblem(input: Parameters<typeof readRequest>[0]): string {
  const read = readRequest(input);
  assert.ok('input' in read, 'expected a problem');
  return (read as InputProblem).message;
}

describe('readFlatXml', () => {
  it('reads leaves, entities, CDATA, comments and attributes', () => {
    const xml = '<?xml version="1.0"?>\n<!-- c --><R xmlns="urn:x" a=\'1\'><E><Code>A&amp;B &#x41;&#66;</Code><Empty/><D><![CDATA[<raw>]]></D></E></R>';
    const { root, leaves } = readFlatXml(xml);
    assert.equal(root, 'R');
    assert.deepEqual({ ...leaves }, { Code: 'A&B AB', Empty: '', D: '<raw>' });
  });

  for (const [name, xml, message] of [
    ['truncated', '<Error><Code>x</Code><Message>half', /ends inside <Error><Message>/],
    ['mismatched', '<Error><Code>x</Message></Error>', /<\/Message> at offset \d+ closes <Code>/],
    ['text outside', 'oops<Error/>', /text before the root element/],
    ['two roots', '<A/><B/>', /a second root element <B>/],
    ['unknown entity', '<A>&nbsp;</A>', /unknown or unterminated entity "&nbsp"…/],
    ['a doctype', '<!DOCTYPE x><x/>', /a declaration/],
    ['no element', '   ', /no element at all/],
  ] as const) {
    it(`refuses ${name}`, () => assert.throws(() => readFlatXml(xml), (error: unknown) => error instanceof XmlSyntaxError && message.test(error.message)));
  }
});

describe('readErrorDocument', () => {
  it("reads S3's SignatureDoesNotMatch with its canonical request and string to sign", () => {
    const read = document(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20161018T091707Z\n20161018/us-east-1/s3/aws4_request\n9977fec5206b9a221f83b69fe0de934fc76de632d276964e02329e51ca90c413</StringToSign><SignatureProvided>190d0f190d9af06017543ad0ef802abf6dee2dcf3836840cbaa13e8750f9f3ed</SignatureProvided><StringToSignBytes>41 57</StringToSignBytes><CanonicalRequest>GET\n/\na=1&amp;b=2\nhost:s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest><CanonicalRequestBytes>47 45 54</CanonicalRequestBytes><RequestId>R</RequestId><HostId>H</HostId></Error>',
    );
    assert.equal(read.code, 'SignatureDoesNotMatch');
    assert.equal(read.canonicalRequest, 'GET\n/\na=1&b=2\nhost:s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD');
    assert.match(read.stringToSign ?? '', /^AWS4-HMAC-SHA256\n20161018T091707Z\n/);
    assert.equal(read.accessKeyId, 'AKIDEXAMPLE');
  });

  it("reads STS's and SQS's ErrorResponse", () => {
    const sts = document('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error><RequestId>x</RequestId></ErrorResponse>');
    assert.equal(sts.code, 'SignatureDoesNotMatch');
    assert.equal(sts.canonicalRequest, undefined);
    const sqs = document('<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message><Detail/></Error><RequestId>r</RequestId></ErrorResponse>');
    assert.equal(sqs.code, 'InvalidClientTokenId');
  });

  it('reads a JSON-protocol error, with the canonical string its message quotes', () => {
    const canonical = 'POST\n/\n\ncontent-type:application/x-amz-json-1.0\nhost:sqs.us-east-1.amazonaws.com\nx-amz-date:20260102T030405Z\n\ncontent-type;host;x-amz-date\n' + 'c'.repeat(64);
    const stringToSign = 'AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/sqs/aws4_request\n' + 'd'.repeat(64);
    const error = JSON.stringify({
      __type: 'com.amazon.coral.service#InvalidSignatureException',
      message: `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
    });
    const read = document(error);
    assert.equal(read.code, 'InvalidSignatureException');
    assert.equal(read.canonicalRequest, canonical);
    assert.equal(read.stringToSign, stringToSign);
    assert.deepEqual(explainSignatureError({ error, canonicalRequest: canonical }).causes.map((cause) => cause.id), ['secret-key']);
  });

  it('names an AccessDenied "Request has expired" and a too-long X-Amz-Expires as expired', () => {
    const expired = explainSignatureError({ error: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>60</X-Amz-Expires><Expires>2026-01-02T02:05:05Z</Expires><ServerTime>2026-01-02T03:04:35Z</ServerTime><RequestId>1</RequestId></Error>' });
    assert.deepEqual(expired.causes.map((cause) => cause.id), ['expired']);
    assert.match(expired.causes[0]?.message ?? '', /expired at 2026-01-02T02:05:05Z/);
    const tooLong = explainSignatureError({ error: '<Error><Code>AuthorizationQueryParametersError</Code><Message>X-Amz-Expires must be less than a week (in seconds) that is 604800</Message></Error>' });
    assert.deepEqual(tooLong.causes.map((cause) => cause.id), ['expired']);
  });

  it('names a query credential for the wrong region as credential-scope', () => {
    const report = explainSignatureError({ error: "<Error><Code>AuthorizationQueryParametersError</Code><Message>Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1</Region></Error>" });
    assert.deepEqual(report.causes.map((cause) => cause.id), ['credential-scope']);
  });

  it('gives an unrelated error back as a suspect (exit 1)', () => {
    const report = explainSignatureError({ error: '<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>' });
    assert.equal(report.exitCode, 1);
    assert.match(report.suspects[0] ?? '', /AWS answered NoSuchBucket/);
  });
});

describe('readRequest', () => {
  const authorization = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=abcd1234';

  it('reads a raw HTTP request with an origin-form target', () => {
    const read = request(`POST /?x=1 HTTP/1.1\r\nHost: sts.amazonaws.com\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Amz-Date: 20260102T030405Z\r\nAuthorization: ${authorization}\r\n\r\nAction=GetCallerIdentity&Version=2011-06-15`);
    assert.equal(read.url, 'https://sts.amazonaws.com/?x=1');
    assert.equal(read.body, 'Action=GetCallerIdentity&Version=2011-06-15');
    assert.deepEqual(read.signature.scope, { date: '20260102', region: 'us-east-1', service: 'sts', terminator: 'aws4_request' });
    assert.deepEqual(read.signature.signedHeaders, ['content-type', 'host', 'x-amz-date']);
    assert.equal(read.signature.amzDate, '20260102T030405Z');
  });

  it('reads the request out of curl -v output', () => {
    const verbose = [
      '*   Trying 52.94.236.248:443...',
      '* Connected to sts.amazonaws.com (52.94.236.248) port 443',
      '> GET /?Action=GetCallerIdentity&Version=2011-06-15 HTTP/1.1',
      '> Host: sts.amazonaws.com',
      '> x-amz-date: 20260102T030405Z',
      `> Authorization: ${authorization.replace('content-type;', '')}`,
      '>',
      '< HTTP/1.1 403 Forbidden',
      '< Content-Type: text/xml',
    ].join('\n');
    const read = request(verbose);
    assert.equal(read.url, 'https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15');
    assert.deepEqual(read.signature.signedHeaders, ['host', 'x-amz-date']);
  });

  it('reads JSON, a presigned URL and its token, the port and the default port', () => {
    const read = request({ method: 'GET', url: 'https://b.s3.amazonaws.com:443/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAX%2F20260102%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260102T030405Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Security-Token=tok&X-Amz-Signature=ff' });
    assert.equal(read.signature.kind, 'sigv4-query');
    assert.equal(read.signature.expires, '60');
    assert.equal(read.signature.sessionToken, 'tok');
    assert.equal(read.urlHost, 'b.s3.amazonaws.com');
    assert.equal(request({ method: 'GET', url: 'http://127.0.0.1:9000/b', headers: { authorization } }).urlHost, '127.0.0.1:9000');
  });

  it('tells SigV2 (header, query and form) and SigV3 apart', () => {
    // A SigV2 presigned URL, as a user would paste it: read to name it, never signed here.
    const sigv2Url = ['https://s3.amazonaws.com/b/k?AWSAccessKeyId=AKIDEXAMPLE', 'Expires=1', 'Signature=c2ln'].join('&');
    assert.equal(request({ method: 'GET', url: 'https://s3.amazonaws.com/b/k', headers: { authorization: 'AWS AKIDEXAMPLE:c2ln' } }).signature.kind, 'sigv2');
    assert.equal(request({ method: 'GET', url: sigv2Url }).signature.kind, 'sigv2');
    const form = request({ method: 'POST', url: 'https://email.us-east-1.amazonaws.com/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=SendEmail&AWSAccessKeyId=AKIDEXAMPLE&SignatureVersion=2&Signature=c2ln' });
    assert.equal(form.signature.kind, 'sigv2');
    assert.deepEqual(explainSignatureError({ request: { method: 'GET', url: sigv2Url } }).causes.map((cause) => cause.id), ['legacy-signature']);
  });

  it('says what is wrong with a request it cannot use', () => {
    assert.match(requestProblem('{"method":"GET"'), /starts like JSON but does not parse/);
    assert.match(requestProblem({ method: 'GET', url: '/relative', headers: { authorization } }), /must be absolute/);
    assert.match(requestProblem('GET /k HTTP/1.1\nX-Amz-Date: 1\n\n'), /has a path but no Host header/);
    assert.match(requestProblem({ method: 'GET', url: 'https://h/', headers: { authorization: 'Bearer abc' } }), /unknown scheme "Bearer"/);
    assert.match(requestProblem({ method: 'GET', url: 'https://h/', headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/2026, SignedHeaders=host, Signature=1' } }), /malformed Credential/);
  });

  it('takes Content-Length from the body and a default port in Host as the same host', () => {
    const report = explainSignatureError({
      request: {
        method: 'POST',
        url: 'https://sts.amazonaws.com/',
        headers: { host: 'sts.amazonaws.com:443', 'x-amz-date': '20260102T030405Z', authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/sts/aws4_request, SignedHeaders=content-length;host;x-amz-date, Signature=ab' },
        body: 'Action=GetCallerIdentity&Version=2011-06-15',
      },
    });
    assert.equal(report.exitCode, 1, JSON.stringify(report.causes));
    assert.match(report.aws.canonicalRequest ?? '', /\ncontent-length:43\nhost:sts\.amazonaws\.com:443\n/);
  });

  it('echoes an unknown Authorization scheme only when it is a known word', () => {
    assert.match(requestProblem({ method: 'GET', url: 'https://h/', headers: { authorization: 'wJalrXUtnFEMI/K7MDENG+bPxrfiCYEXAMPLEKEY' } }), /unknown scheme "wJal…"/);
  });

  it('names scope faults an *.amazonaws.com host shows', () => {
    const signed = (credential: string, host = 'sqs.eu-west-1.amazonaws.com') => ({
      method: 'GET',
      url: `https://${host}/`,
      headers: { 'x-amz-date': '20260102T030405Z', authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${credential}, SignedHeaders=host;x-amz-date, Signature=ab` },
    });
    const ids = (input: ReturnType<typeof signed>) => explainSignatureError({ request: input }).causes.map((cause) => cause.id);
    assert.deepEqual(ids(signed('20260102/us-east-1/sqs/aws4_request')), ['credential-scope']);
    assert.deepEqual(ids(signed('20260101/eu-west-1/sqs/aws4_request')), ['credential-scope']);
    assert.deepEqual(ids(signed('20260102/us-east-1/email/aws4_request', 'email.us-east-1.amazonaws.com')), ['credential-scope']);
    assert.equal(explainSignatureError({ request: signed('20260102/eu-west-1/sqs/aws4_request') }).exitCode, 1);
  });
});

describe('readCanonicalRequest', () => {
  it('splits the parts and accepts a trailing newline and CRLF', () => {
    const parts = readCanonicalRequest('GET\r\n/\r\n\r\nhost:h\r\nx-amz-date:1\r\n\r\nhost;x-amz-date\r\nUNSIGNED-PAYLOAD\r\n');
    assert.deepEqual(parts?.headers.map((header) => [header.name, header.value, header.line]), [['host', 'h', 4], ['x-amz-date', '1', 5]]);
    assert.equal(parts?.query, '');
    assert.equal(parts?.payloadHash, 'UNSIGNED-PAYLOAD');
  });

  it('reads a header block without its blank line, and refuses text of another shape', () => {
    assert.equal(readCanonicalRequest('GET\n/\n\nhost:h\nhost\nUNSIGNED-PAYLOAD')?.blankLines, 0);
    assert.equal(readCanonicalRequest('GET\n/\n\nnot a header\n\nhost\nUNSIGNED-PAYLOAD'), undefined);
    assert.equal(readCanonicalRequest('AKIDEXAMPLE=1\nsecret=2'), undefined);
    assert.equal(readCanonicalRequest('AWS4-HMAC-SHA256\n20260102T030405Z\nscope\nhash'), undefined);
  });
});

describe('redactSecrets', () => {
  it('keeps the first 4 characters of secret keys, tokens and signatures', () => {
    const text = [
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxrfiCYEXAMPLEKEY',
      '"secretAccessKey": "abcdefghij"',
      'x-amz-security-token:IQoJb3JpZ2luX2VjEHoaDmFwLW5vcnRo',
      'X-Amz-Credential=AKID%2F1&X-Amz-Security-Token=FQoGZXIvYXdzEBYaDH&X-Amz-Signature=0123456789abcdef',
      'bare wJalrXUtnFEMI/K7MDENG+bPxrfiCYEXAMPLEKEY here',
    ].join('\n');
    assert.equal(
      redactSecrets(text),
      [
        'aws_secret_access_key = wJal…',
        '"secretAccessKey": "abcd…"',
        'x-amz-security-token:IQoJ…',
        'X-Amz-Credential=AKID%2F1&X-Amz-Security-Token=FQoG…&X-Amz-Signature=0123…',
        'bare wJal… here',
      ].join('\n'),
    );
  });

  it('leaves hashes, dates and access key ids alone', () => {
    const text = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 20260102T030405Z AKIDEXAMPLE SignedHeaders=host;x-amz-date';
    assert.equal(redactSecrets(text), text);
  });
});

describe('explainSignatureError on its own inputs', () => {
  const awsStringToSign = 'AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/sts/aws4_request\n' + 'a'.repeat(64);
  const error = `<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><StringToSign>${awsStringToSign}</StringToSign></Error></ErrorResponse>`;

  it('compares the strings to sign: scope, date, then the hash', () => {
    const ids = (stringToSign: string) => explainSignatureError({ error, stringToSign }).causes.map((cause) => cause.id);
    assert.deepEqual(ids(awsStringToSign.replace('us-east-1', 'eu-west-1')), ['credential-scope']);
    assert.deepEqual(ids(awsStringToSign.replace('T030405Z', 'T030406Z')), ['header-value-mismatch']);
    assert.deepEqual(ids(`${awsStringToSign}\n`), ['secret-key']);
    const differentHash = explainSignatureError({ error, stringToSign: awsStringToSign.replace(/a{64}$/, 'b'.repeat(64)) });
    assert.equal(differentHash.exitCode, 1);
    assert.match(differentHash.suspects[0] ?? '', /pass --canonical-request/);
  });

  it('refuses unusable input with exit code 2 and says which', () => {
    const problem = (input: Parameters<typeof explainSignatureError>[0]) => explainSignatureError(input).inputProblem;
    assert.deepEqual(problem({}), { input: 'input', message: 'nothing to explain: give the error body AWS returned (a file or stdin), --request with the request as sent, or both' });
    assert.equal(problem({ error: 'x'.repeat(10 * 1024 * 1024) })?.input, 'error');
    assert.equal(problem({ request: { method: 'PUT', url: 'https://h/', body: 'x'.repeat(10 * 1024 * 1024) } })?.input, 'request');
    assert.equal(problem({ error, stringToSign: 'AWS4-HMAC-SHA256\nnope' })?.input, 'string-to-sign');
    assert.equal(explainSignatureError({ error: '<Error>' }).exitCode, 2);
  });
});

describe('a canonical request whose header block is not closed by exactly one blank line', () => {
  const example = join(import.meta.dirname, '../../examples/explain-ses-unsorted');
  const request = readFileSync(join(example, 'request.http'), 'utf8');
  const signed = readFileSync(join(example, 'canonical-request.txt'), 'utf8');

  it('names header-canonicalization at the line after the last header, beside the other causes', () => {
    for (const [canonicalRequest, expected] of [
      [signed.replace('\n\nhost;', '\nhost;'), /no blank line after the headers/],
      [signed.replace('\n\nhost;', '\n\n\nhost;'), /2 blank lines/],
    ] as const) {
      const report = explainSignatureError({ request, canonicalRequest });
      assert.deepEqual(report.causes.map((cause) => [cause.id, cause.line]), [['unsorted-query', 3], ['header-canonicalization', 6]]);
      assert.match(report.causes[1]?.message ?? '', expected);
    }
  });
});

describe('causes beside differences no cause explains', () => {
  const example = join(import.meta.dirname, '../../examples/explain-ses-unsorted');
  const request = readFileSync(join(example, 'request.http'), 'utf8');
  const signed = readFileSync(join(example, 'canonical-request.txt'), 'utf8');

  it('names unsorted-query from the shared parameters and lists the changed value after it', () => {
    const report = explainSignatureError({ request, canonicalRequest: signed.replace('Version=2010-12-01', 'Version=2010-12-02') });
    assert.deepEqual(report.causes.map((cause) => cause.id), ['unsorted-query']);
    assert.deepEqual(report.suspects, ['the query differs in its values: the request was sent with another query than the one signed']);
    assert.match(formatExplainReport(report), /\nAlso differs \(no cause id explains it\):\n {2}- the query differs in its values/);
  });

  it('names nothing for a sorted query whose value changed (exit 1)', () => {
    const sortedRequest = request.replace(/GET \S+/, 'GET /?Action=SendEmail&Version=2010-12-01');
    const canonicalRequest = signed.replace(/\n[^\n]*Version=2010-12-01\n/, '\nAction=SendEmail&Version=2010-12-02\n');
    const report = explainSignatureError({ request: sortedRequest, canonicalRequest });
    assert.equal(report.exitCode, 1);
    assert.match(report.suspects[0] ?? '', /the query differs in its values/);
  });
});
