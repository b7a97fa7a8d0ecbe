// The package's default export: the ESLint plugin (flat config), with `configs.recommended` for code
// and `configs['package-json']` for package.json files, both derived from each rule's `meta.docs.recommended`.
import jsonPlugin from '@eslint/json';
import packageJson from '../package.json' with { type: 'json' };
import { packageJsonRules, rules } from '../rules/index';

const PLUGIN_NAMESPACE = 'sigv4';

/**
 * A config as the declarations promise it: only fields that ESLint 9's and 10's `defineConfig` and
 * typescript-eslint's `config` all accept, whatever ESLint major the project has. `plugins` (and
 * `language`) are there at run time but left out of the type, as typescript-eslint does for its own
 * configs, because each of those packages types a plugin differently.
 */
export type SigV4Config = {
  name: string;
  files?: string[];
  rules: Record<string, 'error' | 'off'>;
};

/** A type literal, not an interface: ESLint types `plugin.configs` as a record, which only type
 * literals satisfy, so `plugins: { sigv4 }` type-checks in `defineConfig` too. */
export type SigV4Configs = {
  /** Every recommended rule for code (JS/TS); applies to every file ESLint lints, as before. */
  recommended: SigV4Config;
  /** `no-legacy-signing-dependency` on every package.json, through @eslint/json's JSON language. */
  'package-json': SigV4Config;
};

function recommendedRuleLevels(ruleMap: Record<string, { meta?: { docs?: { recommended?: unknown } } }>, level: 'error' | 'off') {
  return Object.fromEntries(
    Object.entries(ruleMap)
      .filter(([, rule]) => rule.meta?.docs?.recommended)
      .map(([name]) => [`${PLUGIN_NAMESPACE}/${name}`, level]),
  );
}

/** Each ESLint major and typescript-eslint type a rule's context and visitor their own way; these
 * are the shapes all of them accept (`any` is the only listener type every one of them takes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type RuleListener = (...args: any[]) => void;
export type SigV4Rule = {
  meta: {
    type: 'problem' | 'suggestion' | 'layout';
    docs?: { description?: string; recommended?: boolean; url?: string };
    messages?: Record<string, string>;
    fixable?: 'code' | 'whitespace';
    hasSuggestions?: boolean;
    schema?: never[];
  };
  // A method, not a function property: its parameter is compared bivariantly, so any context type fits.
  create(context: never): { [selector: string]: RuleListener | undefined };
};

/** The plugin as its declarations describe it; `languages` (the JSON language that
 * `configs['package-json']` uses) is there at run time, left out for the same reason as `plugins`. */
export type SigV4Plugin = {
  meta: { name: string; version: string; namespace: string };
  rules: Record<keyof typeof rules | keyof typeof packageJsonRules, SigV4Rule>;
  configs: SigV4Configs;
};

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: PLUGIN_NAMESPACE },
  rules: { ...rules, ...packageJsonRules },
  // Under this plugin's namespace (`sigv4/json`), so a project that registers @eslint/json itself,
  // in whatever version, meets no "Cannot redefine plugin" clash.
  languages: { json: jsonPlugin.languages.json },
  configs: {} as SigV4Configs,
};

plugin.configs.recommended = {
  name: `${PLUGIN_NAMESPACE}/recommended`,
  plugins: { [PLUGIN_NAMESPACE]: plugin },
  rules: recommendedRuleLevels(rules, 'error'),
} as SigV4Config;

plugin.configs['package-json'] = {
  name: `${PLUGIN_NAMESPACE}/package-json`,
  files: ['**/package.json'],
  plugins: { [PLUGIN_NAMESPACE]: plugin },
  language: `${PLUGIN_NAMESPACE}/json`,
  rules: {
    ...recommendedRuleLevels(packageJsonRules, 'error'),
    // `recommended` has no `files`, so its code rules reach package.json too once it is linted; they
    // read a JavaScript AST and must not run on JSON.
    ...recommendedRuleLevels(rules, 'off'),
  },
} as SigV4Config;

// The rule objects are typescript-eslint and @eslint/json rules, typed for their own contexts.
export default plugin as unknown as SigV4Plugin;
