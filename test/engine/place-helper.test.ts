// One helper per project (issue 9 §3): JavaScript files import the TypeScript helper when the
// tsconfig that covers them and the TypeScript users allows it; otherwise one helper per module system.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TsCompilerHints } from '../../codemods/utils/helper-vendor';
import { createHelperPlacement } from '../../src/engine/place-helper';
import type { HelperUser } from '../../src/engine/place-helper';

const TS_USER: HelperUser = { path: '/p/src/api.ts', style: 'esm' };
const ESM_USER: HelperUser = { path: '/p/src/legacy/links.js', style: 'esm' };
const CJS_USER: HelperUser = { path: '/p/src/legacy/worker.js', style: 'cjs' };
const CJS_FILE_USER: HelperUser = { path: '/p/src/legacy/tool.cjs', style: 'cjs' };

/** Places the helper for `users`, every one of them covered by `hints` (one tsconfig), and asks each its specifier. */
function place(users: HelperUser[], hintsOf: (path: string) => TsCompilerHints | undefined) {
  const placement = createHelperPlacement(users, { compilerHintsOf: hintsOf, existingText: () => undefined });
  const specifiers = Object.fromEntries(users.map((user) => [user.path, placement.specifierFor(user.path, '')]));
  return { specifiers, helpers: placement.placed().map((helper) => helper.path).sort() };
}

describe('helper placement: one helper per project', () => {
  it('lets ESM .js files import the .ts helper under allowJs with bundler resolution', () => {
    const hints: TsCompilerHints = { allowJs: true, module: 'esnext', moduleResolution: 'bundler' };
    const { specifiers, helpers } = place([TS_USER, ESM_USER], () => hints);
    assert.deepEqual(helpers, ['/p/src/sigv4.ts']);
    assert.equal(specifiers[TS_USER.path], './sigv4');
    assert.equal(specifiers[ESM_USER.path], '../sigv4');
  });

  it('writes .js specifiers under nodenext, which maps them to the .ts helper', () => {
    const hints: TsCompilerHints = { allowJs: true, module: 'nodenext' };
    const { specifiers, helpers } = place([TS_USER, ESM_USER], () => hints);
    assert.deepEqual(helpers, ['/p/src/sigv4.ts']);
    assert.equal(specifiers[ESM_USER.path], '../sigv4.js');
  });

  it('lets CommonJS .js files require the .ts helper when TypeScript emits CommonJS; a .cjs file keeps its own', () => {
    const hints: TsCompilerHints = { allowJs: true, module: 'commonjs', moduleResolution: 'node10' };
    const { specifiers, helpers } = place([TS_USER, CJS_USER, CJS_FILE_USER], () => hints);
    assert.deepEqual(helpers, ['/p/src/sigv4.cjs', '/p/src/sigv4.ts']);
    assert.equal(specifiers[CJS_USER.path], '../sigv4');
    assert.equal(specifiers[CJS_FILE_USER.path], '../sigv4.cjs');
  });

  it('keeps one helper per module system without allowJs', () => {
    const hints: TsCompilerHints = { module: 'nodenext' };
    const { specifiers, helpers } = place([TS_USER, ESM_USER, CJS_USER], () => hints);
    assert.deepEqual(helpers, ['/p/src/sigv4.cjs', '/p/src/sigv4.mjs', '/p/src/sigv4.ts']);
    assert.equal(specifiers[ESM_USER.path], '../sigv4.mjs');
  });

  it('keeps the JavaScript helper when the .js file sits under another tsconfig than the TypeScript users', () => {
    const tsProject: TsCompilerHints = { allowJs: true, module: 'nodenext' };
    const jsProject: TsCompilerHints = { allowJs: true, module: 'nodenext' };
    const { helpers } = place([TS_USER, ESM_USER], (path) => (path.endsWith('.ts') ? tsProject : jsProject));
    assert.deepEqual(helpers, ['/p/src/sigv4.mjs', '/p/src/sigv4.ts']);
  });

  it('keeps the CommonJS helper where TypeScript emits ESM (a require of it would fail)', () => {
    const hints: TsCompilerHints = { allowJs: true, module: 'esnext', moduleResolution: 'bundler' };
    const { helpers } = place([TS_USER, CJS_USER], () => hints);
    assert.deepEqual(helpers, ['/p/src/sigv4.cjs', '/p/src/sigv4.ts']);
  });
});
