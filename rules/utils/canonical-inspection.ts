// The state one lint of sorted-canonical-query shares while it inspects a file's canonical requests:
// the findings so far (one per node and problem), the query slot being inspected, and the suggester.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { CanonicalQuerySuggester } from './canonical-query-suggestions';
import { createCanonicalQuerySuggester } from './canonical-query-suggestions';
import type { ScopeOf } from './const-binding';
import type { LocalDefinitions } from './local-definitions';
import type { FileCode } from './local-functions';
import { valuesOf } from '../values';

export type CanonicalMessageIds =
  | 'unsortedQueryLiteral'
  | 'unsortedQueryJoin'
  | 'formEncodedQuery'
  | 'rawUrlQuery'
  | 'incompleteQueryEncoder'
  | 'lowercaseHexEscape'
  | 'localeCompareOrder'
  | 'caseInsensitiveOrder'
  | 'unsortedCanonicalHeaders'
  | 'headerNamesNotLowercased'
  | 'useCanonicalQueryString'
  | 'useRfc3986Encoder'
  | 'useCodePointComparator'
  | 'sortQueryParameters';

export type Suggestion = TSESLint.SuggestionReportDescriptor<CanonicalMessageIds>;

/** A finding as the inspection records it, before the shared rewrites are known. */
export interface Finding {
  node: TSESTree.Node;
  messageId: CanonicalMessageIds;
  data?: Record<string, string>;
  fix?: TSESLint.ReportFixFunction;
  suggest?: Suggestion[];
}

interface PendingReport extends Finding {
  /** The canonical request's query slot being inspected when this was found, if any. */
  querySlot: TSESTree.Node | null;
  formEncoded: boolean;
  fixableInBuilder: boolean;
}

/** Suggestions that fix the code building the query where the defect is. */
const BUILDER_FIXES: ReadonlySet<CanonicalMessageIds> = new Set(['useRfc3986Encoder', 'useCodePointComparator', 'sortQueryParameters']);

export interface Inspection {
  sourceCode: Readonly<TSESLint.SourceCode>;
  code: FileCode;
  scopeOf: ScopeOf;
  canonicalQuery: CanonicalQuerySuggester;
  /** Records a finding once per node and message. */
  report(finding: Finding): void;
  /** The helper suggestion at the query slot, for defects found inside the code that builds it. */
  slotSuggestions(): Suggestion[];
  /** Sets the query slot findings belong to until the next call (null: none). */
  setQuerySlot(slot: TSESTree.Node | null): void;
  /** Every finding, each suggestion carrying its request's shared rewrite: what the rule reports. */
  findings(): Finding[];
}

export function createInspection(sourceCode: Readonly<TSESLint.SourceCode>, definitions: LocalDefinitions): Inspection {
  const reports = new Map<string, PendingReport>();
  const canonicalQuery = createCanonicalQuerySuggester(sourceCode);
  let querySlot: TSESTree.Node | null = null;
  return {
    sourceCode,
    code: { sourceCode, functionsByName: definitions.functionsByName, values: valuesOf(sourceCode) },
    scopeOf: (node) => sourceCode.getScope(node),
    canonicalQuery,
    report(finding) {
      const key = `${finding.node.range.join(':')}:${finding.messageId}`;
      const fixableInBuilder = !!finding.fix || !!finding.suggest?.some((suggestion) => BUILDER_FIXES.has(suggestion.messageId));
      if (!reports.has(key)) reports.set(key, { ...finding, querySlot, formEncoded: finding.messageId === 'formEncodedQuery', fixableInBuilder });
    },
    slotSuggestions: () => (querySlot ? [canonicalQuery.suggest(querySlot)] : []),
    setQuerySlot(slot) {
      querySlot = slot;
    },
    findings() {
      const pending = [...reports.values()];
      canonicalQuery.shareRewrites(pending);
      return pending.map(({ node, messageId, data, fix, suggest }) => ({ node, messageId, data, fix, suggest }));
    },
  };
}
