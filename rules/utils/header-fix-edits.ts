// Writes a Content-Type header into a request in its client's own shape (a headers property, an
// options argument, `xhr.setRequestHeader`, superagent's `.set`), keeping the file's layout.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { HeaderInsertion } from './http-put-calls';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A string literal in the given quote, its backslashes and quotes escaped. */
export function quoted(text: string, quote: string): string {
  return `${quote}${text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}

/** The node or token after which a new line can go without moving a trailing `// comment`. */
function endOfLine(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): TSESTree.Node | TSESTree.Token {
  const trailing = sourceCode.getCommentsAfter(node).filter((comment) => comment.loc.start.line === node.loc.end.line);
  return trailing[trailing.length - 1] ?? node;
}

function lineIndent(sourceCode: SourceCode, line: number): string {
  return /^\s*/.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

/** Adds `text` after `previous` in a list (properties, arguments): on its own line when the list has one per line. */
function insertListItem(
  sourceCode: SourceCode,
  fixer: TSESLint.RuleFixer,
  previous: TSESTree.Node,
  closing: TSESTree.Token | null | undefined,
  text: string,
): TSESLint.RuleFix | TSESLint.RuleFix[] {
  const after = sourceCode.getTokenAfter(previous);
  const comma = after?.value === ',' ? after : undefined;
  const onOwnLines = closing !== null && closing !== undefined && closing.loc.start.line !== previous.loc.end.line;
  if (!onOwnLines) return comma ? fixer.insertTextAfter(comma, ` ${text},`) : fixer.insertTextAfter(previous, `, ${text}`);
  const indent = lineIndent(sourceCode, previous.loc.start.line);
  if (comma) return fixer.insertTextAfter(endOfLine(sourceCode, comma), `\n${indent}${text},`);
  return [fixer.insertTextAfter(previous, ','), fixer.insertTextAfter(endOfLine(sourceCode, previous), `\n${indent}${text}`)];
}

function insertObjectProperty(
  sourceCode: SourceCode,
  fixer: TSESLint.RuleFixer,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix | TSESLint.RuleFix[] {
  const last = object.properties[object.properties.length - 1];
  if (!last) return fixer.replaceText(object, `{ ${text} }`);
  return insertListItem(sourceCode, fixer, last, sourceCode.getLastToken(object), text);
}

/** Adds an argument after `previous`, on its own line when the arguments are one per line. */
function insertArgument(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, previous: TSESTree.Node, text: string): TSESLint.RuleFix | TSESLint.RuleFix[] {
  const after = sourceCode.getTokenAfter(previous);
  const closing = after?.value === ',' ? sourceCode.getTokenAfter(after) : after;
  const onOwnLines = closing !== null && closing !== undefined && closing.loc.start.line !== previous.loc.end.line;
  // On one line the new argument goes right after `previous`, before any trailing comma.
  if (!onOwnLines) return fixer.insertTextAfter(previous, `, ${text}`);
  return insertListItem(sourceCode, fixer, previous, closing, text);
}

function insertXhrHeader(
  sourceCode: SourceCode,
  fixer: TSESLint.RuleFixer,
  insertion: Extract<HeaderInsertion, { kind: 'xhr-statement' }>,
  name: string,
  value: string,
): TSESLint.RuleFix {
  const { statement, receiver } = insertion;
  const semicolon = sourceCode.getText(statement).endsWith(';') ? ';' : '';
  const indent = lineIndent(sourceCode, statement.loc.start.line);
  return fixer.insertTextAfter(endOfLine(sourceCode, statement), `\n${indent}${receiver}.setRequestHeader(${name}, ${value})${semicolon}`);
}

function insertSuperagentSet(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, call: TSESTree.CallExpression, name: string, value: string): TSESLint.RuleFix {
  const dot = sourceCode.getTokenAfter(call);
  const onNextLine = dot !== null && dot.value === '.' && dot.loc.start.line !== call.loc.end.line;
  const text = `.set(${name}, ${value})`;
  if (!onNextLine) return fixer.insertTextAfter(call, text);
  return fixer.insertTextAfter(endOfLine(sourceCode, call), `\n${lineIndent(sourceCode, dot.loc.start.line)}${text}`);
}

/** The fix that sends `Content-Type: value` (value already written as code) where the insertion says. */
export function buildHeaderFix(sourceCode: SourceCode, insertion: HeaderInsertion, value: string, quote: string): TSESLint.ReportFixFunction {
  const name = quoted('Content-Type', quote);
  const header = `${name}: ${value}`;
  return (fixer) => {
    switch (insertion.kind) {
      case 'header-property':
        return insertObjectProperty(sourceCode, fixer, insertion.object, header);
      case 'headers-property':
        return insertObjectProperty(sourceCode, fixer, insertion.object, `headers: { ${header} }`);
      case 'option-property':
        return insertObjectProperty(sourceCode, fixer, insertion.object, `${insertion.name}: ${value}`);
      case 'options-argument':
        return insertArgument(sourceCode, fixer, insertion.after, `{ headers: { ${header} } }`);
      case 'xhr-statement':
        return insertXhrHeader(sourceCode, fixer, insertion, name, value);
      case 'superagent-set':
        return insertSuperagentSet(sourceCode, fixer, insertion.call, name, value);
    }
  };
}
