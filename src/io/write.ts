// The one module that writes files: atomically (temporary file + rename), never onto an input.
import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
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

/** Write data to `output` atomically: the folder is created, a failed run leaves no partial file. */
export async function writeOutput(output: string, data: string | Uint8Array, inputs: readonly string[] = []): Promise<void> {
  await assertNotInput(output, inputs);
  const dir = path.dirname(path.resolve(output));
  const tmp = path.join(dir, `.${path.basename(output)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, output);
  } catch (cause) {
    await unlink(tmp).catch(() => undefined);
    const err = cause as NodeJS.ErrnoException;
    const detail =
      err.code === 'EACCES' || err.code === 'EPERM'
        ? '没有写入权限（文件可能正在 Excel/WPS 中打开，请先关闭）'
        : err.code === 'EISDIR'
          ? '这是一个文件夹'
          : err.code === 'ENOSPC'
            ? '磁盘空间不足'
            : err.message;
    throw new ZwgkError('output-failed', { file: output }, { output, detail }, { cause });
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
