// Where a CPU profile's time goes: self time by function and by file (packages folded to their
// name), and the share of garbage collection, of one or more .cpuprofile files (main and workers):
//   node --cpu-prof --cpu-prof-dir=prof dist/cli.mjs --dry-run --json <corpus> > /dev/null
//   node --import tsx bench/profile-summary.ts prof/*.cpuprofile [--top N]
import { readFileSync } from 'node:fs';
import { numberOption } from './support/options';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules paths fold to their package (`eslint`, `@typescript-eslint/parser`); ours keep their path. */
function fileLabel(url: string): string {
  if (!url) return '(native or V8)';
  const packagePath = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (packagePath) return `${packagePath[1]}`;
  return url.replace(/^file:\/\//, '').replace(/^.*?\/(dist|src|rules|codemods)\//, '$1/');
}

function addTo(totals: Map<string, number>, key: string, microseconds: number): void {
  totals.set(key, (totals.get(key) ?? 0) + microseconds);
}

/** Each node's parent, to walk a sample's stack. */
function parentsOf(nodes: readonly ProfileNode[]): Map<number, number> {
  const parents = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  return parents;
}

/** Names of the functions on a sample's stack, each once: for time spent in or under a function. */
function stackNames(id: number, nodes: ReadonlyMap<number, ProfileNode>, parents: ReadonlyMap<number, number>): Set<string> {
  const names = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
    const name = nodes.get(current)!.callFrame.functionName;
    if (name) names.add(name);
  }
  return names;
}

interface Summary {
  total: number;
  byFunction: Map<string, number>;
  byFile: Map<string, number>;
  /** Time with the function anywhere on the stack, by function name. */
  inclusive: Map<string, number>;
}

function summarise(paths: readonly string[]): Summary {
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const path of paths) {
    const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = parentsOf(profile.nodes);
    profile.samples.forEach((id, index) => {
      const microseconds = profile.timeDeltas[index] ?? 0;
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      if (functionName === '(idle)') return;
      total += microseconds;
      addTo(byFunction, `${functionName || '(anonymous)'} ${fileLabel(url)}${url ? `:${lineNumber + 1}` : ''}`, microseconds);
      addTo(byFile, fileLabel(url) === '(native or V8)' ? functionName : fileLabel(url), microseconds);
      for (const name of stackNames(id, nodes, parents)) addTo(inclusive, name, microseconds);
    });
  }
  return { total, byFunction, byFile, inclusive };
}

function printTop(title: string, totals: Map<string, number>, total: number, top: number): void {
  console.log(`\n${title}`);
  for (const [key, microseconds] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(microseconds / 1e6).toFixed(2).padStart(8)} s ${((microseconds / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}

const paths = process.argv.slice(2).filter((argument, index, all) => !argument.startsWith('--') && !all[index - 1]?.startsWith('--top'));
const top = numberOption('top', { full: 25, quick: 10 });
const { total, byFunction, byFile, inclusive } = summarise(paths);
console.log(`${paths.length} profile(s), ${(total / 1e6).toFixed(2)} s sampled (idle left out)`);
printTop('by file or package (self time)', byFile, total, top);
printTop('by function (self time)', byFunction, total, top);
printTop('by function name, with what it calls (inclusive)', inclusive, total, top * 2);
