// Proves no-legacy-signature finds every pre-SigV4 pattern of issue 3 (rule 1) and stays silent on SigV4 code.
/* eslint-disable sigv4/no-legacy-signature -- the cases quote the legacy signing code this rule reports */
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import rule from '../../rules/no-legacy-signature';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

/** Code both parsers read: every case runs under @typescript-eslint/parser and espree. */
/** Joins source lines, so a case's line numbers can be read off its array index + 1. */
const lines = (...source: string[]): string => source.join('\n');

const valid = [
  // SigV4 configs in every import style.
  "import AWS from 'aws-sdk'; new AWS.S3({ signatureVersion: 'v4' });",
  "import * as AWS from 'aws-sdk'; AWS.config.update({ region: 'eu-west-1', signatureVersion: 'v4' });",
  "const AWS = require('aws-sdk'); AWS.config.signatureVersion = 'v4';",
  "const S3 = require('aws-sdk/clients/s3'); const s3 = new S3({ signatureVersion: 'v4', region: 'us-east-1' });",
  "import { S3 } from 'aws-sdk'; const base = { signatureVersion: 'v2' }; new S3({ ...base, signatureVersion: 'v4' });",
  // aws4 signs with SigV4.
  "import aws4 from 'aws4'; const opts = aws4.sign({ host: 'email.us-east-1.amazonaws.com', path: '/' }, creds);",
  // SDK v3 without signatureVersion.
  "import { S3Client } from '@aws-sdk/client-s3'; new S3Client({ region: 'us-east-1' });",
  // signatureVersion outside any AWS SDK file is somebody else's option.
  "const webhook = { signatureVersion: 'v2', secret: process.env.HOOK_SECRET };",
  // SigV4 headers and presigned URLs.
  "headers['Authorization'] = 'AWS4-HMAC-SHA256 Credential=' + credential + ', SignedHeaders=' + signed + ', Signature=' + signature;",
  "const url = `${endpoint}/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${cred}&X-Amz-Date=${date}&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`;",
  "const header = 'X-Amz-Date';",
  // Prose and look-alikes.
  "const label = 'AWS3 bucket browser';",
  "console.log('AWS ' + region + ': ' + message);",
  "const text = 'Signature=' + sig;",
  // SignatureVersion 2 without any HMAC SignatureMethod in the file (not AWS query signing).
  "const params = { SignatureVersion: '2', Action: 'Ping' };",
  "const params = { SignatureVersion: '4', SignatureMethod: 'HmacSHA256' };",
  // request with SigV4 turned on.
  "const request = require('request'); request.get({ url, aws: { key, secret, bucket, sign_version: 4 } });",
  "import request from 'request'; request({ url, aws: { key: k, secret: s, sign_version: '4' } });",
  // An `aws` option of some other library.
  "import got from 'got'; got({ url, aws: { key, secret } });",
  // signerConstructor from the SDK's own SigV4 signer.
  "import { SignatureV4 } from '@smithy/signature-v4'; import { S3Client } from '@aws-sdk/client-s3'; new S3Client({ signerConstructor: SignatureV4 });",
  // Look-alike library names.
  "import knoxville from 'knoxville'; import sign from 'aws-sign3';",
  // Overridden by a later key on the only client that receives it.
  "const AWS = require('aws-sdk'); const defaults = { signatureVersion: 's3' }; const s3 = new AWS.S3(Object.assign({}, defaults, { signatureVersion: 'v4' }));",
  // v4 in a variable.
  "import AWS from 'aws-sdk'; const opts = { signatureVersion: 'v4' }; new AWS.S3(opts);",
  // A const header name that is not the legacy one.
  "const AUTH = 'Authorization'; headers[AUTH] = sig;",
  // The legacy header name only looked up, compared or listed (redaction, proxies): nothing is signed.
  "const REDACTED = ['authorization', 'x-amzn-authorization', 'x-amz-security-token'];",
  "function isSigned(name) { return name.toLowerCase() === 'x-amzn-authorization'; }",
  "res.removeHeader('X-Amzn-Authorization'); const had = headers.has('x-amzn-authorization');",
  // AWS3 constant without the trailing space is not an auth string by itself.
  "const SCHEME = 'AWS3-HTTPS'; log(SCHEME);",
  // Fixtures built inside test blocks and fed to the code under test (a detector of legacy requests).
  "it('classifies a SigV3 header', () => { const header = classify({ 'x-amzn-authorization': 'fixture' }); });",
  "test.only('a SigV2 query', function () { classify({}, '/?Action=List&SignatureVersion=2&SignatureMethod=HmacSHA256'); });",
  "describe('relay', () => { it('rejects', () => { reject({ headers: { 'X-Amzn-Authorization': 'AWS3-HTTPS AWSAccessKeyId=AKID' } }); }); });",
  "describe.each(cases)('%s', (name) => { beforeEach(() => { signed = sign('AWS3-HTTPS ' + name); }); });",
  // SimpleDB never took SigV4: its Query API is signed with SigV2 by design.
  lines(
    "const SDB_HOST = 'sdb.amazonaws.com';",
    "const query = Object.assign({}, params, { AWSAccessKeyId: key, SignatureMethod: 'HmacSHA256', SignatureVersion: '2' });",
  ),
  "const url = 'https://sdb.eu-west-1.amazonaws.com/?Action=Select&SignatureMethod=HmacSHA256&SignatureVersion=2&' + rest;",
  // Every branch is SigV4 (or left to the SDK's default).
  "import AWS from 'aws-sdk'; const options = (pinned) => ({ signatureVersion: pinned ? 'v4' : undefined });",
  // The three presign keys on three different objects, or in different functions.
  "a.set('AWSAccessKeyId', k); b.set('Expires', e); c.set('Signature', s);",
  "function f() { q.set('AWSAccessKeyId', k); } function g() { q.set('Expires', e); q.set('Signature', s); }",
  // HMAC-SHA1 where nothing in the file is S3 SigV2 (OAuth 1.0a, webhooks).
  "const sig = crypto.createHmac('sha1', signingKey).update(baseString).digest('base64'); oauth.oauth_signature = sig;",
  // An algorithm that may be SHA-256 is not known to be SHA-1.
  "const hash = strong ? 'sha256' : 'sha1'; const q = { AWSAccessKeyId: k, Expires: e }; createHmac(hash, secret);",
  // A query SigV2 file: its SignatureVersion is the finding, not each HMAC.
  "const q = { AWSAccessKeyId: k, Expires: e, SignatureVersion: v }; createHmac('sha1', secret);",
];

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;
type Case = InvalidTestCase<MessageIds, []>;

// @typescript-eslint/rule-tester bundles its own copy of @typescript-eslint/utils, whose scope types
// are nominally different from ours; the rule object itself is the same at run time.
const testedRule = rule as unknown as Parameters<typeof typescriptRuleTester.run<MessageIds, []>>[1];

const invalid: Case[] = [
  // A SigV3 scheme kept as a default the caller may override, read back by destructuring.
  {
    code: lines(
      "const DEFAULTS = Object.freeze({ scheme: 'AWS3-HTTPS' });",
      'class Transport {',
      '  constructor(options = {}) { this.options = { ...DEFAULTS, ...options }; }',
      '  header(key, sig) { const { scheme } = this.options; return `${scheme} AWSAccessKeyId=${key}, Signature=${sig}`; }',
      '}',
    ),
    output: null,
    errors: [{ messageId: 'legacyAuthScheme', line: 4, column: 62 }],
  },
  // S3 SigV2 presign query keys set one by one on a URL's searchParams.
  {
    code: lines(
      'function link(key, expires, signature) {',
      '  const url = new URL(base);',
      "  url.searchParams.set('AWSAccessKeyId', key);",
      "  url.searchParams.set('Expires', String(expires));",
      "  url.searchParams.append('Signature', signature);",
      '  return url.toString();',
      '}',
    ),
    output: null,
    errors: [{ messageId: 's3SigV2PresignedUrl', line: 3, column: 3 }],
  },
  // One branch of a conditional pins SES to SigV3: a suggestion, since the other branch may be meant.
  {
    code: "import AWS from 'aws-sdk'; const options = (service) => ({ signatureVersion: service === 'ses' ? 'v3' : 'v4' });",
    output: null,
    errors: [
      {
        messageId: 'legacySignatureVersion',
        line: 1,
        column: 60,
        suggestions: [
          { messageId: 'useSigV4', output: "import AWS from 'aws-sdk'; const options = (service) => ({ signatureVersion: 'v4' });" },
        ],
      },
    ],
  },
  // A name/value pair pushed onto a list, the HMAC named far from SignatureMethod.
  {
    code: lines(
      "const ALGORITHM = 'HmacSHA256';",
      '// ' + 'x'.repeat(240),
      "kvs.push(['SignatureVersion', '2']);",
      "kvs.push(['SignatureMethod', ALGORITHM]);",
      "const kept = [['SignatureVersion', '4'], ['SignatureVersion']];",
    ),
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 3, column: 10 }],
  },
  // The version through String(), set on URLSearchParams.
  {
    code: lines("const SIG_VERSION = 2;", "params.set('SignatureMethod', 'HmacSHA256');", "params.set('SignatureVersion', String(SIG_VERSION));"),
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 3, column: 1 }],
  },
  // A query built whole by a function: reported where it is built, not where its result is used.
  {
    code: lines(
      'const VERSION = 2;',
      "function query(id) { return 'AWSAccessKeyId=' + id + '&SignatureMethod=HmacSHA256&SignatureVersion=' + VERSION + '&Version=1'; }",
      "const q = query(key); fetch('https://ec2.amazonaws.com/?' + q);",
    ),
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 2, column: 29 }],
  },
  // HMAC-SHA1 in a file that builds an S3 SigV2 header: the signature of that header.
  {
    code: lines(
      "const sign = (text) => crypto.createHmac('sha1', secret).update(text).digest('base64');",
      "const auth = ['AWS ', key, ':', sign(toSign)].join('');",
    ),
    output: null,
    errors: [
      { messageId: 's3SigV2Hmac', line: 1, column: 24 },
      { messageId: 's3SigV2AuthHeader', line: 2, column: 14 },
    ],
  },
  // CryptoJS in the browser, and an algorithm held in a constant, beside a presign's query keys.
  {
    code: lines(
      "const ALGORITHM = 'SHA1';",
      'const a = CryptoJS.HmacSHA1(text, secret);',
      'const b = createHmac(ALGORITHM, secret);',
      '$.param({ AWSAccessKeyId: id, Expires: expires, Signature: a });',
    ),
    output: null,
    errors: [
      { messageId: 's3SigV2Hmac', line: 2, column: 11 },
      { messageId: 's3SigV2Hmac', line: 3, column: 11 },
      { messageId: 's3SigV2PresignedUrl', line: 4, column: 9 },
    ],
  },
  // A test file's own signing helper, outside any test block, still signs with SigV3.
  {
    code: lines(
      "function legacyHeaders(key) { return { 'X-Amzn-Authorization': 'AWS3-HTTPS AWSAccessKeyId=' + key }; }",
      "it('sends', () => send(legacyHeaders('AKID')));",
    ),
    output: null,
    errors: [
      { messageId: 'legacyAuthHeader', line: 1, column: 40 },
      { messageId: 'legacyAuthScheme', line: 1, column: 64 },
    ],
  },
  // A SigV2 query to another service beside a mention of SimpleDB's name only.
  {
    code: "const service = 'sdb'; const q = 'Action=List&SignatureMethod=HmacSHA256&SignatureVersion=2';",
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 1, column: 34 }],
  },
  // SigV3 header name as an object key
  {
    code: `const headers = { 'X-Amzn-Authorization': auth };`,
    output: null,
    errors: [{ messageId: 'legacyAuthHeader', line: 1, column: 19 }],
  },
  // SigV3 header name in any case
  {
    code: `req.setHeader('x-amzn-authorization', value);`,
    output: null,
    errors: [{ messageId: 'legacyAuthHeader', line: 1, column: 15 }],
  },
  // SigV3 auth string concatenated
  {
    code: `const auth = 'AWS3-HTTPS AWSAccessKeyId=' + accessKeyId + ', Algorithm=HmacSHA256, Signature=' + signature;`,
    output: null,
    errors: [{ messageId: 'legacyAuthScheme', line: 1, column: 14 }],
  },
  // SigV3 auth string in a template
  {
    code: `const auth = \`AWS3-HTTPS AWSAccessKeyId=\${key},Algorithm=HmacSHA256,Signature=\${sig}\`;`,
    output: null,
    errors: [{ messageId: 'legacyAuthScheme', line: 1, column: 14 }],
  },
  // SigV3 auth string split across literals
  {
    code: `const auth = 'AWS' + '3-HTTPS ' + 'AWSAccessKeyId=' + key + ',Signature=' + sig;`,
    output: null,
    errors: [{ messageId: 'legacyAuthScheme', line: 1, column: 14 }],
  },
  // SigV3 scheme read through a const
  {
    code: `const SCHEME = 'AWS3';\nconst value = SCHEME + ' AWSAccessKeyId=' + key + ',Algorithm=HmacSHA1,Signature=' + sig;`,
    output: null,
    errors: [{ messageId: 'legacyAuthScheme', line: 2, column: 15 }],
  },
  // node-ses style placeholder string
  {
    code: `var Authorization = "AWS3-HTTPS AWSAccessKeyId={key}, Algorithm={algorithm}, Signature={Signature}";`,
    output: null,
    errors: [{ messageId: 'legacyAuthScheme', line: 1, column: 21 }],
  },
  // SigV2 query params object
  {
    code: `const params = {\n  Action: 'SendEmail',\n  SignatureVersion: '2',\n  SignatureMethod: 'HmacSHA256',\n};`,
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 3, column: 3 }],
  },
  // SigV2 query params assigned
  {
    code: `params.SignatureMethod = 'HmacSHA1';\nparams['SignatureVersion'] = 2;`,
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 2, column: 1 }],
  },
  // SigV2 query string
  {
    code: `const query = 'Action=DescribeInstances&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=' + ts;`,
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 1, column: 15 }],
  },
  // S3 SigV2 presigned URL concatenated
  {
    code: `const url = 'https://' + bucket + '.s3.amazonaws.com/' + key + '?AWSAccessKeyId=' + accessKeyId + '&Expires=' + expires + '&Signature=' + encodeURIComponent(signature);`,
    output: null,
    errors: [{ messageId: 's3SigV2PresignedUrl', line: 1, column: 13 }],
  },
  // S3 SigV2 presigned URL params for querystring
  {
    code: `const qs = querystring.stringify({ AWSAccessKeyId: key, Expires: expires, Signature: sig });`,
    output: null,
    errors: [{ messageId: 's3SigV2PresignedUrl', line: 1, column: 34 }],
  },
  // S3 SigV2 Authorization header
  {
    code: `headers.Authorization = 'AWS ' + accessKeyId + ':' + signature;`,
    output: null,
    errors: [{ messageId: 's3SigV2AuthHeader', line: 1, column: 25 }],
  },
  // S3 SigV2 Authorization header template
  {
    code: `const authorization = \`AWS \${this.accessKeyId}:\${sign(stringToSign)}\`;`,
    output: null,
    errors: [{ messageId: 's3SigV2AuthHeader', line: 1, column: 23 }],
  },
  // default import
  {
    code: `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({ signatureVersion: 'v2' });`,
    output: `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({ signatureVersion: 'v4' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 25 }],
  },
  // namespace import, double quotes kept
  {
    code: `import * as AWS from 'aws-sdk';\nconst ses = new AWS.SES({ region: 'us-east-1', signatureVersion: "v3" });`,
    output: `import * as AWS from 'aws-sdk';\nconst ses = new AWS.SES({ region: 'us-east-1', signatureVersion: "v4" });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 48 }],
  },
  // named import
  {
    code: `import { S3 } from 'aws-sdk';\nexport const s3 = new S3({ signatureVersion: 's3' });`,
    output: `import { S3 } from 'aws-sdk';\nexport const s3 = new S3({ signatureVersion: 'v4' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 28 }],
  },
  // require + AWS.config.update
  {
    code: `const AWS = require('aws-sdk');\nAWS.config.update({ signatureVersion: 'v3https' });`,
    output: `const AWS = require('aws-sdk');\nAWS.config.update({ signatureVersion: 'v4' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 21 }],
  },
  // require('aws-sdk/clients/s3'), template quotes kept
  {
    code: `const S3 = require('aws-sdk/clients/s3');\nconst s3 = new S3({ signatureVersion: \`v2\` });`,
    output: `const S3 = require('aws-sdk/clients/s3');\nconst s3 = new S3({ signatureVersion: \`v4\` });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 21 }],
  },
  // destructured, aliased require
  {
    code: `const { S3: Storage } = require('aws-sdk');\nconst storage = new Storage({ signatureVersion: 'v2' });`,
    output: `const { S3: Storage } = require('aws-sdk');\nconst storage = new Storage({ signatureVersion: 'v4' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 31 }],
  },
  // AWS.config = new AWS.Config(...)
  {
    code: `const AWS = require('aws-sdk');\nAWS.config = new AWS.Config({ signatureVersion: 'v2', region: 'us-east-1' });`,
    output: `const AWS = require('aws-sdk');\nAWS.config = new AWS.Config({ signatureVersion: 'v4', region: 'us-east-1' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 31 }],
  },
  // AWS.config.signatureVersion = ...
  {
    code: `import AWS from 'aws-sdk';\nAWS.config.signatureVersion = 'v2';`,
    output: `import AWS from 'aws-sdk';\nAWS.config.signatureVersion = 'v4';`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 1 }],
  },
  // config through a variable
  {
    code: `import AWS from 'aws-sdk';\nconst options = { region: 'us-west-2', signatureVersion: 'v2' };\nconst s3 = new AWS.S3(options);`,
    output: `import AWS from 'aws-sdk';\nconst options = { region: 'us-west-2', signatureVersion: 'v4' };\nconst s3 = new AWS.S3(options);`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 40 }],
  },
  // config through a spread
  {
    code: `import AWS from 'aws-sdk';\nconst base = { signatureVersion: 's3' };\nconst s3 = new AWS.S3({ ...base, region: 'eu-west-1' });`,
    output: `import AWS from 'aws-sdk';\nconst base = { signatureVersion: 'v4' };\nconst s3 = new AWS.S3({ ...base, region: 'eu-west-1' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 16 }],
  },
  // value through a const: suggestion only
  {
    code: `import AWS from 'aws-sdk';\nconst SIG = 'v2';\nnew AWS.S3({ signatureVersion: SIG });`,
    output: null,
    errors: [{ messageId: 'legacySignatureVersion', line: 3, column: 14, suggestions: [{ messageId: 'useSigV4', output: `import AWS from 'aws-sdk';\nconst SIG = 'v2';\nnew AWS.S3({ signatureVersion: 'v4' });` }] }],
  },
  // custom endpoint (MinIO): suggestion only
  {
    code: `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({\n  endpoint: 'http://localhost:9000',\n  s3ForcePathStyle: true,\n  signatureVersion: 'v2',\n});`,
    output: null,
    errors: [{ messageId: 'legacySignatureVersionCustomEndpoint', line: 5, column: 3, suggestions: [{ messageId: 'useSigV4', output: `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({\n  endpoint: 'http://localhost:9000',\n  s3ForcePathStyle: true,\n  signatureVersion: 'v4',\n});` }] }],
  },
  // endpoint only known at run time: suggestion only
  {
    code: `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({ endpoint: process.env.S3_ENDPOINT, signatureVersion: 'v2' });`,
    output: null,
    errors: [{ messageId: 'legacySignatureVersionCustomEndpoint', line: 2, column: 60, suggestions: [{ messageId: 'useSigV4', output: `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({ endpoint: process.env.S3_ENDPOINT, signatureVersion: 'v4' });` }] }],
  },
  // AWS_ENDPOINT_URL_S3 is AWS: fixed
  {
    code: `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({ endpoint: process.env.AWS_ENDPOINT_URL_S3, signatureVersion: 'v2' });`,
    output: `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3({ endpoint: process.env.AWS_ENDPOINT_URL_S3, signatureVersion: 'v4' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 68 }],
  },
  // amazonaws.com endpoint is AWS: fixed
  {
    code: `const AWS = require('aws-sdk');\nconst s3 = new AWS.S3({ endpoint: 'https://s3.eu-central-1.amazonaws.com', signatureVersion: 'v2' });`,
    output: `const AWS = require('aws-sdk');\nconst s3 = new AWS.S3({ endpoint: 'https://s3.eu-central-1.amazonaws.com', signatureVersion: 'v4' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 76 }],
  },
  // SDK v3 client with signatureVersion
  {
    code: `import { S3Client } from '@aws-sdk/client-s3';\nconst client = new S3Client({\n  region: 'us-east-1',\n  signatureVersion: 'v4',\n  forcePathStyle: true,\n});`,
    output: null,
    errors: [{ messageId: 'signatureVersionInSdkV3', line: 4, column: 3, suggestions: [{ messageId: 'removeSignatureVersion', output: `import { S3Client } from '@aws-sdk/client-s3';\nconst client = new S3Client({\n  region: 'us-east-1',\n  forcePathStyle: true,\n});` }] }],
  },
  // SDK v3 client, only property
  {
    code: `import { SESClient } from '@aws-sdk/client-ses';\nnew SESClient({ signatureVersion: 'v3' });`,
    output: null,
    errors: [{ messageId: 'signatureVersionInSdkV3', line: 2, column: 17, suggestions: [{ messageId: 'removeSignatureVersion', output: `import { SESClient } from '@aws-sdk/client-ses';\nnew SESClient({});` }] }],
  },
  // aws-sign2 require
  {
    code: `const sign = require('aws-sign2').sign;`,
    output: null,
    errors: [{ messageId: 'awsSign2Library', line: 1, column: 14 }],
  },
  // knox import
  {
    code: `import knox from 'knox';\nconst client = knox.createClient({ key, secret, bucket });`,
    output: null,
    errors: [{ messageId: 'knoxLibrary', line: 1, column: 1 }],
  },
  // aws-sdk-signature-v2 through signerConstructor
  {
    code: `import { S3Client } from '@aws-sdk/client-s3';\nimport { SignatureV2 } from 'aws-sdk-signature-v2';\nconst client = new S3Client({ region, signerConstructor: SignatureV2 });`,
    output: null,
    errors: [{ messageId: 'sigV2SignerConstructor', line: 3, column: 39, suggestions: [{ messageId: 'removeSignerConstructor', output: `import { S3Client } from '@aws-sdk/client-s3';\nimport { SignatureV2 } from 'aws-sdk-signature-v2';\nconst client = new S3Client({ region });` }] }],
  },
  // aws-sdk-signature-v2 imported, no signerConstructor seen
  {
    code: `const { SignatureV2 } = require('aws-sdk-signature-v2');`,
    output: null,
    errors: [{ messageId: 'sigV2SignerLibrary', line: 1, column: 25 }],
  },
  // request's aws option without sign_version
  {
    code: `const request = require('request');\nrequest.put({ url, body, aws: { key: accessKey, secret: secretKey, bucket: 'uploads' } });`,
    output: null,
    errors: [{ messageId: 'requestAwsOption', line: 2, column: 26, suggestions: [{ messageId: 'addSignVersion4', output: `const request = require('request');\nrequest.put({ url, body, aws: { key: accessKey, secret: secretKey, bucket: 'uploads', sign_version: 4 } });` }] }],
  },
  // request's aws option through a variable, sign_version 2
  {
    code: `import request from 'request';\nconst options = { uri, aws: { key, secret, sign_version: 2 } };\nrequest(options, done);`,
    output: null,
    errors: [{ messageId: 'requestAwsOption', line: 2, column: 24, suggestions: [{ messageId: 'addSignVersion4', output: `import request from 'request';\nconst options = { uri, aws: { key, secret, sign_version: 4 } };\nrequest(options, done);` }] }],
  },
  // browser global AWS
  {
    code: `var bucket = new AWS.S3({ params: { Bucket: 'photos' }, signatureVersion: 'v2' });`,
    output: `var bucket = new AWS.S3({ params: { Bucket: 'photos' }, signatureVersion: 'v4' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 1, column: 57 }],
  },
  // nested service config in a file that imports aws-sdk
  {
    code: `import AWS from 'aws-sdk';\nexport const config = { s3: { signatureVersion: 'v2' } };`,
    output: `import AWS from 'aws-sdk';\nexport const config = { s3: { signatureVersion: 'v4' } };`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 31 }],
  },
  // Object.assign config
  {
    code: `const AWS = require('aws-sdk');\nconst s3 = new AWS.S3(Object.assign({}, { signatureVersion: 'v2' }, { region }));`,
    output: `const AWS = require('aws-sdk');\nconst s3 = new AWS.S3(Object.assign({}, { signatureVersion: 'v4' }, { region }));`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 43 }],
  },
  // shorthand property: suggestion only
  {
    code: `import AWS from 'aws-sdk';\nconst signatureVersion = 'v2';\nnew AWS.S3({ signatureVersion });`,
    output: null,
    errors: [{ messageId: 'legacySignatureVersion', line: 3, column: 14, suggestions: [{ messageId: 'useSigV4', output: `import AWS from 'aws-sdk';\nconst signatureVersion = 'v2';\nnew AWS.S3({ signatureVersion: 'v4' });` }] }],
  },
  // client class aliased through a const
  {
    code: `const AWS = require('aws-sdk');\nconst DynamoDB = AWS.DynamoDB;\nconst db = new DynamoDB({ signatureVersion: 'v3' });`,
    output: `const AWS = require('aws-sdk');\nconst DynamoDB = AWS.DynamoDB;\nconst db = new DynamoDB({ signatureVersion: 'v4' });`,
    errors: [{ messageId: 'legacySignatureVersion', line: 3, column: 27 }],
  },
  // URLSearchParams#set
  {
    code: `const q = new URLSearchParams();\nq.set('SignatureMethod', 'HmacSHA256');\nq.set('SignatureVersion', '2');`,
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 3, column: 1 }],
  },
  // const prefix reported once, where the string is built
  {
    code: `const PREFIX = 'AWS3-HTTPS ';\nconst header = PREFIX + 'AWSAccessKeyId=' + key + ',Signature=' + sig;`,
    output: null,
    errors: [{ messageId: 'legacyAuthScheme', line: 2, column: 16 }],
  },
  // dynamic import of knox
  {
    code: `const knox = await import('knox');`,
    output: null,
    errors: [{ messageId: 'knoxLibrary', line: 1, column: 20 }],
  },
];

/** TypeScript-only syntax (`import x = require()`, `as` casts). */
const typescriptOnlyInvalid: Case[] = [
  // import x = require()
  {
    code: `import AWS = require('aws-sdk');\nconst s3 = new AWS.S3({ signatureVersion: 'v2' } as AWS.S3.ClientConfiguration);`,
    output: `import AWS = require('aws-sdk');\nconst s3 = new AWS.S3({ signatureVersion: 'v4' } as AWS.S3.ClientConfiguration);`,
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 25 }],
  },
  // import x = require() of knox
  {
    code: `import knox = require('knox');`,
    output: null,
    errors: [{ messageId: 'knoxLibrary', line: 1, column: 1 }],
  },
];

typescriptRuleTester.run('no-legacy-signature', testedRule, {
  valid: [
    ...valid,
    "import AWS = require('aws-sdk'); new AWS.SES({ signatureVersion: 'v4' } as AWS.SES.ClientConfiguration);",
    "import { S3Client } from '@aws-sdk/client-s3'; const options: S3ClientConfig = { region: 'us-east-1' }; new S3Client(options);",
  ],
  invalid: [...invalid, ...typescriptOnlyInvalid],
});

javascriptRuleTester.run('no-legacy-signature (espree)', testedRule, { valid, invalid });
