// Collects, per file, which helper functions the fixes call, then renders the one edit that imports
// them: merged into an existing import of the helper, or a new ESM import / require that matches
// the file's module style.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile, Statement } from 'ts-morph';
import type { HelperExport, TextEdit } from '../types';
import { detectCodeStyle, detectModuleStyle, requiredSpecifier } from './module-style';
import type { CodeStyle, ModuleStyle } from './module-style';

/** How an existing import of the helper binds it, so new names join it instead of duplicating it. */
type ExistingHelperImport =
  | { kind: 'namespace'; local: string }
  | { kind: 'named'; locals: Map<string, string>; insertAt: number; esm: boolean }
  | { kind: 'other' };

/** Matches specifiers that point at the helper: the package entry or a vendored `sigv4` file. */
export function looksLikeHelperSpecifier(specifier: string, packageSpecifier?: string): boolean {
  if (packageSpecifier && specifier === packageSpecifier) return true;
  if (specifier === 'sigv4-migrate/sigv4') return true;
  return /^\.\.?\/(?:.*\/)?sigv4(?:\.(?:ts|js|mjs|cjs|mts|cts))?$/.test(specifier);
}

function readEsmHelperImport(statement: Statement): ExistingHelperImport {
  if (!Node.isImportDeclaration(statement) || statement.isTypeOnly()) return { kind: 'other' };
  const namespace = statement.getNamespaceImport();
  if (namespace) return { kind: 'namespace', local: namespace.getText() };
  const named = statement.getNamedImports();
  if (named.length === 0) return { kind: 'other' };
  const locals = new Map(named.map((specifier) => [specifier.getName(), specifier.getAliasNode()?.getText() ?? specifier.getName()]));
  return { kind: 'named', locals, insertAt: named[named.length - 1]!.getEnd(), esm: true };
}

function readRequiredHelper(statement: Statement): ExistingHelperImport {
  if (!Node.isVariableStatement(statement)) return { kind: 'other' };
  const nameNode = statement.getDeclarations()[0]?.getNameNode();
  if (nameNode && Node.isIdentifier(nameNode)) return { kind: 'namespace', local: nameNode.getText() };
  if (!nameNode || !Node.isObjectBindingPattern(nameNode) || nameNode.getElements().length === 0) return { kind: 'other' };
  const elements = nameNode.getElements();
  const locals = new Map(
    elements.map((element) => [element.getPropertyNameNode()?.getText() ?? element.getName(), element.getName()]),
  );
  return { kind: 'named', locals, insertAt: elements[elements.length - 1]!.getEnd(), esm: false };
}

function findExistingHelperImport(sourceFile: SourceFile, packageSpecifier?: string): ExistingHelperImport | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement) && looksLikeHelperSpecifier(statement.getModuleSpecifierValue(), packageSpecifier)) {
      const found = readEsmHelperImport(statement);
      if (found.kind !== 'other') return found;
    }
    if (Node.isImportEqualsDeclaration(statement)) {
      const reference = statement.getModuleReference();
      const literal = reference.getFirstDescendantByKind(SyntaxKind.StringLiteral);
      if (literal && looksLikeHelperSpecifier(literal.getLiteralValue(), packageSpecifier)) {
        return { kind: 'namespace', local: statement.getName() };
      }
    }
    const required = requiredSpecifier(statement);
    if (required !== undefined && looksLikeHelperSpecifier(required, packageSpecifier)) {
      const found = readRequiredHelper(statement);
      if (found.kind !== 'other') return found;
    }
  }
  return undefined;
}

/** Where a new import statement goes: after the last import/require, else after directives. */
function newImportPosition(sourceFile: SourceFile, style: ModuleStyle): { offset: number; after: boolean } {
  const statements = sourceFile.getStatements();
  const isModuleStatement = (statement: Statement) =>
    Node.isImportDeclaration(statement) || Node.isImportEqualsDeclaration(statement) || (style === 'cjs' && requiredSpecifier(statement) !== undefined);
  const lastModuleStatement = [...statements].reverse().find(isModuleStatement);
  if (lastModuleStatement) return { offset: lastModuleStatement.getEnd(), after: true };
  const isDirective = (statement: Statement) =>
    Node.isExpressionStatement(statement) && Node.isStringLiteral(statement.getExpression());
  const lastDirective = [...statements].reverse().find((statement, index, reversed) =>
    isDirective(statement) && reversed.slice(index).every(isDirective));
  if (lastDirective) return { offset: lastDirective.getEnd(), after: true };
  const first = statements[0];
  return { offset: first ? first.getStart(true) : sourceFile.getEnd(), after: false };
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface FileHelperImportsOptions {
  /** Module style for a file whose syntax does not say (read from the nearest package.json). */
  fallbackStyle: ModuleStyle;
  /** `--helper-import`: a package specifier that also counts as the helper. */
  packageSpecifier?: string;
}

/** The helper names one file needs, and the import edit that provides them. */
export class FileHelperImports {
  private readonly existing: ExistingHelperImport | undefined;
  private readonly added = new Map<HelperExport, string>();
  private takenNames: Set<string> | undefined;
  readonly style: ModuleStyle;
  private readonly codeStyle: CodeStyle;
  private readonly position: { offset: number; after: boolean };
  readonly filePath: string;

  // Everything the final edit needs is read now: the ts-morph file may be forgotten before then.
  constructor(private readonly sourceFile: SourceFile, options: FileHelperImportsOptions) {
    this.filePath = sourceFile.getFilePath();
    this.existing = findExistingHelperImport(sourceFile, options.packageSpecifier);
    this.style = detectModuleStyle(sourceFile, options.fallbackStyle);
    this.codeStyle = detectCodeStyle(sourceFile);
    this.position = newImportPosition(sourceFile, this.style);
  }

  /** The names added so far, to undo the uses of a fix that is then rejected. */
  snapshot(): Map<HelperExport, string> {
    return new Map(this.added);
  }

  restore(snapshot: Map<HelperExport, string>): void {
    this.added.clear();
    for (const [name, local] of snapshot) this.added.set(name, local);
  }

  /** True when an edit is needed (some name is not imported yet). */
  get needsImport(): boolean {
    return this.added.size > 0;
  }

  /** Returns the expression that calls `name` in this file, recording the import it needs. */
  use(name: HelperExport): string {
    if (this.existing?.kind === 'namespace') return `${this.existing.local}.${name}`;
    const imported = this.existing?.kind === 'named' ? this.existing.locals.get(name) : undefined;
    if (imported) return imported;
    const already = this.added.get(name);
    if (already) return already;
    const local = this.freeLocalName(name);
    this.added.set(name, local);
    return local;
  }

  private isTaken(name: string): boolean {
    this.takenNames ??= new Set(this.sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).map((identifier) => identifier.getText()));
    return this.takenNames.has(name) || [...this.added.values()].includes(name);
  }

  private freeLocalName(name: HelperExport): string {
    if (!this.isTaken(name)) return name;
    const base = `sigv4${capitalise(name)}`;
    let candidate = base;
    for (let suffix = 2; this.isTaken(candidate); suffix += 1) candidate = `${base}${suffix}`;
    return candidate;
  }

  private bindings(esm: boolean): string[] {
    return [...this.added].map(([name, local]) => {
      if (name === local) return name;
      return esm ? `${name} as ${local}` : `${name}: ${local}`;
    });
  }

  /** The edit adding the recorded names, importing from `specifier` when no helper import exists. */
  renderEdit(specifier: string): TextEdit | undefined {
    if (!this.needsImport) return undefined;
    const filePath = this.filePath;
    if (this.existing?.kind === 'named') {
      const text = `, ${this.bindings(this.existing.esm).join(', ')}`;
      return { filePath, start: this.existing.insertAt, end: this.existing.insertAt, text };
    }
    const { quote, semicolon } = this.codeStyle;
    const esm = this.style === 'esm';
    const quoted = `${quote}${specifier}${quote}`;
    const statement = esm
      ? `import { ${this.bindings(true).join(', ')} } from ${quoted}${semicolon ? ';' : ''}`
      : `const { ${this.bindings(false).join(', ')} } = require(${quoted})${semicolon ? ';' : ''}`;
    const position = this.position;
    const text = position.after ? `\n${statement}` : `${statement}\n\n`;
    return { filePath, start: position.offset, end: position.offset, text };
  }
}
