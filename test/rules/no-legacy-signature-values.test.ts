// Proves no-legacy-signature follows values the way real signing code moves them (issue 8 A): SigV2
// markers in constants, fields and method returns, query keys set one by one, headers joined from
// arrays; and that it stays silent where code only reads a header name, in test assertions, and on
// the services that only speak SigV2 (SimpleDB, Import/Export; issue 14 item 8).
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import rule from '../../rules/no-legacy-signature';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;

const lines = (...source: string[]): string => source.join('\n');

const valid = [
  // Code that only reads a header name.
  "console.log(headers['x-amzn-authorization']);",
  "delete headers['X-Amzn-Authorization'];",
  "if ('X-Amzn-Authorization' in h) forward(h);",
  // Test assertions about legacy strings.
  "expect(auth).to.have.string('AWS3-HTTPS');",
  "assert.match(header, 'AWS3-HTTPS AWSAccessKeyId=' + key);",
  "expect(request.headers['X-Amzn-Authorization']).toBeUndefined();",
  // SimpleDB and Import/Export only speak SigV2: their v2 is required.
  "import AWS from 'aws-sdk'; const sdb = new AWS.SimpleDB({ region: 'us-east-1', signatureVersion: 'v2' });",
  "import AWS from 'aws-sdk'; const options = { signatureVersion: 'v2' }; const sdb = new AWS.SimpleDB(options);",
  "import AWS from 'aws-sdk'; AWS.config.update({ sdb: { signatureVersion: 'v2' } });",
  // aws-sdk's own region table and API metadata for those services.
  "import AWS from 'aws-sdk'; const rules = { '*/sdb': { endpoint: '{service}.{region}.amazonaws.com', signatureVersion: 'v2' } };",
  "import AWS from 'aws-sdk'; const rules = { '*/importexport': { endpoint: '{service}.amazonaws.com', signatureVersion: 'v2', globalEndpoint: true } };",
  "import AWS from 'aws-sdk'; const metadata = { apiVersion: '2009-04-15', endpointPrefix: 'sdb', signatureVersion: 'v2' };",
  // A SignatureVersion that a method says is 4.
  lines(
    'class Client {',
    "  signatureVersion() { return '4'; }",
    "  sign(params) { params.push({ name: 'SignatureMethod', value: 'HmacSHA256' }); params.push({ name: 'SignatureVersion', value: this.signatureVersion() }); }",
    '}',
  ),
  // Query keys of a SigV4 presign set one by one.
  lines("const query = {};", "query['X-Amz-Algorithm'] = 'AWS4-HMAC-SHA256';", "query['X-Amz-Signature'] = signature;"),
  // aws4, the successor of aws3, and look-alike names.
  "const aws4 = require('aws4'); aws4.sign(opts);",
  "import { sign } from './aws3-compat';",
  // A joined array that is not an S3 SigV2 header.
  "const line = ['AWS ', region, ' is ', status].join('');",
  // An exchange API that named its HMAC query scheme SignatureVersion 2 too (Huobi/HTX): no AWSAccessKeyId.
  "const params = { AccessKeyId: key, SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Timestamp: ts };",
  // A v4 written on options kept in a field, and a legacy value written after the client was built (the SDK copied them).
  lines(
    "const AWS = require('aws-sdk');",
    "class Store { constructor() { this.opts = { region: 'eu-west-1' }; this.opts.signatureVersion = 'v4'; this.s3 = new AWS.S3(this.opts); } }",
  ),
  lines("import AWS from 'aws-sdk';", 'const opts = {};', 'const s3 = new AWS.S3(opts);', "opts.signatureVersion = 'v2';"),
  // gulp-awspublish's `credentials` object: aws-sdk never reads a signatureVersion there.
  "const awspublish = require('gulp-awspublish'); awspublish.create({ credentials: { accessKeyId: a, signatureVersion: 'v3' } });",
  // node-s3-client on SigV4, and an `s3Options` key passed to something else.
  "const s3 = require('s3'); s3.createClient({ s3Options: { signatureVersion: 'v4' } });",
  "const uploader = require('./uploader'); uploader.createClient({ s3Options: { signatureVersion: 's3' } });",
  // A write on options of a SigV2-only service.
  lines("import AWS from 'aws-sdk';", 'const opts = {};', "opts.signatureVersion = 'v2';", 'const sdb = new AWS.SimpleDB(opts);'),
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    // The version number held in a constant.
    code: lines('const SIGNATURE_VERSION = 2;', "const query = 'Action=List&SignatureMethod=HmacSHA256&SignatureVersion=' + SIGNATURE_VERSION;"),
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 2, column: 15 }],
  },
  {
    // The version returned by a prototype method, read through `self`.
    code: lines(
      'function Client() {}',
      "Client.prototype.signatureVersion = function () { return '2'; };",
      'Client.prototype.sign = function (params) {',
      '  var self = this;',
      "  params.push({ name: 'SignatureMethod', value: 'HmacSHA256' });",
      "  params.push({ name: 'SignatureVersion', value: self.signatureVersion() });",
      '};',
    ),
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 6, column: 15 }],
  },
  {
    // The version kept in a field set in the constructor and concatenated in a method.
    code: lines(
      'class QuerySigner {',
      "  constructor() { this.version = 2; this.method = 'HmacSHA1'; }",
      "  query(action) { return 'Action=' + action + '&SignatureMethod=' + this.method + '&SignatureVersion=' + this.version; }",
      '}',
    ),
    output: null,
    errors: [{ messageId: 'sigV2QuerySigning', line: 3, column: 26 }],
  },
  {
    // S3 SigV2 presign query keys set one by one.
    code: lines(
      'function presign(url, accessKeyId, expires, signature) {',
      '  const query = {};',
      "  query['AWSAccessKeyId'] = accessKeyId;",
      "  query['Expires'] = expires;",
      "  query['Signature'] = signature;",
      "  return url + '?' + qs.stringify(query);",
      '}',
    ),
    output: null,
    errors: [{ messageId: 's3SigV2PresignedUrl', line: 3, column: 3 }],
  },
  {
    // An S3 SigV2 header joined from an array.
    code: "headers.Authorization = ['AWS ', accessKeyId, ':', signature].join('');",
    output: null,
    errors: [{ messageId: 's3SigV2AuthHeader', line: 1, column: 25 }],
  },
  {
    // A SigV3 template joined from an array is one finding, at the join, not one more at its first part.
    code: lines(
      'const AUTH_PATTERN = [',
      "  'AWS3-HTTPS AWSAccessKeyId={key}',",
      "  'Algorithm={algorithm}',",
      "  'Signature={signature}'].join(', ');",
    ),
    output: null,
    errors: [{ messageId: 'legacyAuthScheme', line: 1, column: 22 }],
  },
  {
    // The SigV3 scheme returned by a function.
    code: lines("function scheme() { return 'AWS3-HTTPS'; }", "headers['X-Amzn-Authorization'] = scheme() + ' AWSAccessKeyId=' + key + ',Signature=' + sig;"),
    output: null,
    errors: [
      { messageId: 'legacyAuthHeader', line: 2, column: 9 },
      { messageId: 'legacyAuthScheme', line: 2, column: 35 },
    ],
  },
  {
    // mhart/aws3 signs with SigV3 (X-Amzn-Authorization: AWS3-HTTPS …).
    code: "var aws3 = require('aws3'); aws3.sign(opts);",
    output: null,
    errors: [{ messageId: 'aws3Library', line: 1, column: 12 }],
  },
  {
    code: "import aws3 from 'aws3';",
    output: null,
    errors: [{ messageId: 'aws3Library', line: 1, column: 1 }],
  },
  {
    // A client of another service with v2 is still reported beside a SimpleDB one.
    code: "import AWS from 'aws-sdk'; new AWS.SimpleDB({ signatureVersion: 'v2' }); new AWS.SQS({ signatureVersion: 'v2' });",
    output: "import AWS from 'aws-sdk'; new AWS.SimpleDB({ signatureVersion: 'v2' }); new AWS.SQS({ signatureVersion: 'v4' });",
    errors: [{ messageId: 'legacySignatureVersion', line: 1, column: 88 }],
  },
  {
    // A legacy version written on options before the client is built from them: replaced in place.
    code: lines("import AWS from 'aws-sdk';", "const opts = { region: 'us-east-1' };", "opts.signatureVersion = 'v2';", 'const s3 = new AWS.S3(opts);'),
    output: lines("import AWS from 'aws-sdk';", "const opts = { region: 'us-east-1' };", "opts.signatureVersion = 'v4';", 'const s3 = new AWS.S3(opts);'),
    errors: [{ messageId: 'legacySignatureVersion', line: 3, column: 1 }],
  },
  {
    // Options kept in a field and completed in the constructor; the endpoint comes from settings, so only a suggestion.
    code: lines(
      "const AWS = require('aws-sdk');",
      'class BlobStore {',
      '  constructor(settings) {',
      '    this.s3opts = { endpoint: settings.endpoint, s3ForcePathStyle: true };',
      "    this.s3opts.signatureVersion = 's3';",
      '    this.s3 = new AWS.S3(this.s3opts);',
      '  }',
      '}',
    ),
    output: null,
    errors: [
      {
        messageId: 'legacySignatureVersionCustomEndpoint',
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'useSigV4',
            output: lines(
              "const AWS = require('aws-sdk');",
              'class BlobStore {',
              '  constructor(settings) {',
              '    this.s3opts = { endpoint: settings.endpoint, s3ForcePathStyle: true };',
              "    this.s3opts.signatureVersion = 'v4';",
              '    this.s3 = new AWS.S3(this.s3opts);',
              '  }',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // A field write in another method may run before the client is built: still reported.
    code: lines(
      "import AWS from 'aws-sdk';",
      'class Uploader {',
      "  constructor() { this.options = { region: 'us-west-2' }; }",
      "  useLegacySigning() { this.options.signatureVersion = 'v2'; }",
      '  connect() { this.client = new AWS.S3(this.options); }',
      '}',
    ),
    output: lines(
      "import AWS from 'aws-sdk';",
      'class Uploader {',
      "  constructor() { this.options = { region: 'us-west-2' }; }",
      "  useLegacySigning() { this.options.signatureVersion = 'v4'; }",
      '  connect() { this.client = new AWS.S3(this.options); }',
      '}',
    ),
    errors: [{ messageId: 'legacySignatureVersion', line: 4, column: 24 }],
  },
  {
    // node-s3-client hands `s3Options` to `new AWS.S3(…)` unchanged.
    code: lines("const s3 = require('s3');", "const client = s3.createClient({ maxAsyncS3: 10, s3Options: { region: 'us-east-1', signatureVersion: 's3' } });"),
    output: lines("const s3 = require('s3');", "const client = s3.createClient({ maxAsyncS3: 10, s3Options: { region: 'us-east-1', signatureVersion: 'v4' } });"),
    errors: [{ messageId: 'legacySignatureVersion', line: 2, column: 84 }],
  },
];

// @typescript-eslint/rule-tester bundles its own copy of @typescript-eslint/utils, whose scope types
// are nominally different from ours; the rule object itself is the same at run time.
const testedRule = rule as unknown as Parameters<typeof typescriptRuleTester.run<MessageIds, []>>[1];

typescriptRuleTester.run('no-legacy-signature (values)', testedRule, { valid, invalid });
javascriptRuleTester.run('no-legacy-signature (values, espree)', testedRule, { valid, invalid });
