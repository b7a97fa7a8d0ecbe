// no-legacy-signature's library checks: modules that can only sign with SigV2/SigV3 (aws-sign2, knox,
// aws3, aws-sdk-signature-v2 and its `signerConstructor`), and the `request` package's `aws` option.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ScopeOf } from './const-binding';
import { type LegacyScan, SIGNER_V2_MODULE } from './legacy-scan';
import { requiredModuleSource, resolveModuleMember } from './module-binding';
import { findObjectDestinations } from './object-destinations';
import { findObjectProperty, resolveObjectLiteral } from './object-literal';
import { appendProperty, removeProperty } from './property-fixes';
import { getStaticString } from './static-value';

/** Packages that send the `request` package's options, including its `aws` option, unchanged. */
const REQUEST_MODULES = new Set(['request', 'request-promise', 'request-promise-native', 'postman-request']);

function moduleMatches(source: string, name: string): boolean {
  return source === name || source.startsWith(`${name}/`);
}

/** The module member path without the ESM interop `default` segment. */
function memberPath(path: readonly string[]): readonly string[] {
  return path[0] === 'default' ? path.slice(1) : path;
}

function isRequestCall(call: TSESTree.CallExpression | TSESTree.NewExpression, scopeOf: ScopeOf): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const member = resolveModuleMember(call.callee, scopeOf);
  if (!member || !REQUEST_MODULES.has(member.source)) return false;
  // `request(opts)`, `request.get(opts)`, `request.defaults(opts)`.
  return memberPath(member.path).length <= 1;
}

/** What the library checks have seen: imports of aws-sdk-signature-v2, and whether a client plugs it in. */
interface SignerV2Use {
  readonly imports: TSESTree.Node[];
  used: boolean;
}

function checkModuleSource(scan: LegacyScan, signerV2: SignerV2Use, node: TSESTree.Node, source: string): void {
  const { context } = scan;
  if (moduleMatches(source, 'aws-sign2')) context.report({ node, messageId: 'awsSign2Library' });
  else if (moduleMatches(source, 'knox')) context.report({ node, messageId: 'knoxLibrary' });
  else if (moduleMatches(source, 'aws3')) context.report({ node, messageId: 'aws3Library' });
  else if (moduleMatches(source, SIGNER_V2_MODULE)) signerV2.imports.push(node);
}

function checkSignerConstructor(scan: LegacyScan, signerV2: SignerV2Use, node: TSESTree.Property): void {
  const member = resolveModuleMember(node.value, scan.scopeOf);
  if (!member || !moduleMatches(member.source, SIGNER_V2_MODULE)) return;
  signerV2.used = true;
  scan.context.report({
    node,
    messageId: 'sigV2SignerConstructor',
    suggest: [{ messageId: 'removeSignerConstructor', fix: (fixer) => removeProperty(fixer, scan.sourceCode, node) }],
  });
}

export function legacyLibraryListeners(scan: LegacyScan): TSESLint.RuleListener {
  if (!scan.checksLibraries) return {};
  const signerV2: SignerV2Use = { imports: [], used: false };
  const check = (node: TSESTree.Node, source: string): void => checkModuleSource(scan, signerV2, node, source);
  return {
    ImportDeclaration: (node) => check(node, node.source.value),
    ImportExpression(node) {
      if (node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string') check(node, node.source.value);
    },
    TSImportEqualsDeclaration(node) {
      const reference = node.moduleReference;
      if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && typeof reference.expression.value === 'string') {
        check(node, reference.expression.value);
      }
    },
    'CallExpression[callee.type="Identifier"][callee.name="require"]'(node: TSESTree.CallExpression) {
      const source = requiredModuleSource(node, scan.scopeOf);
      if (source !== undefined) check(node, source);
    },
    'Property[key.name="signerConstructor"]'(node: TSESTree.Property) {
      checkSignerConstructor(scan, signerV2, node);
    },
    'Program:exit'() {
      if (signerV2.used) return;
      for (const importNode of signerV2.imports) scan.context.report({ node: importNode, messageId: 'sigV2SignerLibrary' });
    },
  };
}

function checkRequestAwsOption(scan: LegacyScan, property: TSESTree.Property): void {
  const { scopeOf } = scan;
  const options = property.parent;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return;
  const passedToRequest = findObjectDestinations(options, scan.sourceCode).some(
    (destination) => 'call' in destination && isRequestCall(destination.call, scopeOf),
  );
  if (!passedToRequest) return;
  const aws = resolveObjectLiteral(property.value, scopeOf);
  if (!aws) return;
  const signVersion = findObjectProperty(aws, 'sign_version', scopeOf);
  if (signVersion.kind === 'unknown') return;
  if (signVersion.kind === 'found' && getStaticString(signVersion.value, scopeOf(signVersion.value)) === '4') return;
  scan.context.report({
    node: property,
    messageId: 'requestAwsOption',
    suggest: [
      {
        messageId: 'addSignVersion4',
        fix: (fixer) => (signVersion.kind === 'found' ? fixer.replaceText(signVersion.value, '4') : appendProperty(fixer, aws, 'sign_version: 4')),
      },
    ],
  });
}

export function requestAwsOptionListeners(scan: LegacyScan): TSESLint.RuleListener {
  if (!scan.checksRequestAws) return {};
  return {
    'Property[key.name="aws"]'(property: TSESTree.Property) {
      checkRequestAwsOption(scan, property);
    },
  };
}
