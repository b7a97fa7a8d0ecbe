// Issue 9 §3: a SigV4 presigned URL is signed for one region, so a client that adds
// `signatureVersion: 'v4'` with no region (or a placeholder) gets a note to set the bucket's region.
import { Node } from 'ts-morph';
import type { NewExpression } from 'ts-morph';
import { visibleOptionsLiteral } from './sdk-v2-s3-client';

/** `eu-west-1`, `us-gov-west-1`, `cn-north-1`: what an AWS region looks like. */
const REGION_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/** The note, when the client's visible options set no region or a string that is not a region. */
export function regionNote(construction: NewExpression | undefined): string {
  if (!construction) return '';
  const hasArguments = construction.getArguments().length > 0;
  const options = visibleOptionsLiteral(construction);
  if (hasArguments && !options) return '';
  const region = options?.getProperty('region');
  const value = Node.isPropertyAssignment(region) ? region.getInitializer() : undefined;
  const placeholder = value !== undefined && Node.isStringLiteral(value) && !REGION_SHAPE.test(value.getLiteralValue());
  if (region && !placeholder) return '';
  const what = region ? `its region \`${value!.getText()}\` is not an AWS region` : 'it sets no region';
  return ` (check by hand: ${what}, and SigV4 signs for the bucket's region)`;
}
