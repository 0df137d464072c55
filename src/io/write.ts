// The one module that writes files: atomically (temporary file + rename), never onto an input.
import { randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ZwgkError } from '../report/finding.js';

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
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
    case 'EBUSY':
    case 'ETXTBSY':
      return '文件正被其他程序占用，请关闭后重试';
    default:
      return `系统错误 ${err.code ?? ''}（${err.message}）`.replace('  ', ' ');
  }
}

/** A hidden temporary name beside the output; the output's name is shortened to stay under NAME_MAX. */
function temporaryPath(dir: string, base: string): string {
  let short = base;
  while (Buffer.byteLength(short) > 160) short = short.slice(0, -1);
  return path.join(dir, `.${short}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Write data to a new hidden temporary file in `dir` and flush it to disk; returns its path. */
async function writeTemporary(dir: string, name: string, data: string | Uint8Array): Promise<string> {
  const tmp = temporaryPath(dir, name);
  const handle = await open(tmp, 'wx');
  try {
    await handle.writeFile(data);
    // On disk before the rename, so that a crash cannot leave an empty file under the final name.
    await handle.datasync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  return tmp;
}

/** Write data to `output` atomically: the folder is created, a failed run leaves no partial file. */
export async function writeOutput(output: string, data: string | Uint8Array, inputs: readonly string[] = []): Promise<void> {
  if (/[\\/]$/.test(output)) {
    throw new ZwgkError('output-failed', { file: output }, { output, detail: '路径以“/”结尾，是文件夹而不是文件名，请在 -o 中给出文件名' });
  }
  await assertNotInput(output, inputs);
  const dir = path.dirname(path.resolve(output));
  let tmp: string | undefined;
  try {
    await mkdir(dir, { recursive: true });
    // An existing folder at the output path would only fail at rename; say so before writing.
    const existing = await stat(output).catch(() => undefined);
    if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    tmp = await writeTemporary(dir, path.basename(output), data);
    await rename(tmp, output);
  } catch (cause) {
    if (tmp) await unlink(tmp).catch(() => undefined);
    throw new ZwgkError('output-failed', { file: output }, { output, detail: failureDetail(cause as NodeJS.ErrnoException, output) }, { cause });
  }
}

/**
 * Write several files into one folder (a site) as one step: the folder is created, every file is
 * first written to a temporary name beside its place, and only when all of them are on disk are they
 * renamed into place. A failure while writing (disk full, no permission) leaves the folder as it was.
 * `files` maps plain file names (no folders) to their content; other files in the folder are kept.
 */
export async function writeFiles(dir: string, files: ReadonlyMap<string, string | Uint8Array>, inputs: readonly string[] = []): Promise<void> {
  for (const name of files.keys()) {
    // The names come from our own renderers; a separator or .. would be our bug, never written.
    if (!name || /[\\/]/.test(name) || name === '.' || name === '..') throw new Error(`bad output file name: ${name}`);
  }
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new ZwgkError('output-failed', { file: dir }, { output: dir, detail: '这是一个已存在的文件，不是文件夹。请在 -o 中给出一个文件夹' });
  }
  for (const name of files.keys()) await assertNotInput(path.join(dir, name), inputs);
  const done: [string, string][] = [];
  let current = dir;
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, data] of files) {
      current = path.join(dir, name);
      if ((await stat(current).catch(() => undefined))?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      done.push([await writeTemporary(dir, name, data), current]);
    }
    for (const [tmp, target] of done.splice(0)) {
      current = target;
      await rename(tmp, target);
    }
  } catch (cause) {
    for (const [tmp] of done) await unlink(tmp).catch(() => undefined);
    throw new ZwgkError('output-failed', { file: current }, { output: current, detail: failureDetail(cause as NodeJS.ErrnoException, current) }, { cause });
  }
}

/** True when a file or folder exists at the path. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
