// Follows the array a `.join(…)` joins back to where its elements come from (an object's keys, a
// URLSearchParams, literal strings, pushes in a loop), noting any sort on the way.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ScopeOf } from './const-binding';
import { findVariableOf } from './const-binding';
import { isUrlSearchParamsValue } from './form-encoded-queries';
import { MAX_FOLLOW_DEPTH } from './local-functions';
import { enclosingLoop, isIdentifierNamed, objectKeyListCall } from './query-building-shapes';
import { calledMethodName, enclosingMethodCall } from './uri-encoder-calls';
import { onlyWrittenValue } from './variable-writes';

export interface JoinOrigin {
  sorted: boolean;
  kind: 'objectKeys' | 'literalArray' | 'unknown';
  /** `p` in `Object.keys(p)`; present when only `.map` calls follow, so `p` alone says the same. */
  keyedObject?: TSESTree.Node;
  /** The argument of `Object.keys/entries(…)`, to read literal header names from. */
  keysOf?: TSESTree.Node;
  /** The `Object.keys/entries/getOwnPropertyNames(…)` call itself, where a sort can be inserted. */
  keyList?: { call: TSESTree.CallExpression; method: string };
  /** The `for…in` loop every element is pushed in, whose head can iterate sorted keys instead. */
  forIn?: TSESTree.ForInStatement;
  elements: TSESTree.Node[];
  /** How the message names the origin. */
  source: string;
  /** A `.map(name => name.toLowerCase())` on the way: the joined names are lower-cased. */
  lowerCased?: boolean;
  /**
   * `.sort()` followed by a map that lower-cases the names (`name`: to the names alone; `line`: to
   * lines that start with them): upper-case names sorted first (`Host` before `content-type`).
   */
  sortedBeforeLowerCase?: { sort: TSESTree.CallExpression; map: TSESTree.CallExpression; mapsTo: LowerCasedElement };
}

const ORDER_PRESERVING_METHODS = new Set(['map', 'filter', 'flatMap', 'flat', 'slice', 'concat']);

/** Where the elements of `receiver.join(…)` come from. */
export function joinedArrayOrigin(receiver: TSESTree.Node, scopeOf: ScopeOf, depth = 0): JoinOrigin {
  const unknown: JoinOrigin = { sorted: false, kind: 'unknown', elements: [], source: 'an array' };
  let sorted = false;
  let onlyMaps = true;
  let lowerCasingMap: { call: TSESTree.CallExpression; mapsTo: LowerCasedElement } | undefined;
  let sortedBeforeLowerCase: JoinOrigin['sortedBeforeLowerCase'];
  let current: TSESTree.Node = receiver;
  const withCase = (origin: JoinOrigin): JoinOrigin => ({
    ...origin,
    ...(lowerCasingMap ? { lowerCased: true } : {}),
    ...(sortedBeforeLowerCase ? { sortedBeforeLowerCase } : {}),
  });
  while (depth <= MAX_FOLLOW_DEPTH) {
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = calledMethodName(current);
      const keyList = objectKeyListCall(current);
      if (keyList) {
        return withCase({ sorted: sorted || isSortedObject(keyList.argument, scopeOf), kind: 'objectKeys', keysOf: keyList.argument, keyList: { call: current, method: keyList.method }, ...(onlyMaps ? { keyedObject: keyList.argument } : {}), elements: [], source: `Object.${keyList.method}(…)` });
      }
      if ((method === 'entries' || method === 'keys') && isUrlSearchParamsValue(current.callee.object, scopeOf)) {
        return { sorted, kind: 'objectKeys', elements: [], source: `URLSearchParams#${method}()` };
      }
      if (method === 'from' && isIdentifierNamed(current.callee.object, 'Array') && current.arguments[0]) {
        current = current.arguments[0];
        continue;
      }
      const mapsTo = method === 'map' ? lowerCasedElement(current.arguments[0]) : undefined;
      if (mapsTo) lowerCasingMap ??= { call: current, mapsTo };
      if ((method === 'sort' || method === 'toSorted') && lowerCasingMap && !sortedBeforeLowerCase) {
        sortedBeforeLowerCase = { sort: current, map: lowerCasingMap.call, mapsTo: lowerCasingMap.mapsTo };
      }
      if (method === 'sort' || method === 'toSorted') sorted = true;
      else if (!method || !ORDER_PRESERVING_METHODS.has(method)) return unknown;
      if (method !== 'map') onlyMaps = false;
      current = current.callee.object;
      continue;
    }
    const [spread] = current.type === AST_NODE_TYPES.ArrayExpression ? current.elements : [];
    if (current.type === AST_NODE_TYPES.ArrayExpression && current.elements.length === 1 && spread?.type === AST_NODE_TYPES.SpreadElement) {
      current = spread.argument;
      continue;
    }
    if (isUrlSearchParamsValue(current, scopeOf)) return { sorted, kind: 'objectKeys', elements: [], source: 'URLSearchParams iteration' };
    if (current.type === AST_NODE_TYPES.ArrayExpression) {
      const elements = current.elements.filter((element): element is TSESTree.Expression => !!element && element.type !== AST_NODE_TYPES.SpreadElement);
      return { sorted, kind: 'literalArray', elements, source: 'an array literal' };
    }
    if (current.type === AST_NODE_TYPES.Identifier) return withCase(identifierOrigin(current, sorted, scopeOf, depth));
    return unknown;
  }
  return unknown;
}

/** A variable's array: its one value, or what is pushed into it when it starts empty; sorted if it is ever sorted. */
function identifierOrigin(identifier: TSESTree.Identifier, sortedSoFar: boolean, scopeOf: ScopeOf, depth: number): JoinOrigin {
  const unknown: JoinOrigin = { sorted: sortedSoFar, kind: 'unknown', elements: [], source: 'an array' };
  const variable = findVariableOf(identifier, scopeOf);
  if (variable?.defs[0]?.type !== 'Variable') return unknown;
  const methods = variable.references.map((reference) => {
    const call = enclosingMethodCall(reference.identifier);
    return call ? { call, method: calledMethodName(call) } : null;
  });
  const sorted = sortedSoFar || methods.some((entry) => entry?.method === 'sort');
  const init = onlyWrittenValue(variable);
  if (!init) return { ...unknown, sorted };
  const isEmptyArray = init.type === AST_NODE_TYPES.ArrayExpression && init.elements.length === 0;
  const pushes = methods.flatMap((entry) => (entry?.method === 'push' ? [entry.call] : []));
  if (!isEmptyArray) {
    const origin = joinedArrayOrigin(init, scopeOf, depth + 1);
    return { ...withPushedElements(origin, pushes), sorted: origin.sorted || sorted };
  }
  return pushedArrayOrigin(pushes, sorted, scopeOf, depth);
}

/**
 * A literal array that later pushes append to (`if (token) params.push(['X-Amz-Security-Token', token])`):
 * the pushed elements come last. A push inside a loop adds elements the source does not list.
 */
function withPushedElements(origin: JoinOrigin, pushes: readonly TSESTree.CallExpression[]): JoinOrigin {
  if (origin.kind !== 'literalArray' || pushes.length === 0) return origin;
  if (pushes.some((push) => enclosingLoop(push) !== null)) return { ...origin, kind: 'unknown', elements: [] };
  const pushed = pushes.flatMap((push) => push.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement));
  return { ...origin, elements: [...origin.elements, ...pushed] };
}

/** An array filled by `push`: ordered by the loop around the pushes, or by the pushes themselves. */
function pushedArrayOrigin(pushes: TSESTree.CallExpression[], sorted: boolean, scopeOf: ScopeOf, depth: number): JoinOrigin {
  const loops = pushes.map(enclosingLoop);
  const [firstLoop] = loops;
  // Sorting the loop's keys sorts the array only when nothing is pushed outside that loop.
  const oneLoop = loops.every((loop) => loop === firstLoop);
  if (firstLoop === null || firstLoop === undefined) {
    const elements = pushes.flatMap((push) => push.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement));
    return { sorted, kind: 'literalArray', elements, source: 'pushed strings' };
  }
  if (firstLoop.type === AST_NODE_TYPES.ForInStatement) {
    return { sorted: sorted || isSortedObject(firstLoop.right, scopeOf), kind: 'objectKeys', keysOf: firstLoop.right, ...(oneLoop ? { forIn: firstLoop } : {}), elements: [], source: 'a for…in loop' };
  }
  const { keyList, ...origin } = joinedArrayOrigin(firstLoop.type === AST_NODE_TYPES.ForOfStatement ? firstLoop.right : firstLoop, scopeOf, depth + 1);
  return { ...origin, ...(keyList && oneLoop ? { keyList } : {}), sorted: origin.sorted || sorted, keyedObject: undefined };
}

/** A function whose name says it returns its object with the keys in order: `sortObject`, `sortKeys`, `sorted`. */
const SORTING_FUNCTION_NAME = /sort/i;

/**
 * Whether an object's keys were put in order just before: it is (or a variable holding only) the
 * result of a call to a function named for sorting, imported or local. Its key order is then sorted.
 */
function isSortedObject(node: TSESTree.Node, scopeOf: ScopeOf): boolean {
  let value: TSESTree.Node | undefined = node;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariableOf(value, scopeOf);
    value = variable ? onlyWrittenValue(variable) : undefined;
  }
  if (value?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = value.callee;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : '';
  return SORTING_FUNCTION_NAME.test(name);
}

export type LowerCasedElement = 'name' | 'line';

/**
 * What a map callback makes of each element when it lower-cases it: the name alone
 * (`name => name.toLowerCase()`), or a line starting with it (`k => `${k.toLowerCase()}:${h[k]}``).
 */
function lowerCasedElement(node: TSESTree.Node | undefined): LowerCasedElement | undefined {
  if (node?.type !== AST_NODE_TYPES.ArrowFunctionExpression && node?.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  const [param] = node.params;
  if (param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const [only] = node.body.type === AST_NODE_TYPES.BlockStatement ? node.body.body : [];
  const result = node.body.type === AST_NODE_TYPES.BlockStatement ? (only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : null) : node.body;
  if (result && isLowerCased(result, param.name)) return 'name';
  const first = result ? leadingOperand(result) : undefined;
  return first && isLowerCased(first, param.name) ? 'line' : undefined;
}

function isLowerCased(node: TSESTree.Node, name: string): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = calledMethodName(node);
  return (method === 'toLowerCase' || method === 'toLocaleLowerCase') && isIdentifierNamed(node.callee.object, name);
}

/** The first value of a template literal with no text before it, or the leftmost operand of a `+` chain. */
function leadingOperand(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0]?.value.cooked === '' ? node.expressions[0] : undefined;
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') current = current.left;
  return current === node ? undefined : current;
}
