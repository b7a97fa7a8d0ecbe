// The package's default export: the ESLint plugin (flat config), with `configs.recommended`
// derived from each rule's `meta.docs.recommended`.
import type { TSESLint } from '@typescript-eslint/utils';
import packageJson from '../package.json' with { type: 'json' };
import { rules } from '../rules/index';

const PLUGIN_NAMESPACE = 'sigv4';

type RecommendedConfig = {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, TSESLint.Linter.RuleLevel>;
};

const recommendedRules = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.recommended)
    .map(([name]) => [`${PLUGIN_NAMESPACE}/${name}`, 'error' as const]),
);

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as { recommended: RecommendedConfig },
};

plugin.configs.recommended = {
  name: `${PLUGIN_NAMESPACE}/recommended`,
  plugins: { [PLUGIN_NAMESPACE]: plugin },
  rules: recommendedRules,
};

export default plugin;
