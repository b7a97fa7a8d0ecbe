// The string a SigV2 query signer's HMAC signs (`GET\n<host>\n<path>\n<query>`), read for its method
// and host: what decides whether the rewrite can sign the same request, and what to name when not.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { soleVariableInitializer, uniqueDeclaration } from './bindings';
import { calledThisMethod } from './class-methods';
import { urlAlternatives } from './ses-signing-target';
import { isCreateHmacCall } from './sigv3-authorization';
import { stringParts } from './string-parts';
import { isStringLike } from './expressions';

/** One line of the string to sign: its text, and the expression when the line is exactly one. */
export interface SignedLine {
  text: string;
  node?: Node;
}

/** A string's lines, with a spliced expression kept where it is a whole line (`GET\n${host}\n/\n${query}`). */
function linesOfString(node: Node): SignedLine[] | undefined {
  const parts = stringParts(node);
  if (!parts) return undefined;
  const expressions = parts.flatMap((part) => ('expression' in part ? [part.expression] : []));
  let index = 0;
  const text = parts.map((part) => ('text' in part ? part.text : `\u0001${index++}\u0001`)).join('');
  return text.split('\n').map((line) => {
    const only = /^\u0001(\d+)\u0001$/.exec(line);
    const spliced = only ? expressions[Number(only[1])] : undefined;
    return spliced ? { text: spliced.getText(), node: spliced } : { text: line };
  });
}

/** The lines of the string an HMAC signs: `.update(x)` right after createHmac(…), through a const; `[…].join('\n')` or a string. */
function signedLines(sourceFile: SourceFile, hmac: Node): SignedLine[] | undefined {
  const update = hmac.getParent();
  const call = update?.getParent();
  const signed = Node.isPropertyAccessExpression(update) && update.getName() === 'update' && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
  const resolved = signed && Node.isIdentifier(signed) ? soleVariableInitializer(sourceFile, signed.getText()) : signed;
  const joined = resolved && Node.isCallExpression(resolved) ? resolved.getExpression() : undefined;
  const array = Node.isPropertyAccessExpression(joined) && joined.getName() === 'join' ? joined.getExpression() : undefined;
  if (Node.isArrayLiteralExpression(array)) {
    return array.getElements().map((element) => (isStringLike(element) ? { text: element.getLiteralValue() } : { text: element.getText(), node: element }));
  }
  return resolved && linesOfString(resolved);
}

/** The method the string to sign starts with ('GET', 'POST'), when it is written out. */
export function signedMethod(sourceFile: SourceFile, hmac: Node): string | undefined {
  const first = signedLines(sourceFile, hmac)?.[0];
  return first && !first.node && /^[A-Z]+$/.test(first.text) ? first.text : undefined;
}

/** The HMACs `fn` computes itself or in the functions it calls by name or as `this.name(…)`. */
function reachableHmacs(sourceFile: SourceFile, fn: Node): Node[] {
  const calls = fn.getDescendantsOfKind(SyntaxKind.CallExpression);
  const callees = calls.flatMap((call): Node[] => {
    const method = calledThisMethod(call);
    if (method) return [method];
    const declaration = Node.isIdentifier(call.getExpression()) ? uniqueDeclaration(sourceFile, call.getExpression().getText())?.node : undefined;
    return Node.isFunctionDeclaration(declaration) ? [declaration] : [];
  });
  return [fn, ...callees].flatMap((scope) => scope.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => isCreateHmacCall(sourceFile, call)));
}

/** The one HMAC the signer computes (in `fn` or a method or function it calls) and the lines of the string it signs, when written out. */
export function signedQueryString(sourceFile: SourceFile, fn: Node): { hmac: Node; lines: SignedLine[] | undefined } | undefined {
  const hmacs = reachableHmacs(sourceFile, fn);
  return hmacs.length === 1 ? { hmac: hmacs[0]!, lines: signedLines(sourceFile, hmacs[0]!) } : undefined;
}

/** Why the host cannot be seen, when the HMAC that signs the query (in `fn` or a function it calls) signs for a run-time host. */
export function unseenHostReason(sourceFile: SourceFile, fn: Node): string | undefined {
  for (const hmac of reachableHmacs(sourceFile, fn)) {
    const host = signedLines(sourceFile, hmac)?.[1];
    const node = host?.node;
    if (!host || !node) continue;
    if (urlAlternatives(sourceFile, node).some((alternative) => /[\0\u0002]/.test(alternative))) {
      return `the host the query is signed for (\`${host.text}\`, line ${node.getStartLineNumber()}) is only known at run time, so the service and region to sign for are not visible`;
    }
  }
  return undefined;
}
