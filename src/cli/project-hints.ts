// What the nearest package.json and tsconfig.json say about module style and import extensions,
// read once per folder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ts } from 'ts-morph';
import type { ModuleStyle } from '../../codemods/utils/module-style';
import type { TsCompilerHints } from '../../codemods/utils/helper-vendor';

function findUp(directory: string, name: string, cache: Map<string, string | undefined>): string | undefined {
  if (cache.has(directory)) return cache.get(directory);
  const candidate = join(directory, name);
  const parent = dirname(directory);
  const found = existsSync(candidate) ? candidate : parent === directory ? undefined : findUp(parent, name, cache);
  cache.set(directory, found);
  return found;
}

export function createProjectHints() {
  const packageJsons = new Map<string, string | undefined>();
  const tsconfigs = new Map<string, string | undefined>();
  const parsed = new Map<string, unknown>();

  function readJsonc(path: string): unknown {
    if (!parsed.has(path)) {
      const result = ts.parseConfigFileTextToJson(path, readFileSync(path, 'utf8'));
      parsed.set(path, result.error ? undefined : result.config);
    }
    return parsed.get(path);
  }

  /** "module" packages default to ESM, everything else to CommonJS (Node's rule for .js). */
  function moduleStyleOf(filePath: string): ModuleStyle {
    const packageJson = findUp(dirname(filePath), 'package.json', packageJsons);
    const content = packageJson ? (readJsonc(packageJson) as { type?: string } | undefined) : undefined;
    return content?.type === 'module' ? 'esm' : 'cjs';
  }

  /** compilerOptions of the nearest tsconfig.json (its own, without following `extends`). */
  function compilerHintsOf(filePath: string): TsCompilerHints | undefined {
    const tsconfig = findUp(dirname(filePath), 'tsconfig.json', tsconfigs);
    if (!tsconfig) return undefined;
    const content = readJsonc(tsconfig) as { compilerOptions?: TsCompilerHints } | undefined;
    return content?.compilerOptions ?? {};
  }

  return { moduleStyleOf, compilerHintsOf };
}

export type ProjectHints = ReturnType<typeof createProjectHints>;
