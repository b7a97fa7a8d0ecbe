// The syntax-only export scan that replaced ts-morph's type-checker-built isExported() (issue 12).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Project } from 'ts-morph';
import { isExportedStatement } from '../../codemods/utils/module-exports';

function exportedOf(text: string, fileName = 'a.ts'): Record<string, boolean> {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const sourceFile = project.createSourceFile(`/p/${fileName}`, text);
  return Object.fromEntries(sourceFile.getVariableStatements().map((statement) => [statement.getDeclarations()[0]!.getName(), isExportedStatement(statement)]));
}

describe('isExportedStatement', () => {
  it('reads ESM exports: the keyword, export lists with aliases, export default, export =', () => {
    assert.deepEqual(exportedOf('export const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\nconst e = 5;\nexport { b, c as see };\nexport default d;\n'), {
      a: true, b: true, c: true, d: true, e: false,
    });
    assert.deepEqual(exportedOf('const a = 1;\nconst b = 2;\nexport = a;\n'), { a: true, b: false });
  });

  it('reads CommonJS exports: module.exports = x, = { x, y: z }, exports.n = x', () => {
    assert.deepEqual(exportedOf('const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\nconst e = 5;\nmodule.exports = { a, y: b };\nexports.n = c;\nmodule.exports.m = (d);\n', 'a.js'), {
      a: true, b: true, c: true, d: true, e: false,
    });
    assert.deepEqual(exportedOf('const a = 1;\nconst b = 2;\nmodule.exports = a;\nconsole.log(b);\n', 'a.js'), { a: true, b: false });
  });

  it('does not count a re-export from another module or a shadowing name', () => {
    assert.deepEqual(exportedOf("const a = 1;\nexport { a as b } from './other';\nfunction f() { const a = 2; return a; }\nexport { f };\n"), { a: false });
  });
});
