// Zip-level inspection of an .xlsx before exceljs touches it: is it a zip at all, is it an encrypted
// OLE2 file or an old .xls in disguise, are the declared sizes sane (zip bombs are refused before
// anything is inflated), which part holds which sheet, and — because exceljs's streaming reader
// ignores <mergeCell> — every sheet's merged ranges and its last row that holds a value.
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ZIP_LIMITS } from '../settings.js';
import { ZwgkError } from '../report/finding.js';

/** A merged range, 1-based and inclusive; `text` is filled in when its top-left cell is read. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  text: string;
}

export interface SheetPart {
  name: string;
  /** Zip path of the part, e.g. xl/worksheets/sheet1.xml; '' when the relationship points nowhere. */
  part: string;
  /** worksheet, chartsheet, dialogsheet … (from the relationship type). */
  kind: string;
}

export interface SheetScan {
  merges: MergeRange[];
  /** The last row with a <v> or <is> element; 0 when the sheet holds no value at all. */
  lastValueRow: number;
}

export interface WorkbookInspection {
  /** Sheets in workbook order. */
  sheets: SheetPart[];
  /**
   * Scan results by part path, for the sheets that were asked for. The scans run in the background
   * (one after the other) so that they overlap exceljs's own reading; await them where needed.
   */
  scans: Map<string, Promise<SheetScan>>;
  /** Resolves when every scan has finished and the zip is closed (never rejects). */
  done: Promise<void>;
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

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
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

async function readSmallPart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  if (entry.uncompressedSize > MAX_SMALL_PART) throw new Error(`${entry.fileName} 过大`);
  const stream = await openEntry(zip, entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function xmlDecode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlDecode(m[1] ?? m[2] ?? '') : undefined;
}

/** Sheets in workbook order, with their part paths, from xl/workbook.xml and its relationships. */
function parseSheetList(workbookXml: string, relsXml: string): SheetPart[] {
  const rels = new Map<string, { target: string; type: string }>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, 'Id');
    if (id) rels.set(id, { target: attr(m[1]!, 'Target') ?? '', type: attr(m[1]!, 'Type') ?? '' });
  }
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s([^>]*)>/g)) {
    const name = attr(m[1]!, 'name') ?? '';
    const rid = attr(m[1]!, 'r:id') ?? attr(m[1]!, '\\w+:id');
    const rel = rid ? rels.get(rid) : undefined;
    let part = '';
    if (rel && rel.target) {
      part = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target}`;
      // Resolve "xl/../x" style targets.
      const segs: string[] = [];
      for (const s of part.split('/')) {
        if (s === '..') segs.pop();
        else if (s !== '.') segs.push(s);
      }
      part = segs.join('/');
    }
    const kind = rel ? (/\/(\w+)$/.exec(rel.type)?.[1] ?? 'worksheet') : 'worksheet';
    sheets.push({ name, part, kind });
  }
  return sheets;
}

/** The column number of an A1 column name (A → 1). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

// One regex over the whole part, in latin1 (byte-for-byte, so chunk boundaries never split a
// character): row starts, value elements, merge ranges.
const SCAN_RE = /<row\b([^>]*)>|<(?:v|is)[\s>/]|<mergeCell\b([^>]*)>/g;
const ROW_R_RE = /\sr\s*=\s*["'](\d+)["']/;
const REF_RE = /\sref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?["']/;

/** Scan one sheet part as a stream: merged ranges and the last row holding a value. */
export async function scanSheetStream(stream: AsyncIterable<Buffer | string>): Promise<SheetScan> {
  const merges: MergeRange[] = [];
  let row = 0;
  let lastValueRow = 0;
  let carry = '';
  const consume = (text: string): void => {
    SCAN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SCAN_RE.exec(text))) {
      if (m[1] !== undefined) {
        const r = ROW_R_RE.exec(m[1]);
        row = r ? Number(r[1]) : row + 1;
      } else if (m[2] !== undefined) {
        const ref = REF_RE.exec(m[2]);
        if (ref) {
          const top = Number(ref[2]);
          const left = columnNumber(ref[1]!);
          const bottom = ref[4] ? Number(ref[4]) : top;
          const right = ref[3] ? columnNumber(ref[3]) : left;
          if (bottom > top || right > left) {
            merges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right), text: '' });
          }
        }
      } else if (row > lastValueRow) {
        lastValueRow = row;
      }
    }
  };
  for await (const chunk of stream) {
    const text = carry + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    // Keep an unfinished tag for the next chunk; text between tags never contains '<'.
    const cut = text.lastIndexOf('<');
    if (cut < 0) {
      carry = '';
      continue;
    }
    consume(text.slice(0, cut));
    carry = text.slice(cut);
  }
  consume(carry);
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { merges, lastValueRow };
}

/**
 * Check a file at the zip level and scan the sheets `wanted` selects (all when omitted).
 * Throws ZwgkError: not-a-workbook, workbook-encrypted, workbook-too-large.
 */
export async function inspectWorkbook(file: string, wanted?: (sheet: SheetPart) => boolean): Promise<WorkbookInspection> {
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
  // The zip stays open for the background scans once the checks have passed.
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
    let sheets: SheetPart[];
    try {
      const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
      const workbookXml = await readSmallPart(zip, workbookEntry);
      const relsXml = relsEntry ? await readSmallPart(zip, relsEntry) : '';
      sheets = parseSheetList(workbookXml, relsXml);
    } catch (cause) {
      throw notWorkbook(file, '工作簿目录（xl/workbook.xml）已损坏', cause);
    }
    const scans = new Map<string, Promise<SheetScan>>();
    let chain: Promise<unknown> = Promise.resolve();
    for (const sheet of sheets) {
      if (sheet.kind !== 'worksheet' || !sheet.part || scans.has(sheet.part)) continue;
      if (wanted && !wanted(sheet)) continue;
      const entry = byName.get(sheet.part);
      if (!entry) {
        sheet.part = '';
        continue;
      }
      const scan = chain.then(async () => {
        try {
          return await scanSheetStream(await openEntry(zip, entry));
        } catch (cause) {
          throw notWorkbook(file, `工作表“${sheet.name}”的数据已损坏（${sheet.part} 无法解压）`, cause);
        }
      });
      // A failed scan is reported where it is awaited; the chain itself must never reject unhandled.
      scan.catch(() => undefined);
      chain = scan.catch(() => undefined);
      scans.set(sheet.part, scan);
    }
    owned = false;
    const done = chain.then(() => zip.close());
    return { sheets, scans, done };
  } finally {
    if (owned) zip.close();
  }
}
