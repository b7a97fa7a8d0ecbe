// Gives memory back after big files. V8 lets the heap grow to several times its live size before a
// full collection, so the syntax trees of a few large files (ESLint's and ts-morph's, hundreds of
// MB in all for a 500 KB bundle) pile up as garbage; collecting once their file is done keeps the
// peak near the live size.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Source bytes parsed between two collections. */
const BYTES_BETWEEN_COLLECTIONS = 256 * 1024;

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

/**
 * Counts parsed bytes and collects garbage once enough have been parsed (and released) since the
 * last time, and before a big file when anything was parsed since: its trees then start on a clean heap.
 */
export function createHeapTrimmer({
  enabled = true,
  bytesBetweenCollections = BYTES_BETWEEN_COLLECTIONS,
  runCollection = () => garbageCollector()(),
} = {}) {
  let parsedSinceCollection = 0;
  const collect = () => {
    parsedSinceCollection = 0;
    if (enabled) runCollection();
  };
  return {
    willParse(bytes: number): void {
      if (bytes >= bytesBetweenCollections && parsedSinceCollection > 0) collect();
    },
    parsed(bytes: number): void {
      parsedSinceCollection += bytes;
      if (parsedSinceCollection >= bytesBetweenCollections) collect();
    },
  };
}

export type HeapTrimmer = ReturnType<typeof createHeapTrimmer>;
