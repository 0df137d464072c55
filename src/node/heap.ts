// How the V8 heap grows in the zwgk command (issue 19). After a full collection V8 lets the heap grow to
// up to 4 × what it still holds: for a 100 000-item catalog that is gigabytes, so once the heap is large it
// grows by half its live size instead. While it is small, V8's own growth is kept: held to 1.5 × from the
// start, a roll-up of 2 600 ten-item catalogs made 168 full collections instead of 25 (19 s of CPU instead of
// 13). Only the command does this (bin calls manageHeap): a library changes no flags of the process it runs
// in, and `node --heap-growing-percent=…` given by hand wins.
import v8 from 'node:v8';

/** An input at least this large makes a large heap: the heap is held from before it is read (a 25 000-item
 * workbook is 13 MB; held only once 96 MB were in use, its render peaked at up to 385 MB instead of 310). */
const LARGE_INPUT_BYTES = 8 * 1024 * 1024;
/** A heap using this much is large. */
const LARGE_HEAP_BYTES = 96 * 1024 * 1024;

let state: 'off' | 'watching' | 'held' = 'off';

/** Start managing the heap's growth (the command's process only). */
export function manageHeap(): void {
  if (state !== 'off') return;
  const given = process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'));
  state = given ? 'held' : 'watching';
}

/** Whether this process's heap is managed (a worker thread of the command manages its own heap too). */
export function heapManaged(): boolean {
  return state !== 'off';
}

/** What the policy is doing: not managing (a library), watching a small heap, or holding a large one. */
export function heapState(): typeof state {
  return state;
}

/** Read options' onProgress that looks at the heap every few hundred items (and calls `then`, if given). */
export function watchingProgress<T extends unknown[]>(then?: (...args: T) => void): (...args: T) => void {
  return then
    ? (...args: T) => {
        watchHeap();
        then(...args);
      }
    : watchHeap;
}

/** An input of `bytes` is about to be read. */
export function noteInput(bytes: number): void {
  if (state === 'watching' && bytes >= LARGE_INPUT_BYTES) hold();
}

/** Look at the heap: cheap enough to call between files and every few hundred items. */
export function watchHeap(): void {
  if (state === 'watching' && v8.getHeapStatistics().used_heap_size >= LARGE_HEAP_BYTES) hold();
}

function hold(): void {
  state = 'held';
  // Read by V8 at each full collection: the next limit is set by it.
  v8.setFlagsFromString('--heap-growing-percent=50');
}
