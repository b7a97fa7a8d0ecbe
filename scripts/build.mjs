// Builds dist/: ESM + CommonJS bundles and declarations for each public entry, the CLI, and the
// helper sources the codemods vendor into users' projects.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const entries = [
  { source: 'src/index.ts', out: 'index', types: 'src/index', cjsDefaultExport: true },
  { source: 'src/sigv4/index.ts', out: 'sigv4', types: 'src/sigv4/index', selfContainedTypes: true },
  { source: 'src/migrate.ts', out: 'codemod', types: 'src/migrate' },
];

const shared = { bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' };

/** @eslint/json ships only ESM, and a CommonJS bundle that `require`s it gets a module namespace
 * where the plugin is expected: the CommonJS bundles carry their own copy of it (and of what it
 * imports); every other package stays external, as in the ESM bundles. */
const bundleEslintJsonIntoCommonJs = {
  name: 'bundle-eslint-json-into-commonjs',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (path.startsWith('node:') || builtinModules.includes(path)) return { external: true };
      const insideEslintJson = importer.includes('/node_modules/');
      return path === '@eslint/json' || insideEslintJson ? undefined : { external: true };
    });
  },
};

rmSync('dist', { recursive: true, force: true });

for (const entry of entries) {
  await build({ ...shared, entryPoints: [entry.source], format: 'esm', outfile: `dist/${entry.out}.mjs` });
  await build({
    ...shared,
    entryPoints: [entry.source],
    format: 'cjs',
    packages: undefined,
    plugins: [bundleEslintJsonIntoCommonJs],
    outfile: `dist/${entry.out}.cjs`,
    // codemods/utils/helper-vendor.ts reads import.meta.url only where __dirname is missing (ESM).
    logOverride: { 'empty-import-meta': 'silent' },
    // ESLint's CommonJS users `require('sigv4-migrate')` and expect the plugin itself.
    footer: entry.cjsDefaultExport ? { js: 'module.exports = module.exports.default;' } : undefined,
  });
}

// Split so that ts-morph and the codemods (a chunk beside cli.mjs) load only when a file has a finding.
await build({
  ...shared,
  entryPoints: { cli: 'src/cli/main.ts' },
  format: 'esm',
  splitting: true,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'cli-[hash]',
  banner: { js: '#!/usr/bin/env node' },
});

// Lint worker threads for big runs, found beside the bundles that start them (cli.mjs, codemod.*).
await build({ ...shared, entryPoints: ['src/cli/lint-worker.ts'], format: 'esm', outfile: 'dist/lint-worker.mjs' });

// The helper as users' projects receive it when the CLI vendors it: readable, one file, no deps.
mkdirSync('dist/vendor', { recursive: true });
copyFileSync('src/sigv4/index.ts', 'dist/vendor/sigv4.ts');
// esbuild drops the source's opening comment; the compiled copies carry it too, so users know the file.
const [helperHeader] = readFileSync('src/sigv4/index.ts', 'utf8').split('\n', 1);
const vendor = {
  entryPoints: ['src/sigv4/index.ts'],
  bundle: true,
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
  banner: { js: helperHeader },
};
await build({ ...vendor, format: 'esm', outfile: 'dist/vendor/sigv4.mjs' });
await build({ ...vendor, format: 'cjs', outfile: 'dist/vendor/sigv4.cjs' });

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
addDeclarationExtensions('dist/types');
for (const entry of entries) {
  const from = `./types/${entry.types}.js`;
  writeFileSync(`dist/${entry.out}.d.mts`, `export * from '${from}';\nexport { default } from '${from}';\n`.replace(entry.cjsDefaultExport ? '' : /\nexport \{ default \}.*\n/, '\n'));
  writeFileSync(`dist/${entry.out}.d.cts`, commonJsDeclaration(entry, from));
}

/**
 * The `require` side of an entry. dist/types is ESM, which a CommonJS declaration may reach only
 * through a type import marked `resolution-mode: import` (TS1479 otherwise); the helper's
 * declarations import nothing, so they are copied whole and keep their exported types.
 */
function commonJsDeclaration(entry, from) {
  const esmTypes = `import('${from}', { with: { 'resolution-mode': 'import' } })`;
  if (entry.selfContainedTypes) return readFileSync(`dist/types/${entry.types}.d.ts`, 'utf8');
  if (entry.cjsDefaultExport) return `declare const plugin: typeof ${esmTypes}.default;\nexport = plugin;\n`;
  return `declare const api: typeof ${esmTypes};\nexport = api;\n`;
}

/**
 * The sources import each other without extensions (bundler resolution), and tsc keeps those
 * specifiers in the declarations; but dist/types is ESM (the package is `"type": "module"`), where
 * node16/nodenext resolution needs the file: `'../rules/index'` becomes `'../rules/index.js'`.
 */
function addDeclarationExtensions(directory) {
  for (const file of readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.d.ts'))) {
    const path = join(directory, file);
    const text = readFileSync(path, 'utf8');
    const rewritten = text.replace(/(from |import\()(['"])(\.{1,2}\/[^'"]*)\2/g, (match, lead, quote, specifier) => {
      const target = resolveDeclarationSpecifier(dirname(path), specifier);
      return target === undefined ? match : `${lead}${quote}${target}${quote}`;
    });
    if (rewritten !== text) writeFileSync(path, rewritten);
  }
}

/** `./x` → `./x.js` when x.d.ts exists, `./x/index.js` when x/index.d.ts does; others stay as written. */
function resolveDeclarationSpecifier(fromDirectory, specifier) {
  if (/\.(?:js|mjs|cjs|json)$/.test(specifier)) return undefined;
  if (existsSync(join(fromDirectory, `${specifier}.d.ts`))) return `${specifier}.js`;
  if (existsSync(join(fromDirectory, specifier, 'index.d.ts'))) return `${specifier}/index.js`;
  return undefined;
}
