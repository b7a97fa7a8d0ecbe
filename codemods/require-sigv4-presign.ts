// Codemod for sigv4/require-sigv4-presign: gives presigning aws-sdk v2 S3 clients
// `signatureVersion: 'v4'` and lowers presign expiries beyond SigV4's 7 days to 604800 s.
import { dirname, relative, sep } from 'node:path';
import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { Expression, NewExpression, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { MAX_SIGV4_EXPIRY_SECONDS, SIGV2_PRESIGN_REGIONS } from '../rules/require-sigv4-presign';
import { isVisiblyAwsEndpoint } from './utils/aws-endpoint';
import { referencesTo } from './utils/bindings';
import { indentOf, literalValueReplacement } from './utils/code-layout';
import { innermostExpression, outermostWrapper } from './utils/expressions';
import { adoptRuleFix, adoptRuleSuggestion } from './utils/rule-fixes';
import type { Codemod, CodemodContext, CodemodOutcome, TextEdit } from './types';

const MAX_EXPIRY = String(MAX_SIGV4_EXPIRY_SECONDS);
const ADD_V4 = "add `signatureVersion: 'v4'` to";

const codemod: Codemod = (context) => {
  switch (context.finding.messageId) {
    case 'presignWithoutSigV4':
      return addSignatureVersionToClient(context);
    case 'presignWithoutSigV4CustomEndpoint':
      return manual(customEndpointTodo(context));
    case 'expiresBeyondSigV4Limit':
      return lowerSdkV2Expires(context);
    case 'expiresInBeyondSigV4Limit':
      return lowerPropertyExpiry(context, 'expiresIn');
    case 'amzExpiresBeyondSigV4Limit':
      return lowerAmzExpires(context);
    default:
      return manual(context.finding.message);
  }
};

export default codemod;

function manual(todo: string): CodemodOutcome {
  return { kind: 'manual', todo };
}

function fixed(edits: TextEdit[], note: string): CodemodOutcome {
  return { kind: 'fixed', edits, note };
}

function lineOf(node: Node): number {
  return node.getStartLineNumber();
}

// ---------------------------------------------------------------------------------------------
// presignWithoutSigV4 / presignWithoutSigV4CustomEndpoint: the client's options.

function addSignatureVersionToClient(context: CodemodContext): CodemodOutcome {
  const note = "Added `signatureVersion: 'v4'` to this S3 client's options, so its presigned URLs are SigV4.";
  const ruleFix = adoptRuleFix(context);
  if (ruleFix?.kind === 'fixed') return { ...ruleFix, note };
  const client = enclosingNewExpression(context.node);
  const suggestion = context.finding.suggestions?.find((candidate) => candidate.messageId === 'addSignatureVersionV4');
  const optionsText = shorten(client?.getArguments()[0]?.getText() ?? 'somewhere this file cannot see');
  if (!client || !suggestion) {
    return manual(`Line ${context.finding.line}: ${ADD_V4} the options of this S3 client; they come from \`${optionsText}\`, which cannot be edited safely here.`);
  }
  const sharing = optionsVariableSharing(context.sourceFile, client, suggestion.edit.start);
  if (sharing.kind === 'private') {
    const adopted = adoptRuleSuggestion(context, 'addSignatureVersionV4');
    if (adopted?.kind === 'fixed') return { ...adopted, note };
  }
  const name = sharing.kind === 'shared' ? sharing.name : optionsText;
  const why = sharing.kind === 'shared' ? 'which other code uses too, so adding it there would change them as well' : 'which may be used elsewhere';
  return manual(
    `Line ${context.finding.line}: ${ADD_V4} this S3 client. Its options come from \`${name}\`, ${why}: ` +
      `write \`{ ...${name}, signatureVersion: 'v4' }\` at this construction, or add it to \`${name}\` if every user of it should sign with SigV4.`,
  );
}

function customEndpointTodo(context: CodemodContext): string {
  const client = enclosingNewExpression(context.node);
  const endpoint = client && visibleOptionsLiteral(client)?.getProperty('endpoint');
  const where = endpoint && Node.isPropertyAssignment(endpoint)
    ? `\`${shorten(endpoint.getInitializerOrThrow().getText())}\``
    : 'an endpoint that is not visibly AWS';
  return (
    `Line ${context.finding.line}: this S3 client presigns against ${where} without \`signatureVersion\`, so the SDK may sign ` +
    `its URLs with legacy SigV2. If that server accepts SigV4 (AWS, MinIO and Ceph RGW do), ${ADD_V4} its options and ` +
    `keep its presign expiries at most ${MAX_EXPIRY} s; if it needs SigV2 on purpose, set \`signatureVersion\` explicitly to say so.`
  );
}

function enclosingNewExpression(node: Node): NewExpression | undefined {
  return Node.isNewExpression(node) ? node : node.getFirstAncestorByKind(SyntaxKind.NewExpression);
}

type OptionsSharing = { kind: 'private' } | { kind: 'shared'; name: string } | { kind: 'unknown' };

/**
 * Whether the options literal the rule's suggestion edits (the one holding `offset`) is a `const`
 * used only by this client's construction, so that editing it changes nothing else.
 */
function optionsVariableSharing(sourceFile: SourceFile, client: NewExpression, offset: number): OptionsSharing {
  const literal = objectLiteralAt(sourceFile, offset);
  const name = literal && constNameOf(literal);
  if (!name) return { kind: 'unknown' };
  const references = referencesTo(sourceFile, name);
  const onlyHere = references.length === 1 && isWithin(references[0]!, client);
  return onlyHere ? { kind: 'private' } : { kind: 'shared', name };
}

function objectLiteralAt(sourceFile: SourceFile, offset: number): ObjectLiteralExpression | undefined {
  const deepest = sourceFile.getDescendantAtPos(offset);
  if (!deepest) return undefined;
  return [deepest, ...deepest.getAncestors()].find(
    (node): node is ObjectLiteralExpression => Node.isObjectLiteralExpression(node) && node.getStart() <= offset && offset < node.getEnd(),
  );
}

// ---------------------------------------------------------------------------------------------
// Expiries: `Expires` (aws-sdk v2), `expiresIn` (v3 presigner), `X-Amz-Expires` (hand-built).

function secondsOf(context: CodemodContext): string {
  return /\bof (\d+) s\b/.exec(context.finding.message)?.[1] ?? 'more than 604800';
}

/** The edit that lowers the reported value, and the value's text as written (for the note). */
interface ExpiryReplacement {
  edit: TextEdit;
  original: string;
}

/** `604800 /* SigV4 maximum (7 days); was X *\/`: the old value stays readable where it was. */
function loweredValueText(original: string): string {
  const flat = original.replace(/\s+/g, ' ').trim();
  const safe = !flat.includes('*/') && flat.length <= 60;
  return safe ? `${MAX_EXPIRY} /* SigV4 maximum (7 days); was ${flat} */` : MAX_EXPIRY;
}

function loweredNote(name: string, original: string, seconds: string): string {
  const from = original === seconds ? `${seconds} s` : `\`${shorten(original)}\` (${seconds} s)`;
  return `\`${name}\` lowered from ${from} to ${MAX_EXPIRY} s, SigV4's 7-day maximum: these presigned URLs now expire after 7 days.`;
}

/** Replaces the reported property value (`Expires: v`, `{ Expires }`) with 604800. */
function propertyValueReplacement(context: CodemodContext, name: string): ExpiryReplacement | undefined {
  const value = context.node;
  const parent = value.getParent();
  const filePath = context.sourceFile.getFilePath();
  if (Node.isPropertyAssignment(parent) && parent.getInitializer() === value) {
    const original = value.getText();
    return { original, edit: { filePath, start: value.getStart(), end: value.getEnd(), text: loweredValueText(original) } };
  }
  if (Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === value) {
    const original = value.getText();
    return { original, edit: { filePath, start: parent.getStart(), end: parent.getEnd(), text: `${name}: ${loweredValueText(original)}` } };
  }
  return undefined;
}

/**
 * Where the object holding the expiry lives: written inside the call (`inPlace`), in a `const`
 * only one place uses (`private`, with that use), or shared with other code.
 */
type ObjectPlacement =
  | { kind: 'inPlace'; call: Node }
  | { kind: 'private'; use: Node }
  | { kind: 'shared'; name: string }
  | { kind: 'unknown' };

function placementOf(sourceFile: SourceFile, object: Node): ObjectPlacement {
  const outer = outermostWrapper(object);
  const parent = outer.getParent();
  if (Node.isCallExpression(parent) || Node.isNewExpression(parent)) {
    return parent.getArguments().includes(outer) ? { kind: 'inPlace', call: parent } : { kind: 'unknown' };
  }
  const name = Node.isObjectLiteralExpression(object) ? constNameOf(object) : undefined;
  if (!name) return { kind: 'unknown' };
  const references = referencesTo(sourceFile, name);
  return references.length === 1 ? { kind: 'private', use: references[0]! } : { kind: 'shared', name };
}

function lowerPropertyExpiry(context: CodemodContext, name: string): CodemodOutcome {
  const planned = planPropertyExpiry(context, name);
  if (planned.kind === 'manual') return planned;
  return fixed([planned.replacement.edit], loweredNote(name, planned.replacement.original, secondsOf(context)));
}

type PlannedExpiry =
  | { kind: 'planned'; replacement: ExpiryReplacement; call: Node | undefined }
  | { kind: 'manual'; todo: string };

function planPropertyExpiry(context: CodemodContext, name: string): PlannedExpiry {
  const seconds = secondsOf(context);
  const replacement = propertyValueReplacement(context, name);
  const object = replacement && context.node.getFirstAncestorByKind(SyntaxKind.ObjectLiteralExpression);
  if (!replacement || !object) {
    return { kind: 'manual', todo: `Line ${context.finding.line}: lower \`${name}\` (${seconds} s) to at most ${MAX_EXPIRY} s (SigV4's 7 days).` };
  }
  const placement = placementOf(context.sourceFile, object);
  if (placement.kind === 'shared' || placement.kind === 'unknown') {
    const holder = placement.kind === 'shared' ? `\`${placement.name}\`` : 'an object';
    const spread = placement.kind === 'shared' ? placement.name : 'params';
    return {
      kind: 'manual',
      todo:
        `Line ${context.finding.line}: lower \`${name}\` (${seconds} s) to at most ${MAX_EXPIRY} s (SigV4's 7 days) for this presign only: ` +
        `it sits in ${holder} that other code uses too, so override it at the presign call, e.g. \`{ ...${spread}, ${name}: ${MAX_EXPIRY} }\`.`,
    };
  }
  const call = placement.kind === 'inPlace' ? placement.call : placement.use.getFirstAncestorByKind(SyntaxKind.CallExpression);
  return { kind: 'planned', replacement, call };
}

// ---------------------------------------------------------------------------------------------
// aws-sdk v2 `Expires`, and the client that presigns with it (here or in an imported module).

function lowerSdkV2Expires(context: CodemodContext): CodemodOutcome {
  const planned = planPropertyExpiry(context, 'Expires');
  if (planned.kind === 'manual') return planned;
  const note = loweredNote('Expires', planned.replacement.original, secondsOf(context));
  const receiver = planned.call && presignReceiver(planned.call);
  const client = receiver ? locateClient(context, receiver) : undefined;
  if (client?.kind === 'custom') {
    return manual(
      `Line ${context.finding.line}: this presign's S3 client (line ${client.line}${client.filePath ? ` of ${client.filePath}` : ''}) ` +
        `uses an endpoint that is not visibly AWS and may sign with SigV2 on purpose. If it moves to SigV4, lower \`Expires\` ` +
        `(${secondsOf(context)} s) to at most ${MAX_EXPIRY} s; with SigV2 it may stay.`,
    );
  }
  if (client?.kind === 'elsewhere') {
    return fixed(
      [planned.replacement.edit, ...client.edits],
      `${note} Also added \`signatureVersion: 'v4'\` to the S3 client it uses, built in ${client.filePath}:${client.line}.`,
    );
  }
  return fixed([planned.replacement.edit], note);
}

/** `s3` in `s3.getSignedUrl(…)`, when the client is a plain identifier. */
function presignReceiver(call: Node): Node | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !/^getSignedUrl(?:Promise)?$/.test(callee.getName())) return undefined;
  const receiver = callee.getExpression();
  return Node.isIdentifier(receiver) ? receiver : undefined;
}

/**
 * What is known of the presigning client: `custom` when its endpoint is not visibly AWS (then the
 * expiry is the user's call), `elsewhere` with the edits that give a client built in an imported
 * module SigV4 (the rule, single-file, cannot see it), undefined when nothing needs saying.
 */
type ClientFacts =
  | { kind: 'custom'; filePath: string | undefined; line: number }
  | { kind: 'elsewhere'; filePath: string; line: number; edits: TextEdit[] };

/** `./s3.js`: the other module as the presigning file would import it. */
function relativeFilePath(from: SourceFile, to: SourceFile): string {
  const path = relative(dirname(from.getFilePath()), to.getFilePath()).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function locateClient(context: CodemodContext, receiver: Node): ClientFacts | undefined {
  const name = receiver.getText();
  const local = uniqueConstInitializer(context.sourceFile, name);
  if (local && Node.isNewExpression(local)) {
    return endpointIsCustom(local) && !hasOption(local, 'signatureVersion')
      ? { kind: 'custom', filePath: undefined, line: lineOf(local) }
      : undefined;
  }
  const imported = importedBinding(context.sourceFile, name);
  const sibling = imported && context.resolveImport(context.sourceFile, imported.specifier);
  const construction = sibling && exportedConstruction(sibling, imported.exportName);
  if (!sibling || !construction || !looksLikeSdkV2S3Client(sibling, construction)) return undefined;
  // Anything mentioning signatureVersion (the options, a global config) is no-legacy-signature's or the user's.
  if (sibling.getFullText().includes('signatureVersion')) return undefined;
  const filePath = relativeFilePath(context.sourceFile, sibling);
  const line = lineOf(construction);
  if (endpointIsCustom(construction)) return { kind: 'custom', filePath, line };
  if (presignsWithSigV4Anyway(construction)) return undefined;
  const edits = signatureVersionEdits(sibling, construction);
  return edits && { kind: 'elsewhere', filePath, line, edits };
}

function looksLikeSdkV2S3Client(sourceFile: SourceFile, construction: NewExpression): boolean {
  return /(?:^|\.)S3$/.test(construction.getExpression().getText()) && /['"]aws-sdk(?:\/clients\/s3)?['"]/.test(sourceFile.getFullText());
}

/** A constant region where aws-sdk v2 already presigns with SigV4: nothing to add. */
function presignsWithSigV4Anyway(construction: NewExpression): boolean {
  const region = visibleOptionsLiteral(construction)?.getProperty('region');
  if (!region || !Node.isPropertyAssignment(region)) return false;
  const value = region.getInitializer();
  return Node.isStringLiteral(value) && !(SIGV2_PRESIGN_REGIONS as readonly string[]).includes(value.getLiteralValue());
}

/**
 * True when the client visibly sets an `endpoint` this codemod cannot tell is AWS. Options it cannot
 * see count as AWS: the rule judged that client, and the expiry it reported is what it asks to lower.
 */
function endpointIsCustom(construction: NewExpression): boolean {
  const endpoint = visibleOptionsLiteral(construction)?.getProperty('endpoint');
  return endpoint !== undefined && !isVisiblyAwsEndpoint(endpoint);
}

function hasOption(construction: NewExpression, name: string): boolean {
  return visibleOptionsLiteral(construction)?.getProperty(name) !== undefined;
}

/** The client's options literal, written inside the call or in a `const` of this file (for reading only). */
function visibleOptionsLiteral(construction: NewExpression): ObjectLiteralExpression | undefined {
  const inline = optionsLiteralOf(construction);
  const options = construction.getArguments()[0];
  if (inline || !options) return inline;
  const unwrapped = innermostExpression(options);
  const initializer = Node.isIdentifier(unwrapped) ? uniqueConstInitializer(construction.getSourceFile(), unwrapped.getText()) : undefined;
  return initializer && Node.isObjectLiteralExpression(initializer) ? initializer : undefined;
}

/** The client's options when written as an object literal inside the `new` call. */
function optionsLiteralOf(construction: NewExpression): ObjectLiteralExpression | undefined {
  const options = construction.getArguments()[0];
  const unwrapped = options && innermostExpression(options);
  return unwrapped && Node.isObjectLiteralExpression(unwrapped) ? unwrapped : undefined;
}

// ---------------------------------------------------------------------------------------------
// Cross-file: which module and export a local name comes from, and the construction behind it.

interface ImportedBinding {
  specifier: string;
  /** `default` for a default import, `import x = require()` or a whole `require()`. */
  exportName: string;
}

function importedBinding(sourceFile: SourceFile, name: string): ImportedBinding | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement)) {
      const specifier = statement.getModuleSpecifierValue();
      if (statement.getDefaultImport()?.getText() === name) return { specifier, exportName: 'default' };
      const named = statement.getNamedImports().find((entry) => (entry.getAliasNode() ?? entry.getNameNode()).getText() === name);
      if (named) return { specifier, exportName: named.getName() };
    }
    if (Node.isImportEqualsDeclaration(statement) && statement.getName() === name) {
      const reference = statement.getModuleReference();
      if (Node.isExternalModuleReference(reference)) {
        const expression = reference.getExpression();
        if (expression && Node.isStringLiteral(expression)) return { specifier: expression.getLiteralValue(), exportName: 'default' };
      }
    }
    if (Node.isVariableStatement(statement)) {
      for (const declaration of statement.getDeclarations()) {
        const specifier = requireSpecifier(declaration.getInitializer());
        if (specifier === undefined) continue;
        const nameNode = declaration.getNameNode();
        if (Node.isIdentifier(nameNode) && nameNode.getText() === name) return { specifier, exportName: 'default' };
        if (Node.isObjectBindingPattern(nameNode)) {
          const element = nameNode.getElements().find((candidate) => candidate.getName() === name);
          if (element) return { specifier, exportName: element.getPropertyNameNode()?.getText() ?? name };
        }
      }
    }
  }
  return undefined;
}

function requireSpecifier(node: Node | undefined): string | undefined {
  if (!node || !Node.isCallExpression(node) || node.getExpression().getText() !== 'require') return undefined;
  const argument = node.getArguments()[0];
  return argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
}

/** The `new …(…)` an export names: `export const s3 = new S3()`, `module.exports = s3`, `exports.s3 = …`, `export { s3 }`. */
function exportedConstruction(sourceFile: SourceFile, exportName: string): NewExpression | undefined {
  const exported = exportedExpression(sourceFile, exportName);
  const value = exported && innermostExpression(exported);
  if (value && Node.isNewExpression(value)) return value;
  if (value && Node.isIdentifier(value)) {
    const initializer = uniqueConstInitializer(sourceFile, value.getText());
    return initializer && Node.isNewExpression(initializer) ? initializer : undefined;
  }
  return undefined;
}

function exportedExpression(sourceFile: SourceFile, exportName: string): Node | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (exportName === 'default' && Node.isExportAssignment(statement)) return statement.getExpression();
    if (Node.isVariableStatement(statement) && statement.isExported() && exportName !== 'default') {
      const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === exportName);
      if (declaration) return declaration.getNameNode();
    }
    if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      const specifier = statement.getNamedExports().find((entry) => (entry.getAliasNode()?.getText() ?? entry.getName()) === exportName);
      if (specifier) return specifier.getNameNode();
    }
    const assigned = Node.isExpressionStatement(statement) ? commonJsExport(statement.getExpression(), exportName) : undefined;
    if (assigned) return assigned;
  }
  return undefined;
}

/** `module.exports = v` (default), `module.exports = { name }`, `exports.name = v`, `module.exports.name = v`. */
function commonJsExport(expression: Node, exportName: string): Node | undefined {
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
  const target = expression.getLeft().getText();
  const value = expression.getRight();
  if (target === 'module.exports') {
    if (exportName === 'default') return value;
    if (!Node.isObjectLiteralExpression(value)) return undefined;
    const property = value.getProperty(exportName);
    if (Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
    return Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  }
  return target === `exports.${exportName}` || target === `module.exports.${exportName}` ? value : undefined;
}

/** The initializer of the one variable declaration named `name` in the file (undefined when absent or ambiguous). */
function uniqueConstInitializer(sourceFile: SourceFile, name: string): Node | undefined {
  const declarations = sourceFile
    .getDescendantsOfKind(SyntaxKind.VariableDeclaration)
    .filter((declaration) => Node.isIdentifier(declaration.getNameNode()) && declaration.getName() === name);
  if (declarations.length !== 1) return undefined;
  const initializer = declarations[0]!.getInitializer();
  return initializer && innermostExpression(initializer);
}

// ---------------------------------------------------------------------------------------------
// `signatureVersion: 'v4'` in a client built in another file. Written exactly as the rule's own
// fix writes it, so when that file's own finding adds it too, the two identical edits collapse.

function signatureVersionEdits(sourceFile: SourceFile, construction: NewExpression): TextEdit[] | undefined {
  const filePath = sourceFile.getFilePath();
  const text = sourceFile.getFullText();
  const quote = preferredQuote(sourceFile, construction);
  const property = `signatureVersion: ${quote}v4${quote}`;
  const argumentsList = construction.getArguments();
  if (argumentsList.length === 0) {
    const closing = construction.getLastChildByKind(SyntaxKind.CloseParenToken);
    return closing
      ? [{ filePath, start: closing.getStart(), end: closing.getStart(), text: `{ ${property} }` }]
      : [{ filePath, start: construction.getEnd(), end: construction.getEnd(), text: `({ ${property} })` }];
  }
  const literal = optionsLiteralOf(construction);
  if (!literal) return undefined;
  const properties = literal.getProperties();
  const last = properties.at(-1);
  if (!last) return [{ filePath, start: literal.getStart(), end: literal.getEnd(), text: `{ ${property} }` }];
  const afterLast = last.getNextSibling();
  const trailingComma = afterLast?.getKind() === SyntaxKind.CommaToken ? afterLast : undefined;
  if (literal.getStartLineNumber() === literal.getEndLineNumber()) {
    return trailingComma
      ? [{ filePath, start: trailingComma.getEnd(), end: trailingComma.getEnd(), text: ` ${property},` }]
      : [{ filePath, start: last.getEnd(), end: last.getEnd(), text: `, ${property}` }];
  }
  const indent = indentOf(text, last.getStart());
  const anchorEnd = (trailingComma ?? last).getEnd();
  const sameLineComments = /^(?:[ \t]*(?:\/\/[^\r\n]*|\/\*(?:(?!\*\/)[^\r\n])*\*\/))*/.exec(text.slice(anchorEnd))?.[0] ?? '';
  const commentsEnd = anchorEnd + sameLineComments.trimEnd().length;
  const lineEnd = sameLineComments.trim() ? commentsEnd : anchorEnd;
  const newLine = `\n${indent}${property}${trailingComma ? ',' : ''}`;
  if (trailingComma) return [{ filePath, start: lineEnd, end: lineEnd, text: newLine }];
  // ESLint merges the rule's two fixes (the comma, the new line) into one edit over the text between.
  return [{ filePath, start: last.getEnd(), end: lineEnd, text: `,${text.slice(last.getEnd(), lineEnd)}${newLine}` }];
}

/** As the rule picks it: the first string in the client's construction, else the file's first string. */
function preferredQuote(sourceFile: SourceFile, construction: NewExpression): string {
  const string = construction.getFirstDescendantByKind(SyntaxKind.StringLiteral) ?? sourceFile.getFirstDescendantByKind(SyntaxKind.StringLiteral);
  return string?.getText().startsWith('"') ? '"' : "'";
}

// ---------------------------------------------------------------------------------------------
// X-Amz-Expires in hand-built URLs.

const AMZ_EXPIRES_DIGITS = /x-amz-expires=(\d+)/i;

function lowerAmzExpires(context: CodemodContext): CodemodOutcome {
  const value = context.node;
  const seconds = secondsOf(context);
  const filePath = context.sourceFile.getFilePath();
  const text = value.getText();
  const inline = AMZ_EXPIRES_DIGITS.exec(text);
  if (inline?.[1] === seconds && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value) || Node.isTemplateExpression(value))) {
    const start = value.getStart() + inline.index + inline[0].length - seconds.length;
    return fixed([{ filePath, start, end: start + seconds.length, text: MAX_EXPIRY }], loweredNote('X-Amz-Expires', seconds, seconds));
  }
  if (Node.isStringLiteral(value) && /^\d+$/.test(value.getLiteralValue())) {
    return fixed([literalValueReplacement(value, MAX_EXPIRY)], loweredNote('X-Amz-Expires', seconds, seconds));
  }
  const identifiers = [value, ...value.getDescendants()].filter((node) => Node.isIdentifier(node));
  // A constant used only here can be inlined; one used elsewhere may also feed the signed canonical
  // query, which must carry the same value as the URL, so that is the user's edit.
  const onlyHere = identifiers.every((identifier) => referencesTo(context.sourceFile, identifier.getText()).length === 1);
  const span = value.getParent();
  if (onlyHere && Node.isTemplateSpan(span) && span.getExpression() === value) {
    // `…=${EXPIRES}&…` becomes `…=604800&…`: the value joins the template's text.
    const start = context.sourceFile.getFullText().lastIndexOf('${', value.getStart());
    const end = span.getLiteral().getStart() + 1;
    return fixed([{ filePath, start, end, text: MAX_EXPIRY }], loweredNote('X-Amz-Expires', text, seconds));
  }
  if (Node.isExpression(value) && onlyHere) {
    return fixed(
      [{ filePath, start: value.getStart(), end: value.getEnd(), text: loweredValueText(text) }],
      loweredNote('X-Amz-Expires', text, seconds),
    );
  }
  return manual(
    `Line ${context.finding.line}: lower \`X-Amz-Expires\` (${seconds} s, from \`${shorten(text)}\`) to at most ${MAX_EXPIRY} s. ` +
      'The value is used elsewhere too; change it where the signed canonical query and the URL both read it, so they stay equal.',
  );
}

// ---------------------------------------------------------------------------------------------
// Small tree helpers (no type checker: names are matched in the file's text, conservatively).

/** `name` when `literal` initializes `const name = {…}` that no `export` hands to other modules. */
function constNameOf(literal: Expression): string | undefined {
  const declaration = outermostWrapper(literal).getParent();
  if (!Node.isVariableDeclaration(declaration) || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  const statement = declaration.getVariableStatement();
  if (!statement || statement.isExported() || statement.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
  return declaration.getName();
}

function isWithin(node: Node, container: Node): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd();
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
