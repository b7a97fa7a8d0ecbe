// The presigns of one aws-sdk v2 S3 client in its own file: called on the name that holds it
// (`const s3 = new S3()`, or `client = new S3()` in a lazy getter), or on a call of a getter of
// this file that returns that name (`getS3().getSignedUrlPromise(…)`).
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, NewExpression, SourceFile } from 'ts-morph';

const PRESIGN_METHOD = /^getSignedUrl(?:Promise)?$/;

/** The name a construction is stored in: `const s3 = new …` or `client = new …`. */
export function clientHolderName(construction: NewExpression): string | undefined {
  const parent = construction.getParent();
  if (Node.isVariableDeclaration(parent) && Node.isIdentifier(parent.getNameNode())) return parent.getName();
  const assigns = Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken && parent.getRight() === construction;
  return assigns && Node.isIdentifier(parent.getLeft()) ? parent.getLeft().getText() : undefined;
}

/** The names of this file's functions every `return` of which hands back `name` (getters of the client). */
function gettersOf(sourceFile: SourceFile, name: string): Set<string> {
  const getters = new Set<string>();
  const functions = [
    ...sourceFile.getDescendantsOfKind(SyntaxKind.FunctionDeclaration).map((fn) => ({ fn, fnName: fn.getName() })),
    ...sourceFile.getDescendantsOfKind(SyntaxKind.VariableDeclaration).flatMap((declaration) => {
      const initializer = declaration.getInitializer();
      return Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer) ? [{ fn: initializer, fnName: declaration.getName() }] : [];
    }),
  ];
  for (const { fn, fnName } of functions) {
    const body = fn.getBody();
    if (!fnName || !body) continue;
    const returned = Node.isBlock(body)
      ? body.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((statement) => statement.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor)) === fn).map((statement) => statement.getExpression())
      : [body];
    if (returned.length > 0 && returned.every((value) => value !== undefined && Node.isIdentifier(value) && value.getText() === name)) getters.add(fnName);
  }
  return getters;
}

/** Every `name.getSignedUrl…(…)` and `getter().getSignedUrl…(…)` of the file. */
export function presignsOfClient(sourceFile: SourceFile, name: string): CallExpression[] {
  const getters = gettersOf(sourceFile, name);
  return sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !PRESIGN_METHOD.test(callee.getName())) return false;
    const receiver = callee.getExpression();
    if (Node.isIdentifier(receiver)) return receiver.getText() === name;
    return Node.isCallExpression(receiver) && receiver.getArguments().length === 0 && getters.has(receiver.getExpression().getText());
  });
}
