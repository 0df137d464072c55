// A folder of files written as one step (zwgk site): every target checked first, every file written to a
// temporary name, then all renamed into place, what they replace kept aside until the last rename and put
// back on failure or Ctrl-C. Built from write.ts's single-file pieces.
import { renameSync, rmSync, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ZwgkError } from '../findings/finding.js';
import { nativePath } from './read-file.js';
import { ON_INTERRUPT } from './temporaries.js';
import { cleanStaleTemporaries, failureDetail, outputTarget, Refused, removeTemporary, renameTemporary, temporaryPath, writeTemporary, type OutputData } from './write.js';

/** What writeFiles may replace: an existing file is replaced only when `replaceable` says it may be (from
 * its name and first 4 KB: a page zwgk wrote), unless `force`; without `replaceable` any file may be. */
export interface WriteFilesOptions {
  replaceable?: (name: string, head: Uint8Array) => boolean;
  force?: boolean;
}

/** The identities (resolved path, device and inode) of the inputs, to check many outputs against at once. */
async function inputIdentities(inputs: readonly string[]): Promise<{ paths: Set<string>; inodes: Set<string> }> {
  const paths = new Set(inputs.map((f) => path.resolve(f)));
  const inodes = new Set<string>();
  for (const input of inputs) {
    const info = await stat(nativePath(input)).catch(() => undefined);
    if (info) inodes.add(`${info.dev}:${info.ino}`);
  }
  return { paths, inodes };
}

/** The first 4 KB of a file. */
async function headOf(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buf = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Write several files into one folder (a site) as one step, all or nothing: the folder is created;
 * every target is checked first (not an input, not a folder or device, and — with `replaceable` — not a
 * file zwgk did not write, unless `force`: then nothing is written and output-not-ours names them); every
 * file is written to a temporary name beside its place; only when all are on disk are they renamed into
 * place, each file they replace kept aside until the last rename succeeded and put back if one fails or
 * Ctrl-C comes. `files` maps plain file names (no folders) to their content; other files in the folder are
 * kept. Linear in the number of files. Returns the names of stale temporary files of earlier, killed
 * runs that were cleaned from the folder.
 */
export async function writeFiles(dir: string, files: ReadonlyMap<string, string | Uint8Array | (() => OutputData)>, inputs: readonly string[] = [], options: WriteFilesOptions = {}): Promise<string[]> {
  for (const name of files.keys()) {
    // The names come from our own renderers; a separator or .. would be our bug, never written.
    if (!name || /[\\/]/.test(name) || name === '.' || name === '..') throw new Error(`bad output file name: ${name}`);
  }
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new ZwgkError('output-failed', { file: dir }, { output: dir, detail: '这是一个已存在的文件，不是文件夹。请在 -o 中给出一个文件夹' });
  }
  const ids = await inputIdentities(inputs);
  const targets: [string, string | Uint8Array | (() => OutputData), string][] = [];
  const notOurs: string[] = [];
  let current = dir;
  // Each file's target looked at several at a time (a site of 2 600 pages one by one waited a second
  // for its stats), then judged in order: the first file in order that cannot be written is the one named.
  const entries = [...files];
  const looked = await inBatches(entries, async ([name]) => {
    const target = await outputTarget(path.join(dir, name));
    const info = await stat(target).catch(() => undefined);
    const head = info && options.replaceable && !options.force ? await headOf(target) : undefined;
    return { target, info, head };
  });
  try {
    for (const [k, [name, data]] of entries.entries()) {
      current = path.join(dir, name);
      const seen = looked[k]!;
      if (seen.status === 'rejected') throw seen.reason;
      const { target, info, head } = seen.value;
      const input = [...new Set([current, target])].find((p) => ids.paths.has(path.resolve(p)));
      if (input !== undefined || (info && ids.inodes.has(`${info.dev}:${info.ino}`))) {
        throw new ZwgkError('output-is-input', { file: input ?? target }, { output: current });
      }
      if (head && !options.replaceable!(name, head)) notOurs.push(name);
      targets.push([name, data, target]);
    }
  } catch (cause) {
    if (cause instanceof ZwgkError) throw cause;
    const detail = cause instanceof Refused ? cause.detail : failureDetail(cause as NodeJS.ErrnoException, current);
    throw new ZwgkError('output-failed', { file: current }, { output: current, detail }, { cause });
  }
  if (notOurs.length) {
    const names = notOurs.slice(0, 5).map((n) => `“${n}”`).join('、') + (notOurs.length > 5 ? ` 等 ${notOurs.length} 个文件` : '');
    throw new ZwgkError('output-not-ours', { file: dir }, { dir, names });
  }

  const written: [string, string][] = [];
  /** Renamed into place: the target, and where the file it replaced was put aside (if there was one). */
  const placed: { target: string; aside?: string }[] = [];
  const asides = new Set<string>();
  // Ctrl-C or SIGTERM while files are being renamed: the folder is put back as it was.
  const undo = (): void => {
    for (const p of placed.reverse()) {
      try {
        if (p.aside) renameSync(p.aside, p.target);
        else unlinkSync(p.target);
      } catch {
        // the rest must still be put back
      }
    }
    for (const a of asides) rmSync(a, { force: true });
  };
  let stale: string[] = [];
  try {
    await mkdir(dir, { recursive: true });
    stale = await cleanStaleTemporaries(dir);
    // Several at a time: each waits for its flush to disk, and a site of 2 000 pages one by one mostly waits.
    // Pages made as they are written (a large catalog's, renderSitePages) are made one at a time after the
    // rest, so that one is held at once.
    const order = [...targets.filter(([, d]) => typeof d !== 'function'), ...targets.filter(([, d]) => typeof d === 'function')];
    const eager = order.findIndex(([, d]) => typeof d === 'function');
    let k = 0;
    const worker = async (until: number): Promise<void> => {
      while (k < until) {
        const entry = order[k++]!;
        const [, given, target] = entry;
        current = target;
        const data = typeof given === 'function' ? given() : given;
        entry[1] = '';
        const tmp = await writeTemporary(path.dirname(target), path.basename(target), data);
        written.push([tmp, target]);
      }
    };
    const first = eager < 0 ? order.length : eager;
    const results = await Promise.allSettled(Array.from({ length: Math.min(8, first) }, () => worker(first)));
    if (!results.some((r) => r.status === 'rejected') && first < order.length) results.push(...(await Promise.allSettled([worker(order.length)])));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    ON_INTERRUPT.add(undo);
    // Renamed into place several at a time (each target is a file of its own); every rename of a batch has
    // ended before the next batch, or the undo, begins.
    const renamed = await inBatches(written, async ([tmp, target]) => {
      const entry: { target: string; aside?: string } = { target };
      if (await lstat(target).then(() => true, () => false)) {
        const aside = temporaryPath(path.dirname(target), path.basename(target));
        asides.add(aside);
        await rename(target, aside);
        entry.aside = aside;
      }
      placed.push(entry);
      await renameTemporary(tmp, target);
    }, true);
    const failed = renamed.findIndex((r) => r.status === 'rejected');
    if (failed >= 0) {
      current = written[failed]![1];
      throw (renamed[failed] as PromiseRejectedResult).reason;
    }
  } catch (cause) {
    ON_INTERRUPT.delete(undo);
    // Put back what was replaced, in reverse order, and remove every temporary file.
    for (const p of placed.reverse()) {
      if (p.aside) await rename(p.aside, p.target).catch(() => undefined);
      else await unlink(p.target).catch(() => undefined);
    }
    for (const [tmp] of written) await removeTemporary(tmp);
    const detail = cause instanceof Refused ? cause.detail : failureDetail(cause as NodeJS.ErrnoException, current);
    throw new ZwgkError('output-failed', { file: current }, { output: current, detail }, { cause });
  }
  ON_INTERRUPT.delete(undo);
  for (const a of asides) await unlink(a).catch(() => undefined);
  return stale;
}

/** Files looked at or renamed at once. */
const BATCH = 32;

/**
 * `work` on every item, BATCH at a time, each batch settled before the next begins; the outcomes in order.
 * With `stopOnFailure`, no batch begins after one in which something failed (its outcomes are missing).
 */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>, stopOnFailure = false): Promise<PromiseSettledResult<R>[]> {
  const out: PromiseSettledResult<R>[] = [];
  for (let at = 0; at < items.length; at += BATCH) {
    const batch = await Promise.allSettled(items.slice(at, at + BATCH).map(work));
    out.push(...batch);
    if (stopOnFailure && batch.some((r) => r.status === 'rejected')) break;
  }
  return out;
}
