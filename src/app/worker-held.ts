// What the app's worker holds of each file. Held whole, 30 catalogs of 25 000 items took a Chromium
// process to 1.6 GB and 100 to 4.3 GB (issue 24), so a file not in use keeps only what its card and the
// roll-up need — its Blob (for a picked file a handle on the file on disk: no bytes in memory), name,
// roll-up row, a digest of its bytes and why it could not be read — and only the few files in use keep
// their bytes, catalog, findings and marks, read again from the Blob when one is asked for after it was
// let go. Since the page can rebuild all of this from the Blobs, it can also end the worker to cancel a
// slow read (page-plumbing.ts) without losing any other file.
import { INPUT_LIMITS, ZwgkError, formatBytes, type Checked, type Severity, type SummaryRow } from '../core/index.js';
import type { FindingView } from './protocol.js';

/** A request the page should not have made (a file that was not read), or a file the browser can no
 * longer read; said to the clerk as is. */
export class AppError extends Error {}

export interface Held {
  name: string;
  blob: Blob;
  /** Last change, as the roll-up shows it. */
  modified: string;
  role: 'catalog' | 'reference';
  /** Why it could not be read (the roll-up names it). */
  error?: string;
  /** Its line of the roll-up. */
  row?: SummaryRow;
  /** Its bytes' digest: a file picked twice is told apart from one that only looks alike. */
  digest?: string;
  items: number;
}

/** What a file in use holds besides: everything its table, findings and actions work from. */
export interface Loaded {
  bytes: Uint8Array;
  checked: Checked;
  /** The findings as the page lists them. */
  views: FindingView[];
  /** The worst severity of the findings at each table cell. */
  marks: Map<string, Severity>;
}

export const files = new Map<number, Held>();

/** The files in use, least recently used first. */
const loaded = new Map<number, Loaded>();

/** Items the files in use may hold together (a real catalog's bytes and catalog take about 3 MB of the
 * worker's memory per 1000 items, bench/app-memory.mjs): a county's files all stay, a province's catalog of 25 000 items is read again
 * after two others of its size were used. The file used last always stays. */
export const LOADED_ITEMS = 50_000;

/** A file in use, marked as used just now; undefined when it was let go (or never read). */
export function inUse(file: number): Loaded | undefined {
  const l = loaded.get(file);
  if (l) {
    loaded.delete(file);
    loaded.set(file, l);
  }
  return l;
}

/** Keep a file's catalog in use, letting go of the least recently used beyond LOADED_ITEMS. */
export function keep(file: number, l: Loaded): void {
  loaded.delete(file);
  loaded.set(file, l);
  let total = 0;
  for (const x of loaded.values()) total += Math.max(1, x.checked.catalog.items.length);
  for (const [f, x] of loaded) {
    if (total <= LOADED_ITEMS || loaded.size <= 1) break;
    total -= Math.max(1, x.checked.catalog.items.length);
    loaded.delete(f);
  }
}

/** Forget a file (移除, or a reference cleared). */
export function forget(file: number): void {
  files.delete(file);
  loaded.delete(file);
}

/** A file's bytes, read from its Blob; a file too large is refused before any byte is read, and one the
 * browser can no longer read (moved, deleted or changed on disk since it was picked) is said so. */
export async function bytesOf(held: Pick<Held, 'name' | 'blob'>): Promise<Uint8Array> {
  const size = held.blob.size;
  if (size > INPUT_LIMITS.maxFileBytes) throw new ZwgkError('file-too-large', { file: held.name }, { file: held.name, size: formatBytes(size), limit: formatBytes(INPUT_LIMITS.maxFileBytes) });
  try {
    return new Uint8Array(await held.blob.arrayBuffer());
  } catch {
    throw new AppError(`无法读取文件 ${held.name}：它可能在选择之后被移动、删除或修改了。请确认文件还在原处，再重新选择它`);
  }
}

/** A digest of bytes (two 32-bit FNV-1a hashes and the length): equal files have equal digests. */
export function digestOf(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x0100019d);
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}
