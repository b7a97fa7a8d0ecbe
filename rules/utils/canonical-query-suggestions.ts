// Builds the `canonicalQueryString(…)` suggestions, importing the helper, and gives every suggestion
// of one canonical request the same rewrite (as data), so the codemod makes one edit per request.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { CanonicalQueryCandidate, CanonicalQueryRewrite } from './canonical-query-rewrite';
import { canonicalQueryRewriteData, chooseCanonicalQueryRewrites } from './canonical-query-rewrite';
import type { HelperImport } from './helper-import';
import { planHelperImport } from './helper-import';

/** Where the helper that fixed code calls lives, and the function that canonicalises a query. */
const HELPER_SPECIFIER = 'sigv4-migrate/sigv4';
const HELPER_FUNCTION = 'canonicalQueryString';

type CanonicalQuerySuggestion = TSESLint.SuggestionReportDescriptor<'useCanonicalQueryString'>;

/** A finding about to be reported: its suggestions, the query slot it was found under, and whether it names a form-encoded query. */
export interface SuggestingFinding<Suggestion extends TSESLint.SuggestionReportDescriptor<string>> {
  suggest?: Suggestion[];
  querySlot: TSESTree.Node | null;
  formEncoded: boolean;
  /** A fix the rule offers inside the code that builds the query (a sort, a comparator, an encoder). */
  fixableInBuilder: boolean;
}

export interface CanonicalQuerySuggester {
  /** Replace `node` with `canonicalQueryString(argument)`, importing the helper. */
  suggest(node: TSESTree.Node, argument?: TSESTree.Node): CanonicalQuerySuggestion;
  /** Puts the rewrite each finding's canonical request shares into its suggestion's data. */
  shareRewrites<Suggestion extends TSESLint.SuggestionReportDescriptor<string>>(findings: readonly SuggestingFinding<Suggestion>[]): void;
}

export function createCanonicalQuerySuggester(sourceCode: Readonly<TSESLint.SourceCode>): CanonicalQuerySuggester {
  let helperImport: HelperImport | undefined;
  /** What each suggestion replaces and passes, for the codemod's shared choice. */
  const rewrites = new WeakMap<object, CanonicalQueryRewrite>();

  function suggest(node: TSESTree.Node, argument: TSESTree.Node = node): CanonicalQuerySuggestion {
    const suggestion: CanonicalQuerySuggestion = {
      messageId: 'useCanonicalQueryString',
      fix: (fixer) => {
        helperImport ??= planHelperImport(sourceCode, HELPER_FUNCTION, HELPER_SPECIFIER);
        const replacement = fixer.replaceText(node, `${helperImport.localName}(${sourceCode.getText(argument)})`);
        const importFix = helperImport.fix(fixer);
        return importFix ? [importFix, replacement] : [replacement];
      },
    };
    rewrites.set(suggestion, { target: node.range, argument: argument.range });
    return suggestion;
  }

  function shareRewrites<Suggestion extends TSESLint.SuggestionReportDescriptor<string>>(findings: readonly SuggestingFinding<Suggestion>[]): void {
    const bySlot = new Map<TSESTree.Node | null, { finding: SuggestingFinding<Suggestion>; suggestion: Suggestion; candidate: CanonicalQueryCandidate }[]>();
    for (const finding of findings) {
      const suggestion = finding.suggest?.find((candidate) => rewrites.has(candidate));
      if (!suggestion) continue;
      const candidate = { own: rewrites.get(suggestion)!, formEncoded: finding.formEncoded };
      bySlot.set(finding.querySlot, [...(bySlot.get(finding.querySlot) ?? []), { finding, suggestion, candidate }]);
    }
    for (const [slot, entries] of bySlot) {
      const chosen = chooseCanonicalQueryRewrites(slot?.range ?? null, entries.map((entry) => entry.candidate));
      const required = slot !== null && entries.some((entry) => !entry.finding.fixableInBuilder);
      entries.forEach(({ finding, suggestion }, index) => {
        const data = canonicalQueryRewriteData({ ...chosen[index]!, ...(required ? { required } : {}) });
        finding.suggest = finding.suggest?.map((candidate) => (candidate === suggestion ? { ...suggestion, data } : candidate));
      });
    }
  }

  return { suggest, shareRewrites };
}
