// The number an expression always evaluates to, when the syntax alone proves it: literals, unary
// minus, + - * / and `const` names initialised so, in one file. Undefined when it cannot be seen.
import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import { innermostExpression } from './expressions';

const MAX_DEPTH = 8;

function constInitializerOf(identifier: Node): Node | undefined {
  const declarations = identifier.getSourceFile().getVariableDeclarations().filter((declaration) => declaration.getName() === identifier.getText());
  const statement = declarations.length === 1 ? declarations[0]!.getVariableStatement() : undefined;
  if (!statement || statement.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
  return declarations[0]!.getInitializer();
}

const OPERATIONS: Partial<Record<SyntaxKind, (left: number, right: number) => number>> = {
  [SyntaxKind.PlusToken]: (left, right) => left + right,
  [SyntaxKind.MinusToken]: (left, right) => left - right,
  [SyntaxKind.AsteriskToken]: (left, right) => left * right,
  [SyntaxKind.SlashToken]: (left, right) => left / right,
};

export function constantNumber(node: Node, depth = 0): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = innermostExpression(node);
  if (Node.isNumericLiteral(expression)) return expression.getLiteralValue();
  if (Node.isPrefixUnaryExpression(expression) && expression.getOperatorToken() === SyntaxKind.MinusToken) {
    const operand = constantNumber(expression.getOperand(), depth + 1);
    return operand === undefined ? undefined : -operand;
  }
  if (Node.isBinaryExpression(expression)) {
    const operation = OPERATIONS[expression.getOperatorToken().getKind()];
    const left = operation && constantNumber(expression.getLeft(), depth + 1);
    const right = operation && constantNumber(expression.getRight(), depth + 1);
    return left === undefined || right === undefined ? undefined : operation!(left, right);
  }
  if (Node.isIdentifier(expression)) {
    const initializer = constInitializerOf(expression);
    return initializer && constantNumber(initializer, depth + 1);
  }
  return undefined;
}
