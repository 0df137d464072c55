// An .xlsx workbook on bytes: refused with a message that says what the file is when it is not one (an
// encrypted or old binary file, a PDF, a page, a Word document), then which part holds which sheet, then
// the small parts cells depend on (shared strings, number formats, the 1904 flag), read first whatever
// their order in the zip; each sheet part is then inflated chunk by chunk through the worksheet scanner
// (worksheet.ts), which yields its cells and its merged ranges together.
import { ZwgkError } from '../../findings/finding.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../../grid/limits.js';
import { checkedEntries, isEncryptedOle, isOle, packageKinds, readSmallPart, partPath, type PackageKind } from '../ooxml/package.js';
import { PartDataError, decodeChunks, eachElement } from '../ooxml/xml-scanner.js';
import { inflateEntry, looksLikeZip, ZipFormatError } from '../ooxml/zip.js';
import { guessContent, type ContentGuess } from '../sniff.js';
import { SharedStringsScanner } from './shared-strings.js';
import { parseDateStyles } from './styles.js';
import { WorksheetScanner, type CellContext, type SheetScan } from './worksheet.js';

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
  /** No more sheets will be scanned: the shared string table and the file's bytes are let go (the texts live on in the cells). */
  release(): void;
}

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

/** What a file that is not a zip seems to be, in words (see sniff.ts). */
const NOT_ZIP: Record<ContentGuess, string> = {
  empty: '文件是空的',
  pdf: '文件内容是 PDF 文档，只是扩展名为 .xlsx',
  xml: '文件内容是网页或 XML 文本（部分系统导出的“Excel”实为网页），不是 .xlsx 工作簿',
  markup: '文件内容是网页或 XML 文本（部分系统导出的“Excel”实为网页），不是 .xlsx 工作簿',
  text: '文件内容是纯文本（可能是 CSV 或文本文件改了扩展名）',
  'gbk-text': '文件内容是纯文本（可能是 GBK 编码的 CSV 或文本文件改了扩展名）',
  binary: '文件不是 zip 压缩格式，可能已损坏或不是 Excel 文件',
};

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

/** What a zip without xl/workbook.xml is, by the other Office file it holds. */
const OTHER_PACKAGE: Partial<Record<PackageKind, string>> = {
  docx: '这是 Word 文档（.docx），不是 Excel 工作簿',
  pptx: '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿',
  opendocument: '这是 OpenDocument 文件（如 .ods），只是扩展名为 .xlsx',
};

/** What the bytes become once the last sheet is scanned (release). */
const EMPTY = new Uint8Array(0);

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
  if (!looksLikeZip(bytes)) throw notWorkbook(file, NOT_ZIP[guessContent(bytes)]);
  const entries = checkedEntries(bytes, file, { damaged: (detail, cause) => damaged(file, detail, cause), encrypted: 'workbook-encrypted' });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get('xl/workbook.xml');
  if (!workbookEntry) {
    const other = packageKinds(new Set(byName.keys()))[0];
    throw notWorkbook(file, (other && OTHER_PACKAGE[other]) ?? '压缩包中没有 xl/workbook.xml，不是 Excel 工作簿');
  }
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
  const release = (): void => {
    context.sharedStrings = undefined;
    context.sharedLong = undefined;
    // No sheet is scanned after this: the file's bytes are let go too (the caller keeps none; see read.ts),
    // and the zip's entries, whose names are views into them.
    bytes = EMPTY;
    byName.clear();
  };
  return { sheets: list.sheets, scanSheet, release };
}

