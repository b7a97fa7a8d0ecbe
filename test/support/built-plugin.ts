// Loads the plugin as users receive it: the built ESM and CommonJS bundles in dist/ (`npm test`
// builds first), typed as the source plugin they are built from.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type sourcePlugin from '../../src/index';

export type Plugin = typeof sourcePlugin;

export const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');

const DIST_ESM = join(REPOSITORY_ROOT, 'dist', 'index.mjs');
const DIST_CJS = join(REPOSITORY_ROOT, 'dist', 'index.cjs');

/** `import sigv4 from 'sigv4-migrate'` */
export async function importBuiltPlugin(): Promise<Plugin> {
  // The path is computed so TypeScript does not resolve dist/ (absent before the first build).
  const module = (await import(pathToFileURL(DIST_ESM).href)) as { default: Plugin };
  return module.default;
}

/** `const sigv4 = require('sigv4-migrate')` */
export function requireBuiltPlugin(): Plugin {
  return createRequire(import.meta.url)(DIST_CJS) as Plugin;
}
