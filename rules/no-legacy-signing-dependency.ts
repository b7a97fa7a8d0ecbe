// Rule: a package.json dependency whose declared range allows a release that signs AWS requests with
// SigV2/SigV3 (knox, node-ses before 2.0.0, …), linted through ESLint's JSON language (@eslint/json).
import type { JSONRuleDefinition } from '@eslint/json';
import {
  DEPENDENCY_MESSAGES,
  type DependencyMessageId,
  findLegacySigningDependenciesInDocument,
  type JsonNode,
} from './data/dependency-findings';
import { DOCS_BASE_URL } from './utils/create-rule';

const RULE_NAME = 'no-legacy-signing-dependency';

type MessageIds = DependencyMessageId | 'useFixedRange';

const rule: JSONRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow dependencies whose declared version range allows releases that sign AWS requests with SigV2 or SigV3',
      recommended: true,
      url: `${DOCS_BASE_URL}${RULE_NAME}.md`,
    },
    // The fixed release may change the package's API: only a suggestion, and only where the source says it does not.
    hasSuggestions: true,
    messages: DEPENDENCY_MESSAGES,
    schema: [],
  },
  create(context) {
    return {
      Document(document) {
        for (const finding of findLegacySigningDependenciesInDocument(document as unknown as JsonNode)) {
          const { fixedDeclaration } = finding;
          const [start, end] = [finding.node.loc.start.offset, finding.node.loc.end.offset];
          context.report({
            loc: finding.node.loc,
            messageId: finding.messageId,
            data: finding.data,
            suggest:
              fixedDeclaration === undefined
                ? []
                : [
                    {
                      messageId: 'useFixedRange',
                      data: { fixedRange: fixedDeclaration },
                      fix: (fixer) => fixer.replaceTextRange([start, end], JSON.stringify(fixedDeclaration)),
                    },
                  ],
          });
        }
      },
    };
  },
};

export default rule;
