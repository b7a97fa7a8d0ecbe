// Keeps the style rule "no function over ~60 lines" (STYLE.md, issue 9 §1) true where it is met: the
// engine, the CLI, the codemods and the rules' shared utils and value layer. The rules' own
// top-level files (their `create`) are not held to it yet.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const MAX_FUNCTION_LINES = 60;
const ROOT = join(import.meta.dirname, '..', '..');
const CHECKED_FOLDERS = ['src', 'codemods', 'rules/utils', 'rules/values'];

function typescriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `name (lines)` of each function, method or arrow in `text` longer than `limit` lines, nested ones included. */
function longFunctions(fileName: string, text: string, limit: number): string[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
      const last = sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText(sourceFile) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(sourceFile) : '<anonymous>');
      if (last - first + 1 > limit) found.push(`${name} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('function size', () => {
  it('finds a function over the limit, and a nested one inside it', () => {
    const body = Array.from({ length: 4 }, (_, index) => `  const v${index} = ${index};`).join('\n');
    const text = `function outer() {\n${body}\n  const inner = () => {\n${body}\n  };\n}\n`;
    assert.deepEqual(longFunctions('x.ts', text, 5), ['outer (12 lines)', 'inner (6 lines)']);
    assert.deepEqual(longFunctions('x.ts', text, 12), []);
  });

  it(`no function in ${CHECKED_FOLDERS.join(', ')} is over ${MAX_FUNCTION_LINES} lines`, () => {
    const offenders = CHECKED_FOLDERS.flatMap((folder) => typescriptFiles(join(ROOT, folder)))
      .flatMap((path) => longFunctions(path, readFileSync(path, 'utf8'), MAX_FUNCTION_LINES).map((found) => `${relative(ROOT, path)}: ${found}`));
    assert.deepEqual(offenders, []);
  });
});
