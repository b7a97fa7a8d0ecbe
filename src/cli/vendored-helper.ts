// Reads the helper the CLI vendors into users' projects: `dist/vendor/` beside the bundle, or,
// running from source, the build output or (TypeScript only) the helper's source.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helperFileName, withHelperHeader } from '../../codemods/utils/helper-vendor';
import type { HelperFlavor } from '../../codemods/utils/helper-vendor';

function moduleDirectory(): string {
  // ESM (bundle or tsx) has import.meta.url; the CommonJS bundle has an empty import.meta and __dirname.
  return import.meta.url ? dirname(fileURLToPath(import.meta.url)) : __dirname;
}

/**
 * Finds the vendored helper file of a flavour: `dist/vendor/` beside the bundle, or, running from
 * source, the build output or (TypeScript only) the helper's source.
 */
export function findVendoredHelper(flavor: HelperFlavor, vendorDirectory?: string): string | undefined {
  const name = helperFileName(flavor);
  if (vendorDirectory) {
    const candidate = join(vendorDirectory, name);
    return existsSync(candidate) ? candidate : undefined;
  }
  for (let directory = moduleDirectory(); ; directory = dirname(directory)) {
    const candidates = [join(directory, 'vendor', name), join(directory, 'dist', 'vendor', name)];
    if (flavor === 'ts') candidates.push(join(directory, 'src', 'sigv4', 'index.ts'));
    const found = candidates.find((candidate) => existsSync(candidate));
    if (found) return found;
    if (dirname(directory) === directory) return undefined;
  }
}

export function readVendoredHelper(flavor: HelperFlavor, vendorDirectory?: string): string {
  const path = findVendoredHelper(flavor, vendorDirectory);
  if (!path) throw new Error(`the ${helperFileName(flavor)} helper was not found (run the build to create dist/vendor)`);
  return withHelperHeader(readFileSync(path, 'utf8'));
}
