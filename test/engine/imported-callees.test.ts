// The cross-file probes' view of a file: which imported functions it calls, and its text with their
// imports blanked and namespace calls renamed, offsets unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Project } from 'ts-morph';
import { importedCallees, stubAt, stubDeclarations, withImportsBlanked } from '../../codemods/utils/imported-callees';

function sourceFile(text: string, path = '/project/sign.js') {
  return new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } }).createSourceFile(path, text);
}

describe('imported callees', () => {
  it('lists relative functions called by name or on a whole module, not packages or uncalled names', () => {
    const file = sourceFile(
      "import build, { sign as signIt, unused } from './a.js';\nimport * as q from './q.js';\nconst { hash } = require('crypto-utils');\nconst h = require('../h');\n" +
        'build(1); signIt(2); q.query(3); q.query(4); h(5); h.digest(6); hash(7);\n',
    );
    assert.deepEqual(
      importedCallees(file).map((callee) => [callee.local, callee.member, callee.exportName, callee.specifier, callee.dots.length]),
      [
        ['build', undefined, 'default', './a.js', 0],
        ['signIt', undefined, 'sign', './a.js', 0],
        ['q', 'query', 'query', './q.js', 2],
        ['h', 'digest', 'digest', '../h', 1],
      ],
    );
  });

  it('blanks the imports and renames q.query to q_query without moving any offset', () => {
    const text = "const q = require('./q');\r\nmodule.exports = (p) => q.query(p);\n";
    const callees = importedCallees(sourceFile(text));
    const probe = withImportsBlanked(text, callees);
    assert.equal(probe, `${' '.repeat(25)}\r\nmodule.exports = (p) => q_query(p);\n`);
    assert.equal(probe.length, text.length);
  });

  it('declares one stub per callee and tells which stub an offset falls in', () => {
    const callees = importedCallees(sourceFile("import { a } from './a';\nimport * as n from './n';\na(n.b());\n"));
    const stubs = stubDeclarations(callees, 100, (parameter) => `return ${parameter};`);
    assert.equal(stubs.text, '\nfunction a(__sigv4Argument) { return __sigv4Argument; }\n\nfunction n_b(__sigv4Argument) { return __sigv4Argument; }\n');
    assert.equal(stubAt(stubs, 99), undefined);
    assert.equal(stubAt(stubs, 120)?.local, 'a');
    assert.equal(stubAt(stubs, 100 + stubs.text.length - 5)?.member, 'b');
  });
});
