// The npm packages known to sign AWS requests with SigV2 or SigV3, read from their code at a tag:
// the one table the rule `no-legacy-signing-dependency`, the CLI and the rule's docs page read.

/** What a project can do about an affected dependency. */
export type SigningFix =
  /** A later release signs with SigV4; `apiCompatible` only where the package's own changelog says
   * the upgrade keeps its API, since only then may an editor suggestion rewrite the range. */
  | { kind: 'upgrade'; version: string; apiCompatible: boolean }
  /** No release signs with SigV4: move to a maintained package (`packages` are npm install targets;
   * `note` says which one fits when the old package spoke to several AWS services). */
  | { kind: 'replace'; packages: readonly string[]; note?: string };

export interface LegacySigningDependency {
  /** The npm package name. */
  name: string;
  /** The semver range of releases that sign with SigV2/SigV3 (`*` when no release signs with SigV4). */
  affected: string;
  /** What those releases sign with, as the code at the cited tag shows. */
  signs: string;
  fix: SigningFix;
  /** Where this was verified: the repository file or changelog at a tag or commit. */
  sources: readonly string[];
}

/** For packages that wrapped many AWS services, the replacement depends on the services called. */
const PER_SERVICE_CLIENTS = 'the `@aws-sdk/client-*` package of each AWS service it calls';

export const LEGACY_SIGNING_DEPENDENCIES: readonly LegacySigningDependency[] = [
  {
    name: 'amazon-ses',
    affected: '*',
    signs: 'SigV3 (`X-Amzn-Authorization: AWS3-HTTPS`) for SES',
    fix: { kind: 'replace', packages: ['@aws-sdk/client-ses'] },
    sources: ['https://github.com/jjenkins/node-amazon-ses/blob/fd51850780fd2c0c86daf33c81ceb7b6b8d523bc/main.js (0.0.3, last commit)'],
  },
  {
    name: 'aws-lib',
    affected: '*',
    signs: 'SigV2 query signatures (`SignatureVersion=2`) and SigV3 (`AWS3-HTTPS`)',
    fix: { kind: 'replace', packages: ['@aws-sdk/client-ec2'], note: PER_SERVICE_CLIENTS },
    sources: [
      'https://github.com/mirkokiefer/aws-lib/blob/d025b4a1f4cd59af3e414d6c16f6809641fcdd30/lib/aws.js (0.3.0, last commit)',
      'https://github.com/mirkokiefer/aws-lib/blob/d025b4a1f4cd59af3e414d6c16f6809641fcdd30/lib/ec2.js',
    ],
  },
  {
    name: 'aws-sign',
    affected: '*',
    signs: 'SigV2 for S3 (`Authorization: AWS key:signature`, HMAC-SHA1)',
    fix: { kind: 'replace', packages: ['aws4'] },
    sources: [
      'https://github.com/mikeal/aws-sign/blob/05b59e0cf0f0ba16e6bc55ade5ef50092da346dc/index.js (0.4.0; tags v0.3.0–v0.4.0 published as aws-sign)',
      'https://github.com/egorFiNE/node-aws-sign/blob/ffa1d77b4ad6ef6535dbb7789a540bfbc32d5901/index.js (1.0.1, the later owner of the name)',
    ],
  },
  {
    name: 'aws-sign2',
    affected: '*',
    signs: 'SigV2 for S3 (`Authorization: AWS key:signature`, HMAC-SHA1)',
    fix: { kind: 'replace', packages: ['aws4'] },
    sources: ['https://github.com/mikeal/aws-sign/blob/7a31c117c9a6e03e44b73895c170b7af14d21c38/index.js (0.7.1; every tag v0.5.0–v0.7.1)'],
  },
  {
    name: 'aws2',
    affected: '*',
    signs: 'SigV2 query signatures (`SignatureVersion=2`)',
    fix: { kind: 'replace', packages: ['aws4'] },
    sources: ['https://github.com/mhart/aws2/blob/3a088dcf644962d11d4ab15857f0b57f72003fa0/aws2.js (0.4.0, last tag)'],
  },
  {
    name: 'aws2js',
    affected: '<=0.8.3',
    signs: 'SigV2 (S3 `AWS key:signature` and query `SignatureVersion=2`) and SigV3 (`AWS3-HTTPS`)',
    fix: { kind: 'replace', packages: ['@aws-sdk/client-s3'], note: PER_SERVICE_CLIENTS },
    sources: [
      'https://github.com/SaltwaterC/aws2js/blob/77163e39e618a7f8e787b98e920cd79eb61bf97a/lib/internals.js (v0.8.3, last tag; SigV4 exists only on the unreleased 0.9.0-dev branch)',
      'https://github.com/SaltwaterC/aws2js/blob/77163e39e618a7f8e787b98e920cd79eb61bf97a/lib/aws.js',
    ],
  },
  {
    name: 'aws3',
    affected: '*',
    signs: 'SigV3 (`X-Amzn-Authorization: AWS3-HTTPS` / `AWS3`)',
    fix: { kind: 'replace', packages: ['aws4'] },
    sources: ['https://github.com/mhart/aws3/blob/a7cc2c5179d2c4ac58b63c78140e332af2fc3ce0/aws3.js (0.2.1, last tag)'],
  },
  {
    name: 'awssum',
    affected: '<1.0.0',
    signs: 'SigV2 (S3 and CloudFront `AWS key:signature`, query `SignatureVersion=2`) and SigV3 (Route 53, SES `AWS3-HTTPS`)',
    fix: { kind: 'replace', packages: ['@aws-sdk/client-s3'], note: `${PER_SERVICE_CLIENTS}; AwsSum is deprecated in favour of aws-sdk (README at 1.3.0)` },
    sources: [
      'https://github.com/chilts/awssum/blob/38c76ad142cfea022c0376238db92c9063603747/lib/amazon/s3.js (v0.12.2, last release with built-in services)',
      'https://github.com/chilts/awssum/blob/38c76ad142cfea022c0376238db92c9063603747/lib/amazon/route53.js',
    ],
  },
  {
    name: 'awssum-amazon-s3',
    affected: '*',
    signs: 'SigV2 for S3 (`Authorization: AWS key:signature`)',
    fix: { kind: 'replace', packages: ['@aws-sdk/client-s3'] },
    sources: ['https://github.com/chilts/awssum-amazon-s3/blob/80f786709e1d28867e38c87b33f906166ff59ca5/awssum-amazon-s3.js (v1.5.0, last tag)'],
  },
  {
    name: 'awssum-amazon-ses',
    affected: '*',
    signs: 'SigV3 (`X-Amzn-Authorization: AWS3-HTTPS`) for SES',
    fix: { kind: 'replace', packages: ['@aws-sdk/client-ses'] },
    sources: ['https://github.com/chilts/awssum-amazon-ses/blob/78da3a166858b8b374ed9007ba0311778a11a839/awssum-amazon-ses.js (v1.2.0, last tag)'],
  },
  {
    name: 'knox',
    affected: '*',
    signs: 'SigV2 for S3 (`Authorization: AWS key:signature`, HMAC-SHA1) and SigV2 presigned URLs',
    fix: { kind: 'replace', packages: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'] },
    sources: ['https://github.com/Automattic/knox/blob/6b6b80ad331908bcc491565916302d3c44315f0a/lib/auth.js (0.9.3, last tag; a SigV4 commit was never released)'],
  },
  {
    name: 'node-ses',
    affected: '<2.0.0',
    signs: 'SigV3 (`X-Amzn-Authorization: AWS3-HTTPS`) for SES',
    fix: { kind: 'upgrade', version: '2.0.0', apiCompatible: true },
    sources: [
      'https://github.com/aheckmann/node-ses/blob/872dea93170c9e19e62428a743e1f9f52460b8ae/lib/email.js (v1.2.0)',
      'https://github.com/aheckmann/node-ses/blob/490125d21e084bc17c3db9da38e928d0b4b5f275/History.md (v2.0.0: SigV4 through aws4, "backwards compatible with 1.2 for normal use")',
    ],
  },
  {
    name: 'nodemailer',
    affected: '>=0.2.0 <0.7.0',
    signs: 'SigV3 (`X-Amzn-Authorization: AWS3-HTTPS`) in its SES transport',
    fix: { kind: 'upgrade', version: '0.7.0', apiCompatible: false },
    sources: [
      'https://github.com/nodemailer/nodemailer/blob/bae06159fb0024a27b6b7fa3b6719c9fe5c891b6/lib/engines/ses.js (v0.6.5; first in v0.2.0)',
      'https://github.com/nodemailer/nodemailer/blob/cbd825663520a72f88b443a7b2afcd942e18a094/CHANGELOG.md (v0.7.0: "Replace current SES with new SES using AWS-SDK")',
    ],
  },
];
