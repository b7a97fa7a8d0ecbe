// Decides where the vendored helper goes, which flavour (TypeScript, ESM, CommonJS) each importing
// file needs, and the relative specifier that file's module resolution accepts.
import { dirname } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { relativeSpecifier } from './file-paths';
import type { ModuleStyle } from './module-style';

export type HelperFlavor = 'ts' | 'mjs' | 'cjs';

/** The extension a TypeScript file writes on relative imports: `.js`, `.ts`, or none. */
export type RelativeExtension = '.js' | '.ts' | '';

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

export function helperFlavorFor(filePath: string, style: ModuleStyle): HelperFlavor {
  if (TYPESCRIPT_FILE.test(filePath)) return 'ts';
  return style === 'esm' ? 'mjs' : 'cjs';
}

export function helperFileName(flavor: HelperFlavor, baseName = 'sigv4'): string {
  return `${baseName}.${flavor}`;
}

/** The first line of every helper a run vendors: how a later run tells it from a user's own `sigv4.ts`. */
export const HELPER_HEADER = `// sigv4-migrate ${packageJson.version} SigV4 helper (vendored; a later run reuses a file that starts with this line)`;

const HELPER_HEADER_PATTERN = /^(?:\uFEFF)?\/\/ sigv4-migrate \d+\.\d+\.\d+\S* SigV4 helper\b/;

/** True for a helper some version of sigv4-migrate vendored. */
export function isVendoredHelper(text: string): boolean {
  return HELPER_HEADER_PATTERN.test(text);
}

/** The helper's text as vendored: with the header line, once. */
export function withHelperHeader(text: string): string {
  return isVendoredHelper(text) ? text : `${HELPER_HEADER}\n${text}`;
}

/** The directory of the shallowest file (fewest path segments; ties broken by name). */
export function shallowestDirectory(filePaths: readonly string[]): string {
  const depth = (path: string) => path.split(/[\\/]/).length;
  const sorted = [...filePaths].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const first = sorted[0];
  if (first === undefined) throw new Error('no file to place the helper beside');
  return dirname(first);
}

/** The extension habit of the file's own relative imports, when it has any. */
export function detectRelativeExtension(text: string): RelativeExtension | undefined {
  const counts = { '.js': 0, '.ts': 0, '': 0 };
  for (const match of text.matchAll(/(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"](\.\.?\/[^'"]*)['"]/g)) {
    const specifier = match[1]!;
    if (/\.(?:m|c)?js$/.test(specifier)) counts['.js'] += 1;
    else if (/\.(?:m|c)?tsx?$/.test(specifier)) counts['.ts'] += 1;
    else if (!/\.(?:json|css|scss|svg|png|node)$/.test(specifier)) counts[''] += 1;
  }
  const best = (Object.entries(counts) as [RelativeExtension, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : undefined;
}

export interface TsCompilerHints {
  module?: string;
  moduleResolution?: string;
  allowImportingTsExtensions?: boolean;
  allowJs?: boolean;
}

const ESM_RESOLUTIONS = new Set(['node16', 'nodenext', 'bundler', 'preserve']);
const COMMONJS_RESOLUTIONS = new Set(['node', 'node10', '']);

/**
 * True when a JavaScript file can import the project's TypeScript helper instead of a `.mjs`/`.cjs`
 * copy (issue 9 §3, one helper per project): its tsconfig compiles JavaScript too (`allowJs`), so the
 * `.ts` helper is emitted beside it, and the file is a plain `.js` whose import the resolution
 * accepts: an ESM import under node16/nodenext/bundler, or a `require` when TypeScript emits CommonJS.
 */
export function sharesTypeScriptHelper(filePath: string, style: ModuleStyle, hints: TsCompilerHints | undefined): boolean {
  if (!hints?.allowJs || !/\.jsx?$/.test(filePath)) return false;
  const module = (hints.module ?? '').toLowerCase();
  const resolution = (hints.moduleResolution ?? '').toLowerCase();
  if (style === 'esm') return ESM_RESOLUTIONS.has(resolution || module);
  return module === 'commonjs' && COMMONJS_RESOLUTIONS.has(resolution);
}

/**
 * What the project's resolution accepts: node16/nodenext require `.js` (mapped to `.ts`),
 * `allowImportingTsExtensions` allows `.ts`, bundler/node10 resolve extensionless specifiers.
 * Without any tsconfig `.js` is the choice every resolution mode accepts.
 */
export function relativeExtensionFromCompilerOptions(hints: TsCompilerHints | undefined): RelativeExtension {
  if (!hints) return '.js';
  const resolution = (hints.moduleResolution ?? hints.module ?? '').toLowerCase();
  if (resolution === 'node16' || resolution === 'nodenext') return '.js';
  if (hints.allowImportingTsExtensions) return '.ts';
  if (resolution === 'bundler' || resolution === 'node' || resolution === 'node10' || resolution === 'preserve') return '';
  return '.js';
}

/** `./sigv4.js`, `../lib/sigv4.mjs`: the specifier `fromFile` uses to import `helperPath`. */
export function relativeHelperSpecifier(fromFile: string, helperPath: string, extension: RelativeExtension | '.mjs' | '.cjs'): string {
  return `${relativeSpecifier(fromFile, helperPath).replace(/\.(?:ts|mjs|cjs)$/, '')}${extension}`;
}

/** The extension a JavaScript file must write: the real file's. */
export function javascriptHelperExtension(flavor: HelperFlavor): '.mjs' | '.cjs' {
  return flavor === 'cjs' ? '.cjs' : '.mjs';
}
