// Reports request signing older than Signature Version 4: SigV3 headers, SigV2 query and S3 signing,
// aws-sdk v2 legacy `signatureVersion` settings, and libraries that can only sign with SigV2.
// Each family of checks lives in its own module and runs only when the file's text can hold it.
import { createRule } from './utils/create-rule';
import { legacyLibraryListeners, requestAwsOptionListeners } from './utils/legacy-libraries';
import { type LegacyMessageIds, mergeListeners, startLegacyScan } from './utils/legacy-scan';
import { legacyStringListeners } from './utils/legacy-strings';
import { signatureVersionListeners } from './utils/legacy-signature-version';
import { sigV2QueryListeners } from './utils/legacy-sigv2-query';

export default createRule<[], LegacyMessageIds>({
  name: 'no-legacy-signature',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow AWS request signing older than Signature Version 4 (SigV2, SigV3, S3 SigV2 presigns)',
      recommended: true,
    },
    fixable: 'code',
    // The suggestions are reported from the check modules (rules/utils/legacy-*.ts), where this lint rule cannot see them.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
    hasSuggestions: true,
    messages: {
      legacyAuthHeader:
        "'X-Amzn-Authorization' carries an AWS Signature Version 3 signature, which AWS no longer accepts. Sign with Signature Version 4 (an 'Authorization: AWS4-HMAC-SHA256 …' header).",
      legacyAuthScheme:
        "'{{scheme}}' is the AWS Signature Version 3 auth scheme, which AWS no longer accepts. Build a Signature Version 4 'Authorization: AWS4-HMAC-SHA256 …' header instead.",
      sigV2QuerySigning:
        'SignatureVersion=2 query signing is AWS Signature Version 2, which newer regions and more services every year reject. Sign the query with Signature Version 4.',
      s3SigV2PresignedUrl:
        'This builds an S3 Signature Version 2 presigned URL (AWSAccessKeyId, Expires, Signature), which S3 rejects in newer regions and for newer buckets. Presign with Signature Version 4 (at most 7 days).',
      s3SigV2Hmac:
        'HMAC-SHA1 over an S3 string-to-sign is S3 Signature Version 2, which S3 rejects in newer regions and for newer buckets. Sign with Signature Version 4 (HMAC-SHA256 over a canonical request).',
      s3SigV2AuthHeader:
        "'AWS <AccessKeyId>:<Signature>' is an S3 Signature Version 2 Authorization header, which S3 rejects in newer regions and for newer buckets. Sign with Signature Version 4.",
      legacySignatureVersion: "signatureVersion '{{version}}' makes aws-sdk v2 sign with {{name}}, which AWS rejects. Use 'v4'.",
      legacySignatureVersionCustomEndpoint:
        "signatureVersion '{{version}}' makes aws-sdk v2 sign with {{name}}, and this client's endpoint is not visibly AWS. Use 'v4' if the server is AWS or supports SigV4.",
      signatureVersionInSdkV3: "AWS SDK v3 clients ignore 'signatureVersion' and always sign with Signature Version 4. Remove it.",
      awsSign2Library: "'aws-sign2' only produces S3 Signature Version 2 headers, which S3 rejects in newer regions and for newer buckets. Sign with Signature Version 4 (aws4, the sigv4-migrate helper, or an AWS SDK).",
      aws3Library: "'aws3' signs requests with AWS Signature Version 3, which AWS no longer accepts. Use its successor aws4 (same `sign(options)` call) or an AWS SDK.",
      knoxLibrary: "'knox' signs every S3 request with Signature Version 2 and is unmaintained. Use @aws-sdk/client-s3 (or aws-sdk v2 with signatureVersion 'v4').",
      sigV2SignerConstructor:
        "'signerConstructor' plugs the aws-sdk-signature-v2 Signature Version 2 signer into an SDK v3 client. Remove it so the client signs with Signature Version 4.",
      sigV2SignerLibrary: "'aws-sdk-signature-v2' signs with Signature Version 2. Let the SDK v3 client sign with its default Signature Version 4.",
      requestAwsOption: "The 'request' package signs its 'aws' option with S3 Signature Version 2 unless 'sign_version: 4' is set. Add 'sign_version: 4' or move to an AWS SDK.",
      useSigV4: "Use signatureVersion 'v4'.",
      removeSignatureVersion: "Remove the ignored 'signatureVersion' option.",
      removeSignerConstructor: "Remove 'signerConstructor' so the client signs with Signature Version 4.",
      addSignVersion4: "Set 'sign_version: 4'.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const scan = startLegacyScan(context);
    return mergeListeners(
      legacyStringListeners(scan),
      sigV2QueryListeners(scan),
      signatureVersionListeners(scan),
      legacyLibraryListeners(scan),
      requestAwsOptionListeners(scan),
    );
  },
});
