// Times a command as its own process: wall time, CPU time (user + system, all threads) and peak RSS,
// through GNU time when the machine has it, else through a preloaded reporter; and runs several
// contenders in interleaved rounds so machine noise falls on all of them alike.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ProcessCost {
  wallSeconds: number;
  /** User + system CPU time of the process: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  peakRssMb: number;
}

export interface Contender {
  name: string;
  /** Arguments to `node`. */
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Its standard output must parse as JSON: a crash also exits 1, and must not be timed as a run. */
  printsJson?: boolean;
}

const GNU_TIME = '/usr/bin/time';

/** The reporter's script: the process's own rusage at exit (the whole process, worker threads included). */
const RUSAGE_REPORTER = `import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
process.on('exit', () => {
  if (!isMainThread) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_RUSAGE_FILE, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }));
});
`;

function assertJson(name: string, stdout: string, stderr: string): void {
  try {
    JSON.parse(stdout);
  } catch {
    throw new Error(`${name} printed no JSON report: ${stderr.slice(-2000)}`);
  }
}

/** Runs `node …args` in cwd; exit codes 0 and 1 (findings, lint problems) both count as success. */
export function measureProcess(contender: Contender, cwd: string, work: string): ProcessCost {
  const usageFile = join(work, 'rusage.txt');
  const useGnuTime = existsSync(GNU_TIME);
  const reporter = join(work, 'report-rusage.mjs');
  if (!useGnuTime) writeFileSync(reporter, RUSAGE_REPORTER);
  const command = useGnuTime ? GNU_TIME : process.execPath;
  const args = useGnuTime
    ? ['-f', '%U %S %M', '-o', usageFile, process.execPath, ...contender.args]
    : ['--import', pathToFileURL(reporter).href, ...contender.args];
  const start = performance.now();
  const child = spawnSync(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', BENCH_RUSAGE_FILE: usageFile, ...contender.env },
    stdio: ['ignore', contender.printsJson ? 'pipe' : 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - start) / 1000;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${contender.name} failed (exit ${child.status ?? child.signal}): ${child.stderr.slice(-2000)}`);
  if (contender.printsJson) assertJson(contender.name, child.stdout, child.stderr);
  const usage = readFileSync(usageFile, 'utf8').trim();
  if (useGnuTime) {
    // The last line: GNU time puts "Command exited with non-zero status 1" before it.
    const [user, system, maxKb] = usage.split('\n').at(-1)!.split(' ').map(Number);
    return { wallSeconds, cpuSeconds: user! + system!, peakRssMb: maxKb! / 1024 };
  }
  const { maxRSS, cpu } = JSON.parse(usage) as { maxRSS: number; cpu: number };
  return { wallSeconds, cpuSeconds: cpu / 1e6, peakRssMb: maxRSS / 1024 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Each contender `rounds` times, one round after another, each round in a rotated order; the
 * median wall and CPU time of each and its highest peak RSS.
 */
export function measureInterleaved(contenders: readonly Contender[], rounds: number, cwd: string, work: string): ProcessCost[] {
  const costs: ProcessCost[][] = contenders.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < contenders.length; turn += 1) {
      const index = (round + turn) % contenders.length;
      costs[index]!.push(measureProcess(contenders[index]!, cwd, work));
    }
  }
  return costs.map((runs) => ({
    wallSeconds: median(runs.map((run) => run.wallSeconds)),
    cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
  }));
}
