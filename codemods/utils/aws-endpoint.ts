// Whether an SDK client's `endpoint` option visibly points at AWS: a legacy signer is a defect there,
// while an S3-compatible server elsewhere may need it on purpose.
import { Node } from 'ts-morph';

const AWS_ENDPOINT_ENV = /^process\.env(?:\.AWS_ENDPOINT_URL(?:_S3)?|\[\s*['"]AWS_ENDPOINT_URL(?:_S3)?['"]\s*\])$/;
const AWS_HOST = /\.amazonaws\.com\b/;

/** True for `endpoint: <an amazonaws.com URL>` or `endpoint: process.env.AWS_ENDPOINT_URL(_S3)`; a shorthand or spread says nothing. */
export function isVisiblyAwsEndpoint(endpoint: Node): boolean {
  return Node.isPropertyAssignment(endpoint) && isVisiblyAwsEndpointValue(endpoint.getInitializerOrThrow());
}

/** The same test for an endpoint value written elsewhere (`opts.endpoint = value`). */
export function isVisiblyAwsEndpointValue(value: Node): boolean {
  const text = value.getText();
  return AWS_ENDPOINT_ENV.test(text) || AWS_HOST.test(text);
}
