// The one module that writes files: atomically (temporary file + rename), never onto an input, only
// regular files (never onto a device, a FIFO or a socket: a rename would replace /dev/stdout itself), and
// nothing left behind — temporary files are removed on failure, on Ctrl-C and SIGTERM (cleanupOnSignals),
// and ones an earlier run could not remove (killed) are cleaned from the output folder on the next write.
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { renameSync, rmSync, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ZwgkError } from '../findings/finding.js';
import { nativePath } from './read-file.js';
import { ON_INTERRUPT, PENDING, TEMP_NAME } from './temporaries.js';

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(nativePath(b))]);
    // Same inode catches links and differently spelled paths to one file.
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    try {
      return (await realpath(path.dirname(path.resolve(a)))) === (await realpath(path.dirname(path.resolve(b)))) &&
        path.basename(a) === path.basename(b);
    } catch {
      return false;
    }
  }
}

/** Refuse an output path that is one of the inputs (exit 2, input untouched). */
export async function assertNotInput(output: string, inputs: readonly string[]): Promise<void> {
  for (const input of inputs) {
    if (await sameFile(output, input)) throw new ZwgkError('output-is-input', { file: input }, { output });
  }
}

/** The Chinese reason for a failed write, from the system error code. */
function failureDetail(err: NodeJS.ErrnoException, output: string): string {
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限（文件夹可能是只读的，或文件正在 Excel/WPS 中打开，请先关闭）';
    case 'EISDIR':
      return '这是一个已存在的文件夹，请在 -o 中给出文件名';
    case 'ENOTDIR':
    case 'EEXIST':
      return `路径“${path.dirname(output)}”中有一段是文件而不是文件夹`;
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    case 'EROFS':
      return '所在的磁盘或文件夹是只读的';
    case 'ENAMETOOLONG':
      return '文件名或路径过长';
    case 'ELOOP':
      return '路径中的快捷方式（符号链接）循环指向自身';
    case 'EBUSY':
    case 'ETXTBSY':
      return '文件正被其他程序占用，请关闭后重试';
    default:
      return `系统错误 ${err.code ?? ''}（${err.message}）`.replace('  ', ' ');
  }
}

/** A refusal (not a system error): the detail is already Chinese. */
class Refused extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** What an existing path that is no regular file or folder is; undefined for those. */
function specialKind(info: Stats): string | undefined {
  if (info.isFIFO()) return '管道（FIFO）';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '设备文件';
  if (info.isSocket()) return '套接字（socket）';
  return undefined;
}

/**
 * Where an output is really written: the path itself, or the file a symbolic link points to (the link
 * stays). A device, FIFO or socket — directly or through a link such as /dev/stdout — is refused.
 */
async function outputTarget(output: string): Promise<string> {
  const link = await lstat(output).catch(() => undefined);
  if (!link) return output;
  // Through a link (/dev/stdout → /proc/self/fd/1 → a pipe or a terminal): what it finally is.
  const info = link.isSymbolicLink() ? await stat(output).catch(() => undefined) : link;
  if (!info) throw new Refused('这是一个指向不存在位置的快捷方式（符号链接），请在 -o 中给出普通的文件名');
  const kind = specialKind(info);
  if (kind) throw new Refused(`这是一个${kind}，不是普通文件；zwgk 只写出普通文件，请在 -o 中给出文件名（输出到屏幕请用 -o -）`);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!link.isSymbolicLink()) return output;
  try {
    return await realpath(output);
  } catch {
    throw new Refused('无法确定这个快捷方式（符号链接）指向的文件，请在 -o 中给出普通的文件名');
  }
}

/** A hidden temporary name beside the output; the output's name is shortened to stay under NAME_MAX. */
function temporaryPath(dir: string, base: string): string {
  let short = base;
  while (Buffer.byteLength(short) > 160) short = short.slice(0, -1);
  return path.join(dir, `.${short}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Characters of a text output encoded and written at a time. */
const TEXT_PIECE = 1 << 22;

/**
 * Write bytes, or a text as UTF-8 in pieces: a page of 100 000 items is a string of some 200 million
 * characters, and writeFile would first encode all of it into one more buffer of that size. A piece never
 * ends between the two halves of a surrogate pair (each half alone would be written as U+FFFD).
 */
/** What can be written: text, bytes, or pieces of either (a large page made as it is written, render/html.ts; a
 * workbook's bytes as its writer made them). */
export type OutputData = string | Uint8Array | Iterable<string | Uint8Array>;

async function writeAll(handle: FileHandle, data: OutputData): Promise<void> {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    // Each piece is encoded and written before the next is made: the whole is never held.
    for (const piece of data) await writeAll(handle, piece);
    return;
  }
  if (typeof data !== 'string' || data.length <= TEXT_PIECE) {
    await handle.writeFile(data);
    return;
  }
  for (let at = 0; at < data.length; ) {
    let end = Math.min(data.length, at + TEXT_PIECE);
    const last = data.charCodeAt(end - 1);
    if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--;
    const piece = Buffer.from(data.slice(at, end), 'utf8');
    for (let done = 0; done < piece.length; ) done += (await handle.write(piece, done, piece.length - done)).bytesWritten;
    at = end;
  }
}

/** Write data to a new hidden temporary file in `dir` and flush it to disk; returns its path. */
async function writeTemporary(dir: string, name: string, data: OutputData): Promise<string> {
  const tmp = temporaryPath(dir, name);
  // Known before it exists: a signal arriving during the write still finds it.
  PENDING.add(tmp);
  let handle;
  try {
    handle = await open(tmp, 'wx');
  } catch (err) {
    PENDING.delete(tmp);
    throw err;
  }
  try {
    await writeAll(handle, data);
    // On disk before the rename, so that a crash cannot leave an empty file under the final name.
    await handle.datasync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await removeTemporary(tmp);
    throw err;
  }
  await handle.close();
  return tmp;
}

async function removeTemporary(tmp: string): Promise<void> {
  await unlink(tmp).catch(() => undefined);
  PENDING.delete(tmp);
}

async function renameTemporary(tmp: string, target: string): Promise<void> {
  await rename(tmp, target);
  PENDING.delete(tmp);
}

/** Whether a process of this id still runs (a signal 0 probes without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files an earlier run of zwgk left in `dir` when it was killed before it could
 * (its process is gone); returns their names. Files of a run still going are left alone.
 */
export async function cleanStaleTemporaries(dir: string): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    const file = path.join(dir, name);
    if ((await lstat(file).catch(() => undefined))?.isFile() !== true) continue;
    if (await unlink(file).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}

/**
 * Write data to `output` atomically: the folder is created, a failed run leaves no partial file.
 * Returns the names of stale temporary files of earlier, killed runs that were cleaned from its folder.
 */
export async function writeOutput(output: string, data: OutputData, inputs: readonly string[] = []): Promise<string[]> {
  if (/[\\/]$/.test(output)) {
    throw new ZwgkError('output-failed', { file: output }, { output, detail: '路径以“/”结尾，是文件夹而不是文件名，请在 -o 中给出文件名' });
  }
  await assertNotInput(output, inputs);
  let tmp: string | undefined;
  let stale: string[] = [];
  try {
    // An existing folder, device, FIFO or socket at the output path would only fail (or be replaced) at rename.
    const target = await outputTarget(output);
    if (target !== output) await assertNotInput(target, inputs);
    const dir = path.dirname(path.resolve(target));
    await mkdir(dir, { recursive: true });
    stale = await cleanStaleTemporaries(dir);
    tmp = await writeTemporary(dir, path.basename(target), data);
    await renameTemporary(tmp, target);
  } catch (cause) {
    if (tmp) await removeTemporary(tmp);
    const detail = cause instanceof Refused ? cause.detail : failureDetail(cause as NodeJS.ErrnoException, output);
    throw new ZwgkError('output-failed', { file: output }, { output, detail }, { cause });
  }
  return stale;
}

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
  try {
    for (const [name, data] of files) {
      current = path.join(dir, name);
      const target = await outputTarget(current);
      const info = await stat(target).catch(() => undefined);
      const input = [...new Set([current, target])].find((p) => ids.paths.has(path.resolve(p)));
      if (input !== undefined || (info && ids.inodes.has(`${info.dev}:${info.ino}`))) {
        throw new ZwgkError('output-is-input', { file: input ?? target }, { output: current });
      }
      if (info && options.replaceable && !options.force && !options.replaceable(name, await headOf(target))) notOurs.push(name);
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
    for (const [tmp, target] of written) {
      current = target;
      const entry: { target: string; aside?: string } = { target };
      if (await lstat(target).then(() => true, () => false)) {
        const aside = temporaryPath(path.dirname(target), path.basename(target));
        asides.add(aside);
        await rename(target, aside);
        entry.aside = aside;
      }
      placed.push(entry);
      await renameTemporary(tmp, target);
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

/** True when a file or folder exists at the path. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(nativePath(file));
    return true;
  } catch {
    return false;
  }
}
