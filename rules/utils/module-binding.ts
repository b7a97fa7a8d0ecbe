// Tells which module export an expression holds. eslint-utils' ReferenceTracker follows every ESM
// import, `require` (aliased, destructured, `.member`) and global; this file adds only what it leaves
// out: TypeScript's `import x = require()`, `await import()`, `require` and globals no config declares.
import { CALL, CONSTRUCT, ESM, READ, ReferenceTracker } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { definitionKind, skipWrappers, variableOf } from '../values/syntax';
import { findVariableOf, type ScopeOf } from './const-binding';
import { importEqualsSource } from './import-shapes';

/** An export of a module: `path` `[]` is the module object itself, `['default']` an ESM default import. */
export interface ModuleMember {
  readonly source: string;
  readonly path: readonly string[];
}

export interface ModuleResolutionOptions {
  /** Undeclared globals that stand for a module, e.g. `{ AWS: 'aws-sdk' }` for the browser bundle. */
  readonly globals?: Readonly<Record<string, string>>;
}

type Scope = TSESLint.Scope.Scope;
type TraceLevel = { [name: string]: TraceLevel; [READ]?: true; [CALL]?: true; [CONSTRUCT]?: true; [ESM]?: true };
type TrackedReport = { readonly node: unknown; readonly path: string[]; readonly type: symbol };

/** Every node the tracker reached, with the path from its root (a module source or a global's name). */
type ReachedPaths = Map<TSESTree.Node, readonly string[]>;

interface FileModules {
  readonly globalScope: Scope;
  readonly tracker: ReferenceTracker;
  readonly modules: ReachedPaths;
  /** Filled on first question about a global, by name. */
  readonly globals: Map<string, ReachedPaths>;
}

// An identifier bound to an alias of an alias…; the cap also stops `const a = b, b = a` cycles.
const MAX_ALIAS_DEPTH = 12;

const fileModules = new WeakMap<Scope, FileModules>();

/** Which module export the expression evaluates to, or undefined when it is not (visibly) an import. */
export function resolveModuleMember(
  node: TSESTree.Node,
  scopeOf: ScopeOf,
  options: ModuleResolutionOptions = {},
): ModuleMember | undefined {
  const path = pathOf(node, scopeOf, options, 0);
  const [root, ...rest] = path ?? [];
  return root === undefined ? undefined : { source: root, path: rest };
}

/** The module a `require('…')` call loads, when `require` is the real one (not a local function). */
export function requiredModuleSource(node: TSESTree.Node, scopeOf: ScopeOf): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') {
    return undefined;
  }
  const path = modulesOf(scopeOf(node)).modules.get(node);
  return path?.length === 1 ? path[0] : undefined;
}

/** The path from a module (or from a global named in `options.globals`, as its module) to the value. */
function pathOf(node: TSESTree.Node, scopeOf: ScopeOf, options: ModuleResolutionOptions, depth: number): readonly string[] | undefined {
  const expression = skipWrappers(node);
  const known = reachedPath(expression, scopeOf, options);
  if (known) return known;
  return expression.type === AST_NODE_TYPES.Identifier && depth < MAX_ALIAS_DEPTH
    ? boundPath(expression, scopeOf, options, depth)
    : undefined;
}

/** The path of a node the tracker reached from a module or from one of the globals asked for. */
function reachedPath(node: TSESTree.Node, scopeOf: ScopeOf, options: ModuleResolutionOptions): readonly string[] | undefined {
  const file = modulesOf(scopeOf(node));
  const known = file.modules.get(node);
  if (known) return known;
  for (const [name, source] of Object.entries(options.globals ?? {})) {
    const global = globalPaths(file, name).get(node);
    if (global) return [source, ...global.slice(1)];
  }
  return undefined;
}

/**
 * The tracker reports a name's property reads, calls and constructions but not the bare name
 * (`signerConstructor: V2`): for that, the binding the tracker did reach (specifier, pattern property, initialiser).
 */
function boundPath(identifier: TSESTree.Identifier, scopeOf: ScopeOf, options: ModuleResolutionOptions, depth: number): readonly string[] | undefined {
  const variable = findVariableOf(identifier, scopeOf);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition || !variable || isWrittenAgain(variable)) return undefined;
  const node = definition.node;
  if (definitionKind(definition) === 'ImportBinding') {
    return reachedPath(node.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? node.parent : node, scopeOf, options);
  }
  if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init) return undefined;
  if (node.id === definition.name) return pathOf(node.init, scopeOf, options, depth + 1);
  const pattern = definition.name.parent;
  const property = pattern?.type === AST_NODE_TYPES.AssignmentPattern ? pattern.parent : pattern;
  return property ? reachedPath(property, scopeOf, options) : undefined;
}

function modulesOf(scope: Scope): FileModules {
  let global = scope;
  while (global.upper) global = global.upper;
  let file = fileModules.get(global);
  if (!file) {
    file = trackModules(global);
    fileModules.set(global, file);
  }
  return file;
}

function trackModules(globalScope: Scope): FileModules {
  // eslint-utils is typed against ESLint's own scope and ESTree types, which TSESLint's mirror structurally.
  const tracker = new ReferenceTracker(withUndeclaredGlobals(globalScope) as never);
  const modules: ReachedPaths = new Map();
  const record = (root: readonly string[], reports: Iterable<TrackedReport>): void => {
    for (const report of reports) {
      const node = reachedNode(report);
      if (!isReassignedName(headOf(node), globalScope)) modules.set(node, [...root, ...report.path]);
    }
  };
  record([], tracker.iterateCjsReferences(EVERY_NAME));
  record([], tracker.iterateEsmReferences(EVERY_NAME));
  for (const [node, source] of rootsTheTrackerMisses(globalScope)) {
    modules.set(node, [source]);
    record([source], tracker.iteratePropertyReferences(node as never, EVERY_NAME));
  }
  return { globalScope, tracker, modules, globals: new Map() };
}

function globalPaths(file: FileModules, name: string): ReachedPaths {
  let paths = file.globals.get(name);
  if (!paths) {
    paths = new Map();
    for (const report of file.tracker.iterateGlobalReferences({ [name]: EVERY_NAME })) {
      const node = reachedNode(report);
      if (!isReassignedName(headOf(node), file.globalScope)) paths.set(node, report.path);
    }
    file.globals.set(name, paths);
  }
  return paths;
}

/** The name a member chain starts from: `AWS` of `AWS.S3.Signer`. */
function headOf(node: TSESTree.Node): TSESTree.Node {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
  return current;
}

/**
 * The tracker follows a variable's reads whatever else is written to it; a name written twice
 * (`let AWS = require('aws-sdk'); AWS = other`) is not known to hold the module.
 */
function isReassignedName(node: TSESTree.Node, globalScope: Scope): boolean {
  const variable = node.type === AST_NODE_TYPES.Identifier ? variableOf(node, globalScope) : null;
  return variable !== null && isWrittenAgain(variable);
}

/** Written after it was bound (a destructuring default is a second write of the same binding, not a reassignment). */
function isWrittenAgain(variable: TSESLint.Scope.Variable): boolean {
  const writes = variable.references.filter((reference) => reference.isWrite());
  return writes.length > 1 && writes.some((reference) => !reference.init);
}

/** A read is reported on the node read; a call or construction on the call, so keyed by its callee. */
function reachedNode(report: TrackedReport): TSESTree.Node {
  const node = report.node as TSESTree.Node;
  return report.type !== READ && (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
    ? skipWrappers(node.callee)
    : node;
}

const REPORTED: ReadonlySet<PropertyKey> = new Set([READ, CALL, CONSTRUCT, ESM]);

/**
 * A trace map that follows every name at any depth (each name leads back to itself) and reports reads,
 * calls and constructions; `ESM` keeps a default import's `default` in the path.
 */
const EVERY_NAME: TraceLevel = new Proxy({} as TraceLevel, {
  get: (_target, key) => (typeof key === 'string' ? EVERY_NAME : REPORTED.has(key) || undefined),
  getOwnPropertyDescriptor: (_target, key) =>
    typeof key === 'string' || key === ESM ? { value: typeof key === 'string' ? EVERY_NAME : true, configurable: true, enumerable: true } : undefined,
});

/**
 * ESLint leaves a global no config declares (`require` without Node's globals, the browser bundle's
 * `AWS`) unresolved in `through`, where the tracker does not look: present each as a global variable.
 */
function withUndeclaredGlobals(globalScope: Scope): Scope {
  const undeclared = new Map<string, TSESLint.Scope.Reference[]>();
  for (const reference of globalScope.through) {
    const name = reference.identifier.name;
    if (!globalScope.set.has(name)) undeclared.set(name, [...(undeclared.get(name) ?? []), reference]);
  }
  const set = new Map<string, unknown>(globalScope.set);
  for (const [name, references] of undeclared) set.set(name, { name, defs: [], references });
  return Object.create(globalScope, { set: { value: set } }) as Scope;
}

/**
 * Module values the tracker has no entry for, each with the node that holds it: every read of a
 * TypeScript `import x = require('m')` binding (and the declaration), and `const x = await import('m')`.
 */
function rootsTheTrackerMisses(globalScope: Scope): Map<TSESTree.Node, string> {
  const roots = new Map<TSESTree.Node, string>();
  for (const variable of variablesUnder(globalScope)) {
    const node = variable.defs[0]?.node;
    if (node?.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const source = importEqualsSource(node);
      if (source === undefined) continue;
      roots.set(node, source);
      for (const reference of variable.references) if (reference.isRead()) roots.set(reference.identifier, source);
    } else if (node?.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
      const awaited = skipWrappers(node.init);
      const source = awaited.type === AST_NODE_TYPES.AwaitExpression ? dynamicImportSource(awaited.argument) : undefined;
      if (source !== undefined) roots.set(awaited, source);
    }
  }
  return roots;
}

function dynamicImportSource(node: TSESTree.Node): string | undefined {
  const source = node.type === AST_NODE_TYPES.ImportExpression ? node.source : undefined;
  return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
}

function variablesUnder(scope: Scope): TSESLint.Scope.Variable[] {
  return [...scope.variables, ...scope.childScopes.flatMap(variablesUnder)];
}
