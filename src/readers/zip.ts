// Zip-level access to an .xlsx: is it a zip at all, is it an encrypted OLE2 file or an old .xls in
// disguise, are the declared sizes sane (zip bombs are refused before anything is inflated), which
// part holds which sheet; then the small parts cells depend on (shared strings, number formats, the
// 1904 flag) are read first, whatever their order in the zip, and each sheet part is streamed once
// through the scanner in xlsx-scan.ts, which yields its cells and its merged ranges together.
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ZIP_LIMITS } from '../settings.js';
import { ZwgkError } from '../report/finding.js';
import { PartDataError, SharedStringsScanner, decodeChunks, WorksheetScanner, parseDateStyles, type CellContext, type SheetScan } from './xlsx-scan.js';

export { columnNumber, type MergeRange, type SheetScan } from './xlsx-scan.js';

export interface SheetPart {
  name: string;
  /** Zip path of the part, e.g. xl/worksheets/sheet1.xml; '' when the relationship points nowhere. */
  part: string;
  /** worksheet, chartsheet, dialogsheet … (from the relationship type). */
  kind: string;
  /** Hidden in the workbook (state="hidden" or "veryHidden"), e.g. a sheet holding drop-down lists. */
  hidden: boolean;
}

export interface OpenWorkbook {
  /** Sheets in workbook order. */
  sheets: SheetPart[];
  /** Stream one worksheet part through the scanner (throws not-a-workbook when it is damaged). */
  scanSheet(sheet: SheetPart): Promise<SheetScan>;
  close(): void;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
/** Small XML parts (workbook.xml, its rels) are read whole; anything larger is not a real workbook part. */
const MAX_SMALL_PART = 16 * 1024 * 1024;

function notWorkbook(file: string, detail: string, cause?: unknown): ZwgkError {
  return new ZwgkError('not-a-workbook', { file }, { file, detail }, cause === undefined ? undefined : { cause });
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

/** Say in a few words what a file that is not a zip looks like. */
function sniffDetail(head: Buffer): string {
  if (head.length === 0) return '文件是空的';
  const ascii = head.subarray(0, 8).toString('latin1');
  if (ascii.startsWith('%PDF')) return '文件内容是 PDF 文档，只是扩展名为 .xlsx';
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*</.test(text)) return '文件内容是网页或 XML 文本（部分系统导出的“Excel”实为网页），不是 .xlsx 工作簿';
  if (!text.includes('\uFFFD') && !/[\x00-\x08\x0E-\x1F]/.test(text)) {
    return '文件内容是纯文本（可能是 CSV 或文本文件改了扩展名）';
  }
  // GBK text is not valid UTF-8 but has no control bytes either.
  if (!/[\x00-\x08\x0E-\x1F]/.test(head.toString('latin1'))) return '文件内容是纯文本（可能是 GBK 编码的 CSV 或文本文件改了扩展名）';
  return '文件不是 zip 压缩格式，可能已损坏或不是 Excel 文件';
}

async function readHead(file: string, bytes: number): Promise<{ head: Buffer; size: number }> {
  let handle;
  try {
    handle = await openFile(file, 'r');
    const size = (await handle.stat()).size;
    const buf = Buffer.alloc(Math.min(bytes, size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return { head: buf.subarray(0, bytesRead), size };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ZwgkError('file-not-found', { file }, { file }, { cause });
    throw new ZwgkError('file-unreadable', { file }, { file, detail: String(code ?? cause) }, { cause });
  } finally {
    await handle?.close();
  }
}

/** Search a whole file for a byte pattern, chunk by chunk. */
async function fileContains(file: string, pattern: Buffer): Promise<boolean> {
  const handle = await openFile(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    let carry = Buffer.alloc(0);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) return false;
      pos += bytesRead;
      const window = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      if (window.includes(pattern)) return true;
      carry = window.subarray(Math.max(0, window.length - pattern.length + 1));
    }
  } finally {
    await handle.close();
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    );
  });
}

/** Every entry of an opened zip, in central directory order. */
export function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      list.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(list));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream)));
  });
}

/** workbook.xml, its relationships and styles are read whole; a DTD in them is refused like anywhere else. */
async function readSmallPart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  if (entry.uncompressedSize > MAX_SMALL_PART) throw new PartDataError(`${entry.fileName} 过大`);
  let text = '';
  for await (const piece of decodeChunks(await openEntry(zip, entry))) text += piece;
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new PartDataError(`${entry.fileName} 含有 DTD 或实体声明（<!DOCTYPE>/<!ENTITY>），出于安全考虑不予读取`);
  return text;
}

function xmlDecode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlDecode(m[1] ?? m[2] ?? '') : undefined;
}

/** A relationship target as a zip path ("xl/../x" and absolute targets resolved). */
function partPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const segs: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') segs.pop();
    else if (s !== '.') segs.push(s);
  }
  return segs.join('/');
}

interface WorkbookList {
  sheets: SheetPart[];
  /** Parts by relationship type (styles, sharedStrings …). */
  related: Map<string, string>;
  date1904: boolean;
}

/** Sheets in workbook order, with their part paths, from xl/workbook.xml and its relationships. */
function parseWorkbook(workbookXml: string, relsXml: string): WorkbookList {
  const rels = new Map<string, { target: string; type: string }>();
  const related = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, 'Id');
    const rel = { target: attr(m[1]!, 'Target') ?? '', type: attr(m[1]!, 'Type') ?? '' };
    if (id) rels.set(id, rel);
    const type = /\/(\w+)$/.exec(rel.type)?.[1];
    if (type && rel.target && !related.has(type)) related.set(type, partPath(rel.target));
  }
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s([^>]*)>/g)) {
    const name = attr(m[1]!, 'name') ?? '';
    const rid = attr(m[1]!, 'r:id') ?? attr(m[1]!, '\\w+:id');
    const rel = rid ? rels.get(rid) : undefined;
    const part = rel && rel.target ? partPath(rel.target) : '';
    const kind = rel ? (/\/(\w+)$/.exec(rel.type)?.[1] ?? 'worksheet') : 'worksheet';
    const state = attr(m[1]!, 'state');
    sheets.push({ name, part, kind, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const flag = pr ? attr(pr[1]!, 'date1904') : undefined;
  return { sheets, related, date1904: flag === '1' || flag === 'true' };
}

/**
 * Check a file at the zip level and read what every sheet's cells depend on; sheets are then
 * scanned one at a time with `scanSheet`. Throws ZwgkError: not-a-workbook, workbook-encrypted,
 * workbook-too-large. The caller closes the workbook.
 */
export async function openWorkbook(file: string): Promise<OpenWorkbook> {
  const { head, size } = await readHead(file, 4096);
  if (head.length >= 8 && head.subarray(0, 8).equals(OLE_MAGIC)) {
    let encrypted = false;
    try {
      encrypted = await fileContains(file, ENCRYPTION_INFO);
    } catch (cause) {
      throw new ZwgkError('file-unreadable', { file }, { file, detail: String(cause) }, { cause });
    }
    if (encrypted) throw new ZwgkError('workbook-encrypted', { file }, { file });
    throw notWorkbook(file, '文件看起来是旧版 Excel 97-2003 工作簿（.xls），只是扩展名改成了 .xlsx');
  }
  if (size === 0 || head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) throw notWorkbook(file, sniffDetail(head));

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (cause) {
    throw notWorkbook(file, '文件已损坏或不完整（无法读取压缩目录），可能是下载或拷贝时中断', cause);
  }
  // The zip stays open for the sheet scans once the checks have passed.
  let owned = true;
  try {
    let entries: yauzl.Entry[];
    try {
      entries = await listEntries(zip);
    } catch (cause) {
      throw notWorkbook(file, '文件已损坏（压缩目录有误）', cause);
    }
    let total = 0;
    for (const e of entries) {
      if (e.isEncrypted()) throw new ZwgkError('workbook-encrypted', { file }, { file });
      const limit = ZIP_LIMITS.maxEntryBytes;
      if (e.uncompressedSize > limit) {
        throw new ZwgkError('workbook-too-large', { file }, { file, part: e.fileName, size: formatBytes(e.uncompressedSize), limit: formatBytes(limit) });
      }
      if (e.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && e.uncompressedSize > ZIP_LIMITS.maxRatio * Math.max(1, e.compressedSize)) {
        throw new ZwgkError('workbook-too-large', { file }, {
          file,
          part: e.fileName,
          size: formatBytes(e.uncompressedSize),
          limit: `压缩前的 ${ZIP_LIMITS.maxRatio} 倍`,
        });
      }
      total += e.uncompressedSize;
      if (total > ZIP_LIMITS.maxTotalBytes) {
        throw new ZwgkError('workbook-too-large', { file }, { file, part: '全部内容', size: formatBytes(total), limit: formatBytes(ZIP_LIMITS.maxTotalBytes) });
      }
    }
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const workbookEntry = byName.get('xl/workbook.xml');
    if (!workbookEntry) {
      const detail = byName.has('word/document.xml')
        ? '这是 Word 文档（.docx），不是 Excel 工作簿'
        : byName.has('ppt/presentation.xml')
          ? '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿'
          : byName.has('content.xml')
            ? '这是 OpenDocument 文件（如 .ods），只是扩展名为 .xlsx'
            : '压缩包中没有 xl/workbook.xml，不是 Excel 工作簿';
      throw notWorkbook(file, detail);
    }
    let list: WorkbookList;
    try {
      const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
      const workbookXml = await readSmallPart(zip, workbookEntry);
      const relsXml = relsEntry ? await readSmallPart(zip, relsEntry) : '';
      list = parseWorkbook(workbookXml, relsXml);
    } catch (cause) {
      const why = cause instanceof PartDataError ? `：${cause.detail}` : '';
      throw notWorkbook(file, `工作簿目录（xl/workbook.xml）已损坏${why}`, cause);
    }
    for (const sheet of list.sheets) if (sheet.part && !byName.has(sheet.part)) sheet.part = '';

    // Number formats and shared strings come before any sheet, wherever they sit in the zip.
    const context: CellContext = { dateStyles: [], date1904: list.date1904 };
    const stylesPart = list.related.get('styles') ?? 'xl/styles.xml';
    const stylesEntry = byName.get(stylesPart);
    if (stylesEntry) {
      try {
        context.dateStyles = parseDateStyles(await readSmallPart(zip, stylesEntry));
      } catch (cause) {
        const why = cause instanceof PartDataError ? cause.detail : `${stylesPart} 无法解压`;
        throw notWorkbook(file, `样式表无法读取：${why}`, cause);
      }
    }
    const stringsPart = list.related.get('sharedStrings') ?? 'xl/sharedStrings.xml';
    const stringsEntry = byName.get(stringsPart);
    if (stringsEntry) {
      const scanner = new SharedStringsScanner(stringsPart);
      try {
        for await (const text of decodeChunks(await openEntry(zip, stringsEntry))) scanner.push(text);
        scanner.finish();
      } catch (cause) {
        const why = cause instanceof PartDataError ? cause.detail : `${stringsPart} 无法解压`;
        throw notWorkbook(file, `共享字符串表无法读取：${why}`, cause);
      }
      context.sharedStrings = scanner.strings;
    } else if (list.related.has('sharedStrings')) {
      context.sharedStringsMissing = true;
    }

    const scanSheet = async (sheet: SheetPart): Promise<SheetScan> => {
      const entry = byName.get(sheet.part);
      if (!entry) throw notWorkbook(file, `工作表“${sheet.name}”的数据不存在（${sheet.part}）`);
      const scanner = new WorksheetScanner(sheet.part, context);
      try {
        for await (const text of decodeChunks(await openEntry(zip, entry))) scanner.push(text);
        return scanner.result();
      } catch (cause) {
        if (cause instanceof PartDataError) throw notWorkbook(file, `工作表“${sheet.name}”无法读取：${cause.detail}`, cause);
        throw notWorkbook(file, `工作表“${sheet.name}”的数据已损坏（${sheet.part} 无法解压）`, cause);
      }
    };
    owned = false;
    return { sheets: list.sheets, scanSheet, close: () => zip.close() };
  } finally {
    if (owned) zip.close();
  }
}
