// A small unified diff (Myers' O(ND) algorithm over lines) for --dry-run: what a run would change.

/** Edit script as a list of operations over lines: keep, delete (from a), insert (from b). */
type Operation = { kind: 'keep' | 'delete' | 'insert'; line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/(?<=\n)/);
  return lines;
}

/** Shortest edit script between `a` and `b` (Myers 1986), traced back from the saved frontiers. */
function diffLines(a: readonly string[], b: readonly string[]): Operation[] {
  const max = a.length + b.length;
  const offset = max + 1;
  let frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let distance = 0; distance <= max && !found; distance += 1) {
    trace.push(frontier.slice());
    const next = frontier.slice();
    for (let diagonal = -distance; diagonal <= distance; diagonal += 2) {
      const goDown = diagonal === -distance || (diagonal !== distance && frontier[offset + diagonal - 1]! < frontier[offset + diagonal + 1]!);
      let x = goDown ? frontier[offset + diagonal + 1]! : frontier[offset + diagonal - 1]! + 1;
      let y = x - diagonal;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      next[offset + diagonal] = x;
      if (x >= a.length && y >= b.length) found = true;
    }
    frontier = next;
    if (found) trace.push(frontier);
  }
  const operations: Operation[] = [];
  let x = a.length;
  let y = b.length;
  for (let distance = trace.length - 2; distance >= 0; distance -= 1) {
    const previous = trace[distance]!;
    const diagonal = x - y;
    const goDown = diagonal === -distance || (diagonal !== distance && previous[offset + diagonal - 1]! < previous[offset + diagonal + 1]!);
    const previousDiagonal = goDown ? diagonal + 1 : diagonal - 1;
    const previousX = previous[offset + previousDiagonal]!;
    const previousY = previousX - previousDiagonal;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      operations.push({ kind: 'keep', line: a[x]! });
    }
    if (distance > 0) {
      if (goDown) {
        y -= 1;
        operations.push({ kind: 'insert', line: b[y]! });
      } else {
        x -= 1;
        operations.push({ kind: 'delete', line: a[x]! });
      }
    }
  }
  return operations.reverse();
}

function formatLine(prefix: string, line: string): string {
  return line.endsWith('\n') ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/** `--- a/…` / `+++ b/…` and @@ hunks with `context` lines around each change; '' when equal. */
export function unifiedDiff(before: string, after: string, path: string, options: { context?: number; newFile?: boolean } = {}): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const a = splitLines(before);
  const b = splitLines(after);
  // Common prefix and suffix are trimmed first: Myers then only sees the changed middle.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  const middle = diffLines(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  const operations: Operation[] = [
    ...a.slice(0, prefix).map((line): Operation => ({ kind: 'keep', line })),
    ...middle,
    ...a.slice(a.length - suffix).map((line): Operation => ({ kind: 'keep', line })),
  ];
  const header = `--- ${options.newFile ? '/dev/null' : `a/${path}`}\n+++ b/${path}\n`;
  const hunks: string[] = [];
  let index = 0;
  let lineA = 1;
  let lineB = 1;
  while (index < operations.length) {
    const change = operations.findIndex((operation, position) => position >= index && operation.kind !== 'keep');
    if (change === -1) break;
    const start = Math.max(index, change - context);
    lineA += operations.slice(index, start).filter((operation) => operation.kind !== 'insert').length;
    lineB += operations.slice(index, start).filter((operation) => operation.kind !== 'delete').length;
    let end = change;
    let keepRun = 0;
    for (let position = change; position < operations.length; position += 1) {
      if (operations[position]!.kind === 'keep') {
        keepRun += 1;
        if (keepRun > 2 * context) break;
      } else {
        keepRun = 0;
        end = position;
      }
    }
    const stop = Math.min(operations.length, end + 1 + context);
    const hunk = operations.slice(start, stop);
    const countA = hunk.filter((operation) => operation.kind !== 'insert').length;
    const countB = hunk.filter((operation) => operation.kind !== 'delete').length;
    const body = hunk.map((operation) => formatLine(operation.kind === 'keep' ? ' ' : operation.kind === 'delete' ? '-' : '+', operation.line)).join('');
    hunks.push(`@@ -${range(lineA, countA)} +${range(lineB, countB)} @@\n${body}`);
    lineA += countA;
    lineB += countB;
    index = stop;
  }
  return header + hunks.join('');
}
