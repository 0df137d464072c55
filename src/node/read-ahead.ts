// Small files read ahead of the one being parsed. site and merge read their catalogs one after another on
// the main thread; each read is a stat, an open, two reads and a close on libuv's threads, each step
// waiting for the event loop, which a parse keeps busy: a roll-up of 2 600 ten-item catalogs was idle for
// 2.5 of its 18 s. Reads started ahead go on while a catalog is parsed. Only small files are read ahead
// (at most AHEAD_FILES of at most AHEAD_BYTES each), so no large file's bytes wait beside another's catalog.
import { readSmallInput } from './read-file.js';

/** Files read ahead at most, and the size of the largest read ahead. */
const AHEAD_FILES = 8;
const AHEAD_BYTES = 1 << 20;

/** A file's bytes read ahead, or undefined when it is large (it is read when its turn comes); rejects with
 * the read's ZwgkError, as reading it then would have. */
export type Ahead = (index: number) => Promise<Uint8Array | undefined>;

/** The files' bytes as they are asked for, in order, the next small ones read meanwhile. */
export function readAhead(files: readonly string[]): Ahead {
  const started = new Map<number, Promise<Uint8Array | undefined>>();
  let next = 0;
  return (index) => {
    for (next = Math.max(next, index); next < files.length && next <= index + AHEAD_FILES; next++) {
      const read = readSmallInput(files[next]!, AHEAD_BYTES);
      // Its error is the caller's when it asks for this file; until then it is no unhandled rejection.
      read.catch(() => undefined);
      started.set(next, read);
    }
    const read = started.get(index) ?? Promise.resolve(undefined);
    started.delete(index);
    return read;
  };
}
