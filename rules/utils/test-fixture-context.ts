// Where a string is test material rather than a request: inside a test block's callback (a fixture
// fed to the code under test) or an argument of an assertion.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

const ASSERTION_ROOTS = new Set(['expect', 'assert', 'should', 'chai', 't']);

/** The identifier a call chain starts from: `expect` in `expect(x).to.have.string('…')`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else return current;
  }
}

// Test-framework blocks: what their callbacks build is a fixture fed to the code under test, not a request.
const TEST_BLOCK_NAMES = new Set(['describe', 'context', 'suite', 'it', 'test', 'specify', 'before', 'beforeEach', 'beforeAll', 'after', 'afterEach', 'afterAll']);
const TEST_BLOCK_MODIFIERS = new Set(['only', 'skip', 'each', 'concurrent', 'todo', 'serial']);

/** True for `it(…)`, `test.only(…)`, `describe.each(…)(…)`: a call that registers a test or a suite. */
function isTestBlockCall(call: TSESTree.CallExpression): boolean {
  let callee: TSESTree.Node = call.callee;
  if (callee.type === AST_NODE_TYPES.CallExpression) callee = callee.callee;
  while (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    TEST_BLOCK_MODIFIERS.has(callee.property.name)
  ) {
    callee = callee.object;
  }
  return callee.type === AST_NODE_TYPES.Identifier && TEST_BLOCK_NAMES.has(callee.name);
}

/** True when the node sits in a function passed to a test block: a fixture, whatever the test feeds it to. */
export function isInsideTestBlock(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    const holder = current.parent;
    const isCallback = current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression;
    if (isCallback && holder?.type === AST_NODE_TYPES.CallExpression && holder.arguments.includes(current as TSESTree.CallExpressionArgument) && isTestBlockCall(holder)) {
      return true;
    }
  }
  return false;
}

/** True when the string is an argument of a test assertion (`assert.match(a, …)`, `expect(a).toContain(…)`). */
export function isAssertionArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const root = chainRoot(parent.callee);
  return root.type === AST_NODE_TYPES.Identifier && ASSERTION_ROOTS.has(root.name);
}
