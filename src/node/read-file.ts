// Reading catalog files from disk for the CLI: the file system checks and LibreOffice conversion live
// here (.xls/.et/.ods become .xlsx, .doc/.wps become .docx); the bytes then go to the platform-neutral readers (src/formats), which the browser app uses too.
// Only regular files are read (a FIFO would block, /dev/zero never ends), never more than INPUT_LIMITS,
// and every system error is said in Chinese with what to do. File names that are not UTF-8 (GBK names
// unpacked from a zip made on Windows) are opened by their bytes.
import { open, readdir, stat } from 'node:fs/promises';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Doc } from '../model/list.js';
import { detectFormat, readCatalogBytes } from '../formats/index.js';
import type { ReadOptions } from '../formats/types.js';
import { formatBytes, ZwgkError } from '../findings/finding.js';
import { INPUT_LIMITS } from '../settings/limits.js';
// Node's zlib for the zip layer: parts inflated as they are read, a workbook's parts deflated as written.
import './zlib.js';
import { noteInput } from './heap.js';

/** File names as shown (GBK decoded) → their bytes on disk, for names that are not UTF-8. */
const NATIVE = new Map<string, Buffer>();

/** The path to hand the file system for a file name: its bytes when the name was not UTF-8. */
export function nativePath(file: string): string | Buffer {
  return NATIVE.get(file) ?? file;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GBK = new TextDecoder('gbk');

/**
 * A name of a folder entry as it is shown and used: UTF-8 as it is; another encoding (the system's, GBK
 * on Chinese Windows) decoded as GBK and remembered, so the file opens by its bytes.
 */
export function entryName(dir: string, raw: Buffer): string {
  try {
    return UTF8.decode(raw);
  } catch {
    const shown = GBK.decode(raw);
    NATIVE.set(path.join(dir, shown), Buffer.concat([Buffer.from(dir === '' ? '' : `${dir}${path.sep}`), raw]));
    return shown;
  }
}

/** The entries of a folder, names decoded as entryName does. */
export async function folderEntries(dir: string): Promise<string[]> {
  const raw = (await readdir(nativePath(dir) as string, { encoding: 'buffer' })) as unknown as Buffer[];
  return raw.map((b) => entryName(dir, b));
}

/**
 * A name typed on a command line whose bytes were not UTF-8 reaches us with U+FFFD where they were: the
 * file in that folder whose name reads the same that way is the one meant (when there is exactly one).
 */
async function findByLossyName(file: string): Promise<boolean> {
  if (!file.includes('\uFFFD')) return false;
  const dir = path.dirname(file);
  const base = path.basename(file);
  let raw: Buffer[];
  try {
    raw = (await readdir(nativePath(dir) as string, { encoding: 'buffer' })) as unknown as Buffer[];
  } catch {
    return false;
  }
  const hits = raw.filter((b) => b.toString('utf8') === base);
  if (hits.length !== 1) return false;
  NATIVE.set(file, Buffer.concat([Buffer.from(`${dir}${path.sep}`), hits[0]!]));
  return true;
}

/** What a system error code means for reading a file, in Chinese, with what to do. */
export function readErrorDetail(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限（EACCES）。请检查文件和所在文件夹的权限，或把文件复制到自己的文件夹后再试';
    case 'ELOOP':
      return '路径中的快捷方式（符号链接）循环指向自身（ELOOP）。请检查这个链接指向哪里，直接给出文件本身的路径';
    case 'ENAMETOOLONG':
      return '文件名或路径过长（ENAMETOOLONG）。请把文件改个短一些的名字，或移到路径较短的文件夹后再试';
    case 'EIO':
      return '读取时磁盘或网络盘出错（EIO）。请把文件复制到本机磁盘后再试';
    case 'EBUSY':
      return '文件正被其他程序占用（EBUSY）。请关闭占用它的程序后再试';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多（EMFILE）。请关闭一些程序后再试';
    default:
      return `系统错误 ${code ?? '（未知）'}。请确认文件可以正常打开后再试`;
  }
}

/** What a file that is not a regular file is, in Chinese. */
function kindOf(info: Stats): string | undefined {
  if (info.isFIFO()) return '这是一个管道（FIFO），不是保存在磁盘上的文件';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '这是一个设备文件（如 /dev/zero），不是保存在磁盘上的文件';
  if (info.isSocket()) return '这是一个套接字（socket），不是保存在磁盘上的文件';
  if (!info.isFile()) return '这不是普通文件';
  return undefined;
}

/**
 * Check that an input can be read: it exists (file-not-found), is a file (file-is-directory) and a
 * regular one, not too large (file-too-large), and the system lets us (file-unreadable with the reason).
 * Returns its size.
 */
export async function checkInput(file: string): Promise<number> {
  let info: Stats;
  try {
    info = await stat(nativePath(file));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && (await findByLossyName(file))) return checkInput(file);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ZwgkError('file-not-found', { file }, { file }, { cause });
    throw new ZwgkError('file-unreadable', { file }, { file, detail: readErrorDetail(code) }, { cause });
  }
  if (info.isDirectory()) throw new ZwgkError('file-is-directory', { file }, { file });
  const kind = kindOf(info);
  if (kind) throw new ZwgkError('file-unreadable', { file }, { file, detail: `${kind}。请指定保存在磁盘上的目录文件（.xlsx 或 .yaml）` });
  if (info.size > INPUT_LIMITS.maxFileBytes) {
    throw new ZwgkError('file-too-large', { file }, { file, size: formatBytes(info.size), limit: formatBytes(INPUT_LIMITS.maxFileBytes) });
  }
  return info.size;
}

/** A file's bytes, or a ZwgkError (exit 2) that says in Chinese why it cannot be read. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  // A small regular file in one go on this thread (a site or roll-up of 2 600 catalogs: the five hand-offs
  // a file to libuv's threads cost the main thread 0.8 s); anything else checked, then read, as below.
  return readPlainSync(file, SMALL_FILE)?.bytes ?? readChecked(file, await checkInput(file));
}

/** The bytes of a file checkInput found to be `size` bytes long. */
async function readChecked(file: string, size: number): Promise<Uint8Array> {
  noteInput(size);
  try {
    const handle = await open(nativePath(file), 'r');
    try {
      // Read at most one byte past the limit: a file that grew after the check is still refused.
      const max = INPUT_LIMITS.maxFileBytes + 1;
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        // The first read is sized to the whole file (one byte more, to see its end in one read): a fresh 4 MB
        // buffer per read cost a small file ten times its parsing (2,600 files in a roll-up), and a large
        // file read in pieces and joined held it twice (a 51 MB workbook: 98 MB, kept by the allocator).
        // Only a file that grew after the check is read on in 4 MB pieces.
        const want = total === 0 ? Math.max(size + 1, 64 * 1024) : 4 * 1024 * 1024;
        const buf = Buffer.allocUnsafe(Math.min(max - total, want) || 1);
        const { bytesRead } = await handle.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        chunks.push(buf.subarray(0, bytesRead));
        total += bytesRead;
        if (total >= max) throw new ZwgkError('file-too-large', { file }, { file, size: `超过 ${formatBytes(INPUT_LIMITS.maxFileBytes)}`, limit: formatBytes(INPUT_LIMITS.maxFileBytes) });
      }
      return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    if (cause instanceof ZwgkError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ZwgkError('file-unreadable', { file }, { file, detail: readErrorDetail(code) }, { cause });
  }
}

/** Files up to this size are read by readPlainSync, in one go on the calling thread. */
const SMALL_FILE = 1024 * 1024;

/**
 * A regular file's bytes and last change, read without leaving this thread (four hand-offs to libuv's threads
 * per file cost more than reading it, and each wakes another thread on a busy machine: a roll-up or a site
 * of 2 600 small catalogs); undefined when anything is unusual — not a regular file, larger than `limit`,
 * growing, an error — and readInputFile then says why.
 */
export function readPlainSync(file: string, limit = INPUT_LIMITS.maxFileBytes): { bytes: Uint8Array; modified: Date } | undefined {
  let fd: number | undefined;
  try {
    const info = statSync(nativePath(file));
    if (!info.isFile() || info.size > limit) return undefined;
    fd = openSync(nativePath(file), 'r');
    // One byte more than the size: a file that grew since is left to readInputFile.
    const buf = Buffer.allocUnsafe(info.size + 1);
    let total = 0;
    for (let n; (n = readSync(fd, buf, total, buf.length - total, null)) > 0; ) {
      total += n;
      if (total === buf.length) return undefined;
    }
    return { bytes: buf.subarray(0, total), modified: info.mtime };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Read one catalog file of any supported type (its bytes, when the caller has them already); throws
 * ZwgkError (exit 2) when it cannot be read. */
export async function readCatalog(file: string, options: ReadOptions = {}, given?: Uint8Array): Promise<Doc> {
  const bytes = given ?? (await readInputFile(file));
  // What the bytes are decides (a “Word” .doc that is really a web page is read as the page, unconverted).
  const conversion = detectFormat(bytes, file)?.conversion;
  if (bytes.length > 0 && conversion) {
    const { convertFile } = await import('./soffice.js');
    return readCatalogBytes(await convertFile(file, conversion, bytes), file, { ...options, as: conversion.to });
  }
  return readCatalogBytes(bytes, file, options);
}
