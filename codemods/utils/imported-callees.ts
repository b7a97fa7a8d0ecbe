// Functions a file imports from other modules of the run and calls (issue 9 §2), and the file's text
// with their imports blanked: the engine's cross-file probes declare a stub in their place, so the
// rules (single-file) can tell what the file does with their results. Offsets stay as they were.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile, Statement } from 'ts-morph';
import { requireCallSpecifier } from './module-style';

/** A function imported from a relative module and called in the file. */
export interface ImportedCallee {
  local: string;
  specifier: string;
  exportName: string;
  /** The import or require statement that declares it: a probe blanks it to declare a stub instead. */
  statement: [number, number];
}

/**
 * Function bindings of an import or require: `import a, { b as c }`, `const a = require()`,
 * `const { b: c } = require()` (a default or whole-module binding is the `default` export).
 */
function namedBindings(statement: Statement): { local: string; exportName: string; specifier: string }[] {
  if (Node.isImportDeclaration(statement) && !statement.isTypeOnly()) {
    const specifier = statement.getModuleSpecifierValue();
    const defaultImport = statement.getDefaultImport();
    const named = statement.getNamedImports().map((entry) => ({ local: (entry.getAliasNode() ?? entry.getNameNode()).getText(), exportName: entry.getName(), specifier }));
    return defaultImport ? [{ local: defaultImport.getText(), exportName: 'default', specifier }, ...named] : named;
  }
  if (!Node.isVariableStatement(statement) || statement.getDeclarations().length !== 1) return [];
  const declaration = statement.getDeclarations()[0]!;
  const specifier = requireCallSpecifier(declaration.getInitializer());
  const pattern = declaration.getNameNode();
  if (specifier !== undefined && Node.isIdentifier(pattern)) return [{ local: pattern.getText(), exportName: 'default', specifier }];
  if (specifier === undefined || !Node.isObjectBindingPattern(pattern)) return [];
  return pattern.getElements().flatMap((element) => {
    const name = element.getNameNode();
    if (!Node.isIdentifier(name) || element.getDotDotDotToken()) return [];
    return [{ local: name.getText(), exportName: element.getPropertyNameNode()?.getText() ?? name.getText(), specifier }];
  });
}

/** Functions the file imports from relative modules and calls by name. */
export function importedCallees(sourceFile: SourceFile): ImportedCallee[] {
  const called = new Set(
    sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).flatMap((call) => {
      const callee = call.getExpression();
      return Node.isIdentifier(callee) ? [callee.getText()] : [];
    }),
  );
  return sourceFile.getStatements().flatMap((statement) =>
    namedBindings(statement)
      .filter((binding) => binding.specifier.startsWith('.') && called.has(binding.local))
      .map((binding) => ({ ...binding, statement: [statement.getStart(), statement.getEnd()] as [number, number] })),
  );
}

/** `text` with the statements that import `callees` replaced by spaces (line breaks kept, so offsets and lines stay). */
export function withImportsBlanked(text: string, callees: readonly ImportedCallee[]): string {
  let blanked = text;
  for (const [start, end] of new Set(callees.map((callee) => callee.statement))) {
    blanked = blanked.slice(0, start) + blanked.slice(start, end).replace(/[^\r\n]/g, ' ') + blanked.slice(end);
  }
  return blanked;
}
