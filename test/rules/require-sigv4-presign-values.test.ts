// Proves require-sigv4-presign follows values the way real presign code moves them (issue 8 B):
// options mutated after creation, clients from factories or kept on `this`, promisify/bind of
// getSignedUrl, regions that are not known SigV4-only, expiry fallbacks, options from a caller,
// and the `maxExpiresIn` option for teams that sign with short-lived credentials.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule, InferOptionsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import rule from '../../rules/require-sigv4-presign';
import { typescriptRuleTester } from '../support/rule-tester';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;
type Options = InferOptionsTypeFromRule<typeof rule>;

const lines = (...source: string[]): string => source.join('\n');
const AWS_IMPORT = "import AWS from 'aws-sdk';";
const presign = "s3.getSignedUrl('getObject', { Bucket, Key });";
const SIGV4_LIMIT = { limit: '604800', reason: "SigV4's 7 days" };

const valid: (ValidTestCase<Options> | string)[] = [
  // signatureVersion set on the options after they were created, by assignment or Object.assign.
  lines(AWS_IMPORT, "const opts = { region: 'us-east-1' };", "opts.signatureVersion = 'v4';", 'const s3 = new AWS.S3(opts);', presign),
  lines(AWS_IMPORT, "const opts = { region: 'us-east-1' };", "Object.assign(opts, { signatureVersion: 'v4' });", 'const s3 = new AWS.S3(opts);', presign),
  // A factory and a client kept on `this` whose options say v4.
  lines(AWS_IMPORT, "const getS3 = () => new AWS.S3({ signatureVersion: 'v4' });", "getS3().getSignedUrl('getObject', { Bucket, Key });"),
  lines(
    AWS_IMPORT,
    'class Storage {',
    "  init() { this.s3 = new AWS.S3({ signatureVersion: 'v4' }); }",
    "  link(Key) { return this.s3.getSignedUrl('getObject', { Bucket, Key }); }",
    '}',
  ),
  // promisify of a v4 client's getSignedUrl.
  lines(
    AWS_IMPORT,
    "import { promisify } from 'util';",
    "const s3 = new AWS.S3({ signatureVersion: 'v4' });",
    'const presignAsync = promisify(s3.getSignedUrl).bind(s3);',
    "await presignAsync('getObject', { Bucket, Key });",
  ),
  // A constant region where aws-sdk v2 already presigns with SigV4, through a const.
  lines(AWS_IMPORT, "const REGION = 'eu-central-1';", 'const s3 = new AWS.S3({ region: REGION });', presign),
  // An expiry fallback within the limit, and within a custom limit.
  lines(AWS_IMPORT, "const s3 = new AWS.S3({ signatureVersion: 'v4' });", "s3.getSignedUrl('getObject', { Bucket, Key, Expires: parseInt(process.env.EXPIRES) || 3600 });"),
  {
    code: lines(AWS_IMPORT, "const s3 = new AWS.S3({ signatureVersion: 'v4' });", "s3.getSignedUrl('getObject', { Bucket, Key, Expires: 6 * 3600 });"),
    options: [{ maxExpiresIn: 21_600 }],
  },
  // A later write to the params does not count for a presign made before it.
  lines(AWS_IMPORT, "const s3 = new AWS.S3({ signatureVersion: 'v4' });", 'const params = { Bucket, Key, Expires: 60 };', "s3.getSignedUrl('getObject', params);", 'params.Expires = 30 * 86400;'),
  // A client built on first use by a getter whose options say v4.
  lines(
    AWS_IMPORT,
    'class Links {',
    "  get client() { return (this.cached ??= new AWS.S3({ signatureVersion: 'v4' })); }",
    "  link(Key) { return this.client.getSignedUrl('getObject', { Bucket, Key }); }",
    '}',
  ),
  // The client's own config switched to SigV4 after it was built.
  lines(AWS_IMPORT, "const s3 = new AWS.S3({ region: 'us-east-1' });", "s3.config.update({ signatureVersion: 'v4' });", presign),
  lines(AWS_IMPORT, "const s3 = new AWS.S3({ region: 'us-east-1' });", "s3.config.signatureVersion = 'v4';", presign),
  // A client injected through a TypeScript parameter property: built elsewhere.
  lines(AWS_IMPORT, 'class Links {', '  constructor(private readonly s3: AWS.S3) {}', "  link(Key: string) { return this.s3.getSignedUrl('getObject', { Bucket, Key }); }", '}'),
  // Destructured and parameter-property expiries whose defaults are within 7 days.
  lines(AWS_IMPORT, "const s3 = new AWS.S3({ signatureVersion: 'v4' });", "function link({ Key, expires = 3600 }) { return s3.getSignedUrl('getObject', { Bucket, Key, Expires: expires }); }"),
  // Global writes that run before a client built as the module loads: at load, or in a hoisted function called first.
  lines(AWS_IMPORT, "AWS.config.update({ signatureVersion: 'v4' });", "const s3 = new AWS.S3({ region: 'us-east-1' });", presign),
  lines(AWS_IMPORT, 'configure();', "const s3 = new AWS.S3({ region: 'us-east-1' });", presign, "function configure() { AWS.config.update({ signatureVersion: 'v4' }); }"),
  // A client built inside a function sees every global write of the file.
  lines(AWS_IMPORT, "function link(Key) { const s3 = new AWS.S3({ region: 'us-east-1' }); return s3.getSignedUrl('getObject', { Bucket, Key }); }", "AWS.config.update({ signatureVersion: 'v4' });"),
  // Defaults under the caller's presign options that are within 7 days.
  lines("import { getSignedUrl } from '@aws-sdk/s3-request-presigner';", 'const DEFAULTS = { expiresIn: 3600 };', 'const link = (client, command, options = {}) => getSignedUrl(client, command, { ...DEFAULTS, ...options });'),
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // Options mutated after creation, but never with signatureVersion: a suggestion edits the literal.
    code: lines(AWS_IMPORT, "const opts = { region: 'us-east-1' };", "opts.apiVersion = '2006-03-01';", 'const s3 = new AWS.S3(opts);', presign),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4',
        line: 4,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines(AWS_IMPORT, "const opts = { region: 'us-east-1', signatureVersion: 'v4' };", "opts.apiVersion = '2006-03-01';", 'const s3 = new AWS.S3(opts);', presign),
          },
        ],
      },
    ],
  },
  {
    // A client made by a factory and presigned through it.
    code: lines(AWS_IMPORT, "const getS3 = () => new AWS.S3({ region: 'us-east-1' });", "getS3().getSignedUrl('getObject', { Bucket, Key });"),
    output: lines(AWS_IMPORT, "const getS3 = () => new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });", "getS3().getSignedUrl('getObject', { Bucket, Key });"),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 21 }],
  },
  {
    // A client stored on `this` in a method other than the constructor and presigned in another.
    code: lines(AWS_IMPORT, 'class Storage {', '  init() { this.s3 = new AWS.S3(); }', "  link(Key) { return this.s3.getSignedUrl('getObject', { Bucket, Key }); }", '}'),
    output: lines(AWS_IMPORT, 'class Storage {', "  init() { this.s3 = new AWS.S3({ signatureVersion: 'v4' }); }", "  link(Key) { return this.s3.getSignedUrl('getObject', { Bucket, Key }); }", '}'),
    errors: [{ messageId: 'presignWithoutSigV4', line: 3, column: 22 }],
  },
  {
    // promisify(s3.getSignedUrl).bind(s3): the presign is the alias's call.
    code: lines(
      AWS_IMPORT,
      "import { promisify } from 'util';",
      'const s3 = new AWS.S3();',
      'const presignAsync = promisify(s3.getSignedUrl).bind(s3);',
      "export const link = (Key) => presignAsync('getObject', { Bucket, Key });",
    ),
    output: lines(
      AWS_IMPORT,
      "import { promisify } from 'util';",
      "const s3 = new AWS.S3({ signatureVersion: 'v4' });",
      'const presignAsync = promisify(s3.getSignedUrl).bind(s3);',
      "export const link = (Key) => presignAsync('getObject', { Bucket, Key });",
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 3, column: 12 }],
  },
  {
    // s3.getSignedUrl.bind(s3), with an expiry beyond 7 days through the alias too.
    code: lines(AWS_IMPORT, "const s3 = new AWS.S3({ region: 'REGION' });", 'const sign = s3.getSignedUrl.bind(s3);', "sign('getObject', { Bucket, Key, Expires: 8 * 86400 });"),
    output: lines(AWS_IMPORT, "const s3 = new AWS.S3({ region: 'REGION', signatureVersion: 'v4' });", 'const sign = s3.getSignedUrl.bind(s3);', "sign('getObject', { Bucket, Key, Expires: 8 * 86400 });"),
    errors: [
      { messageId: 'presignWithoutSigV4', line: 2, column: 12 },
      { messageId: 'expiresBeyondSigV4Limit', line: 4, column: 43, data: { seconds: '691200', ...SIGV4_LIMIT } },
    ],
  },
  {
    // A placeholder region is not a known SigV4-only region.
    code: lines(AWS_IMPORT, "const s3 = new AWS.S3({ region: 'REGION' });", presign),
    output: lines(AWS_IMPORT, "const s3 = new AWS.S3({ region: 'REGION', signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // A region from the environment with a SigV4-only fallback: the environment may name a SigV2 one.
    code: lines(AWS_IMPORT, "const s3 = new AWS.S3({ region: process.env.AWS_REGION || 'eu-central-1' });", presign),
    output: lines(AWS_IMPORT, "const s3 = new AWS.S3({ region: process.env.AWS_REGION || 'eu-central-1', signatureVersion: 'v4' });", presign),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // Options spread from a caller: only a suggestion, which makes v4 explicit.
    code: lines(AWS_IMPORT, 'export function makeS3(config) {', '  return new AWS.S3({ ...config });', '}', "makeS3({}).getSignedUrl('getObject', { Bucket, Key });"),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4OptionsFromCaller',
        line: 3,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines(AWS_IMPORT, 'export function makeS3(config) {', "  return new AWS.S3({ ...config, signatureVersion: 'v4' });", '}', "makeS3({}).getSignedUrl('getObject', { Bucket, Key });"),
          },
        ],
      },
    ],
  },
  {
    // Options passed in whole from a caller: the suggestion spreads them and sets v4.
    code: lines(AWS_IMPORT, 'export const makeS3 = (config) => new AWS.S3(config);', "makeS3(settings).getSignedUrl('getObject', { Bucket, Key });"),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4OptionsFromCaller',
        line: 2,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines(AWS_IMPORT, "export const makeS3 = (config) => new AWS.S3({ ...config, signatureVersion: 'v4' });", "makeS3(settings).getSignedUrl('getObject', { Bucket, Key });"),
          },
        ],
      },
    ],
  },
  {
    // A constant fallback above 7 days: reported on the fallback, the environment's value stays.
    code: lines(AWS_IMPORT, "const s3 = new AWS.S3({ signatureVersion: 'v4' });", "s3.getSignedUrl('getObject', { Bucket, Key, Expires: parseInt(process.env.EXPIRES) || 2592000 });"),
    output: null,
    errors: [{ messageId: 'expiresBeyondSigV4Limit', line: 3, column: 87, data: { seconds: '2592000', ...SIGV4_LIMIT } }],
  },
  {
    // An expiry set on the params by assignment before the presign.
    code: lines(AWS_IMPORT, "const s3 = new AWS.S3({ signatureVersion: 'v4' });", 'const params = { Bucket, Key };', 'params.Expires = 14 * 86400;', "s3.getSignedUrl('getObject', params);"),
    output: null,
    errors: [{ messageId: 'expiresBeyondSigV4Limit', line: 4, column: 18, data: { seconds: '1209600', ...SIGV4_LIMIT } }],
  },
  {
    // An expiry returned by a function.
    code: lines(AWS_IMPORT, "const s3 = new AWS.S3({ signatureVersion: 'v4' });", 'function linkLifetime() { return 30 * 86400; }', "s3.getSignedUrl('getObject', { Bucket, Key, Expires: linkLifetime() });"),
    output: null,
    errors: [{ messageId: 'expiresBeyondSigV4Limit', line: 4, column: 54, data: { seconds: '2592000', ...SIGV4_LIMIT } }],
  },
  {
    // maxExpiresIn: role credentials live 6 hours, so a day-long link dies early.
    code: lines(AWS_IMPORT, "const s3 = new AWS.S3({ signatureVersion: 'v4' });", "s3.getSignedUrl('getObject', { Bucket, Key, Expires: 86400 });"),
    options: [{ maxExpiresIn: 21_600 }],
    output: null,
    errors: [
      {
        messageId: 'expiresBeyondSigV4Limit',
        line: 3,
        column: 54,
        data: { seconds: '86400', limit: '21600', reason: "maxExpiresIn, the signing credentials' lifetime" },
      },
    ],
  },
  {
    // maxExpiresIn applies to SDK v3's expiresIn and hand-built X-Amz-Expires too.
    code: lines(
      "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
      'await getSignedUrl(client, command, { expiresIn: 12 * 3600 });',
      "const query = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=43200&X-Amz-SignedHeaders=host';",
    ),
    options: [{ maxExpiresIn: 3600 }],
    output: null,
    errors: [
      { messageId: 'expiresInBeyondSigV4Limit', line: 2, column: 50 },
      { messageId: 'amzExpiresBeyondSigV4Limit', line: 3, column: 15 },
    ],
  },
  {
    // A client built on first use by a getter (the getter returns a field set inside it).
    code: lines(
      AWS_IMPORT,
      'class FileLinks {',
      '  get client() {',
      "    if (!this.cached) this.cached = new AWS.S3({ region: this.region });",
      '    return this.cached;',
      '  }',
      "  link(Key) { return this.client.getSignedUrlPromise('getObject', { Bucket, Key }); }",
      '}',
    ),
    output: lines(
      AWS_IMPORT,
      'class FileLinks {',
      '  get client() {',
      "    if (!this.cached) this.cached = new AWS.S3({ region: this.region, signatureVersion: 'v4' });",
      '    return this.cached;',
      '  }',
      "  link(Key) { return this.client.getSignedUrlPromise('getObject', { Bucket, Key }); }",
      '}',
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 4, column: 37 }],
  },
  {
    // A static field client, read by class name and as `this` in a static method: one finding at the construction.
    code: lines(
      AWS_IMPORT,
      'class Reports {',
      "  static s3 = new AWS.S3({ region: 'us-east-1' });",
      "  static link(Key: string) { return this.s3.getSignedUrl('getObject', { Bucket, Key }); }",
      "  static preview(Key: string) { return Reports.s3.getSignedUrl('getObject', { Bucket, Key }); }",
      '}',
    ),
    output: lines(
      AWS_IMPORT,
      'class Reports {',
      "  static s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });",
      "  static link(Key: string) { return this.s3.getSignedUrl('getObject', { Bucket, Key }); }",
      "  static preview(Key: string) { return Reports.s3.getSignedUrl('getObject', { Bucket, Key }); }",
      '}',
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 3, column: 15 }],
  },
  {
    // A destructured expiry whose default is 30 days: reported where it is used.
    code: lines(
      AWS_IMPORT,
      "const s3 = new AWS.S3({ signatureVersion: 'v4' });",
      'function link({ Key, expires = 60 * 60 * 24 * 30 }) {',
      "  return s3.getSignedUrl('getObject', { Bucket, Key, Expires: expires });",
      '}',
    ),
    output: null,
    errors: [{ messageId: 'expiresBeyondSigV4Limit', line: 4, column: 63, data: { seconds: '2592000', ...SIGV4_LIMIT } }],
  },
  {
    // A parameter property whose default is 30 days, read as `this.ttl` by the v3 presigner.
    code: lines(
      "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
      'class Presigner {',
      '  constructor(private readonly client: S3Client, private readonly ttl = 2592000) {}',
      '  share(command: GetObjectCommand) { return getSignedUrl(this.client, command, { expiresIn: this.ttl }); }',
      '}',
    ),
    output: null,
    errors: [{ messageId: 'expiresInBeyondSigV4Limit', line: 4, column: 93, data: { seconds: '2592000', ...SIGV4_LIMIT } }],
  },
  {
    // Options a TypeScript parameter property brings in come from the caller: a suggestion, never a fix.
    code: lines(
      AWS_IMPORT,
      'class Storage {',
      '  private readonly s3: AWS.S3;',
      '  constructor(private readonly options: AWS.S3.ClientConfiguration) { this.s3 = new AWS.S3(this.options); }',
      "  link(Key: string) { return this.s3.getSignedUrl('getObject', { Bucket, Key }); }",
      '}',
    ),
    output: null,
    errors: [
      {
        messageId: 'presignWithoutSigV4OptionsFromCaller',
        line: 4,
        column: 81,
        suggestions: [
          {
            messageId: 'addSignatureVersionV4',
            output: lines(
              AWS_IMPORT,
              'class Storage {',
              '  private readonly s3: AWS.S3;',
              "  constructor(private readonly options: AWS.S3.ClientConfiguration) { this.s3 = new AWS.S3({ ...this.options, signatureVersion: 'v4' }); }",
              "  link(Key: string) { return this.s3.getSignedUrl('getObject', { Bucket, Key }); }",
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // A client built as the module loads copies AWS.config then: the handler's later update comes too late.
    code: lines(
      AWS_IMPORT,
      "const s3 = new AWS.S3({ region: 'us-east-1' });",
      'export function handler(Key) {',
      "  AWS.config.update({ signatureVersion: 'v4' });",
      "  return s3.getSignedUrl('getObject', { Bucket, Key });",
      '}',
    ),
    output: lines(
      AWS_IMPORT,
      "const s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });",
      'export function handler(Key) {',
      "  AWS.config.update({ signatureVersion: 'v4' });",
      "  return s3.getSignedUrl('getObject', { Bucket, Key });",
      '}',
    ),
    errors: [{ messageId: 'presignWithoutSigV4', line: 2, column: 12 }],
  },
  {
    // A 14-day default under the caller's options: reported at the default.
    code: lines(
      "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
      'const DEFAULTS = { expiresIn: 60 * 60 * 24 * 14 };',
      'const link = (client, command, options = {}) => getSignedUrl(client, command, { ...DEFAULTS, ...options });',
    ),
    output: null,
    errors: [{ messageId: 'expiresInBeyondSigV4Limit', line: 2, column: 31, data: { seconds: '1209600', ...SIGV4_LIMIT } }],
  },
];

// @typescript-eslint/rule-tester bundles its own copy of @typescript-eslint/utils, whose scope types
// are nominally different from ours; the rule object itself is the same at run time.
const testedRule = rule as unknown as Parameters<typeof typescriptRuleTester.run<MessageIds, Options>>[1];

typescriptRuleTester.run('require-sigv4-presign (values)', testedRule, { valid, invalid });
