// An Office Open XML package (.xlsx, .docx) at the zip level, on bytes: the checks every reader makes
// before it inflates anything (encryption, each part's declared size and compression ratio, the total:
// zip bombs are refused from declared sizes), the OLE2 container that old binary files and encrypted
// OOXML files share, small parts read whole, relationship targets as zip paths, and what kind of Office
// file a zip's parts say it is. Which finding a problem becomes is the caller's choice.
import type { Code } from '../../findings/codes.js';
import { ZwgkError, formatBytes } from '../../findings/finding.js';
import { ZIP_LIMITS } from '../../settings/limits.js';
import { PartDataError, decodeChunks, decodeEntities } from './xml-scanner.js';
import { inflateEntry, looksLikeZip, readZipDirectory, ZipFormatError, type ZipEntry } from './zip.js';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Small XML parts (workbook.xml, its rels) are read whole; anything larger is not a real workbook part. */
const MAX_SMALL_PART = 16 * 1024 * 1024;

/** Whether `bytes` holds `pattern` anywhere. */
export function containsBytes(bytes: Uint8Array, pattern: readonly number[]): boolean {
  const first = pattern[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i + pattern.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[i + k] === pattern[k]) k++;
    if (k === pattern.length) return true;
  }
  return false;
}

/** Whether the bytes start as an OLE2 compound file (old .xls/.doc, or an encrypted OOXML file). */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML file keeps inside its OLE2 container. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);

/** Whether an OLE2 file is a password-protected Office Open XML file. */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  return containsBytes(bytes, ENCRYPTION_INFO);
}

/** The findings a package problem becomes, chosen by the reader (a workbook's words, or a document's). */
export interface PackageRefusals {
  /** The zip itself is damaged: `detail` says how. */
  damaged: (detail: string, cause?: unknown) => ZwgkError;
  /** A part is encrypted (workbook-encrypted, document-encrypted). */
  encrypted: Code;
}

/**
 * The entries of an Office zip after the checks every reader makes before inflating anything: encryption,
 * each part's size, its compression ratio and the total (zip bombs are refused from declared sizes).
 */
export function checkedEntries(bytes: Uint8Array, file: string, refuse: PackageRefusals): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (cause) {
    throw refuse.damaged(cause instanceof ZipFormatError ? cause.detail : '压缩目录有误', cause);
  }
  let total = 0;
  for (const e of entries) {
    if (e.encrypted) throw new ZwgkError(refuse.encrypted, { file }, { file });
    const limit = ZIP_LIMITS.maxEntryBytes;
    if (e.size > limit) {
      throw new ZwgkError('workbook-too-large', { file }, { file, part: e.name, size: formatBytes(e.size), limit: formatBytes(limit) });
    }
    if (e.size > ZIP_LIMITS.ratioFloorBytes && e.size > ZIP_LIMITS.maxRatio * Math.max(1, e.compressedSize)) {
      throw new ZwgkError('workbook-too-large', { file }, { file, part: e.name, size: formatBytes(e.size), limit: `压缩前的 ${ZIP_LIMITS.maxRatio} 倍` });
    }
    total += e.size;
    if (total > ZIP_LIMITS.maxTotalBytes) {
      throw new ZwgkError('workbook-too-large', { file }, { file, part: '全部内容', size: formatBytes(total), limit: formatBytes(ZIP_LIMITS.maxTotalBytes) });
    }
  }
  return entries;
}

/** workbook.xml, its relationships and styles are read whole; a DTD in them is refused like anywhere else. */
export async function readSmallPart(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  if (entry.size > MAX_SMALL_PART) throw new PartDataError(`${entry.name} 过大`);
  let text = '';
  try {
    for await (const piece of decodeChunks(inflateEntry(bytes, entry))) text += piece;
  } catch (cause) {
    if (cause instanceof ZipFormatError) throw new PartDataError(cause.detail);
    throw cause;
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new PartDataError(`${entry.name} 含有 DTD 或实体声明（<!DOCTYPE>/<!ENTITY>），出于安全考虑不予读取`);
  return text;
}

/** An attribute's value in a tag's text (entity-decoded). */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

/** A relationship target as a zip path ("xl/../x" and absolute targets resolved). */
export function partPath(target: string, base = 'xl'): string {
  const path = target.startsWith('/') ? target.slice(1) : `${base}/${target}`;
  const segs: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') segs.pop();
    else if (s !== '.') segs.push(s);
  }
  return segs.join('/');
}

/** An Office file kind a zip's parts show. */
export type PackageKind = 'docx' | 'xlsx' | 'pptx' | 'opendocument';

/** The kinds of Office file whose main part a zip holds, in this order: Word, Excel, PowerPoint, OpenDocument
 * (a reader refusing a file names the first that is not its own). */
export function packageKinds(names: ReadonlySet<string>): PackageKind[] {
  const kinds: PackageKind[] = [];
  if (names.has('word/document.xml')) kinds.push('docx');
  if (names.has('xl/workbook.xml')) kinds.push('xlsx');
  if (names.has('ppt/presentation.xml')) kinds.push('pptx');
  if (names.has('content.xml')) kinds.push('opendocument');
  return kinds;
}

/** The Office package kind bytes are (a zip whose directory names a main part), if they are one: for a
 * file named otherwise (a workbook saved as .html) to be read as what it is. Never throws. */
export function packageKindOf(bytes: Uint8Array): PackageKind | undefined {
  if (!looksLikeZip(bytes)) return undefined;
  try {
    return packageKinds(new Set(readZipDirectory(bytes).map((e) => e.name)))[0];
  } catch {
    return undefined;
  }
}
