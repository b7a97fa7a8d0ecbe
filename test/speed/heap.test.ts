// The heap trimmer collects against a budget (live size after the last collection plus an allowance), not per byte parsed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHeapTrimmer } from '../../src/cli/heap';

const MB = 1024 * 1024;

/** A fake heap: `used` is what the trimmer reads, a collection drops it to `live`. */
function fakeHeap(used: number, live: number) {
  const heap = { used, live, collections: 0 };
  const trimmer = createHeapTrimmer({
    allowanceBytes: 10 * MB,
    usedBytes: () => heap.used,
    runCollection: () => {
      heap.collections += 1;
      heap.used = heap.live;
    },
  });
  return { heap, trimmer };
}

describe('heap trimmer', () => {
  it('collects only once the heap is the allowance above the live size', () => {
    const { heap, trimmer } = fakeHeap(20 * MB, 20 * MB);
    heap.used = 29 * MB;
    trimmer.parsed(64 * 1024);
    assert.equal(heap.collections, 0, '9 MB of garbage is within the allowance');
    heap.used = 31 * MB;
    trimmer.parsed(64 * 1024);
    assert.equal(heap.collections, 1, '11 MB of garbage is over it');
    assert.equal(heap.used, 20 * MB);
  });

  it('measures the budget from the live size of the last collection', () => {
    const { heap, trimmer } = fakeHeap(20 * MB, 20 * MB);
    heap.used = 31 * MB;
    heap.live = 25 * MB;
    trimmer.parsed(64 * 1024);
    assert.equal(heap.collections, 1);
    heap.used = 34 * MB;
    trimmer.parsed(64 * 1024);
    assert.equal(heap.collections, 1, '9 MB above the new live size of 25 MB');
  });

  it('looks at the heap only once enough source was parsed since the last look', () => {
    const { heap, trimmer } = fakeHeap(20 * MB, 20 * MB);
    heap.used = 40 * MB;
    trimmer.parsed(1000);
    assert.equal(heap.collections, 0, 'one small file');
    for (let file = 0; file < 16; file += 1) trimmer.parsed(1024);
    assert.equal(heap.collections, 1, 'after 17 KB parsed');
  });

  it('makes room before a file whose trees would not fit in the allowance', () => {
    const { heap, trimmer } = fakeHeap(20 * MB, 20 * MB);
    heap.used = 25 * MB;
    trimmer.willParse(10_000);
    assert.equal(heap.collections, 0, 'about 2 MB of trees fit beside 5 MB of garbage');
    trimmer.willParse(100_000);
    assert.equal(heap.collections, 1, 'about 20 MB of trees do not');
  });

  it('collects nothing when disabled, as for library callers of migrate()', () => {
    let collections = 0;
    const trimmer = createHeapTrimmer({ enabled: false, allowanceBytes: 0, usedBytes: () => 1e9, runCollection: () => collections++ });
    trimmer.parsed(1e6);
    trimmer.willParse(1e6);
    assert.equal(collections, 0);
  });

  it('really runs V8\'s collector, without leaking a gc global', () => {
    const trimmer = createHeapTrimmer({ allowanceBytes: 0 });
    assert.doesNotThrow(() => trimmer.willParse(1));
    assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
  });
});
