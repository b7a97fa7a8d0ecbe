// Reads a presigned PUT again, on the ESTree, with presigned-put-content-type's own matchers (no
// second copy of them on ts-morph): where the request's URL comes from and what its presign signs,
// in this file or behind a function another module exports.
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { matchPutRequest } from '../../rules/utils/http-put-calls';
import { collectReturnedExpressions, resolveReturnedOrigin, resolveUrlOrigin } from '../../rules/utils/presigned-url-origin';
import type { UrlOrigin, UrlOriginContext } from '../../rules/utils/presigned-url-origin';
import { collectPresignNames, matchPresignCall } from '../../rules/utils/s3-presign-calls';
import type { SignedContentType } from '../../rules/utils/s3-presign-calls';
import { findSingleInitializer, getPropertyKeyName } from '../../rules/utils/static-value';
import { collectTopLevelImports } from '../../rules/utils/top-level-imports';
import { createRuleLinter } from '../../src/engine/lint';
import { lookupVariable } from './content-type-render';
import { unwrapFormData } from './content-type-form-data';
import type { RangeEdit } from './content-type-form-data';
import { traceRequestedType, unwrap } from './content-type-requested';
import type { RequestTrace, RequestedType } from './content-type-requested';
import { exportedFunction } from './estree-exported-functions';

/** A presign's signed Content-Type, as source text, with the line it is on. */
export interface SignedTypeSite {
  line: number;
  kind: SignedContentType['kind'];
  /** The literal value, or the expression's source text. */
  text: string | undefined;
}

export interface RequestView {
  origin: UrlOrigin | undefined;
  /** Every PUT presign in the file, for the to-do. */
  presigns: SignedTypeSite[];
  /** The URL is (awaited) from a call to a function imported from a relative module. */
  importedFrom: ImportedSource | undefined;
  /** The type the code that produced the URL asked to have signed, written as it reads at the PUT. */
  requested: RequestedType | undefined;
  /** The local function that asked for the URL names no type to sign. */
  unaskedBy: RequestTrace['unaskedBy'];
  /** For a FormData body built here around one value: the edits that send that value with the requested type. */
  formDataEdits: RangeEdit[] | undefined;
}

/** A URL (or the object holding it, read at `property`) returned by a function imported from a relative module. */
export interface ImportedSource {
  specifier: string;
  exportName: string;
  callee: string;
  property: string | undefined;
}

/** Where the URL a module's export returns comes from, and the Content-Type its presign signs. */
export interface ExportView {
  origin: UrlOrigin | undefined;
  site: SignedTypeSite | undefined;
}

type ProbeTask = { kind: 'request'; range: readonly [number, number] } | { kind: 'export'; exportName: string; property: string | undefined };
type ProbeResult = { kind: 'request'; view: RequestView | undefined } | ({ kind: 'export' } & ExportView);

// ESLint runs a rule's `create` and visitors synchronously inside `verify`, so one probe run hands
// its task in and its result out through these two variables (set and read by `runProbe` only).
let probeTask: ProbeTask | undefined;
let probeResult: ProbeResult | undefined;

function describeSignedType(type: SignedContentType, sourceCode: Readonly<TSESLint.SourceCode>, fallbackLine: number): SignedTypeSite {
  if (type.kind === 'literal') return { line: type.node.loc.start.line, kind: 'literal', text: type.value };
  if (type.kind === 'expression') return { line: type.node.loc.start.line, kind: 'expression', text: sourceCode.getText(type.node) };
  return { line: fallbackLine, kind: type.kind, text: undefined };
}

interface ProbeScope {
  sourceCode: Readonly<TSESLint.SourceCode>;
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  imports: ReturnType<typeof collectTopLevelImports>;
  originContext: UrlOriginContext;
}

/** The property a URL is read at: `target.url`, or `url` destructured from `const { url } = …`. */
function readProperty(url: TSESTree.Node): { holder: TSESTree.Node; property: string } | undefined {
  if (url.type === AST_NODE_TYPES.MemberExpression && !url.computed && url.property.type === AST_NODE_TYPES.Identifier) {
    return { holder: url.object, property: url.property.name };
  }
  return undefined;
}

/** `const { url } = await f(…)`: the call and the destructured key the identifier reads. */
function destructuredFrom(identifier: TSESTree.Identifier, scope: ProbeScope): { init: TSESTree.Node; property: string } | undefined {
  const variable = lookupVariable(scope.scopeOf(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !def.node.init) return undefined;
  const property = def.node.id.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === def.name,
  );
  const key = property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  return key ? { init: def.node.init, property: key } : undefined;
}

/** The call a URL comes from (`createUploadUrl(…)`, awaited or kept in a `const`), with the property it is read at. */
function sourceCallOf(url: TSESTree.Node, scope: ProbeScope): { call: TSESTree.Node; property: string | undefined } | undefined {
  const read = readProperty(unwrap(url));
  let expression = unwrap(read?.holder ?? url);
  let property = read?.property;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const destructured = property === undefined ? destructuredFrom(expression, scope) : undefined;
    const init = destructured?.init ?? findSingleInitializer(expression, scope.scopeOf(expression));
    if (!init) return undefined;
    property ??= destructured?.property;
    expression = unwrap(init);
  }
  return { call: expression, property };
}

/** `createUploadUrl(…)` (awaited, or kept in a `const`) where `createUploadUrl` comes from `./s3`. */
function findImportedSource(url: TSESTree.Node, scope: ProbeScope): RequestView['importedFrom'] {
  const source = sourceCallOf(url, scope);
  const expression = source?.call;
  if (expression?.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const callee = expression.callee.name;
  const imported = scope.imports.get(callee);
  return imported?.source.startsWith('.') ? { specifier: imported.source, exportName: imported.export, callee, property: source?.property } : undefined;
}

/** The expressions `fn` returns at `property` (`return { key, url }` read at `url`), or its return values. */
function returnedAt(fn: TSESTree.FunctionLike, property: string | undefined, scope: ProbeScope): TSESTree.Node[] {
  const returned = collectReturnedExpressions(fn, scope.sourceCode.visitorKeys).map(unwrap);
  if (property === undefined) return returned;
  return returned.flatMap((node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return [];
    const match = node.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && getPropertyKeyName(candidate) === property,
    );
    return match ? [match.value] : [];
  });
}

function probeExport(program: TSESTree.Program, exportName: string, property: string | undefined, scope: ProbeScope): ProbeResult {
  const fn = exportedFunction(program, exportName);
  const origins = fn ? returnedAt(fn, property, scope).map((node) => resolveUrlOrigin(node, scope.originContext)) : [];
  const origin = property === undefined && fn ? resolveReturnedOrigin(fn, scope.originContext) : origins.length === 1 ? origins[0] : undefined;
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
        const { requested, unaskedBy } = traceRequestedType(request.url, node, { scopeOf, visitorKeys: sourceCode.visitorKeys, text: sourceCode.text });
        const formDataEdits = requested ? unwrapFormData(request, requested.text, scopeOf(node), sourceCode.text) : undefined;
        const importedFrom = findImportedSource(request.url, scope);
        view = { origin: resolveUrlOrigin(request.url, originContext), presigns, importedFrom, requested, unaskedBy, formDataEdits };
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
        if (task?.kind === 'export') probeResult = probeExport(program, task.exportName, task.property, scope);
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

/** The PUT request reported at `range` of the file, as the rule sees it. */
export function readPutRequest(path: string, text: string, range: readonly [number, number]): RequestView | undefined {
  const result = runProbe(path, text, { kind: 'request', range });
  return result?.kind === 'request' ? result.view : undefined;
}

/** What the function a module exports as `exportName` returns, as the rule would see its URL. */
export function readExportedPresign(path: string, text: string, exportName: string, property?: string): ExportView | undefined {
  const result = runProbe(path, text, { kind: 'export', exportName, property });
  return result?.kind === 'export' ? { origin: result.origin, site: result.site } : undefined;
}
