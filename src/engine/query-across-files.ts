// The engine's cross-file stage for canonical queries (issue 9 §2): a SigV4 canonical request whose
// query comes from a function of another module of the run. Single-file lint sees neither half, so
// the rule is run on two probes: the signer with each imported function stubbed by an unsorted
// builder (is its result signed as the query, and where?), and the builder's module with a
// canonical request that signs its result (what is wrong in it, and the fixes the rule offers).
import type { SourceFile } from 'ts-morph';
import sortedCanonicalQuery from '../../codemods/sorted-canonical-query';
import type { CodemodOutcome, Finding, TextEdit } from '../../codemods/types';
import { relativeSpecifier } from '../../codemods/utils/file-paths';
import { exportedFunction, hasOtherUsers } from '../../codemods/utils/imported-query-builder';
import type { ModuleFunction } from '../../codemods/utils/imported-query-builder';
import { importedCallees, stubAt, stubDeclarations, withImportsBlanked } from '../../codemods/utils/imported-callees';
import type { ImportedCallee } from '../../codemods/utils/imported-callees';
import { canonicalQueryCall, canonicalQueryRewriteFromData } from '../../rules/utils/canonical-query-rewrite';
import { SIGV4_MARKER } from '../../rules/utils/canonical-request';
import type { LintText } from './lint';
import { nodeAtRange } from './node-at-range';
import type { CrossFileContext } from './resolve-across-files';

export const QUERY_RULE = 'sorted-canonical-query';

/** A defect of an imported query builder, reported where the signer signs its result. */
export interface QueryAcrossFilesItem {
  rule: typeof QUERY_RULE;
  line: number;
  column: number;
  outcome: CodemodOutcome;
  messageId: string;
  /** The builder finding's message, as the rule words it. */
  message: string;
  /** True when the fix imports the helper (`canonicalQueryString`) into the signer. */
  usesHelper: boolean;
}

/** A SigV4 signer that calls a function imported from a relative module: the files worth probing. */
export function mayBuildQueryAcrossFiles(text: string): boolean {
  return SIGV4_MARKER.test(text) && /(?:\bfrom\s*|\brequire\s*\(\s*)['"]\.\.?\//.test(text);
}

/** A builder that joins its parameters unsorted: what the rule reports wherever its result is signed. */
const UNSORTED_BUILDER = (parameter: string) => `return Object.keys(${parameter}).map((key) => key + '=' + ${parameter}[key]).join('&');`;

function queryFindings(lintText: LintText, path: string, text: string): Finding[] {
  const linted = lintText(path, text);
  return linted.kind === 'parsed' ? linted.findings.filter((finding) => finding.ruleId === QUERY_RULE) : [];
}

/**
 * Where the signer signs each imported function's result as its canonical query: the range the
 * rule would wrap in `canonicalQueryString(…)`, found by declaring each function as an unsorted stub.
 */
function signedQuerySlots(sourceFile: SourceFile, callees: readonly ImportedCallee[], lintText: LintText): Map<ImportedCallee, [number, number]> {
  const text = sourceFile.getFullText();
  const blanked = withImportsBlanked(text, callees);
  const stubs = stubDeclarations(callees, blanked.length, UNSORTED_BUILDER);
  const slots = new Map<ImportedCallee, [number, number]>();
  for (const finding of queryFindings(lintText, sourceFile.getFilePath(), blanked + stubs.text)) {
    const callee = stubAt(stubs, finding.range[0]);
    const suggestion = finding.suggestions?.find((candidate) => candidate.messageId === 'useCanonicalQueryString');
    const target = canonicalQueryRewriteFromData(suggestion?.data)?.target;
    if (callee && target && target[1] <= text.length && !slots.has(callee)) slots.set(callee, [target[0], target[1]]);
  }
  return slots;
}

/** The defects the rule finds in `fn` once its result is signed, besides those its module has anyway. */
function builderFindings(fn: ModuleFunction, lintText: LintText): Finding[] {
  const path = fn.sourceFile.getFilePath();
  const text = fn.sourceFile.getFullText();
  const signing = `\n;function __sigv4Probe(p) { const __sigv4CanonicalQuery = ${fn.callText}(p); return ['GET', '/', __sigv4CanonicalQuery, 'host:x\\n', 'host', 'UNSIGNED-PAYLOAD'].join('\\n'); } // AWS4-HMAC-SHA256\n`;
  const own = new Set(queryFindings(lintText, path, text).map((finding) => `${finding.messageId}@${finding.range.join(':')}`));
  return queryFindings(lintText, path, text + signing)
    .filter((finding) => finding.range[1] <= text.length && !own.has(`${finding.messageId}@${finding.range.join(':')}`))
    .map((finding) => ({ ...finding, suggestions: finding.suggestions?.filter((suggestion) => suggestion.messageId !== 'useCanonicalQueryString' && suggestion.edit.end <= text.length) }));
}

/** The codemod's fixes of each defect in the builder itself; undefined when one of them has none. */
function fixesInBuilder(fn: ModuleFunction, findings: readonly Finding[], context: CrossFileContext): TextEdit[][] | undefined {
  const path = fn.sourceFile.getFilePath();
  const fixes: TextEdit[][] = [];
  for (const finding of findings) {
    const codemodContext = { ...context, finding, sourceFile: fn.sourceFile, node: nodeAtRange(fn.sourceFile, finding.range) };
    const outcome = sortedCanonicalQuery(codemodContext);
    if (outcome.kind !== 'fixed' || outcome.edits.some((edit) => edit.filePath !== path)) return undefined;
    fixes.push(outcome.edits);
  }
  return fixes;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * Items for one imported builder: its defects fixed in the builder when only the signer relies on
 * it, else its result canonicalised where it is signed, so its other callers keep their order.
 */
function builderItems(sourceFile: SourceFile, fn: ModuleFunction, slot: [number, number], context: CrossFileContext): QueryAcrossFilesItem[] {
  const findings = builderFindings(fn, context.lintText);
  if (findings.length === 0) return [];
  // One report per kind of defect where the query is signed (three encoder calls are one defect there).
  const reported = findings.filter((finding, index) => findings.findIndex((other) => other.messageId === finding.messageId) === index);
  const where = `${relativeSpecifier(sourceFile.getFilePath(), fn.sourceFile.getFilePath())}:${lineAndColumn(fn.sourceFile.getFullText(), fn.start).line}`;
  const site = { rule: QUERY_RULE, ...lineAndColumn(sourceFile.getFullText(), slot[0]) } as const;
  const inBuilder = hasOtherUsers(fn) ? undefined : fixesInBuilder(fn, findings, context);
  if (inBuilder) {
    const note = `fixes \`${fn.name}\` in ${where}, which builds this canonical query`;
    const edits = inBuilder.flat();
    return reported.map((finding) => ({ ...site, messageId: finding.messageId, message: finding.message, usesHelper: false, outcome: { kind: 'fixed', edits, note } }));
  }
  const local = context.helper.use(sourceFile, 'canonicalQueryString');
  const argument = sourceFile.getFullText().slice(slot[0], slot[1]);
  const edit: TextEdit = { filePath: sourceFile.getFilePath(), start: slot[0], end: slot[1], text: canonicalQueryCall(local, argument) };
  const note = `canonicalises here the query \`${fn.name}\` (${where}) builds; the builder keeps its order for its other callers`;
  return reported.map((finding) => ({ ...site, messageId: finding.messageId, message: finding.message, usesHelper: true, outcome: { kind: 'fixed', edits: [edit], note } }));
}

/** Defects of query builders other modules of the run export, reported where this file signs their result. */
export function planImportedQueryBuilders(sourceFile: SourceFile, context: CrossFileContext): QueryAcrossFilesItem[] {
  if (!mayBuildQueryAcrossFiles(sourceFile.getFullText())) return [];
  const callees = importedCallees(sourceFile);
  if (callees.length === 0) return [];
  const slots = signedQuerySlots(sourceFile, callees, context.lintText);
  return callees.flatMap((callee) => {
    const slot = slots.get(callee);
    const module = slot && context.resolveImport(sourceFile, callee.specifier);
    const fn = module && exportedFunction(module, callee.exportName, context.resolveImport);
    return slot && fn ? builderItems(sourceFile, fn, slot, context) : [];
  });
}
