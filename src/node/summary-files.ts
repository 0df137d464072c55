// zwgk summary's reading, at a province's scale: the catalog files of a tree of folders, each read and
// checked into one small roll-up row, in worker threads (one per core) when there are many, so that
// 2,600 files take seconds. A file that cannot be read becomes a row that says why; none is skipped.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkCatalog, summaryRowOf, unreadableSummaryRow, ZwgkError, type Profile, type SummaryRow } from '../core/index.js';
import { readCatalog, readInputFile } from './read-file.js';

/** Below this many files the threads cost more to start than they save. */
const THREADED_FROM = 24;
/** Files each thread works on at once. */
const IN_FLIGHT = 4;

/** The catalog files under a folder, every level, by path (hidden files, ~$ lock files and folders skipped; links to folders not followed). */
export async function catalogFilesUnder(dir: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if ((e.isFile() || e.isSymbolicLink()) && extensions.includes(path.extname(e.name).toLowerCase())) out.push(p);
    }
  };
  await walk(dir);
  return out.sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** A file's last change as the roll-up shows it: 2026-12-03 08:15 (local time). */
function modifiedText(time: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${p(time.getMonth() + 1)}-${p(time.getDate())} ${p(time.getHours())}:${p(time.getMinutes())}`;
}

/** One file's roll-up row (read, checked, summed up; or why it could not be read). */
export async function summarizeFile(file: string, profile: Profile | 'auto' = 'auto'): Promise<SummaryRow> {
  const modified = await stat(file).then((s) => modifiedText(s.mtime), () => '');
  try {
    const catalog = await readCatalog(file, { profile }, await readInputFile(file));
    return summaryRowOf(checkCatalog(catalog, file), modified);
  } catch (err) {
    if (err instanceof ZwgkError) return unreadableSummaryRow(file, err.message, modified);
    return unreadableSummaryRow(file, `内部错误：${err instanceof Error ? err.message : String(err)}`, modified);
  }
}

export interface SummarizeOptions {
  profile?: Profile | 'auto';
  /** Threads to use (default: one per core, at most 8). */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The worker script beside this module once compiled (dist/node/summary-worker.js); absent when run from the sources. */
function workerScript(): string | undefined {
  const script = fileURLToPath(new URL('./summary-worker.js', import.meta.url));
  return existsSync(script) ? script : undefined;
}

/** Every file's roll-up row, in the order given; in worker threads when there are many files. */
export async function summarizeFiles(files: readonly string[], options: SummarizeOptions = {}): Promise<SummaryRow[]> {
  const profile = options.profile ?? 'auto';
  const rows: SummaryRow[] = new Array(files.length);
  let done = 0;
  const script = workerScript();
  const threads = Math.min(options.threads ?? Math.min(8, availableParallelism()), files.length);
  if (!script || threads < 2 || files.length < THREADED_FROM) {
    for (let i = 0; i < files.length; i++) {
      rows[i] = await summarizeFile(files[i]!, profile);
      options.onProgress?.(++done, files.length);
    }
    return rows;
  }
  let next = 0;
  // Several files in flight per thread: while one waits for its parts to inflate (zlib works on libuv's
  // threads), the thread parses another.
  const lane = () =>
    new Promise<void>((resolve) => {
      const start = () => {
        const worker = new Worker(script, { workerData: { profile } });
        const pending = new Set<number>();
        const feed = () => {
          while (pending.size < IN_FLIGHT && next < files.length) {
            const i = next++;
            pending.add(i);
            worker.postMessage({ i, file: files[i] });
          }
          if (pending.size === 0) void worker.terminate().then(() => resolve());
        };
        worker.on('message', ({ i, row }: { i: number; row: SummaryRow }) => {
          pending.delete(i);
          rows[i] = row;
          options.onProgress?.(++done, files.length);
          feed();
        });
        worker.on('error', (err) => {
          // A thread that dies (out of memory on a hostile file) costs only the files it held: named, and a new thread goes on.
          for (const i of pending) {
            rows[i] = unreadableSummaryRow(files[i]!, `读取时出错：${err.message}`, '');
            options.onProgress?.(++done, files.length);
          }
          pending.clear();
          void worker.terminate();
          start();
        });
        feed();
      };
      start();
    });
  await Promise.all(Array.from({ length: threads }, lane));
  return rows;
}
