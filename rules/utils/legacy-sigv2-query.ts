// no-legacy-signature's SigV2 query checks: a SignatureVersion of 2 set as a property, a name/value
// pair, an array pair, an assignment or a `set`/`append` call, in files that show SigV2's method and HMAC.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LegacyScan } from './legacy-scan';
import { getPropertyKeyName } from './static-value';
import { constantsOf } from '../values';

type IsVersion2 = (node: TSESTree.Node) => boolean;

/** `params.push({ name: 'SignatureVersion', value: self.signatureVersion() })`: a name/value pair list. */
function checkNameValuePair(scan: LegacyScan, isVersion2: IsVersion2, node: TSESTree.Property): void {
  const key = getPropertyKeyName(node);
  if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || !key || !/^(?:name|key)$/i.test(key)) return;
  const value = node.parent.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && /^value$/i.test(getPropertyKeyName(property) ?? ''),
  );
  if (value && isVersion2(value.value)) scan.context.report({ node: node.parent, messageId: 'sigV2QuerySigning' });
}

/** `kvs.push(['SignatureVersion', '2'])`, `new URLSearchParams([['SignatureVersion', '2'], …])`: a key/value pair. */
function checkArrayPair(scan: LegacyScan, isVersion2: IsVersion2, node: TSESTree.Literal): void {
  const pair = node.parent as TSESTree.ArrayExpression;
  const [key, value] = pair.elements;
  if (key === node && pair.elements.length === 2 && value && value.type !== AST_NODE_TYPES.SpreadElement && isVersion2(value)) {
    scan.context.report({ node: pair, messageId: 'sigV2QuerySigning' });
  }
}

export function sigV2QueryListeners(scan: LegacyScan): TSESLint.RuleListener {
  if (!scan.hasSignatureMethodEvidence) return {};
  const { context } = scan;
  // Any value the expression may hold: a constant, a method's return, a field set in the class.
  const isVersion2: IsVersion2 = (node) => constantsOf(scan.tracker().resolve(node)).some((value) => String(value) === '2');
  return {
    'Property[value.value="SignatureVersion"]'(node: TSESTree.Property) {
      checkNameValuePair(scan, isVersion2, node);
    },
    'ArrayExpression > Literal.elements[value="SignatureVersion"]'(node: TSESTree.Literal) {
      checkArrayPair(scan, isVersion2, node);
    },
    'Property[key.name="SignatureVersion"], Property[key.value="SignatureVersion"]'(node: TSESTree.Property) {
      if (node.parent.type === AST_NODE_TYPES.ObjectExpression && isVersion2(node.value)) context.report({ node, messageId: 'sigV2QuerySigning' });
    },
    'AssignmentExpression > MemberExpression.left[property.name="SignatureVersion"], AssignmentExpression > MemberExpression.left[property.value="SignatureVersion"]'(
      node: TSESTree.MemberExpression,
    ) {
      const assignment = node.parent as TSESTree.AssignmentExpression;
      if (isVersion2(assignment.right)) context.report({ node: assignment, messageId: 'sigV2QuerySigning' });
    },
    'CallExpression[callee.property.name=/^(?:set|append)$/][arguments.0.value="SignatureVersion"]'(node: TSESTree.CallExpression) {
      const value = node.arguments[1];
      if (value && isVersion2(value)) context.report({ node, messageId: 'sigV2QuerySigning' });
    },
  };
}
