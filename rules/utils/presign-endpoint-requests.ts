// Recognises a request to an API endpoint whose path names a presign (`/uploads/presigned`,
// `/sign-s3`, `/file/get_presigned_url`): the URL in its response is the presigned upload URL.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getPropertyKeyName } from './static-value';

/** Path words of endpoints that hand out a presigned upload URL (not `unsigned`, not a download). */
const PRESIGN_ENDPOINT_PATH = /presign|(?<!un)sign[-_]?s3|(?<!un)signed[-_]?(?:url|request|upload|put)|upload[-_]?(?:url|target|ticket|slot|link)/i;

/** The written text of a string or template literal (interpolated values left out). */
function writtenText(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
  return undefined;
}

/** The written URL of a request call: its first argument, or the `url` of a config object (`axios({ url })`). */
function requestUrlText(call: TSESTree.CallExpression): string | undefined {
  const [first] = call.arguments;
  if (first?.type !== AST_NODE_TYPES.ObjectExpression) return writtenText(first);
  const url = first.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === 'url',
  );
  return writtenText(url?.value);
}

/** Whether a call requests a presign endpoint written in the source (`api.get(`/tickets/${id}/presigned`)`). */
export function requestsPresignEndpoint(call: TSESTree.CallExpression): boolean {
  const text = requestUrlText(call);
  return text !== undefined && PRESIGN_ENDPOINT_PATH.test(text);
}

/** Parts of a response that carry its body along: `res.data`, `res.body`, `(await res.json())`. */
const RESPONSE_BODY_KEYS = new Set(['data', 'body']);

/** The response a body read comes from: `res` of `res.data` or `res.json()`; undefined for anything else. */
export function responseOfBody(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression && RESPONSE_BODY_KEYS.has(getPropertyKeyName(node) ?? '')) return node.object;
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return undefined;
  const { callee } = node;
  return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyKeyName(callee) === 'json' ? callee.object : undefined;
}
