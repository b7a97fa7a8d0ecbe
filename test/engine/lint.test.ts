// The engine's linter: which source type a JavaScript file is parsed in first (issue 12: the likelier
// one by a cheap text check), and that every parser is still tried before a file counts as broken.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLintUtils } from '@typescript-eslint/utils';
import { createRuleLinter } from '../../src/engine/lint';

const createTestRule = ESLintUtils.RuleCreator((name) => `https://example.invalid/${name}`);

/** Reports the source type the file was parsed as. */
const sourceTypeRule = createTestRule({
  name: 'source-type',
  meta: { type: 'problem', docs: { description: 'source type' }, messages: { parsedAs: 'parsed as {{type}}' }, schema: [] },
  defaultOptions: [],
  create(context) {
    return { Program: (node) => context.report({ node, messageId: 'parsedAs', data: { type: String(context.languageOptions.sourceType) } }) };
  },
});

const lint = createRuleLinter({ 'source-type': sourceTypeRule });
const parsedAs = (path: string, text: string) => {
  const result = lint(path, text);
  return result.kind === 'parsed' ? result.findings.map((finding) => finding.message) : [result.kind];
};

describe('engine lint: source type', () => {
  it('parses a .js file with import or export statements as a module first', () => {
    assert.deepEqual(parsedAs('/p/a.js', "import x from 'y';\nx();\n"), ['parsed as module']);
    assert.deepEqual(parsedAs('/p/a.js', 'const a = 1;\n  export { a };\n'), ['parsed as module']);
  });

  it('parses a .js file without them as a script (CommonJS) first, even when it would parse as a module', () => {
    assert.deepEqual(parsedAs('/p/a.js', "const x = require('y');\nmodule.exports = x;\n"), ['parsed as commonjs']);
    assert.deepEqual(parsedAs('/p/a.js', '(function (root) { root.sign = function () {}; })(this);\n'), ['parsed as commonjs']);
  });

  it('falls back to the other source type when the likelier one fails', () => {
    assert.deepEqual(parsedAs('/p/a.js', 'const s = `\n  export {`;\nwith (Math) { max(1); }\n'), ['parsed as commonjs']);
    assert.deepEqual(parsedAs('/p/a.js', 'const m = import.meta.url;\n'), ['parsed as module']);
    assert.deepEqual(parsedAs('/p/a.js', "await import('z');\n"), ['parsed as module']);
  });

  it('keeps the extension\'s source type for .mjs and .cjs', () => {
    assert.deepEqual(parsedAs('/p/a.mjs', 'const a = 1;\n'), ['parsed as module']);
    assert.deepEqual(parsedAs('/p/a.cjs', "export const a = 1;\n"), ['parsed as commonjs']);
  });
});
