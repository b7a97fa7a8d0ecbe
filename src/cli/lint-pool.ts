// A pool of lint worker threads for runs with many candidate files. Linting is the expensive step;
// results come back as plain data (findings or a parse error).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintResult } from '../engine/lint';
import type { LintRequest } from './lint-worker';

export interface LintPool {
  lint(path: string, text: string): Promise<LintResult>;
  close(): Promise<void>;
}

// ESM (bundle or tsx) has import.meta.url; the CommonJS bundle has an empty import.meta and __dirname.
const moduleDirectory = import.meta.url ? dirname(fileURLToPath(import.meta.url)) : __dirname;

/** The bundled worker beside the bundle, or the source entry when running through tsx. */
function findWorkerEntry(): string | undefined {
  const bundled = join(moduleDirectory, 'lint-worker.mjs');
  if (existsSync(bundled)) return bundled;
  const source = join(moduleDirectory, 'lint-worker.ts');
  const runsTypeScript = process.execArgv.some((argument) => argument.includes('tsx'));
  return runsTypeScript && existsSync(source) ? source : undefined;
}

/** A worker running the entry; the TypeScript source entry first registers tsx in the worker. */
function startWorker(entry: string, workerData: unknown): Worker {
  if (entry.endsWith('.mjs')) return new Worker(entry, { workerData });
  // Only sources run through tsx get here, so import.meta is the real ESM one.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Overrides the number of lint workers (0: lint in the main thread), for machines shared with other work and for measuring. */
export const LINT_WORKERS_ENV = 'SIGV4_MIGRATE_LINT_WORKERS';

/**
 * One worker where there are two cores or more. Measured on 2 cores (644 candidate files, median
 * CPU of 3 interleaved rounds): linting in the main thread 27.0 s CPU and 251 MB peak; one worker
 * 18.9 s and 276 MB (its heap holds only ESLint's trees, the main thread's the codemods' too); two
 * workers 22.2 s and 397 MB (each thread loads ESLint, the rules and the TypeScript parser, and has
 * its own heap) for a wall time only 13% shorter than one worker's.
 */
function defaultWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const override = Number.parseInt(env[LINT_WORKERS_ENV] ?? '', 10);
  if (Number.isInteger(override) && override >= 0) return override;
  return availableParallelism() >= 2 ? 1 : 0;
}

/** Undefined when no worker entry is available or there is a single core: lint in this thread then. */
export function createLintPool(ruleNames: readonly string[], { trimHeap = false, size = defaultWorkerCount() } = {}): LintPool | undefined {
  const entry = findWorkerEntry();
  if (!entry || size < 1) return undefined;
  const waiting = new Map<number, { resolve: (result: LintResult) => void; reject: (error: Error) => void }>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  const workers = Array.from({ length: size }, () => {
    const worker = startWorker(entry, { ruleNames, trimHeap });
    load.set(worker, 0);
    worker.on('message', ({ id, result }: { id: number; result: LintResult }) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      waiting.get(id)?.resolve(result);
      waiting.delete(id);
    });
    worker.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
    return worker;
  });
  return {
    lint(path, text) {
      const worker = workers.reduce((idlest, candidate) => (load.get(candidate)! < load.get(idlest)! ? candidate : idlest));
      const id = nextId++;
      load.set(worker, load.get(worker)! + 1);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, path, text } satisfies LintRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
