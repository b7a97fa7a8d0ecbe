// Per-file state of the value layer: the source code, memo tables and the guard against cycles.
// One session lives per SourceCode (a WeakMap), so every rule linting a file shares its answers.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { childNodes } from '../utils/node-children';
import type { Possible } from './possible';
import { isFunctionNode, type Scope } from './syntax';

// Deep enough for `const a = b; const b = f(c)` chains through a few functions; bounded against blow-up.
export const MAX_DEPTH = 10;

// Questions nest across entry points (a value asks for an object, which asks for a callee, which asks
// for an object…), each with its own depth: this caps the whole nest, so no file can exhaust the stack.
const MAX_NESTING = 40;

export interface Session {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly resolved: Map<TSESTree.Node, Possible>;
  /** Nodes being resolved right now: meeting one again is a cycle, cut as unknown. */
  readonly active: Set<TSESTree.Node>;
  /** Counts cycle cuts, so a result computed across a cut is not memoised as final. */
  cuts: number;
  /** How many layer questions are being answered inside one another right now. */
  nesting: number;
  readonly memo: Map<string, WeakMap<TSESTree.Node, unknown>>;
  /** Memo entries being computed right now, by table and node. */
  readonly computing: Set<string>;
}

const sessions = new WeakMap<object, Session>();

export function sessionOf(sourceCode: Readonly<TSESLint.SourceCode>): Session {
  let session = sessions.get(sourceCode);
  if (!session) {
    session = { sourceCode, resolved: new Map(), active: new Set(), cuts: 0, nesting: 0, memo: new Map(), computing: new Set() };
    sessions.set(sourceCode, session);
  }
  return session;
}

/** Answers `compute()` unless the nest of questions is too deep (then `fallback`, counted as a cut). */
export function guarded<T>(session: Session, fallback: T, compute: () => T): T {
  if (session.nesting >= MAX_NESTING) {
    session.cuts += 1;
    return fallback;
  }
  session.nesting += 1;
  try {
    return compute();
  } finally {
    session.nesting -= 1;
  }
}

/**
 * Memoises `compute(node)` per session under `table`; asked again while computing (a cycle), or too
 * deep in a nest, it answers `fallback` and that answer is not kept.
 */
export function memoised<T>(session: Session, table: string, node: TSESTree.Node, compute: () => T, fallback?: T): T {
  let map = session.memo.get(table);
  if (!map) {
    map = new WeakMap();
    session.memo.set(table, map);
  }
  if (map.has(node)) return map.get(node) as T;
  const key = `${table}:${node.range[0]}:${node.range[1]}:${node.type}`;
  if (session.computing.has(key)) {
    session.cuts += 1;
    return fallback as T;
  }
  session.computing.add(key);
  const cutsBefore = session.cuts;
  try {
    const value = guarded(session, fallback as T, compute);
    if (session.cuts === cutsBefore) map.set(node, value);
    return value;
  } finally {
    session.computing.delete(key);
  }
}

export function scopeOf(session: Session, node: TSESTree.Node): Scope {
  return session.sourceCode.getScope(node);
}

/** Visits every node under `root`; `enter` returns false to skip a node's children. */
export function walk(session: Session, root: TSESTree.Node, enter: (node: TSESTree.Node) => boolean): void {
  const pending: TSESTree.Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (enter(node)) pending.push(...childNodes(node, session.sourceCode.visitorKeys));
  }
}

/** The expressions a function returns (its body for a concise arrow), not those of nested functions. */
export function returnedExpressions(session: Session, fn: TSESTree.Node): TSESTree.Node[] {
  return memoised(session, 'returns', fn, () => {
    if (!isFunctionNode(fn)) return [];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
    const returns: TSESTree.Node[] = [];
    walk(session, fn.body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returns.push(node.argument);
      return !isFunctionNode(node);
    });
    return returns;
  }, []);
}
