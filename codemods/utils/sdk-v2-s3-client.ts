// Reading an aws-sdk v2 S3 client construction (`new AWS.S3({…})`) as written: its options
// literal, whether its endpoint is visibly AWS, and whether it presigns with SigV4 already.
import { Node, SyntaxKind } from 'ts-morph';
import type { NewExpression, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { SIGV2_PRESIGN_REGIONS } from '../../rules/require-sigv4-presign';
import { isVisiblyAwsEndpoint } from './aws-endpoint';
import { soleVariableInitializer } from './bindings';
import { innermostExpression } from './expressions';

/** The `new …(…)` a finding on a client sits in (the reported node itself included). */
export function enclosingNewExpression(node: Node): NewExpression | undefined {
  return Node.isNewExpression(node) ? node : node.getFirstAncestorByKind(SyntaxKind.NewExpression);
}

/** The client's options when written as an object literal inside the `new` call. */
export function optionsLiteralOf(construction: NewExpression): ObjectLiteralExpression | undefined {
  const options = construction.getArguments()[0];
  const unwrapped = options && innermostExpression(options);
  return unwrapped && Node.isObjectLiteralExpression(unwrapped) ? unwrapped : undefined;
}

/** The client's options literal, written inside the call or in a variable of this file (for reading only). */
export function visibleOptionsLiteral(construction: NewExpression): ObjectLiteralExpression | undefined {
  const inline = optionsLiteralOf(construction);
  const options = construction.getArguments()[0];
  if (inline || !options) return inline;
  const unwrapped = innermostExpression(options);
  const initializer = Node.isIdentifier(unwrapped) ? soleVariableInitializer(construction.getSourceFile(), unwrapped.getText()) : undefined;
  return initializer && Node.isObjectLiteralExpression(initializer) ? initializer : undefined;
}

export function hasVisibleOption(construction: NewExpression, name: string): boolean {
  return visibleOptionsLiteral(construction)?.getProperty(name) !== undefined;
}

/**
 * True when the client visibly sets an `endpoint` this codemod cannot tell is AWS. Options it cannot
 * see count as AWS: the rule judged that client, and what it reported is what it asks to change.
 */
export function hasCustomEndpoint(construction: NewExpression): boolean {
  const endpoint = visibleOptionsLiteral(construction)?.getProperty('endpoint');
  return endpoint !== undefined && !isVisiblyAwsEndpoint(endpoint);
}

/** A constant region where aws-sdk v2 already presigns with SigV4: nothing to add. */
export function presignsWithSigV4Anyway(construction: NewExpression): boolean {
  const region = visibleOptionsLiteral(construction)?.getProperty('region');
  if (!region || !Node.isPropertyAssignment(region)) return false;
  const value = region.getInitializer();
  return Node.isStringLiteral(value) && !(SIGV2_PRESIGN_REGIONS as readonly string[]).includes(value.getLiteralValue());
}

/** `new S3(…)` / `new AWS.S3(…)` in a file that loads aws-sdk v2 (the whole SDK or its S3 client). */
export function looksLikeSdkV2S3Client(sourceFile: SourceFile, construction: NewExpression): boolean {
  return /(?:^|\.)S3$/.test(construction.getExpression().getText()) && /['"]aws-sdk(?:\/clients\/s3(?:\.js)?)?['"]/.test(sourceFile.getFullText());
}
