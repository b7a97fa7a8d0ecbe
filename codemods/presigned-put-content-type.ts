// Codemod for sigv4/presigned-put-content-type: a PUT to a presigned URL gets the Content-Type the
// URL was signed with. The rule's own fix (a visible signed literal, or a File/Blob body's `.type`)
// is adopted as is; across files, a URL returned by an imported function gets the literal its
// presign signed; a guessed value is never written, it becomes a precise to-do instead.
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { dirname, relative } from 'node:path';
import { Node } from 'ts-morph';
import { matchPutRequest } from '../rules/utils/http-put-calls';
import { resolveReturnedOrigin, resolveUrlOrigin } from '../rules/utils/presigned-url-origin';
import type { UrlOrigin, UrlOriginContext } from '../rules/utils/presigned-url-origin';
import { isFunctionNode } from '../rules/utils/query-building-shapes';
import { collectPresignNames, matchPresignCall } from '../rules/utils/s3-presign-calls';
import type { SignedContentType } from '../rules/utils/s3-presign-calls';
import { findSingleInitializer } from '../rules/utils/static-value';
import { collectTopLevelImports } from '../rules/utils/top-level-imports';
import { createRuleLinter } from '../src/cli/lint';
import type { Codemod, CodemodContext, CodemodOutcome, RuleSuggestion, TextEdit } from './types';
import { usesOfVariable } from './utils/bindings';
import { adoptRuleFix, adoptRuleSuggestion } from './utils/rule-fixes';

/** What each report says the client sends today, for the to-do. */
const SENT_NOW: Readonly<Record<string, string>> = {
  noContentTypeSent: 'it sends no Content-Type',
  textPlainSent: "it sends 'text/plain;charset=UTF-8'",
  formUrlencodedSent: "it sends 'application/x-www-form-urlencoded'",
  jsonSent: "it sends 'application/json'",
  bodyTypeSent: "it sends the body's own type",
};

// ---- What the rule saw, read again on the ESTree (the rule's own matchers, no second copy) ----

/** A presign's signed Content-Type, as source text, with the line it is on. */
interface SignedTypeSite {
  line: number;
  kind: SignedContentType['kind'];
  /** The literal value, or the expression's source text. */
  text: string | undefined;
}

interface RequestView {
  origin: UrlOrigin | undefined;
  /** Every PUT presign in the file, for the to-do. */
  presigns: SignedTypeSite[];
  /** The URL is (awaited) from a call to a function imported from a relative module. */
  importedFrom: { specifier: string; exportName: string; callee: string } | undefined;
}

type ProbeTask = { kind: 'request'; range: [number, number] } | { kind: 'export'; exportName: string };
type ProbeResult = { kind: 'request'; view: RequestView | undefined } | { kind: 'export'; origin: UrlOrigin | undefined; site: SignedTypeSite | undefined };

// ESLint runs a rule's `create` and visitors synchronously inside `verify`, so one probe run hands
// its task in and its result out through these two variables (set and read by `runProbe` only).
let probeTask: ProbeTask | undefined;
let probeResult: ProbeResult | undefined;

function describeSignedType(type: SignedContentType, sourceCode: Readonly<TSESLint.SourceCode>, fallbackLine: number): SignedTypeSite {
  if (type.kind === 'literal') return { line: type.node.loc.start.line, kind: 'literal', text: type.value };
  if (type.kind === 'expression') return { line: type.node.loc.start.line, kind: 'expression', text: sourceCode.getText(type.node) };
  return { line: fallbackLine, kind: type.kind, text: undefined };
}

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.AwaitExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  return current;
}

/** `createUploadUrl(…)` (awaited, or kept in a `const`) where `createUploadUrl` comes from `./s3`. */
function findImportedSource(
  url: TSESTree.Node,
  imports: ReturnType<typeof collectTopLevelImports>,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
): RequestView['importedFrom'] {
  let expression = unwrap(url);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = findSingleInitializer(expression, scopeOf(expression));
    if (!init) return undefined;
    expression = unwrap(init);
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = imports.get(expression.callee.name);
  const callee = expression.callee.name;
  return imported?.source.startsWith('.') ? { specifier: imported.source, exportName: imported.export, callee } : undefined;
}

/** Top-level functions by name: `function f`, `const f = () => …`, exported or not. */
function collectTopLevelFunctions(program: TSESTree.Program): Map<string, TSESTree.FunctionLike> {
  const functions = new Map<string, TSESTree.FunctionLike>();
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) functions.set(declaration.id.name, declaration);
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && isFunctionNode(declarator.init)) functions.set(declarator.id.name, declarator.init);
    }
  }
  return functions;
}

/** `exports.name` / `module.exports.name` as an assignment target. */
function commonJsExportName(target: TSESTree.Node): string | undefined {
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const holder = target.object;
  const isExports =
    (holder.type === AST_NODE_TYPES.Identifier && holder.name === 'exports') ||
    (holder.type === AST_NODE_TYPES.MemberExpression &&
      holder.object.type === AST_NODE_TYPES.Identifier &&
      holder.object.name === 'module' &&
      holder.property.type === AST_NODE_TYPES.Identifier &&
      holder.property.name === 'exports');
  return isExports ? target.property.name : undefined;
}

function isModuleExports(target: TSESTree.Node): boolean {
  return (
    target.type === AST_NODE_TYPES.MemberExpression &&
    target.object.type === AST_NODE_TYPES.Identifier &&
    target.object.name === 'module' &&
    target.property.type === AST_NODE_TYPES.Identifier &&
    target.property.name === 'exports'
  );
}

/** The value (a function, or the name of one) a module exports as `exportName` (`'*'`: the default). */
function findExportedValue(program: TSESTree.Program, exportName: string): TSESTree.Node | undefined {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && exportName === '*') return statement.declaration;
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === exportName) return declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        const declarator = declaration.declarations.find((candidate) => candidate.id.type === AST_NODE_TYPES.Identifier && candidate.id.name === exportName);
        if (declarator?.init) return declarator.init;
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        if (exported === exportName || (exported === 'default' && exportName === '*')) return specifier.local;
      }
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = statement.expression;
    if (commonJsExportName(left) === exportName) return right;
    if (!isModuleExports(left)) continue;
    if (exportName === '*' && right.type !== AST_NODE_TYPES.ObjectExpression) return right;
    if (right.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of right.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === exportName) {
        return property.value;
      }
    }
  }
  return undefined;
}

interface ProbeScope {
  sourceCode: Readonly<TSESLint.SourceCode>;
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  imports: ReturnType<typeof collectTopLevelImports>;
  originContext: UrlOriginContext;
}

/** Where the URL that `exportName` returns comes from, and the Content-Type its presign signs. */
function probeExport(program: TSESTree.Program, exportName: string, scope: ProbeScope): ProbeResult {
  const value = findExportedValue(program, exportName);
  const fn = isFunctionNode(value) ? value : value?.type === AST_NODE_TYPES.Identifier ? collectTopLevelFunctions(program).get(value.name) : undefined;
  const origin = fn ? resolveReturnedOrigin(fn, scope.originContext) : undefined;
  const site = fn && origin?.kind === 'presign' ? describeSignedType(origin.contentType, scope.sourceCode, fn.loc.start.line) : undefined;
  return { kind: 'export', origin, site };
}

/** The reported request's URL origin, the file's PUT presigns, and an import the URL comes from. */
function probeRequest(program: TSESTree.Program, range: readonly [number, number], scope: ProbeScope): ProbeResult {
  const { sourceCode, scopeOf, imports, originContext } = scope;
  const presigns: SignedTypeSite[] = [];
  let view: RequestView | undefined;
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const presign = matchPresignCall(node, scopeOf(node), originContext.names);
      if (presign?.kind === 'aws-put') presigns.push(describeSignedType(presign.contentType, sourceCode, node.loc.start.line));
      const request = node.range[0] === range[0] && node.range[1] === range[1] ? matchPutRequest(node, { imports, scopeOf }) : undefined;
      if (request) {
        view = { origin: resolveUrlOrigin(request.url, originContext), presigns, importedFrom: findImportedSource(request.url, imports, scopeOf) };
      }
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
  };
  visit(program);
  return { kind: 'request', view };
}

/** A lint "rule" that reports nothing: it reads the request (or an export) with the rule's matchers. */
const probeRule: TSESLint.RuleModule<never, []> = {
  defaultOptions: [],
  meta: { type: 'problem', schema: [], messages: {} },
  create(context) {
    const { sourceCode } = context;
    const scopeOf = (node: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(node);
    const task = probeTask;
    return {
      'Program:exit'(program: TSESTree.Program) {
        const imports = collectTopLevelImports(program);
        const originContext: UrlOriginContext = { names: collectPresignNames(imports), getScope: scopeOf, visitorKeys: sourceCode.visitorKeys };
        const scope: ProbeScope = { sourceCode, scopeOf, imports, originContext };
        if (task?.kind === 'export') probeResult = probeExport(program, task.exportName, scope);
        if (task?.kind === 'request') probeResult = probeRequest(program, task.range, scope);
      },
    };
  },
};

let probeLinter: ReturnType<typeof createRuleLinter> | undefined;

function runProbe(path: string, text: string, task: ProbeTask): ProbeResult | undefined {
  probeLinter ??= createRuleLinter({ 'presigned-put-content-type-probe': probeRule });
  probeTask = task;
  probeResult = undefined;
  try {
    probeLinter(path, text);
    return probeResult;
  } finally {
    probeTask = undefined;
  }
}

// ---- Outcomes ----

/** The header value the rule's `addContentType` suggestion would write (from its description). */
function suggestedValue(suggestion: RuleSuggestion): string | undefined {
  return /^Send Content-Type (.+) with the upload \(/.exec(suggestion.description)?.[1];
}

/** The suggestion's edit with its guessed value replaced by `literal`, quoted like its header name. */
function withValue(context: CodemodContext, suggestion: RuleSuggestion, literal: string): TextEdit | undefined {
  const guessed = suggestedValue(suggestion);
  const { text } = suggestion.edit;
  const at = guessed === undefined ? -1 : text.lastIndexOf(guessed);
  if (guessed === undefined || at < 0) return undefined;
  const quote = /(["'])Content-Type\1/.exec(text)?.[1] ?? "'";
  const value = `${quote}${literal.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`)}${quote}`;
  return { filePath: context.sourceFile.getFilePath(), ...suggestion.edit, text: text.slice(0, at) + value + text.slice(at + guessed.length) };
}

function describeSignedText(site: SignedTypeSite): string {
  if (site.kind === 'literal') return `'${site.text}'`;
  if (site.kind === 'expression') return `\`${site.text}\``;
  return 'a ContentType this file does not show';
}

/** "'image/png' (lines 5, 13), `type` (line 8)": the presigns of the file, grouped by what they sign. */
function describeSites(sites: readonly SignedTypeSite[]): string {
  const lines = new Map<string, number[]>();
  for (const site of sites) lines.set(describeSignedText(site), [...(lines.get(describeSignedText(site)) ?? []), site.line]);
  return [...lines].map(([text, at]) => `${text} (line${at.length > 1 ? 's' : ''} ${at.join(', ')})`).join(', ');
}

/** Where the signed type is, as far as this file (and an imported presigning function) shows. */
function describeSignedSource(view: RequestView | undefined, crossFile: string | undefined): string {
  if (crossFile) return crossFile;
  const origin = view?.origin;
  if (origin?.kind === 'presign') {
    const sites = view?.presigns.filter((site) => site.kind !== 'absent') ?? [];
    const listed = sites.length > 0 ? ` (presigns in this file sign ${describeSites(sites)})` : '';
    return origin.contentType.kind === 'expression'
      ? `The URL is presigned here with a ContentType known only at run time${listed}; send that same value.`
      : `The URL may come from presigns whose ContentType differs or is not visible${listed}; send the one that signed this URL.`;
  }
  return 'The URL is known only by its name, so the signed type is not visible here: if it comes from your server, send the type you asked it to sign (often the File\'s `type`).';
}

/** Why the suggested value is only a guess. */
function adviseValue(value: string | undefined): string {
  if (value === undefined) return '';
  if (/^['"`]application\/json['"`]$/.test(value)) return ` The client already sends ${value}: writing it explicitly fixes nothing unless the presign used it.`;
  if (/^['"`]/.test(value)) return ` ${value} is only right if the presign used it.`;
  return ` \`${value}\` is right when the body is a File/Blob and the URL was presigned with its type.`;
}

function manualAddHeader(context: CodemodContext, view: RequestView | undefined, crossFile: string | undefined): CodemodOutcome {
  const { finding } = context;
  const suggestion = finding.suggestions?.find((candidate) => candidate.messageId === 'addContentType');
  const sentNow = SENT_NOW[finding.messageId] ?? 'its Content-Type is not the signed one';
  const signed = /presigned for (?:exactly )?'([^']*)'/.exec(finding.message)?.[1];
  if (signed !== undefined) {
    return {
      kind: 'manual',
      todo:
        `Send Content-Type '${signed}' (the type the URL was presigned with) on this PUT: ${sentNow}, and S3 answers 403 SignatureDoesNotMatch. ` +
        'It was not added automatically because the request has no place of its own for it (its headers or options object is also used by other code, or comes from a spread, a parameter or a call; or the XHR `open` is not a statement of its own): add it where this request\'s headers are built, for this request only.',
    };
  }
  return {
    kind: 'manual',
    todo:
      `Send the exact Content-Type the URL was presigned with on this PUT (${sentNow}; S3 answers 403 SignatureDoesNotMatch for any other, byte for byte). ` +
      `${describeSignedSource(view, crossFile)}${adviseValue(suggestion && suggestedValue(suggestion))}`,
  };
}

/** Follows the URL to a function imported from a sibling module and reads what its presign signed. */
/** What the presign behind an imported function signs: a literal, a description for the to-do, or no type at all. */
interface ImportedPresign {
  literal?: string;
  description?: string;
  /** `file:line` of a presign that signs no Content-Type (any type uploads). */
  unsignedAt?: string;
}

function followImport(context: CodemodContext, view: RequestView | undefined): ImportedPresign {
  const importedFrom = view?.origin?.kind === 'presign' ? undefined : view?.importedFrom;
  if (!importedFrom) return {};
  const sibling = context.resolveImport(context.sourceFile, importedFrom.specifier);
  const result = sibling && runProbe(sibling.getFilePath(), sibling.getFullText(), { kind: 'export', exportName: importedFrom.exportName });
  if (!sibling || result?.kind !== 'export' || result.origin?.kind !== 'presign' || !result.site) {
    return {
      description: `The URL comes from \`${importedFrom.callee}\` of '${importedFrom.specifier}', where no presign could be read (outside the migrated paths, or not a visible S3 presign): send the ContentType it signs.`,
    };
  }
  const where = `${relative(dirname(context.sourceFile.getFilePath()), sibling.getFilePath())}:${result.site.line}`;
  const { site } = result;
  if (site.kind === 'literal') return { literal: site.text, description: where };
  if (site.kind === 'absent') return { unsignedAt: where };
  return {
    description:
      site.kind === 'expression'
        ? `The URL is presigned in ${where} with ContentType \`${site.text}\`: send the value that expression has for this upload.`
        : `The URL is presigned in ${where} with a ContentType that file does not show: send the type it signs.`,
  };
}

function addHeader(context: CodemodContext): CodemodOutcome {
  const adopted = adoptRuleFix(context);
  if (adopted?.kind === 'fixed') return { ...adopted, note: fixedNote(context) };
  const { finding, sourceFile } = context;
  const probed = runProbe(sourceFile.getFilePath(), sourceFile.getFullText(), { kind: 'request', range: finding.range });
  const view = probed?.kind === 'request' ? probed.view : undefined;
  const crossFile = followImport(context, view);
  const suggestion = finding.suggestions?.find((candidate) => candidate.messageId === 'addContentType');
  if (crossFile.literal !== undefined && suggestion) {
    const edit = withValue(context, suggestion, crossFile.literal);
    if (edit) {
      return { kind: 'fixed', edits: [edit], note: `Content-Type '${crossFile.literal}' added, the type the URL was presigned with in ${crossFile.description}.` };
    }
  }
  if (crossFile.unsignedAt !== undefined) {
    return {
      kind: 'manual',
      todo: `The URL is presigned in ${crossFile.unsignedAt} without a ContentType, so only \`host\` is signed and any Content-Type uploads: nothing needs to change here (this file alone cannot show it; disable the rule on this line).`,
    };
  }
  const crossFileTodo =
    crossFile.literal !== undefined
      ? `The URL is presigned in ${crossFile.description} with '${crossFile.literal}': send that.`
      : crossFile.description;
  return manualAddHeader(context, view, crossFileTodo);
}

/** Expressions a replaced header value may sit in while still belonging to this one request. */
function isValueWrapper(node: Node): boolean {
  return (
    Node.isPropertyAssignment(node) ||
    Node.isObjectLiteralExpression(node) ||
    Node.isParenthesizedExpression(node) ||
    Node.isAsExpression(node) ||
    Node.isSatisfiesExpression(node) ||
    Node.isNewExpression(node)
  );
}

/**
 * The declared name of a headers/options object the value lives in when that object is used more
 * than once (replacing the value would change the other requests too); undefined when it is safe.
 */
function sharedHolderName(value: Node): string | undefined {
  let current: Node = value;
  while (isValueWrapper(current.getParentOrThrow())) current = current.getParentOrThrow();
  const holder = current.getParentOrThrow();
  if (!Node.isVariableDeclaration(holder)) return undefined;
  return usesOfVariable(holder).length === 1 ? undefined : holder.getName();
}

function fixMismatch(context: CodemodContext): CodemodOutcome {
  const { finding, node } = context;
  const signed = /presigned for '([^']*)'/.exec(finding.message)?.[1] ?? '';
  const shared = sharedHolderName(node);
  const adopted = shared === undefined ? adoptRuleSuggestion(context, 'useSignedContentType') : undefined;
  if (adopted?.kind === 'fixed') {
    return { ...adopted, note: `Content-Type set to '${signed}', the type the URL was presigned with.` };
  }
  return {
    kind: 'manual',
    todo: shared
      ? `${finding.message} Send '${signed}' as this upload's Content-Type: \`${shared}\` is used by other code too, so its value was not changed in place.`
      : `${finding.message} Send '${signed}' as this upload's Content-Type.`,
  };
}

function fixedNote(context: CodemodContext): string {
  const signed = /presigned for (?:exactly )?'([^']*)'/.exec(context.finding.message)?.[1];
  return signed !== undefined
    ? `Content-Type '${signed}' added, the type the URL was presigned with.`
    : "Content-Type added from the File/Blob body's own `.type`.";
}

const codemod: Codemod = (context) =>
  context.finding.messageId === 'contentTypeMismatch' ? fixMismatch(context) : addHeader(context);

export default codemod;
