// Builds the edit that imports a helper function in the file's own module style (ESM or require).
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { importedName } from './import-shapes';

export interface HelperImport {
  /** The local name call sites should use. */
  localName: string;
  /** The edit that adds the import, or null when the file already imports it. */
  fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | null;
}

/**
 * How to call `exportName` from `specifier` in this file: reuses an existing import, otherwise adds
 * `import { name } from 'spec'` after the last import (ESM) or `const { name } = require('spec')`
 * after the last top-level require (CommonJS), matching the file's quotes and semicolons. The local
 * name is aliased when the file already uses `exportName` for something else.
 */
export function planHelperImport(sourceCode: Readonly<TSESLint.SourceCode>, exportName: string, specifier: string): HelperImport {
  const program = sourceCode.ast;
  const existing = existingImportName(program, exportName, specifier);
  if (existing) return { localName: existing, fix: () => null };
  const localName = new RegExp(`\\b${exportName}\\b`).test(sourceCode.text) ? `sigv4${exportName[0]?.toUpperCase()}${exportName.slice(1)}` : exportName;
  const binding = localName === exportName ? exportName : `${exportName}${isCommonJs(program) ? ':' : ' as'} ${localName}`;
  const anchor = lastModuleStatement(program);
  const quote = anchor ? quoteOf(sourceCode, anchor) : "'";
  const semicolon = !anchor || sourceCode.getText(anchor).endsWith(';') ? ';' : '';
  const statement = isCommonJs(program)
    ? `${declarationKind(anchor)} { ${binding} } = require(${quote}${specifier}${quote})${semicolon}`
    : `import { ${binding} } from ${quote}${specifier}${quote}${semicolon}`;
  return {
    localName,
    fix: (fixer) => {
      if (anchor) return fixer.insertTextAfter(anchor, `\n${statement}`);
      const first = firstNonDirective(program);
      return first ? fixer.insertTextBefore(first, `${statement}\n`) : fixer.insertTextAfterRange([0, 0], `${statement}\n`);
    },
  };
}

function existingImportName(program: TSESTree.Program, exportName: string, specifier: string): string | null {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== specifier) continue;
    for (const imported of statement.specifiers) {
      if (imported.type !== AST_NODE_TYPES.ImportSpecifier) continue;
      if (importedName(imported) === exportName) return imported.local.name;
    }
  }
  return null;
}

function isCommonJs(program: TSESTree.Program): boolean {
  const hasImport = program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  if (hasImport) return false;
  return program.sourceType === 'script' || program.body.some(isTopLevelRequire) || program.body.some(isExportsAssignment);
}

function isExportsAssignment(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const { expression } = statement;
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let target: TSESTree.Node = expression.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) target = target.object;
  return target.type === AST_NODE_TYPES.Identifier && (target.name === 'exports' || target.name === 'module');
}

function isTopLevelRequire(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => isRequireCall(declarator.init))
  );
}

/** `require('m')`, possibly with members read off it (`require('m').x`). */
function isRequireCall(node: TSESTree.Node | null): boolean {
  let current = node;
  while (current?.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current?.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'require';
}

function lastModuleStatement(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  const isModuleStatement = isCommonJs(program)
    ? isTopLevelRequire
    : (statement: TSESTree.ProgramStatement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration;
  return program.body.filter(isModuleStatement).at(-1);
}

/** `var` in a file that requires with `var`, else `const`. */
function declarationKind(anchor: TSESTree.ProgramStatement | undefined): string {
  return anchor?.type === AST_NODE_TYPES.VariableDeclaration && anchor.kind === 'var' ? 'var' : 'const';
}

function quoteOf(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node): string {
  return /["]/.exec(sourceCode.getText(statement))?.[0] === '"' && !sourceCode.getText(statement).includes("'") ? '"' : "'";
}

function firstNonDirective(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  return program.body.find((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive));
}
