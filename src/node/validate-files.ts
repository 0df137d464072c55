// zwgk validate of several large files at once (issue 19: use the second core): each file is read and checked
// in a worker thread of its own while the others are read in theirs, and the results come back in the order the
// files were given, the same as one thread gives them. Reading a workbook is one thread's work from its bytes to
// its findings, so files are what is shared out, never parts of one file.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate, ZwgkError, type Finding } from '../core/index.js';
import { readOptionsOf, type loadLayouts } from './layouts.js';
import { runLanes } from './lanes.js';
import { nativePath, readCatalog } from './read-file.js';
import { heapManaged, noteInput, watchHeap, watchingProgress } from './heap.js';

/** How a run reads its files: the CLI's --profile, --sheet and --layout. */
export interface ValidateFileOptions {
  profile?: string;
  sheet?: string;
  layout?: string;
}

/** One file's outcome as plain data (what a thread can send): its result, why it was refused, or an internal error. */
export type FileOutcome =
  | { file: string; profile: string; items: number; findings: Finding[] }
  | { file: string; refused: Finding }
  | { file: string; internal: string };

/** Below this many bytes in all, threads cost more to start (about 0.1 s each) than they save. */
const THREADED_FROM_BYTES = 4 * 1024 * 1024;
/** …unless there are this many files (a folder of 科室 sheets). */
const THREADED_FROM_FILES = 24;
/** A file this large takes some hundreds of MB while read: no more than two such at once. */
const LARGE_FILE_BYTES = 16 * 1024 * 1024;

/** Read and validate one file into plain data (a refusal is data too: the run goes on with the next file). */
export async function validateFileOutcome(file: string, opts: ValidateFileOptions, layoutsOf: (dir: string) => ReturnType<typeof loadLayouts>): Promise<FileOutcome> {
  try {
    const options = readOptionsOf(await layoutsOf(path.dirname(file)), opts);
    options.onProgress = watchingProgress();
    const catalog = await readCatalog(file, options);
    watchHeap();
    return { file, profile: catalog.profile, items: catalog.items.length, findings: validate(catalog) };
  } catch (err) {
    if (err instanceof ZwgkError) return { file, refused: err.finding };
    return { file, internal: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

/** The error a refusal sent from a thread stands for (the same message and finding as if thrown here). */
export function refusalError(f: Finding): ZwgkError {
  return new ZwgkError(f.code, f.location, f.params ?? {});
}

/** The worker script beside this module once compiled (dist/node/validate-worker.js); absent when run from the sources. */
function workerScript(): string | undefined {
  const script = fileURLToPath(new URL('./validate-worker.js', import.meta.url));
  return existsSync(script) ? script : undefined;
}

/** The cores a run may use: all, or ZWGK_THREADS (1: one thread, as on a machine of one core; for comparison and for a PC short of memory). */
function threadsAllowed(): number {
  const asked = Number(process.env.ZWGK_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, availableParallelism()) : availableParallelism();
}

/**
 * How many threads pay for files of these sizes: none (undefined) for one file, a few small ones or one core;
 * else one per core up to four, and two when a file is large (each thread holds its catalog while it reads).
 */
export function threadCount(sizes: readonly number[], cores: number): number | undefined {
  if (sizes.length < 2 || cores < 2) return undefined;
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total < THREADED_FROM_BYTES && sizes.length < THREADED_FROM_FILES) return undefined;
  const most = Math.max(...sizes) >= LARGE_FILE_BYTES ? 2 : 4;
  return Math.min(cores, most, sizes.length);
}

/** The threads to validate these files in (undefined: this thread alone), by their sizes on disk. */
export async function threadsFor(files: readonly string[]): Promise<number | undefined> {
  if (files.length < 2 || !workerScript()) return undefined;
  const sizes = await Promise.all(files.map((f) => stat(nativePath(f)).then((s) => (s.isFile() ? s.size : 0), () => 0)));
  // The threads read them: their size is noted here (node/heap.ts; flags are the process's, not a thread's).
  for (const size of sizes) noteInput(size);
  return threadCount(sizes, threadsAllowed());
}

/** Every file's outcome, in the order given, read in `threads` worker threads; `onDone` as each ends. */
export async function validateInThreads(files: readonly string[], opts: ValidateFileOptions, threads: number, onDone?: (done: number) => void): Promise<FileOutcome[]> {
  const script = workerScript();
  if (!script) throw new Error('validate-worker.js is not built');
  const out: FileOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const settle = (i: number, outcome: FileOutcome) => {
    out[i] = outcome;
    onDone?.(++done);
  };
  // One file a job: a large file is minutes of one thread's work, and the next waits in no queue of a busy thread.
  await runLanes<{ i: number; file: string }, FileOutcome>(script, { opts, heap: heapManaged() }, threads, 1, {
    take: () => (next < files.length ? { i: next, file: files[next++]! } : undefined),
    answered: (job, outcome) => settle(job.i, outcome),
    died: (job, err) => settle(job.i, { file: job.file, internal: `读取时出错：${err.message}` }),
  });
  return out;
}
