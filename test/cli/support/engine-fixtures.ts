// Test-only rules and codemods injected into migrate: `legacySign(…)` is fixable (becomes the
// helper's signRequest), `manualSign(…)` has no codemod, so the engine is testable before the real
// rules land.
import { AST_NODE_TYPES, ESLintUtils } from '@typescript-eslint/utils';
import { mkdtempSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Codemod } from '../../../codemods/types';
import type { MigrateOptions } from '../../../src/migrate';

const createTestRule = ESLintUtils.RuleCreator((name) => `https://example.invalid/${name}`);

function calleeRule(name: string, callee: string, message: string) {
  return createTestRule({
    name,
    meta: { type: 'problem', docs: { description: message }, messages: { found: message }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        CallExpression(node) {
          if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === callee) {
            context.report({ node: node.callee, messageId: 'found' });
          }
        },
      };
    },
  });
}

export const legacySignRule = calleeRule('legacy-sign', 'legacySign', 'legacySign() signs with SigV2');
export const manualSignRule = calleeRule('manual-sign', 'manualSign', 'manualSign() signs with SigV2: sign with signRequest by hand');

/** Replaces the reported `legacySign` callee with the helper's signRequest. */
export const legacySignCodemod: Codemod = ({ finding, sourceFile, helper }) => {
  const local = helper.use(sourceFile, 'signRequest');
  return { kind: 'fixed', edits: [{ filePath: sourceFile.getFilePath(), start: finding.range[0], end: finding.range[1], text: local }] };
};

export const testEngine: Pick<MigrateOptions, 'rules' | 'codemods' | 'needles' | 'vendorDirectory'> = {
  rules: { 'legacy-sign': legacySignRule, 'manual-sign': manualSignRule },
  codemods: { 'legacy-sign': legacySignCodemod },
  needles: { 'legacy-sign': [['legacySign']], 'manual-sign': [['manualSign']] },
};

/** A vendored-helper folder with recognisable stand-ins for the three flavours. */
export function createVendorDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'sigv4-vendor-'));
  writeFileSync(join(directory, 'sigv4.ts'), 'export function signRequest(): string { return "ts"; }\n');
  writeFileSync(join(directory, 'sigv4.mjs'), 'export function signRequest() { return "mjs"; }\n');
  writeFileSync(join(directory, 'sigv4.cjs'), 'exports.signRequest = function signRequest() { return "cjs"; };\n');
  return directory;
}

/** A temp project from a map of relative path → content; returns its real path. */
export function createProject(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'sigv4-cli-')));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export const crossSignRule = calleeRule('cross-sign', 'crossSign', 'crossSign() uses a client configured for SigV2 in ./client');

/** Rewrites `'v2'` to `'v4'` in the imported ./client module: a cross-file fix. */
export const crossSignCodemod: Codemod = ({ sourceFile, resolveImport }) => {
  const client = resolveImport(sourceFile, './client');
  if (!client) return { kind: 'manual', todo: 'set the client in ./client to v4' };
  const text = client.getFullText();
  const start = text.indexOf("'v2'");
  if (start === -1) return { kind: 'manual', todo: 'no v2 in ./client' };
  return { kind: 'fixed', edits: [{ filePath: client.getFilePath(), start, end: start + 4, text: "'v4'" }] };
};
