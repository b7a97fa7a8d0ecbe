// Every rule file is exported (source and built plugin), documented, tested, and in `recommended`
// (code rules) or `package-json` (package.json rules) exactly when its meta says so; the plugin has
// the shape ESLint's flat config expects; the entry never loads ts-morph (editors load it on every
// keystroke); the dependency table of the docs agrees with its data file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
import { LEGACY_SIGNING_DEPENDENCIES } from '../../rules/data/legacy-signing-dependencies';
import { packageJsonRules, rules as codeRules } from '../../rules/index';
import { DOCS_BASE_URL } from '../../rules/utils/create-rule';
import { DEPENDENCY_DOCS_PATH, renderDependencyTable } from '../../scripts/rule-table';
import sourcePlugin from '../../src/index';
import { importBuiltPlugin, type Plugin, REPOSITORY_ROOT, requireBuiltPlugin } from '../support/built-plugin';

const NAMESPACE = 'sigv4';
const RULES_DIR = join(REPOSITORY_ROOT, 'rules');

/** Rule names as the file system has them: every `rules/*.ts` but the rule map itself. */
function listRuleFiles(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && entry.name !== 'index.ts')
    .map((entry) => entry.name.slice(0, -'.ts'.length))
    .sort();
}

const ruleNames = listRuleFiles();
/** eslint-doc-generator's end of the generated part of a rule page. */
const HEADER_END_MARKER = '<!-- end auto-generated rule header -->';
/** What this test reads of a rule, whether a code rule (typescript-eslint) or a JSON-language rule. */
interface Rule {
  create: unknown;
  meta: {
    type: string;
    docs?: { description: string; recommended?: boolean; url?: string };
    messages: Record<string, string>;
    schema?: unknown;
    fixable?: string;
    hasSuggestions?: boolean;
  };
}
const rules = { ...codeRules, ...packageJsonRules };
const ruleMap = rules as Record<string, Rule | undefined>;
const codeRuleNames = Object.keys(codeRules).sort();
const packageJsonRuleNames = Object.keys(packageJsonRules).sort();

/** Every rule sets docs; the module types leave them optional. */
function docsOf(rule: Rule | undefined): NonNullable<Rule['meta']['docs']> {
  assert.ok(rule?.meta.docs, 'rule has no meta.docs');
  return rule.meta.docs;
}

/** A config as it is at run time: the declarations leave out `plugins` and `language`. */
interface RuntimeConfig {
  name: string;
  files?: string[];
  language?: string;
  plugins: Record<string, unknown>;
  rules: Record<string, string>;
}

/** The description a rule page states: eslint-doc-generator's `# Description (`sigv4/name`)`
 * title, or a `# sigv4/name` title followed by the description as its first line of text. */
function readDocumentedDescription(name: string, markdown: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const title = lines[0] ?? '';
  const generatedTitle = /^# (.+) \(`sigv4\/([\w-]+)`\)$/.exec(title);
  if (generatedTitle) return generatedTitle[2] === name ? generatedTitle[1] : undefined;
  if (title.replaceAll('`', '') !== `# ${NAMESPACE}/${name}`) return undefined;
  return lines.slice(1).find((line) => line.trim() !== '')?.trim();
}

describe('docs/rules/no-legacy-signing-dependency.md', () => {
  it('holds the table generated from rules/data/legacy-signing-dependencies.ts', () => {
    assert.ok(readFileSync(DEPENDENCY_DOCS_PATH, 'utf8').includes(renderDependencyTable(LEGACY_SIGNING_DEPENDENCIES)), 'stale table; run `npm run readme`');
  });

  it('has one row per package, each with a source', () => {
    const table = renderDependencyTable(LEGACY_SIGNING_DEPENDENCIES);
    for (const entry of LEGACY_SIGNING_DEPENDENCIES) {
      assert.match(table, new RegExp(`^\\| \`${entry.name}\` \\| .*\\]\\(https://github\\.com/`, 'm'), entry.name);
    }
  });
});

describe('rule files', () => {
  it('finds the rule files it checks', () => {
    assert.ok(ruleNames.length >= 4, `expected the four rules in rules/, found ${ruleNames.join(', ')}`);
  });

  it('lists exactly the rule files in the rule map', () => {
    assert.deepEqual(Object.keys(rules).sort(), ruleNames);
  });

  for (const name of ruleNames) {
    describe(name, () => {
      const rule = ruleMap[name];

      it('has meta with type, description, messages and schema', () => {
        assert.ok(rule, `rules/index.ts does not map ${name}`);
        assert.ok(['problem', 'suggestion', 'layout'].includes(rule.meta.type));
        assert.equal(typeof docsOf(rule).description, 'string');
        assert.notEqual(docsOf(rule).description.trim(), '');
        assert.equal(typeof docsOf(rule).recommended, 'boolean');
        assert.ok(Object.keys(rule.meta.messages).length > 0, 'no messages');
        assert.ok(rule.meta.schema !== undefined, 'no schema');
      });

      it('links meta.docs.url to its docs page', () => {
        assert.equal(docsOf(rule).url, `${DOCS_BASE_URL}${name}.md`);
      });

      it('has docs/rules/<name>.md whose header states meta.docs.description', () => {
        const docsPath = join(REPOSITORY_ROOT, 'docs', 'rules', `${name}.md`);
        assert.ok(existsSync(docsPath), `missing docs/rules/${name}.md`);
        const documented = readDocumentedDescription(name, readFileSync(docsPath, 'utf8'));
        assert.equal(documented, docsOf(rule).description, `docs/rules/${name}.md header`);
      });

      it('has a docs header whose 💼 🔧 💡 badges match meta', () => {
        const markdown = readFileSync(join(REPOSITORY_ROOT, 'docs', 'rules', `${name}.md`), 'utf8');
        const header = markdown.split(HEADER_END_MARKER)[0] ?? '';
        const meta = rule?.meta;
        assert.deepEqual(
          { recommended: header.includes('💼'), fixable: header.includes('🔧'), hasSuggestions: header.includes('💡') },
          { recommended: docsOf(rule).recommended, fixable: meta?.fixable !== undefined, hasSuggestions: meta?.hasSuggestions === true },
          `docs/rules/${name}.md header badges (the part before ${HEADER_END_MARKER})`,
        );
      });

      it('has test/rules/<name>.test.ts', () => {
        assert.ok(existsSync(join(REPOSITORY_ROOT, 'test', 'rules', `${name}.test.ts`)), `missing test/rules/${name}.test.ts`);
      });
    });
  }
});

function checkPluginShape(plugin: Plugin, label: string): void {
  assert.deepEqual(
    { name: plugin.meta.name, version: plugin.meta.version },
    { name: packageJson.name, version: packageJson.version },
    `${label}: meta`,
  );
  assert.deepEqual(Object.keys(plugin.rules).sort(), ruleNames, `${label}: rules`);
  for (const name of ruleNames) {
    assert.equal(typeof (plugin.rules as Record<string, Rule | undefined>)[name]?.create, 'function', `${label}: ${name}.create`);
  }

  const recommended = plugin.configs.recommended as unknown as RuntimeConfig;
  assert.equal(recommended.plugins[NAMESPACE], plugin, `${label}: recommended registers the plugin as ${NAMESPACE}`);
  assert.deepEqual(Object.keys(recommended.plugins), [NAMESPACE], `${label}: recommended registers only ${NAMESPACE}`);
  const levels = (names: string[], level: string) =>
    Object.fromEntries(names.filter((name) => docsOf(ruleMap[name]).recommended).map((name) => [`${NAMESPACE}/${name}`, level]));
  assert.deepEqual(recommended.rules, levels(codeRuleNames, 'error'), `${label}: recommended turns on exactly the recommended code rules`);
  assert.ok(!('files' in recommended) && !('language' in recommended), `${label}: recommended applies to every file ESLint lints, as JavaScript`);

  const packageJsonConfig = plugin.configs['package-json'] as unknown as RuntimeConfig;
  assert.deepEqual(packageJsonConfig.files, ['**/package.json'], `${label}: package-json lints package.json only`);
  assert.equal(packageJsonConfig.language, `${NAMESPACE}/json`, `${label}: package-json uses the plugin's own JSON language`);
  assert.equal(typeof (plugin as unknown as { languages: { json: { parse?: unknown } } }).languages.json.parse, 'function', `${label}: the plugin carries @eslint/json's language`);
  assert.equal(packageJsonConfig.plugins[NAMESPACE], plugin, `${label}: package-json registers the plugin as ${NAMESPACE}`);
  assert.deepEqual(
    packageJsonConfig.rules,
    { ...levels(packageJsonRuleNames, 'error'), ...levels(codeRuleNames, 'off') },
    `${label}: package-json turns on the package.json rules and keeps the code rules off JSON`,
  );
}

describe('plugin', () => {
  it('source (src/index.ts) has the flat-config plugin shape', () => {
    checkPluginShape(sourcePlugin, 'src/index.ts');
  });

  it('ESM build (dist/index.mjs) has the flat-config plugin shape', async () => {
    checkPluginShape(await importBuiltPlugin(), 'dist/index.mjs');
  });

  it('CommonJS build (dist/index.cjs) is the plugin itself, not a module namespace', () => {
    checkPluginShape(requireBuiltPlugin(), 'dist/index.cjs');
  });

  it('recommends at least one rule', () => {
    assert.ok(Object.keys(sourcePlugin.configs.recommended.rules).length > 0);
  });

  it('loads no ts-morph (nor the codemods) from its entry, in either module format', () => {
    for (const bundle of ['index.mjs', 'index.cjs']) {
      // The bundle inlines package.json, whose dependencies name ts-morph: look for imports of it only.
      const importsTsMorph = /(?:from |import\(|require\()["']ts-morph["']/.test(readFileSync(join(REPOSITORY_ROOT, 'dist', bundle), 'utf8'));
      assert.ok(!importsTsMorph, `dist/${bundle} imports ts-morph`);
    }
    // Run time too: what Node's CommonJS loader holds after loading the plugin both ways (ts-morph is CommonJS).
    const loaded = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); await import('./dist/index.mjs'); require('./dist/index.cjs'); console.log(JSON.stringify(Object.keys(require.cache)));"],
      { cwd: REPOSITORY_ROOT, encoding: 'utf8' },
    );
    const modules = JSON.parse(loaded) as string[];
    assert.ok(modules.some((path) => path.includes(`${join('dist', 'index.cjs')}`)), 'the probe did not load dist/index.cjs');
    assert.deepEqual(modules.filter((path) => /[\\/]ts-morph[\\/]|[\\/]codemods[\\/]/.test(path)), []);
  });

  it('package.json exports the plugin, the helper and the codemod API', () => {
    assert.deepEqual(Object.keys(packageJson.exports).sort(), ['.', './codemod', './package.json', './sigv4']);
    assert.equal(packageJson.exports['.'].import.default, './dist/index.mjs');
    assert.equal(packageJson.exports['.'].require.default, './dist/index.cjs');
    assert.ok(packageJson.keywords.includes('eslintplugin'), 'ESLint finds plugins by the eslintplugin keyword');
  });
});
