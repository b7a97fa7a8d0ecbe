// Functions a file imports from other modules of the run and calls (issue 9 §2), and the file's text
// with their imports blanked: the engine's cross-file probes declare a stub in their place, so the
// rules (single-file) can tell what the file does with their results. Offsets stay as they were.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile, Statement } from 'ts-morph';
import { requireCallSpecifier } from './module-style';

/** A function imported from a relative module and called in the file: `local(…)`, or `local.member(…)` on a whole module. */
export interface ImportedCallee {
  local: string;
  /** Set when the call reads the function off a whole-module binding (`const q = require('./q'); q.build(…)`). */
  member?: string;
  /** Offsets of the `.` in each `local.member(…)` call: a probe turns `q.build` into the stub's name `q_build`. */
  dots: number[];
  specifier: string;
  exportName: string;
  /** The import or require statement that declares it: a probe blanks it to declare a stub instead. */
  statement: [number, number];
}

/**
 * Function bindings of an import or require: `import a, { b as c }`, `import * as n`, `const a = require()`,
 * `const { b: c } = require()` (a default or whole-module binding is the `default` export; a namespace, `*`).
 */
function namedBindings(statement: Statement): { local: string; exportName: string; specifier: string }[] {
  if (Node.isImportDeclaration(statement) && !statement.isTypeOnly()) {
    const specifier = statement.getModuleSpecifierValue();
    const defaultImport = statement.getDefaultImport();
    const namespace = statement.getNamespaceImport();
    const named = statement.getNamedImports().map((entry) => ({ local: (entry.getAliasNode() ?? entry.getNameNode()).getText(), exportName: entry.getName(), specifier }));
    const whole = [...(defaultImport ? [{ local: defaultImport.getText(), exportName: 'default', specifier }] : []), ...(namespace ? [{ local: namespace.getText(), exportName: '*', specifier }] : [])];
    return [...whole, ...named];
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

/** Names the file calls (`f(…)`), and the members it calls on a name (`q.f(…)`, with the offset of each `.`). */
function calledNames(sourceFile: SourceFile): { direct: Set<string>; members: Map<string, Map<string, number[]>> } {
  const direct = new Set<string>();
  const members = new Map<string, Map<string, number[]>>();
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (Node.isIdentifier(callee)) direct.add(callee.getText());
    if (!Node.isPropertyAccessExpression(callee) || !Node.isIdentifier(callee.getExpression())) continue;
    const dot = callee.getExpression().getEnd();
    if (sourceFile.getFullText().slice(dot, callee.getNameNode().getStart()) !== '.') continue;
    const object = callee.getExpression().getText();
    const byMember = members.get(object) ?? new Map<string, number[]>();
    byMember.set(callee.getName(), [...(byMember.get(callee.getName()) ?? []), dot]);
    members.set(object, byMember);
  }
  return { direct, members };
}

/**
 * Functions the file imports from relative modules and calls: by name, or as members of a whole
 * module (which then count as the module's exports of that name, not as the module called).
 */
export function importedCallees(sourceFile: SourceFile): ImportedCallee[] {
  const { direct, members } = calledNames(sourceFile);
  return sourceFile.getStatements().flatMap((statement) => {
    const range: [number, number] = [statement.getStart(), statement.getEnd()];
    return namedBindings(statement).flatMap((binding): ImportedCallee[] => {
      if (!binding.specifier.startsWith('.')) return [];
      const whole = binding.exportName === 'default' || binding.exportName === '*';
      const memberCalls = whole ? [...(members.get(binding.local) ?? [])] : [];
      if (memberCalls.length > 0) return memberCalls.map(([member, dots]) => ({ ...binding, member, exportName: member, dots, statement: range }));
      return binding.exportName !== '*' && direct.has(binding.local) ? [{ ...binding, dots: [], statement: range }] : [];
    });
  });
}

/** The name a probe declares the callee's stub under: `build`, or `q_build` for `q.build(…)`. */
function stubName(callee: ImportedCallee): string {
  return callee.member === undefined ? callee.local : `${callee.local}_${callee.member}`;
}

/**
 * The file's text as a probe reads it: the statements that import `callees` replaced by spaces, and
 * `q.build(…)` calls renamed `q_build(…)` (offsets and lines stay as they were).
 */
export function withImportsBlanked(text: string, callees: readonly ImportedCallee[]): string {
  let blanked = text;
  for (const [start, end] of new Set(callees.map((callee) => callee.statement))) {
    blanked = blanked.slice(0, start) + blanked.slice(start, end).replace(/[^\r\n]/g, ' ') + blanked.slice(end);
  }
  for (const dot of callees.flatMap((callee) => callee.dots)) blanked = `${blanked.slice(0, dot)}_${blanked.slice(dot + 1)}`;
  return blanked;
}

/** Stubs declared in place of imported functions, and where each one starts in the probe. */
export interface Stubs {
  text: string;
  starts: { callee: ImportedCallee; start: number }[];
}

/** Declarations of `callees` as functions whose body is `body(parameter)`, to append at `offset` of a probe. */
export function stubDeclarations(callees: readonly ImportedCallee[], offset: number, body: (parameter: string) => string): Stubs {
  const parameter = '__sigv4Argument';
  const stubs: Stubs = { text: '', starts: [] };
  for (const callee of callees) {
    stubs.starts.push({ callee, start: offset + stubs.text.length });
    stubs.text += `\nfunction ${stubName(callee)}(${parameter}) { ${body(parameter)} }\n`;
  }
  return stubs;
}

/** The stub a probe's report at `offset` falls in. */
export function stubAt(stubs: Stubs, offset: number): ImportedCallee | undefined {
  return stubs.starts.findLast((stub) => stub.start <= offset)?.callee;
}
