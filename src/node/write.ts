// The module that writes a file (and, in write-files.ts, a folder of them): atomically (temporary file + rename), never onto an input, only
// regular files (never onto a device, a FIFO or a socket: a rename would replace /dev/stdout itself), and
// nothing left behind — temporary files are removed on failure, on Ctrl-C and SIGTERM (cleanupOnSignals),
// and ones an earlier run could not remove (killed) are cleaned from the output folder on the next write.
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ZwgkError } from '../findings/finding.js';
import { nativePath } from './read-file.js';
import { PENDING, TEMP_NAME } from './temporaries.js';

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
export function failureDetail(err: NodeJS.ErrnoException, output: string): string {
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
export class Refused extends Error {
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
export async function outputTarget(output: string): Promise<string> {
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
export function temporaryPath(dir: string, base: string): string {
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
export async function writeTemporary(dir: string, name: string, data: OutputData): Promise<string> {
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

export async function removeTemporary(tmp: string): Promise<void> {
  await unlink(tmp).catch(() => undefined);
  PENDING.delete(tmp);
}

export async function renameTemporary(tmp: string, target: string): Promise<void> {
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

/** True when a file or folder exists at the path. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(nativePath(file));
    return true;
  } catch {
    return false;
  }
}
