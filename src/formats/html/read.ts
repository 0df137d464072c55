// The .html/.htm reader: a catalog published as a table inside a portal page (menus, a 索引号/发布机构 table,
// the catalog table, a footer), or saved as a web page by Excel or Word. The page is decoded (charset.ts),
// parsed in bounded memory into the tree a browser builds (bounded-parser.ts), every table's cells placed
// by the HTML table algorithm (page-tables.ts) with their text as the page shows it (cell-text.ts), and
// the tables read as grids (grid/tables.ts) like a Word document's.
import type { Doc } from '../../model/list.js';
import type { SourceRef } from '../../findings/location.js';
import { TABLE_LIMITS } from '../../settings/limits.js';
import { ZwgkError, finding, formatBytes, sortFindings, type Finding } from '../../findings/finding.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../../grid/limits.js';
import { readTables, tooComplex, type BuiltTable } from '../../grid/tables.js';
import type { ReadOptions } from '../types.js';
import { isOle } from '../ooxml/package.js';
import { looksLikeZip } from '../ooxml/zip.js';
import { guessContent } from '../sniff.js';
import { MarkupTooLong, parsePage } from './bounded-parser.js';
import { pagePieces, ENCODING_NAME } from './charset.js';
import { pageTables, type Node, type PageExtras } from './page-tables.js';

/** Read a web page's bytes into one catalog (every table with a catalog header, in page order). */
export function readHtml(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Doc> {
  // The tree is made into tables and items once parsing is done with the bytes: no frame of that holds
  // them (a 196 MB page is not kept while its 100 000 items are built).
  return parsedPage({ bytes }, file, options).then((parsed) => pageCatalog(parsed, file, options));
}

const NO_BYTES = new Uint8Array(0);

/** A parsed page: its tree (let go by pageCatalog as its tables are built) and how its text decoded. */
interface ParsedPage {
  doc: Node | undefined;
  page: Pick<ReturnType<typeof pagePieces>, 'errors' | 'first' | 'encoding'>;
  budget: ReadBudget;
  limit: { at?: SourceRef };
}

/** Parse a page's bytes, handed over in `held`: emptied once the text is in pieces (charset.ts), which let
 * their bytes go as they are parsed; no frame of this reading holds the file's bytes while it parses. */
async function parsedPage(held: { bytes: Uint8Array }, file: string, options: ReadOptions): Promise<ParsedPage> {
  if (held.bytes.length > TABLE_LIMITS.maxPageBytes) {
    throw new ZwgkError('page-too-large', { file }, { file, size: formatBytes(held.bytes.length), limit: formatBytes(TABLE_LIMITS.maxPageBytes) });
  }
  const not = notAPage(held.bytes);
  if (not) throw new ZwgkError('not-a-page', { file }, { file, detail: not });
  // The page's text is decoded a piece at a time as it is parsed, and (below) its tree let go as its tables are built.
  const page = pagePieces(held.bytes);
  held.bytes = NO_BYTES;
  const budget = options.budget ?? new ReadBudget();
  let doc: Node | undefined;
  const limit: { at?: SourceRef } = {};
  try {
    doc = await parsePage(page.pieces, file, budget, limit);
    page.pieces = '';
  } catch (cause) {
    if (cause instanceof ZwgkError) throw cause;
    if (cause instanceof ReadLimitError) throw tooLarge(file, cause, limit.at ?? { file });
    if (cause instanceof MarkupTooLong) {
      throw tooComplex(file, `第 ${cause.line} 行的一个标签、属性或注释过长`, `${TABLE_LIMITS.maxMarkupChars} 个字符`);
    }
    // parse5 recovers from any markup; what is left is the stack of a pathological page.
    throw tooComplex(file, '的结构无法解析', '浏览器能显示的网页');
  }
  return { doc, page: { errors: page.errors, first: page.first, encoding: page.encoding }, budget, limit };
}

async function pageCatalog(parsed: ParsedPage, file: string, options: ReadOptions): Promise<Doc> {
  const { page, budget, limit } = parsed;
  const extras: PageExtras = { notes: [], frames: [] };
  let tables: BuiltTable[];
  try {
    let doc = parsed.doc;
    parsed.doc = undefined;
    const walked = pageTables(doc!, file, budget, limit, undefined, extras);
    doc = undefined;
    tables = await withFrames(walked, extras, file, budget, limit, 1);
  } catch (cause) {
    if (cause instanceof ReadLimitError) throw tooLarge(file, cause, limit.at ?? { file });
    throw cause;
  }
  let catalog: Doc;
  try {
    catalog = readTables(file, tables, options, '网页');
  } catch (cause) {
    // A page no charset reads cleanly and without a catalog table: most likely garbled by the charset.
    if (cause instanceof ZwgkError && (cause.finding.code === 'no-catalog-table' || cause.finding.code === 'no-tables') && page.errors > 0) {
      const where = page.first ? `（第一处在第 ${page.first.line} 行，文件的第 ${page.first.byte} 个字节）` : '';
      throw new ZwgkError('page-undecodable', { file, ...(page.first ? { line: page.first.line } : {}) }, { file, count: page.errors, encoding: ENCODING_NAME[page.encoding] ?? page.encoding, where }, { cause });
    }
    throw cause;
  }
  const more: Finding[] = extras.notes.map((n) => finding(n.hidden ? 'hidden-content' : 'content-unread', { file }, { what: n.what, sample: n.sample, advice: n.advice }));
  if (page.errors > 0) {
    const where = page.first ? `（第一处在第 ${page.first.line} 行，文件的第 ${page.first.byte} 个字节）` : '';
    more.push(finding('page-encoding', { file, ...(page.first ? { line: page.first.line } : {}) }, { file, count: page.errors, encoding: ENCODING_NAME[page.encoding] ?? page.encoding, where }));
  }
  if (more.length) {
    catalog.findings.push(...more);
    sortFindings(catalog.findings);
  }
  return catalog;
}

/** What a file named .html that is no page is, in words, if it is something else (a PDF, an old Office
 * file, a zip); an Excel or Word file never reaches here (the registry reads it as what it is). */
function notAPage(bytes: Uint8Array): string | undefined {
  if (guessContent(bytes) === 'pdf') return '文件内容是 PDF 文档，只是扩展名为 .html。zwgk 不能从 PDF 中读出表格，请向发布单位索取 Excel 或 Word 原件';
  if (isOle(bytes)) return '文件内容是旧版 Excel（.xls）或 Word（.doc）文件，只是扩展名为 .html。请把扩展名改回 .xls 或 .doc 后再读';
  if (looksLikeZip(bytes)) return '文件内容是 zip 压缩包（或 PowerPoint、OpenDocument 文件），不是网页。请解压后读取其中的目录文件，或向发布单位索取 Excel 或 Word 原件';
  return undefined;
}

/** Frames nested deeper than this are not read (a browser shows them, a catalog never needs them). */
const MAX_FRAME_DEPTH = 3;

/**
 * The tables of the pages inside <iframe srcdoc> (a browser shows them in place), read like the page's
 * own and put where each frame stands, in document order.
 */
async function withFrames(tables: BuiltTable[], extras: PageExtras, file: string, budget: ReadBudget, limit: { at?: SourceRef }, depth: number): Promise<BuiltTable[]> {
  if (extras.frames.length === 0) return tables;
  const out = [...tables];
  for (const frame of [...extras.frames].reverse()) {
    if (depth > MAX_FRAME_DEPTH) {
      extras.notes.push({ hidden: false, what: `嵌套超过 ${MAX_FRAME_DEPTH} 层的内嵌网页（iframe）`, sample: '', advice: '请直接保存内嵌的网页再读' });
      continue;
    }
    const inner: PageExtras = { notes: extras.notes, frames: [] };
    const own = await withFrames(pageTables(await parsePage(frame.html, file, budget, limit), file, budget, limit, undefined, inner), inner, file, budget, limit, depth + 1);
    const at = frame.tablesBefore;
    for (const t of out) if (t.parent !== undefined && t.parent >= at) t.parent += own.length;
    for (const t of own) if (t.parent !== undefined) t.parent += at;
    out.splice(at, 0, ...own);
  }
  return out;
}
