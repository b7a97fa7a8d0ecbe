// Lints the migrated demo as a user's own CI would: eslint:recommended, typescript-eslint's
// recommended rules and this plugin's recommended config, through ESLint's Node API. A migration
// that leaves an unused binding or a helper tripping no-control-regex fails here (issues 9 and 13).
import js from '@eslint/js';
import { ESLint } from 'eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import sigv4 from '../../src/index';

export interface LintOutcome {
  /** `path:line rule message` for every problem; empty when the code is lint-clean. */
  problems: string[];
}

export async function lintMigratedApp(appDirectory: string): Promise<LintOutcome> {
  const eslint = new ESLint({
    cwd: appDirectory,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: ['node_modules/'] },
      js.configs.recommended,
      ...tseslint.configs.recommended,
      sigv4.configs.recommended,
      { languageOptions: { globals: { ...globals.node } } },
      // CommonJS files require() by design: a CommonJS project turns this rule off for them.
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
    ],
  });
  const results = await eslint.lintFiles(['src/**/*.{js,cjs,mjs,ts}']);
  const problems = results.flatMap((result) =>
    result.messages.map((message) => `${result.filePath.slice(appDirectory.length + 1)}:${message.line} ${message.ruleId ?? 'parse'} ${message.message}`),
  );
  return { problems };
}
