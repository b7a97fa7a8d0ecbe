// Proves require-sigv4-presign finds aws-sdk v2 S3 clients that presign without SigV4 and presign
// expiries beyond SigV4's 7 days, in every import style, and stays silent on SigV4 and non-AWS code.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import rule from '../../rules/require-sigv4-presign';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;
type Invalid = InvalidTestCase<MessageIds, []>;
type Valid = ValidTestCase<[]> | string;

/** Joins source lines, so each case's line numbers can be read off its array index + 1. */
const lines = (...source: string[]): string => source.join('\n');

const presign = "s3.getSignedUrl('getObject', { Bucket: 'media', Key: key });";

/** The report data of an expiry judged against SigV4's own limit (no `maxExpiresIn` option). */
const SIGV4_LIMIT = { limit: '604800', reason: "SigV4's 7 days" };

const valid: Valid[] = [
  // SigV4 on the client, in every import style.
  lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ signatureVersion: 'v4' });", presign),
  lines("import * as AWS from 'aws-sdk';", "const s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });", presign),
  lines("import { S3 } from 'aws-sdk';", "const s3 = new S3({ signatureVersion: 'v4' });", 's3.getSignedUrlPromise("putObject", { Bucket, Key });'),
  lines("import S3 from 'aws-sdk/clients/s3';", "const s3 = new S3({ signatureVersion: 'v4' });", presign),
  lines("const S3 = require('aws-sdk/clients/s3');", "const s3 = new S3({ signatureVersion: 'v4' });", presign),
  lines("const { S3: Client } = require('aws-sdk');", "const s3 = new Client({ signatureVersion: 'v4' });", presign),
  lines("import S3 = require('aws-sdk/clients/s3');", "const s3 = new S3({ signatureVersion: 'v4' });", presign),
  // SigV4 through a variable and a spread.
  lines("import AWS from 'aws-sdk';", "const options = { region: 'us-east-1', signatureVersion: 'v4' };", 'const s3 = new AWS.S3(options);', presign),
  lines("import AWS from 'aws-sdk';", "const base = { signatureVersion: 'v4' };", "const s3 = new AWS.S3({ ...base, region: 'us-west-2' });", presign),
  // SigV4 in the global config.
  lines("import * as AWS from 'aws-sdk';", "AWS.config.update({ region: 'us-east-1', signatureVersion: 'v4' });", 'const s3 = new AWS.S3();', presign),
  lines("const AWS = require('aws-sdk');", "AWS.config = new AWS.Config({ signatureVersion: 'v4' });", 'const s3 = new AWS.S3();', presign),
  lines("const AWS = require('aws-sdk');", "AWS.config.signatureVersion = 'v4';", 'const s3 = new AWS.S3();', presign),
  lines("const AWS = require('aws-sdk');", "AWS.config.update({ s3: { signatureVersion: 'v4' } });", 'const s3 = new AWS.S3();', presign),
  // A region where aws-sdk v2 presigns with SigV4 anyway.
  lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ region: 'eu-central-1' });", presign),
  lines("import AWS from 'aws-sdk';", "AWS.config.update({ region: 'ap-south-1' });", 'const s3 = new AWS.S3();', presign),
  // createPresignedPost always signs with SigV4 in aws-sdk v2.
  lines("import AWS from 'aws-sdk';", 'const s3 = new AWS.S3();', "s3.createPresignedPost({ Bucket: 'uploads', Fields: { key }, Expires: 600 });"),
  // A default client beside a v4 one, where only the v4 one presigns.
  lines(
    "import AWS from 'aws-sdk';",
    "const signer = new AWS.S3({ signatureVersion: 'v4' });",
    'const uploader = new AWS.S3();',
    "signer.getSignedUrl('getObject', { Bucket, Key });",
    'uploader.upload({ Bucket, Key, Body }).promise();',
  ),
  // Explicit legacy or run-time signature versions belong to no-legacy-signature or cannot be judged.
  lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ signatureVersion: 's3' });", presign),
  lines("import AWS from 'aws-sdk';", 'const s3 = new AWS.S3({ signatureVersion: process.env.S3_SIGNATURE_VERSION });', presign),
  // Clients whose configuration is not visible here.
  lines("import AWS from 'aws-sdk';", 'export function link(s3: AWS.S3, key: string) {', "  return s3.getSignedUrl('getObject', { Bucket: 'media', Key: key });", '}'),
  lines("import AWS from 'aws-sdk';", "import { settings } from './settings';", 'const s3 = new AWS.S3(settings.s3);', presign),
  lines("import AWS from 'aws-sdk';", "import { awsOptions } from './settings';", 'const s3 = new AWS.S3({ ...awsOptions });', presign),
  // A local class named S3 is not aws-sdk's.
  lines("import S3 from './storage/s3';", 'const s3 = new S3();', "s3.getSignedUrl('getObject', { Bucket, Key, Expires: 30 * 24 * 3600 });"),
  // Class members built with SigV4.
  lines(
    "import { S3 } from 'aws-sdk';",
    'export class Media {',
    "  private readonly s3 = new S3({ signatureVersion: 'v4' });",
    '  url(key: string) {',
    "    return this.s3.getSignedUrl('getObject', { Bucket: 'media', Key: key, Expires: 3600 });",
    '  }',
    '}',
  ),
  // Expiry within SigV4's limit.
  lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ signatureVersion: 'v4' });", "s3.getSignedUrl('getObject', { Bucket, Key, Expires: 7 * 24 * 3600 });"),
  lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ signatureVersion: 'v4' });", "s3.getSignedUrl('getObject', { Bucket, Key, Expires: ttlSeconds });"),
  // aws-sdk v3 presigner within limits.
  lines(
    "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';",
    "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
    'const url = await getSignedUrl(new S3Client({}), new GetObjectCommand({ Bucket, Key }), { expiresIn: 604800 });',
  ),
  lines(
    "import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';",
    'const presigner = new S3RequestPresigner({ ...client.config });',
    'const signed = await presigner.presign(request, { expiresIn: 3600 });',
  ),
  // Not AWS S3 presigning: CloudFront signer, Google Cloud Storage, JWT, cookies, CloudFront v3 signer.
  lines(
    "import AWS from 'aws-sdk';",
    'const signer = new AWS.CloudFront.Signer(keyPairId, privateKey);',
    'const url = signer.getSignedUrl({ url: cdnUrl, expires: Math.floor(Date.now() / 1000) + 30 * 24 * 3600 });',
  ),
  lines(
    "const { Storage } = require('@google-cloud/storage');",
    'const storage = new Storage();',
    "const [url] = await storage.bucket('media').file(name).getSignedUrl({ action: 'read', expires: Date.now() + 30 * 24 * 3600 * 1000 });",
  ),
  lines("import jwt from 'jsonwebtoken';", 'const token = jwt.sign({ sub }, secret, { expiresIn: 30 * 24 * 3600 });'),
  "res.cookie('session', id, { maxAge: 30 * 24 * 3600 * 1000, expires: new Date(Date.now() + 30 * 86400000) });",
  lines(
    "import { getSignedUrl } from '@aws-sdk/cloudfront-signer';",
    'const url = getSignedUrl({ url: cdnUrl, keyPairId, privateKey, dateLessThan }, other, { expiresIn: 30 * 24 * 3600 });',
  ),
  // Hand-built SigV4 URLs within the limit.
  "const url = base + '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=' + 3600 + '&X-Amz-Signature=' + signature;",
  "url.searchParams.set('X-Amz-Expires', String(24 * 3600));",
  'const query = `X-Amz-Credential=${credential}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host`;',
  // A global config this file cannot read may set signatureVersion: stay silent.
  lines("const AWS = require('aws-sdk');", "AWS.config.update(require('./aws-config.json'));", 'const s3 = new AWS.S3();', presign),
  // A global region that already presigns with SigV4.
  lines("const AWS = require('aws-sdk');", "AWS.config.region = 'eu-central-1';", 'const s3 = new AWS.S3();', presign),
  // createPresignedPost is never reported, whatever its expiry.
  lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ signatureVersion: 'v4' });", 's3.createPresignedPost({ Bucket, Fields: { key }, Expires: 30 * 24 * 3600 }, done);'),
  // An operation only runtime knows on a client this file does not build: not visibly aws-sdk v2.
  lines('export const link = (storage, operation) => storage.getSignedUrl(operation, { Expires: 30 * 24 * 3600 });'),
  // A v2 SES client presigning nothing, next to a SigV4 S3 client.
  lines("import AWS from 'aws-sdk';", 'const ses = new AWS.SES();', "const s3 = new AWS.S3({ signatureVersion: 'v4' });", presign),
  // Options from a caller whose type rules `signatureVersion` out cannot undo the v4 set before them.
  lines(
    "import { S3 } from 'aws-sdk';",
    "const BASE_OPTIONS: S3.ClientConfiguration = { signatureVersion: 'v4' };",
    "export function createS3(overrides: Omit<S3.ClientConfiguration, 'signatureVersion'> = {}): S3 {",
    '  return new S3({ ...BASE_OPTIONS, ...overrides });',
    '}',
    "createS3({}).getSignedUrl('getObject', { Bucket: 'media', Key: 'a' });",
  ),
  lines(
    "import { S3 } from 'aws-sdk';",
    "export const createS3 = (extra: Omit<S3.ClientConfiguration, 'region' | 'signatureVersion'>) => new S3({ ...extra, signatureVersion: 'v4' });",
    "createS3({}).getSignedUrl('getObject', { Bucket: 'media', Key: 'a' });",
  ),
];

const invalid: Invalid[] = [
  {
    // Default import, no options.
    code: lines("import AWS from 'aws-sdk';", 'const s3 = new AWS.S3();', presign),
    output: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12, endLine: 2, endColumn: 24 }],
  },
  {
    // Namespace import, single-line options.
    code: lines("import * as AWS from 'aws-sdk';", "const s3 = new AWS.S3({ region: 'us-east-1' });", presign),
    output: lines("import * as AWS from 'aws-sdk';", "const s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Named import, multi-line options with a trailing comma.
    code: lines("import { S3 } from 'aws-sdk';", 'const s3 = new S3({', "  region: 'us-west-2',", '  apiVersion: "2006-03-01",', '});', 's3.getSignedUrlPromise("putObject", { Bucket, Key });'),
    output: lines(
      "import { S3 } from 'aws-sdk';",
      'const s3 = new S3({',
      "  region: 'us-west-2',",
      '  apiVersion: "2006-03-01",',
      "  signatureVersion: 'v4',",
      '});',
      's3.getSignedUrlPromise("putObject", { Bucket, Key });',
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12, endLine: 5, endColumn: 3 }],
  },
  {
    // Client module default import, multi-line without a trailing comma and with a trailing comment.
    code: lines("import S3 from 'aws-sdk/clients/s3';", 'const s3 = new S3({', '    region: process.env.AWS_REGION // set by the platform', '});', presign),
    output: lines(
      "import S3 from 'aws-sdk/clients/s3';",
      'const s3 = new S3({',
      '    region: process.env.AWS_REGION, // set by the platform',
      "    signatureVersion: 'v4'",
      '});',
      presign,
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // require('aws-sdk'), double quotes kept.
    code: lines('const AWS = require("aws-sdk");', "const s3 = new AWS.S3({ region: 'us-east-1' });", 's3.getSignedUrlPromise("getObject", { Bucket: "media", Key });'),
    output: lines('const AWS = require("aws-sdk");', "const s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });", 's3.getSignedUrlPromise("getObject", { Bucket: "media", Key });'),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Quote style from the file when the options hold no string.
    code: lines('const AWS = require("aws-sdk");', 'const s3 = new AWS.S3({ region });', 's3.getSignedUrl("getObject", { Bucket, Key });'),
    output: lines('const AWS = require("aws-sdk");', 'const s3 = new AWS.S3({ region, signatureVersion: "v4" });', 's3.getSignedUrl("getObject", { Bucket, Key });'),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // require of the client module.
    code: lines("const S3 = require('aws-sdk/clients/s3');", 'const s3 = new S3({});', presign),
    output: lines("const S3 = require('aws-sdk/clients/s3');", "const s3 = new S3({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Destructured require.
    code: lines("const { S3 } = require('aws-sdk');", 'const s3 = new S3();', presign),
    output: lines("const { S3 } = require('aws-sdk');", "const s3 = new S3({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Aliased destructured require.
    code: lines("const { S3: StorageClient } = require('aws-sdk');", 'const s3 = new StorageClient();', presign),
    output: lines("const { S3: StorageClient } = require('aws-sdk');", "const s3 = new StorageClient({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Member of require().
    code: lines("const s3 = new (require('aws-sdk').S3)();", presign),
    output: lines("const s3 = new (require('aws-sdk').S3)({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 1, column: 12 }],
  },
  {
    // TypeScript import-equals.
    code: lines("import AWSSDK = require('aws-sdk');", 'const s3 = new AWSSDK.S3();', presign),
    output: lines("import AWSSDK = require('aws-sdk');", "const s3 = new AWSSDK.S3({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Aliased named import.
    code: lines("import { S3 as ObjectStore } from 'aws-sdk';", 'const s3 = new ObjectStore();', presign),
    output: lines("import { S3 as ObjectStore } from 'aws-sdk';", "const s3 = new ObjectStore({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Options through a variable: the object may be shared, so only a suggestion, which edits it.
    code: lines("import AWS from 'aws-sdk';", "const options = { region: 'us-east-1' };", 'const s3 = new AWS.S3(options);', presign),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4',
        line: 3,
        column: 12,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines("import AWS from 'aws-sdk';", "const options = { region: 'us-east-1', signatureVersion: 'v4' };", 'const s3 = new AWS.S3(options);', presign),
          },
        ],
      },
    ],
  },
  {
    // Spread of a visible object without signatureVersion: the inline literal is edited.
    code: lines("import AWS from 'aws-sdk';", "const shared = { region: 'eu-west-1' };", 'const s3 = new AWS.S3({ ...shared, maxRetries: 3 });', presign),
    output: lines("import AWS from 'aws-sdk';", "const shared = { region: 'eu-west-1' };", "const s3 = new AWS.S3({ ...shared, maxRetries: 3, signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 3, column: 12 }],
  },
  {
    // A custom endpoint (MinIO): only a suggestion.
    code: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ endpoint: 'http://localhost:9000', s3ForcePathStyle: true });", presign),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4CustomEndpoint',
        line: 2,
        column: 12,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines(
              "import AWS from 'aws-sdk';",
              "const s3 = new AWS.S3({ endpoint: 'http://localhost:9000', s3ForcePathStyle: true, signatureVersion: 'v4' });",
              presign,
            ),
          },
        ],
      },
    ],
  },
  {
    // An endpoint only runtime knows is treated like a custom one.
    code: lines("import AWS from 'aws-sdk';", 'const s3 = new AWS.S3({ endpoint: process.env.S3_ENDPOINT });', presign),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4CustomEndpoint',
        line: 2,
        column: 12,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ endpoint: process.env.S3_ENDPOINT, signatureVersion: 'v4' });", presign),
          },
        ],
      },
    ],
  },
  {
    // AWS_ENDPOINT_URL_S3 is AWS: fixed as usual.
    code: lines("import AWS from 'aws-sdk';", 'const s3 = new AWS.S3({ endpoint: process.env.AWS_ENDPOINT_URL_S3 });', presign),
    output: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ endpoint: process.env.AWS_ENDPOINT_URL_S3, signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // An amazonaws.com endpoint (built from a template) is AWS.
    code: lines("import AWS from 'aws-sdk';", 'const s3 = new AWS.S3({ endpoint: `https://s3.${region}.amazonaws.com` });', presign),
    output: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ endpoint: `https://s3.${region}.amazonaws.com`, signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // A v4 client beside a default one: only the default one is reported.
    code: lines(
      "import AWS from 'aws-sdk';",
      "const archive = new AWS.S3({ signatureVersion: 'v4' });",
      'const media = new AWS.S3();',
      "archive.getSignedUrl('getObject', { Bucket, Key });",
      "media.getSignedUrl('getObject', { Bucket, Key });",
    ),
    output: lines(
      "import AWS from 'aws-sdk';",
      "const archive = new AWS.S3({ signatureVersion: 'v4' });",
      "const media = new AWS.S3({ signatureVersion: 'v4' });",
      "archive.getSignedUrl('getObject', { Bucket, Key });",
      "media.getSignedUrl('getObject', { Bucket, Key });",
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 3, column: 15 }],
  },
  {
    // A client assigned in the constructor and presigning in a method.
    code: lines(
      "import AWS from 'aws-sdk';",
      'export class Uploads {',
      '  constructor(region) {',
      '    this.s3 = new AWS.S3({ region });',
      '  }',
      '  link(key) {',
      "    return this.s3.getSignedUrlPromise('putObject', { Bucket: 'uploads', Key: key });",
      '  }',
      '}',
    ),
    output: lines(
      "import AWS from 'aws-sdk';",
      'export class Uploads {',
      '  constructor(region) {',
      "    this.s3 = new AWS.S3({ region, signatureVersion: 'v4' });",
      '  }',
      '  link(key) {',
      "    return this.s3.getSignedUrlPromise('putObject', { Bucket: 'uploads', Key: key });",
      '  }',
      '}',
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 4, column: 15 }],
  },
  {
    // A class field, presigning inside an arrow function.
    code: lines(
      "import { S3 } from 'aws-sdk';",
      'export class Media {',
      '  private readonly s3 = new S3();',
      "  url = (key: string) => this.s3.getSignedUrl('getObject', { Bucket: 'media', Key: key });",
      '}',
    ),
    output: lines(
      "import { S3 } from 'aws-sdk';",
      'export class Media {',
      "  private readonly s3 = new S3({ signatureVersion: 'v4' });",
      "  url = (key: string) => this.s3.getSignedUrl('getObject', { Bucket: 'media', Key: key });",
      '}',
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 3, column: 25 }],
  },
  {
    // Presigning straight off the construction; `new` without parentheses.
    code: lines("import AWS from 'aws-sdk';", "const url = new AWS.S3;", "const link = url.getSignedUrl('getObject', { Bucket, Key });"),
    output: lines("import AWS from 'aws-sdk';", "const url = new AWS.S3({ signatureVersion: 'v4' });", "const link = url.getSignedUrl('getObject', { Bucket, Key });"),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 13 }],
  },
  {
    code: lines("import AWS from 'aws-sdk';", "export const link = (Key) => new AWS.S3().getSignedUrl('getObject', { Bucket: 'media', Key });"),
    output: lines("import AWS from 'aws-sdk';", "export const link = (Key) => new AWS.S3({ signatureVersion: 'v4' }).getSignedUrl('getObject', { Bucket: 'media', Key });"),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 30 }],
  },
  {
    // A global config that sets other things does not make the client SigV4.
    code: lines("const AWS = require('aws-sdk');", "AWS.config.update({ region: 'us-east-1', accessKeyId, secretAccessKey });", 'const s3 = new AWS.S3();', presign),
    output: lines("const AWS = require('aws-sdk');", "AWS.config.update({ region: 'us-east-1', accessKeyId, secretAccessKey });", "const s3 = new AWS.S3({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 3, column: 12 }],
  },
  {
    // Options inside `new AWS.Config(...)` written inline.
    code: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3(new AWS.Config({ region: 'us-west-2' }));", presign),
    output: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3(new AWS.Config({ region: 'us-west-2', signatureVersion: 'v4' }));", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Written once after declaration.
    code: lines("import AWS from 'aws-sdk';", 'let s3;', 's3 = new AWS.S3();', presign),
    output: lines("import AWS from 'aws-sdk';", 'let s3;', "s3 = new AWS.S3({ signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 3, column: 6 }],
  },
  {
    // Expiry beyond 7 days on a SigV4 client.
    code: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ signatureVersion: 'v4' });", "s3.getSignedUrl('getObject', { Bucket, Key, Expires: 8 * 24 * 3600 });"),
    output: null,
    errors: [{ messageId: 'expiresBeyondSigV4Limit', line: 3, column: 54, endColumn: 67, data: { seconds: '691200', ...SIGV4_LIMIT } }],
  },
  {
    // Expiry through a const, shorthand, on a default client: both problems.
    code: lines(
      "import AWS from 'aws-sdk';",
      'const Expires = 60 * 60 * 24 * 30;',
      'const s3 = new AWS.S3();',
      "const url = s3.getSignedUrl('getObject', { Bucket, Key, Expires });",
    ),
    output: lines(
      "import AWS from 'aws-sdk';",
      'const Expires = 60 * 60 * 24 * 30;',
      "const s3 = new AWS.S3({ signatureVersion: 'v4' });",
      "const url = s3.getSignedUrl('getObject', { Bucket, Key, Expires });",
    ),
    errors: [
      { messageId: 'presignWithoutSigV4', line: 3, column: 12 },
      { messageId: 'expiresBeyondSigV4Limit', line: 4, column: 57 },
    ],
  },
  {
    // Params through a variable; the client is not visible, the expiry still is.
    code: lines(
      'const ONE_YEAR = 365 * 24 * 60 * 60;',
      "const params = { Bucket: 'exports', Key: key, Expires: ONE_YEAR };",
      'export const exportUrl = (s3) => s3.getSignedUrlPromise("getObject", params);',
    ),
    output: null,
    errors: [{ messageId: 'expiresBeyondSigV4Limit', line: 2, column: 56 }],
  },
  {
    // aws-sdk v3 presigner.
    code: lines(
      "import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';",
      "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
      'const url = await getSignedUrl(client, new GetObjectCommand({ Bucket, Key }), { expiresIn: 7 * 24 * 3600 + 1 });',
    ),
    output: null,
    errors: [{ messageId: 'expiresInBeyondSigV4Limit', line: 3, column: 92, data: { seconds: '604801', ...SIGV4_LIMIT } }],
  },
  {
    // Aliased v3 import with the limit in a const.
    code: lines(
      "import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner';",
      'const TWO_WEEKS = 14 * 86400;',
      'export const link = (command) => presign(client, command, { expiresIn: TWO_WEEKS });',
    ),
    output: null,
    errors: [{ messageId: 'expiresInBeyondSigV4Limit', line: 3, column: 72 }],
  },
  {
    // Destructured require of the v3 presigner.
    code: lines("const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');", 'getSignedUrl(client, command, { expiresIn: 1209600 });'),
    output: null,
    errors: [{ messageId: 'expiresInBeyondSigV4Limit', line: 2, column: 44 }],
  },
  {
    // Namespace import of the v3 presigner, options through a variable.
    code: lines(
      "import * as presigner from '@aws-sdk/s3-request-presigner';",
      "const options = { expiresIn: '864000' };",
      'presigner.getSignedUrl(client, command, options);',
    ),
    output: null,
    errors: [{ messageId: 'expiresInBeyondSigV4Limit', line: 2, column: 30 }],
  },
  {
    // S3RequestPresigner#presign.
    code: lines(
      "import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';",
      'const presigner = new S3RequestPresigner(client.config);',
      'const signed = await presigner.presign(request, { expiresIn: 30 * 86400 });',
    ),
    output: null,
    errors: [{ messageId: 'expiresInBeyondSigV4Limit', line: 3, column: 62 }],
  },
  {
    // Hand-built URL: X-Amz-Expires concatenated from a const.
    code: lines('const EXPIRES = 10 * 24 * 3600;', "const url = host + '/' + key + '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=' + EXPIRES + '&X-Amz-SignedHeaders=host';"),
    output: null,
    errors: [{ messageId: 'amzExpiresBeyondSigV4Limit', line: 2, column: 85, endColumn: 92 }],
  },
  {
    // Hand-built URL in a template literal.
    code: lines('const expiry = 8 * 86400;', 'const query = `X-Amz-Credential=${credential}&X-Amz-Expires=${expiry}&X-Amz-SignedHeaders=host`;'),
    output: null,
    errors: [{ messageId: 'amzExpiresBeyondSigV4Limit', line: 2, column: 63 }],
  },
  {
    // Digits written straight into the string (this file's own string holds them too, on purpose).
    // eslint-disable-next-line sigv4/require-sigv4-presign -- test input for this very rule
    code: "const query = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=1209600&X-Amz-SignedHeaders=host';",
    output: null,
    errors: [{ messageId: 'amzExpiresBeyondSigV4Limit', line: 1, column: 15, data: { seconds: '1209600', ...SIGV4_LIMIT } }],
  },
  {
    // A query object.
    code: "const query = { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256', 'X-Amz-Expires': 30 * 24 * 3600, 'X-Amz-SignedHeaders': 'host' };",
    output: null,
    errors: [{ messageId: 'amzExpiresBeyondSigV4Limit', line: 1, column: 73 }],
  },
  {
    // URLSearchParams.
    code: "url.searchParams.set('X-Amz-Expires', String(14 * 24 * 3600));",
    output: null,
    errors: [{ messageId: 'amzExpiresBeyondSigV4Limit', line: 1, column: 39 }],
  },
  {
    // The browser bundle's global AWS.
    code: lines('var bucket = new AWS.S3({ params: { Bucket: "photos" } });', 'bucket.getSignedUrl("getObject", { Key: key }, done);'),
    output: lines('var bucket = new AWS.S3({ params: { Bucket: "photos" }, signatureVersion: "v4" });', 'bucket.getSignedUrl("getObject", { Key: key }, done);'),
    errors: [{ messageId: 'presignWithoutSigV4', line: 1, column: 14 }],
  },
  {
    // Single-line options with a trailing comma; two presigns on one client give one report.
    code: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ region: 'sa-east-1', });", presign, presign),
    output: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ region: 'sa-east-1', signatureVersion: 'v4', });", presign, presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Multi-line options with a trailing comma and a comment after it.
    code: lines("import AWS from 'aws-sdk';", 'const s3 = new AWS.S3({', '  maxRetries: 3, // flaky network', '});', presign),
    output: lines("import AWS from 'aws-sdk';", 'const s3 = new AWS.S3({', '  maxRetries: 3, // flaky network', "  signatureVersion: 'v4',", '});', presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // A TypeScript assertion on inline options is still inline.
    code: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ region: 'ap-northeast-1' } as AWS.S3.ClientConfiguration);", presign),
    output: lines("import AWS from 'aws-sdk';", "const s3 = new AWS.S3({ region: 'ap-northeast-1', signatureVersion: 'v4' } as AWS.S3.ClientConfiguration);", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // A custom endpoint in options kept in a variable: suggestion on the variable's object.
    code: lines("import AWS from 'aws-sdk';", "const minioOptions = { endpoint: 'http://minio:9000', s3ForcePathStyle: true };", 'const s3 = new AWS.S3(minioOptions);', presign),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4CustomEndpoint',
        line: 3,
        column: 12,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines(
              "import AWS from 'aws-sdk';",
              "const minioOptions = { endpoint: 'http://minio:9000', s3ForcePathStyle: true, signatureVersion: 'v4' };",
              'const s3 = new AWS.S3(minioOptions);',
              presign,
            ),
          },
        ],
      },
    ],
  },
  {
    // The callback form, with an expiry from a const object.
    code: lines(
      "const S3 = require('aws-sdk/clients/s3');",
      'const LIMITS = { linkSeconds: 8 * 24 * 3600 };',
      "const s3 = new S3({ signatureVersion: 'v4' });",
      "s3.getSignedUrl('getObject', { Bucket, Key, Expires: LIMITS.linkSeconds }, (err, url) => done(err, url));",
    ),
    output: null,
    errors: [{ messageId: 'expiresBeyondSigV4Limit', line: 4, column: 54 }],
  },
  {
    // The type leaves `signatureVersion` to the caller (only `region` is ruled out): still the caller's choice.
    code: lines(
      "import { S3 } from 'aws-sdk';",
      "export function createS3(overrides: Omit<S3.ClientConfiguration, 'region'> = {}): S3 {",
      "  return new S3({ region: 'us-east-1', ...overrides });",
      '}',
      "createS3({}).getSignedUrl('getObject', { Bucket: 'media', Key: 'a' });",
    ),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4OptionsFromCaller',
        line: 3,
        column: 10,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines(
              "import { S3 } from 'aws-sdk';",
              "export function createS3(overrides: Omit<S3.ClientConfiguration, 'region'> = {}): S3 {",
              "  return new S3({ region: 'us-east-1', ...overrides, signatureVersion: 'v4' });",
              '}',
              "createS3({}).getSignedUrl('getObject', { Bucket: 'media', Key: 'a' });",
            ),
          },
        ],
      },
    ],
  },
  {
    // bluebird: the promisified method stored back on the client under its `Async` name.
    code: lines(
      "const AWS = require('aws-sdk');",
      'const s3 = new AWS.S3();',
      's3.getSignedUrlAsync = Promise.promisify(s3.getSignedUrl);',
      "s3.getSignedUrlAsync('putObject', { Bucket: 'media', Key: key, Expires: 2592000 });",
    ),
    output: lines(
      "const AWS = require('aws-sdk');",
      "const s3 = new AWS.S3({ signatureVersion: 'v4' });",
      's3.getSignedUrlAsync = Promise.promisify(s3.getSignedUrl);',
      "s3.getSignedUrlAsync('putObject', { Bucket: 'media', Key: key, Expires: 2592000 });",
    ),
    errors: [
      { messageId: 'presignWithoutSigV4', line: 2, column: 12 },
      { messageId: 'expiresBeyondSigV4Limit', line: 4, column: 73, data: { seconds: '2592000', ...SIGV4_LIMIT } },
    ],
  },
  {
    // A promisified alias that kept the method's name, with a constant fallback expiry.
    code: lines(
      "const { promisify } = require('util');",
      "const AWS = require('aws-sdk');",
      "const s3 = new AWS.S3({ region: 'us-east-1' });",
      'const getSignedUrl = promisify(s3.getSignedUrl).bind(s3);',
      'const TTL = parseInt(process.env.TTL, 10) || 2592000;',
      "getSignedUrl('getObject', { Bucket: 'media', Key: key, Expires: TTL });",
    ),
    output: lines(
      "const { promisify } = require('util');",
      "const AWS = require('aws-sdk');",
      "const s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });",
      'const getSignedUrl = promisify(s3.getSignedUrl).bind(s3);',
      'const TTL = parseInt(process.env.TTL, 10) || 2592000;',
      "getSignedUrl('getObject', { Bucket: 'media', Key: key, Expires: TTL });",
    ),
    errors: [
      { messageId: 'presignWithoutSigV4', line: 3, column: 12 },
      { messageId: 'expiresBeyondSigV4Limit', line: 6, column: 65, data: { seconds: '2592000', ...SIGV4_LIMIT } },
    ],
  },
];

/** Cases written in plain JavaScript that espree, ESLint's default parser, must handle the same way. */
const isPlainJavaScript = (code: string): boolean => !/import \w+ = require|: string|private |export class Media| as [A-Z]|Omit</.test(code);

// @typescript-eslint/rule-tester bundles its own copy of @typescript-eslint/utils, whose scope types
// are nominally different from ours; the rule object itself is the same at run time.
const testedRule = rule as unknown as Parameters<typeof typescriptRuleTester.run<MessageIds, []>>[1];

typescriptRuleTester.run('require-sigv4-presign', testedRule, { valid, invalid });

javascriptRuleTester.run('require-sigv4-presign (espree)', testedRule, {
  valid: valid.filter((test) => isPlainJavaScript(typeof test === 'string' ? test : test.code)),
  invalid: invalid.filter((test) => isPlainJavaScript(test.code)),
});
