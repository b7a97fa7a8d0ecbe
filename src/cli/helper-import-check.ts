// `--helper-import <package>` writes runtime imports of that package: warn when the project a
// rewritten file belongs to (its nearest package.json) has it only as a dev dependency, or not at
// all, since a production install (`npm ci --omit=dev`) would then break at run time.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; undefined for relative or builtin specifiers. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? undefined : name;
}

function nearestPackageJson(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

type Manifest = Partial<Record<'name' | 'dependencies' | 'peerDependencies' | 'optionalDependencies' | 'devDependencies', unknown>>;

function hasDependency(manifest: Manifest, field: keyof Manifest, name: string): boolean {
  const dependencies = manifest[field];
  return typeof dependencies === 'object' && dependencies !== null && name in dependencies;
}

/** The warning for one package.json, if its project would not get `name` in a production install. */
export function dependencyWarning(manifest: Manifest, name: string, manifestPath: string): string | undefined {
  if (manifest.name === name) return undefined;
  if ((['dependencies', 'peerDependencies', 'optionalDependencies'] as const).some((field) => hasDependency(manifest, field, name))) return undefined;
  if (hasDependency(manifest, 'devDependencies', name)) {
    return `the rewritten code imports ${name} at run time, but ${manifestPath} has it only in devDependencies: a production install (npm ci --omit=dev) will not have it; move it to dependencies`;
  }
  return `the rewritten code imports ${name} at run time, but ${manifestPath} does not depend on it: add it to dependencies`;
}

export interface HelperImportWarning {
  path: string;
  message: string;
}

/** One warning per package.json among the rewritten files' projects (absolute paths in, `cwd`-relative out). */
export function checkHelperImport(specifier: string, rewrittenFiles: readonly string[], cwd: string): HelperImportWarning[] {
  const name = packageNameOf(specifier);
  if (!name) return [];
  const manifests = new Set<string>();
  for (const file of rewrittenFiles) {
    const manifest = nearestPackageJson(dirname(file));
    if (manifest) manifests.add(manifest);
  }
  const warnings: HelperImportWarning[] = [];
  for (const manifestPath of [...manifests].sort()) {
    const reportPath = relative(cwd, manifestPath).split(sep).join('/');
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    } catch {
      continue;
    }
    const message = dependencyWarning(manifest, name, reportPath);
    if (message) warnings.push({ path: reportPath, message });
  }
  return warnings;
}
