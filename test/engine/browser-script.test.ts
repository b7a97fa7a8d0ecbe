// Browser scripts (issue 9 §3): a file with no module system gets no inserted import or require;
// a fix that needs the helper there is listed as manual work with the recipe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { migrate } from '../../src/migrate';
import { createProject, createVendorDirectory, testEngine } from '../cli/support/engine-fixtures';

const vendorDirectory = createVendorDirectory();
const run = (files: Record<string, string>) => {
  const root = createProject(files);
  return migrate({ cwd: root, vendorDirectory, ...testEngine }).then((report) => ({ root, report }));
};

describe('engine: browser scripts', () => {
  const scripts: [string, string][] = [
    ['a UMD wrapper (which mentions module.exports)', "(function (root, factory) {\n  if (typeof module === 'object' && module.exports) module.exports = factory();\n  else root.Signer = factory();\n})(this, function () {\n  return { sign: (r) => legacySign(r) };\n});\n"],
    ['an AMD module', "define(['jquery'], function ($) {\n  return function send(r) { return legacySign(r); };\n});\n"],
    ['an IIFE with globals', '(function () {\n  window.send = function (r) { return legacySign(r); };\n})();\n'],
  ];
  for (const [name, text] of scripts) {
    it(`leaves ${name} as it is and lists the finding with why`, async () => {
      const { root, report } = await run({ 'public/signer.js': text });
      assert.equal(readFileSync(join(root, 'public/signer.js'), 'utf8'), text);
      assert.deepEqual(report.helper, []);
      const [finding] = report.files[0]!.findings;
      assert.equal(finding?.status, 'manual');
      assert.equal(finding!.message, 'legacySign() signs with SigV2');
      assert.equal(finding!.why, "This file has no import, require or export (a browser script), so it cannot import the helper's `signRequest()`.");
      assert.equal(report.exitCode, 1);
    });
  }

  const pageScriptsInEsmPackage: [string, string][] = [
    ['an IIFE taking window', "'use strict';\n(function (global) {\n  global.send = function (r) { return legacySign(r); };\n})(window);\n"],
    ['a `!function` IIFE', '!function () {\n  window.send = function (r) { return legacySign(r); };\n}();\n'],
    ['an arrow IIFE run with .call', '(() => {\n  window.send = (r) => legacySign(r);\n}).call(this);\n'],
    ['a script declaring its page globals', '/* global CryptoJS */\nwindow.send = function (r) { return legacySign(r); };\n'],
  ];
  for (const [name, text] of pageScriptsInEsmPackage) {
    it(`leaves ${name} in a "type": "module" package as it is`, async () => {
      const { root, report } = await run({ 'package.json': '{"type":"module"}', 'public/signer.js': text });
      assert.equal(readFileSync(join(root, 'public/signer.js'), 'utf8'), text);
      assert.deepEqual(report.helper, []);
      assert.equal(report.files[0]!.findings[0]?.status, 'manual');
    });
  }

  it('imports the helper into an ESM file of a "type": "module" package that starts an IIFE after its top-level code', async () => {
    const { root } = await run({ 'package.json': '{"type":"module"}', 'a.js': 'legacySign(1);\n(() => legacySign(2))();\n' });
    assert.match(readFileSync(join(root, 'a.js'), 'utf8'), /^import \{ signRequest \} from '\.\/sigv4\.mjs';\n/);
  });

  it('still imports the helper into a plain .js file of a "type": "module" package', async () => {
    const { root } = await run({ 'package.json': '{"type":"module"}', 'a.js': 'legacySign(1);\n' });
    assert.equal(readFileSync(join(root, 'a.js'), 'utf8'), "import { signRequest } from './sigv4.mjs';\n\nsignRequest(1);\n");
  });
});
