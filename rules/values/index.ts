// The value-tracking layer every rule asks "what can this expression hold here?": one tracker per
// file (memoised on its SourceCode), no type checker, bounded depth, cycles cut as unknown.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type CalleeTarget, calleeOf, type CallSites, callSitesOf } from './callee';
import { type ObjectAt, objectAt } from './object-at';
import type { Possible } from './possible';
import { resolveValue } from './resolve';
import { sessionOf } from './session';
import type { FunctionNode } from './syntax';
import { constructionOf } from './construction';
import { thisMemberWrites } from './members';

export type { CalleeTarget, CallSites } from './callee';
export { type ObjectAt, type ObjectEntry, type PropertyAt, defaultUnderCaller, isObjectAssign, propertyAt, propertyValue } from './object-at';
export {
  type Alternative,
  constantsOf,
  DYNAMIC_MARK,
  hasUnknownPart,
  isUnknown,
  numbersOf,
  type Part,
  patternsOf,
  type Possible,
  type Primitive,
  singleConstant,
} from './possible';
export { type FunctionNode, memberName, skipWrappers } from './syntax';

export interface ValueTracker {
  /** Every value the expression may hold; unknown pieces where it cannot be sure. */
  resolve(node: TSESTree.Node): Possible;
  /** The properties an object has where it is used (`use`, by default the node itself; `'end'`: after all writes). */
  objectAt(node: TSESTree.Node, use?: TSESTree.Node | 'end'): ObjectAt;
  /** The function or method a call (or a function-valued expression) runs. */
  callee(node: TSESTree.Node): CalleeTarget | undefined;
  /** Every call of a local function in the file, and whether others may call it. */
  callSites(fn: FunctionNode): CallSites;
  /** The `new` expression that made the object an expression holds (through factories and `this` fields). */
  constructionOf(node: TSESTree.Node): TSESTree.NewExpression | undefined;
  /** Every value written to `this.x` (or `self.x`) in the class, object or prototype it belongs to; [] for other members. */
  thisMemberWrites(member: TSESTree.MemberExpression): TSESTree.Node[];
}

const trackers = new WeakMap<object, ValueTracker>();

/** The file's tracker; every rule linting the same SourceCode shares one. */
export function valuesOf(sourceCode: Readonly<TSESLint.SourceCode>): ValueTracker {
  let tracker = trackers.get(sourceCode);
  if (!tracker) {
    const session = sessionOf(sourceCode);
    tracker = {
      resolve: (node) => resolveValue(session, node),
      objectAt: (node, use) => objectAt(session, node, use),
      callee: (node) => calleeOf(session, node),
      callSites: (fn) => callSitesOf(session, fn),
      constructionOf: (node) => constructionOf(session, node),
      thisMemberWrites: (member) => thisMemberWrites(session, member),
    };
    trackers.set(sourceCode, tracker);
  }
  return tracker;
}
