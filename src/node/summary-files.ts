// zwgk summary's reading, at a province's scale: the catalog files of a tree of folders, each read and
// checked into one small roll-up row, in worker threads (one per core) when there are many, so that
// 2,600 files take seconds. A file that cannot be read becomes a row that says why; none is skipped.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCatalog, summaryRowOf, unreadableSummaryRow, ZwgkError, type Profile, type SummaryRow } from '../core/index.js';
import { runLanes } from './lanes.js';
import { LAYOUT_FOLDER, layoutsByFolder, readOptionsOf } from './layouts.js';
import { nativePath, readCatalog, readInputFile, readPlainSync } from './read-file.js';
import { heapManaged, watchHeap, watchingProgress } from './heap.js';

/** Below this many files the threads cost more to start than they save. */
const THREADED_FROM = 24;
/** Files sent to a thread at once, at most. */
const MAX_BATCH = 16;
/** Batches a thread holds at once. */
const BATCHES_IN_FLIGHT = 2;

/** The catalog files under a folder, every level, by path (hidden files, ~$ lock files and folders skipped;
 * links to folders not followed; a zwgk-版式 folder holds layout definitions, not catalogs: it is not entered). */
export async function catalogFilesUnder(dir: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== LAYOUT_FOLDER) await walk(p);
      }
      else if ((e.isFile() || e.isSymbolicLink()) && extensions.includes(path.extname(e.name).toLowerCase())) out.push(p);
    }
  };
  await walk(dir);
  // One collator for all: localeCompare builds one per comparison (30,000 of them for 2,600 files).
  return out.sort(new Intl.Collator('zh-CN').compare);
}

/** A file's last change as the roll-up shows it: 2026-12-03 08:15 (local time). */
function modifiedText(time: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${p(time.getMonth() + 1)}-${p(time.getDate())} ${p(time.getHours())}:${p(time.getMinutes())}`;
}

/** One file's roll-up row (read with the layouts beside it, checked, summed up; or why it could not be read). */
export async function summarizeFile(file: string, profile: Profile | 'auto' = 'auto', layoutsOf = layoutsByFolder()): Promise<SummaryRow> {
  const plain = readPlainSync(file);
  const modified = plain ? modifiedText(plain.modified) : await stat(nativePath(file)).then((s) => modifiedText(s.mtime), () => '');
  try {
    const options = readOptionsOf(await layoutsOf(path.dirname(file)), { profile });
    options.onProgress = watchingProgress();
    const catalog = await readCatalog(file, options, plain?.bytes ?? (await readInputFile(file)));
    watchHeap();
    return summaryRowOf(checkCatalog(catalog, file), modified);
  } catch (err) {
    if (err instanceof ZwgkError) return unreadableSummaryRow(file, err.message, modified);
    return unreadableSummaryRow(file, `内部错误：${err instanceof Error ? err.message : String(err)}`, modified);
  }
}

export interface SummarizeOptions {
  profile?: Profile | 'auto';
  /** --layout: a layout named or a definition file (or folder) to read lists with, besides the zwgk-版式 folders. */
  layout?: string;
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
    const layoutsOf = layoutsByFolder(options.layout);
    for (let i = 0; i < files.length; i++) {
      rows[i] = await summarizeFile(files[i]!, profile, layoutsOf);
      options.onProgress?.(++done, files.length);
    }
    return rows;
  }
  let next = 0;
  // Files go out in batches and their rows come back in batches: a message per file woke the other thread
  // 5,200 times, and on a busy machine each wake-up can cost the sender its turn on the core. Batches shrink
  // towards the end so that both threads finish together; two in flight per thread, so that a thread never
  // waits for the main one to send more.
  const batchOf = () => {
    const size = Math.max(1, Math.min(MAX_BATCH, Math.floor((files.length - next) / (threads * 4))));
    return Array.from({ length: Math.min(size, files.length - next) }, () => next++);
  };
  const settle = (i: number, row: SummaryRow) => {
    rows[i] = row;
    options.onProgress?.(++done, files.length);
  };
  await runLanes<{ i: number; file: string }[], { i: number; row: SummaryRow }[]>(script, { profile, layout: options.layout, heap: heapManaged() }, threads, BATCHES_IN_FLIGHT, {
    take: () => (next < files.length ? batchOf().map((i) => ({ i, file: files[i]! })) : undefined),
    answered: (_batch, answers) => answers.forEach(({ i, row }) => settle(i, row)),
    died: (batch, err) => batch.forEach(({ i, file }) => settle(i, unreadableSummaryRow(file, `读取时出错：${err.message}`, ''))),
  });
  return rows;
}
