// `sigv4-migrate --dry-run` over the JS/TS files of this project's node_modules, against ESLint
// running only the plugin's rules on the same files and against parsing each file with ts-morph.
// Each contender runs in its own process (its own peak RSS). Standalone: node --import tsx bench/cli.bench.ts [--files N]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

type Mode = 'migrate' | 'eslint' | 'ts-morph';
interface Measurement {
  files: number;
  milliseconds: number;
  peakRssMb: number;
}

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Every JS/TS file under node_modules (declarations excluded), in a stable order, symlinks skipped. */
function collectNodeModulesFiles(directory: string, found: string[] = []): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) collectNodeModulesFiles(path, found);
    else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) found.push(path);
  }
  return found;
}

/** Copies the files flat into a temp folder: no node_modules or .gitignore to skip them, same bytes. */
function stageFiles(limit: number): { directory: string; count: number; bytes: number } {
  const files = collectNodeModulesFiles(join(projectRoot, 'node_modules')).filter((path) => statSync(path).size < 2_000_000).slice(0, limit);
  const directory = mkdtempSync(join(tmpdir(), 'sigv4-bench-'));
  mkdirSync(join(directory, 'files'));
  let bytes = 0;
  files.forEach((path, index) => {
    copyFileSync(path, join(directory, 'files', `${index}-${basename(path)}`));
    bytes += statSync(path).size;
  });
  return { directory: join(directory, 'files'), count: files.length, bytes };
}

async function runMigrate(directory: string): Promise<number> {
  const { runCli } = await import('../src/cli/run');
  const sink = { write: () => true };
  await runCli(['--dry-run', '--json', directory], { stdout: sink, stderr: sink, env: {}, cwd: directory });
  return readdirSync(directory).length;
}

async function runEslint(directory: string): Promise<number> {
  const { ESLint } = await import('eslint');
  const typescriptParser = await import('@typescript-eslint/parser');
  const { default: plugin } = await import('../src/index');
  const sigv4 = { rules: plugin.rules } as unknown as import('eslint').ESLint.Plugin; // createRule's typings differ from ESLint's only nominally
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`sigv4/${name}`, 'error' as const]));
  // The parsers the CLI uses: espree for JavaScript, the TypeScript parser for TypeScript.
  const eslint = new ESLint({
    cwd: directory,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,jsx,mjs,cjs}'],
        plugins: { sigv4 },
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        rules,
      },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      {
        files: ['**/*.{ts,tsx,mts,cts}'],
        plugins: { sigv4 },
        languageOptions: { parser: typescriptParser, ecmaVersion: 'latest', sourceType: 'module' },
        rules,
      },
    ],
  });
  const results = await eslint.lintFiles(['.']);
  return results.length;
}

async function runTsMorph(directory: string): Promise<number> {
  const { Project } = await import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } });
  let parsed = 0;
  for (const name of readdirSync(directory)) {
    const sourceFile = project.createSourceFile(`/${name}`, readFileSync(join(directory, name), 'utf8'), { overwrite: true });
    sourceFile.getStatements();
    parsed += 1;
  }
  return parsed;
}

async function measureInThisProcess(mode: Mode, directory: string): Promise<Measurement> {
  const runners = { migrate: runMigrate, eslint: runEslint, 'ts-morph': runTsMorph };
  const start = performance.now();
  const files = await runners[mode](directory);
  return { files, milliseconds: performance.now() - start, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function measureInChild(mode: Mode, directory: string): Measurement {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--mode', mode, '--dir', directory], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`${mode} failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measurement;
}

const { values } = parseArgs({ options: { mode: { type: 'string' }, dir: { type: 'string' }, files: { type: 'string', default: '5000' } } });

if (values.mode && values.dir) {
  console.log(JSON.stringify(await measureInThisProcess(values.mode as Mode, values.dir)));
} else {
  const staged = stageFiles(Number(values.files));
  try {
    console.log(`${staged.count} files from node_modules, ${(staged.bytes / 1e6).toFixed(1)} MB`);
    const results = (['migrate', 'eslint', 'ts-morph'] as const).map((mode) => ({ mode, ...measureInChild(mode, staged.directory) }));
    const migrateMs = results[0]!.milliseconds;
    for (const result of results) {
      const filesPerSecond = Math.round((staged.count / result.milliseconds) * 1000);
      const ratio = result.mode === 'migrate' ? '1.0x' : `${(result.milliseconds / migrateMs).toFixed(1)}x slower`;
      console.log(
        `${result.mode.padEnd(22)} ${(result.milliseconds / 1000).toFixed(2).padStart(7)} s  ${String(filesPerSecond).padStart(7)} files/s  peak RSS ${result.peakRssMb.toFixed(0).padStart(4)} MB  ${ratio}`,
      );
    }
    const eslintRatio = results[1]!.milliseconds / migrateMs;
    console.log(`target: >= 10x faster than ESLint (${eslintRatio >= 10 ? 'met' : 'NOT met'}: ${eslintRatio.toFixed(1)}x), peak RSS < 300 MB (${results[0]!.peakRssMb < 300 ? 'met' : 'NOT met'})`);
  } finally {
    rmSync(join(staged.directory, '..'), { recursive: true, force: true });
  }
}
