// Keeps the heap near its live size on big runs. V8 lets the old generation grow to several times
// its live size before a full collection, so the syntax trees of parsed files (ESLint's and
// ts-morph's: hundreds of MB for a few big bundles) pile up as garbage. Forcing a collection after
// every few hundred KB parsed kept the peak down but cost 15–20% of the CPU; collecting only when
// the heap is a set allowance above what was live after the last collection costs a few
// collections per run and keeps the same bound.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 1024 * 1024;

/** Garbage let pile up above the live heap before a collection (per thread: each worker has its own heap). */
export const GARBAGE_ALLOWANCE_BYTES = 96 * MB;

/**
 * Heap an ESLint parse plus scope analysis takes per source character, roughly (measured on
 * node_modules files: 110–190 live, up to 600 with its transient garbage): how much a file about to be parsed will add.
 */
const TREE_BYTES_PER_CHARACTER = 200;

/** Parsed source between two looks at the heap: small files cannot move it much. */
const CHARACTERS_BETWEEN_CHECKS = 16 * 1024;

let collectGarbage: (() => void) | undefined;

/** V8's collector, taken from a fresh context created while `--expose-gc` is briefly on. */
function garbageCollector(): () => void {
  if (!collectGarbage) {
    setFlagsFromString('--expose-gc');
    collectGarbage = runInNewContext('gc') as () => void;
    // Contexts created later (workers, vm users) do not get a `gc` global from us.
    setFlagsFromString('--no-expose-gc');
  }
  return collectGarbage;
}

function usedHeapBytes(): number {
  return getHeapStatistics().used_heap_size;
}

/**
 * Watches the heap around each parse and collects garbage when it is more than `allowanceBytes`
 * above the live size of the last collection, or would be once a file about to be parsed is.
 */
export function createHeapTrimmer({
  enabled = true,
  allowanceBytes = GARBAGE_ALLOWANCE_BYTES,
  usedBytes = usedHeapBytes,
  runCollection = () => garbageCollector()(),
} = {}) {
  // Until the first collection, the heap at creation stands in for the live size.
  let liveBytes = enabled ? usedBytes() : 0;
  const collect = () => {
    runCollection();
    liveBytes = usedBytes();
  };
  const overBudget = (extraBytes: number) => usedBytes() + extraBytes > liveBytes + allowanceBytes;
  let uncheckedCharacters = 0;
  return {
    /** Before parsing `characters` of source: a big file starts on a clean heap if it would not fit. */
    willParse(characters: number): void {
      if (enabled && overBudget(characters * TREE_BYTES_PER_CHARACTER)) collect();
    },
    /** After a file's trees are dropped; the heap is looked at once enough was parsed since the last look. */
    parsed(characters: number): void {
      uncheckedCharacters += characters;
      if (!enabled || uncheckedCharacters < CHARACTERS_BETWEEN_CHECKS) return;
      uncheckedCharacters = 0;
      if (overBudget(0)) collect();
    },
  };
}

export type HeapTrimmer = ReturnType<typeof createHeapTrimmer>;
