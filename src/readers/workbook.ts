// An .xlsx at the zip level, on bytes: is it a zip at all, is it an encrypted OLE2 file or an old .xls in
// disguise, are the declared sizes sane (zip bombs are refused before anything is inflated), which part
// holds which sheet; then the small parts cells depend on (shared strings, number formats, the 1904 flag)
// are read first, whatever their order in the zip, and each sheet part is inflated chunk by chunk through
// the scanner in xlsx-scan.ts, which yields its cells and its merged ranges together.
import { ZIP_LIMITS } from '../settings/limits.js';
import { ZwgkError } from '../findings/finding.js';
import { eachElement, PartDataError, ReadBudget, ReadLimitError, SharedStringsScanner, decodeChunks, WorksheetScanner, parseDateStyles, decodeEntities, type CellContext, type SheetScan } from './xlsx-scan.js';
import { tooLarge } from '../grid/limits.js';
import { inflateEntry, looksLikeZip, readZipDirectory, ZipFormatError, type ZipEntry } from './zip.js';

export { columnNumber } from '../findings/location.js';
export type { MergeRange, SheetScan } from './xlsx-scan.js';

export interface SheetPart {
  name: string;
  /** Zip path of the part, e.g. xl/worksheets/sheet1.xml; '' when the relationship points nowhere. */
  part: string;
  /** worksheet, chartsheet, dialogsheet … (from the relationship type). */
  kind: string;
  /** Hidden in the workbook (state="hidden" or "veryHidden"), e.g. a sheet holding drop-down lists. */
  hidden: boolean;
  /** Compressed size of the part, for progress (0 when there is none). */
  size?: number;
}

export interface OpenWorkbook {
  /** Sheets in workbook order. */
  sheets: SheetPart[];
  /** Scan one worksheet part (throws not-a-workbook when it is damaged); `onFeed` hears of compressed bytes read. */
  scanSheet(sheet: SheetPart, onFeed?: (done: number) => void): Promise<SheetScan>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Small XML parts (workbook.xml, its rels) are read whole; anything larger is not a real workbook part. */
const MAX_SMALL_PART = 16 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function notWorkbook(file: string, detail: string, cause?: unknown): ZwgkError {
  return new ZwgkError('not-a-workbook', { file }, { file, detail }, cause === undefined ? undefined : { cause });
}

/** A workbook whose zip or parts are broken: `detail` says what, reading after “{file} 中”. */
export function damaged(file: string, detail: string, cause?: unknown): ZwgkError {
  return new ZwgkError('file-damaged', { file }, { file, detail }, cause === undefined ? undefined : { cause });
}

/** A part's problem as the finding it stops the run with: damage, a refused part, or a limit reached. */
function partProblem(file: string, where: string, cause: unknown, sheet?: string): ZwgkError {
  if (cause instanceof ReadLimitError) {
    const at = sheet === undefined ? { file } : { file, sheet, ...(/^[A-Z]+\d+/.test(cause.place) ? { cell: cause.place.split(' ')[0]! } : {}) };
    return tooLarge(file, cause, at, where);
  }
  if (cause instanceof ZipFormatError) return damaged(file, cause.detail, cause);
  if (cause instanceof PartDataError) return cause.damaged ? damaged(file, `${where}${cause.detail}`, cause) : notWorkbook(file, `${where}${cause.detail}`, cause);
  return damaged(file, `${where}无法解压`, cause);
}

/** A byte count in words a clerk reads. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

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

/** Say in a few words what a file that is not a zip looks like. */
export function sniffDetail(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (head.length === 0) return '文件是空的';
  if (latin1.decode(head.subarray(0, 8)).startsWith('%PDF')) return '文件内容是 PDF 文档，只是扩展名为 .xlsx';
  const text = utf8.decode(head).replace(/^\uFEFF/, '');
  if (/^\s*</.test(text)) return '文件内容是网页或 XML 文本（部分系统导出的“Excel”实为网页），不是 .xlsx 工作簿';
  if (!text.includes('\uFFFD') && !/[\x00-\x08\x0E-\x1F]/.test(text)) {
    return '文件内容是纯文本（可能是 CSV 或文本文件改了扩展名）';
  }
  // GBK text is not valid UTF-8 but has no control bytes either.
  if (!/[\x00-\x08\x0E-\x1F]/.test(latin1.decode(head))) return '文件内容是纯文本（可能是 GBK 编码的 CSV 或文本文件改了扩展名）';
  return '文件不是 zip 压缩格式，可能已损坏或不是 Excel 文件';
}

/**
 * The entries of an Office zip after the checks every reader makes before inflating anything: encryption,
 * each part's size, its compression ratio and the total (zip bombs are refused from declared sizes).
 * `notValid` turns a damaged zip into the caller's own finding.
 */
export function checkedEntries(bytes: Uint8Array, file: string, notValid: (detail: string, cause?: unknown) => ZwgkError): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (cause) {
    throw notValid(cause instanceof ZipFormatError ? cause.detail : '压缩目录有误', cause);
  }
  let total = 0;
  for (const e of entries) {
    if (e.encrypted) throw new ZwgkError('workbook-encrypted', { file }, { file });
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

export interface WorkbookList {
  sheets: SheetPart[];
  /** Parts by relationship type (styles, sharedStrings …). */
  related: Map<string, string>;
  date1904: boolean;
}

/** Sheets in workbook order, with their part paths, from xl/workbook.xml and its relationships. */
export function parseWorkbook(workbookXml: string, relsXml: string): WorkbookList {
  const rels = new Map<string, { target: string; type: string }>();
  const related = new Map<string, string>();
  if (relsXml) {
    eachElement(relsXml, 'xl/_rels/workbook.xml.rels', ['Relationship'], (_, a) => {
      const id = a.get('Id');
      const rel = { target: a.get('Target') ?? '', type: a.get('Type') ?? '' };
      if (id && !rels.has(id)) rels.set(id, rel);
      const type = /\/(\w+)$/.exec(rel.type)?.[1];
      if (type && rel.target && !related.has(type)) related.set(type, partPath(rel.target));
    });
  }
  const sheets: SheetPart[] = [];
  let date1904 = false;
  eachElement(workbookXml, 'xl/workbook.xml', ['sheet', 'workbookPr'], (name, a) => {
    if (name === 'workbookPr') {
      const flag = a.get('date1904');
      date1904 = flag === '1' || flag === 'true';
      return;
    }
    const rid = a.get('id');
    const rel = rid ? rels.get(rid) : undefined;
    const part = rel && rel.target ? partPath(rel.target) : '';
    const kind = rel ? (/\/(\w+)$/.exec(rel.type)?.[1] ?? 'worksheet') : 'worksheet';
    const state = a.get('state');
    sheets.push({ name: a.get('name') ?? '', part, kind, hidden: state === 'hidden' || state === 'veryHidden' });
  });
  return { sheets, related, date1904 };
}

/** What a zip that is not a workbook seems to be, from the parts it holds. */
function otherOfficeFile(names: Set<string>): string {
  if (names.has('word/document.xml')) return '这是 Word 文档（.docx），不是 Excel 工作簿';
  if (names.has('ppt/presentation.xml')) return '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿';
  if (names.has('content.xml')) return '这是 OpenDocument 文件（如 .ods），只是扩展名为 .xlsx';
  return '压缩包中没有 xl/workbook.xml，不是 Excel 工作簿';
}

/**
 * Check a workbook's bytes at the zip level and read what every sheet's cells depend on; sheets are then
 * scanned one at a time with `scanSheet`. Throws ZwgkError: not-a-workbook, workbook-encrypted,
 * workbook-too-large.
 */
export async function openWorkbook(bytes: Uint8Array, file: string, budget = new ReadBudget()): Promise<OpenWorkbook> {
  if (isOle(bytes)) {
    if (isEncryptedOle(bytes)) throw new ZwgkError('workbook-encrypted', { file }, { file });
    throw notWorkbook(file, '文件看起来是旧版 Excel 97-2003 工作簿（.xls），只是扩展名改成了 .xlsx');
  }
  if (!looksLikeZip(bytes)) throw notWorkbook(file, sniffDetail(bytes));
  const entries = checkedEntries(bytes, file, (detail, cause) => damaged(file, detail, cause));
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get('xl/workbook.xml');
  if (!workbookEntry) throw notWorkbook(file, otherOfficeFile(new Set(byName.keys())));
  let list: WorkbookList;
  try {
    const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
    const workbookXml = await readSmallPart(bytes, workbookEntry);
    const relsXml = relsEntry ? await readSmallPart(bytes, relsEntry) : '';
    list = parseWorkbook(workbookXml, relsXml);
  } catch (cause) {
    throw partProblem(file, '工作簿目录（xl/workbook.xml）', cause);
  }
  for (const sheet of list.sheets) sheet.size = byName.get(sheet.part)?.compressedSize ?? 0;

  // Number formats and shared strings come before any sheet, wherever they sit in the zip.
  const context: CellContext = { dateStyles: [], date1904: list.date1904, budget };
  const stylesPart = list.related.get('styles') ?? 'xl/styles.xml';
  const stylesEntry = byName.get(stylesPart);
  if (stylesEntry) {
    try {
      context.dateStyles = parseDateStyles(await readSmallPart(bytes, stylesEntry));
    } catch (cause) {
      throw partProblem(file, `样式表（${stylesPart}）`, cause);
    }
  }
  const stringsPart = list.related.get('sharedStrings') ?? 'xl/sharedStrings.xml';
  const stringsEntry = byName.get(stringsPart);
  if (stringsEntry) {
    const scanner = new SharedStringsScanner(stringsPart, budget);
    try {
      for await (const text of decodeChunks(inflateEntry(bytes, stringsEntry))) scanner.push(text);
      scanner.finish();
    } catch (cause) {
      throw partProblem(file, `共享字符串表（${stringsPart}）`, cause);
    }
    context.sharedStrings = scanner.strings;
    if (scanner.long.size) context.sharedLong = scanner.long;
  } else if (list.related.has('sharedStrings')) {
    context.sharedStringsMissing = true;
  }

  const scanSheet = async (sheet: SheetPart, onFeed?: (done: number) => void): Promise<SheetScan> => {
    const entry = byName.get(sheet.part);
    if (!entry) {
      throw damaged(file, sheet.part ? `工作表“${sheet.name}”的数据部件 ${sheet.part} 不存在` : `工作表“${sheet.name}”没有对应的数据部件（xl/_rels/workbook.xml.rels 中缺少它）`);
    }
    const scanner = new WorksheetScanner(sheet.part, context);
    try {
      for await (const text of decodeChunks(inflateEntry(bytes, entry, onFeed))) scanner.push(text);
      return scanner.result();
    } catch (cause) {
      throw partProblem(file, `工作表“${sheet.name}”（${sheet.part}）`, cause, sheet.name);
    }
  };
  return { sheets: list.sheets, scanSheet };
}

