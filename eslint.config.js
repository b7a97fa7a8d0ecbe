// Lints the repository's own code: typescript-eslint's recommended rules everywhere,
// eslint-plugin-eslint-plugin on the rules and their tests, and this plugin's own recommended
// config, loaded from the build (`npm run lint` builds first; ESLint loads a .ts config only via jiti).
import { defineConfig, globalIgnores } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';
import sigv4 from './dist/index.mjs';

// The project's own folders and root config files; anything else (scratch folders) is not ours to lint.
const SOURCE_FILES = ['{src,rules,codemods,test,scripts,bench}/**/*.{ts,mts,cts,js,mjs,cjs}', '*.{js,mjs,cjs}'];

export default defineConfig(
  globalIgnores([
    'dist/',
    'test/corpus/',
    'test/codemods/**/*.input.*',
    'test/codemods/**/*.output.*',
    'test/codemods/cross-file/**',
    'test/**/fixtures/',
    'examples/',
    'coverage/',
    '.tmp/',
  ]),
  { files: SOURCE_FILES, extends: [tseslint.configs.recommended] },
  { files: ['rules/**/*.ts', 'test/rules/**/*.ts'], extends: [eslintPlugin.configs.recommended] },
  { files: SOURCE_FILES, extends: [sigv4.configs.recommended] },
);
