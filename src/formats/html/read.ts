// The .html/.htm reader: a catalog published as a table inside a portal page (menus, a 索引号/发布机构 table,
// the catalog table, a footer), or saved as a web page by Excel or Word. The page is decoded (charset.ts),
// parsed in bounded memory into the tree a browser builds (bounded-parser.ts), every table's cells placed
// by the HTML table algorithm (page-tables.ts) with their text as the page shows it (cell-text.ts), and
// the tables read as grids (grid/tables.ts) like a Word document's.
import type { Catalog } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { TABLE_LIMITS } from '../../settings/limits.js';
import { ZwgkError, finding, formatBytes, sortFindings, type Finding } from '../../findings/finding.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../../grid/limits.js';
import { readTables, tooComplex, type BuiltTable } from '../../grid/tables.js';
import type { ReadOptions } from '../types.js';
import { MarkupTooLong, parsePage } from './bounded-parser.js';
import { decodePage, ENCODING_NAME } from './charset.js';
import { pageTables, type Node, type PageExtras } from './page-tables.js';

/** Read a web page's bytes into one catalog (every table with a catalog header, in page order). */
export async function readHtml(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Catalog> {
  if (bytes.length > TABLE_LIMITS.maxPageBytes) {
    throw new ZwgkError('page-too-large', { file }, { file, size: formatBytes(bytes.length), limit: formatBytes(TABLE_LIMITS.maxPageBytes) });
  }
  const page = decodePage(bytes);
  const budget = options.budget ?? new ReadBudget();
  let doc: Node;
  const limit: { at?: SourceRef } = {};
  try {
    doc = await parsePage(page.text, file, budget, limit);
  } catch (cause) {
    if (cause instanceof ZwgkError) throw cause;
    if (cause instanceof ReadLimitError) throw tooLarge(file, cause, limit.at ?? { file });
    if (cause instanceof MarkupTooLong) {
      throw tooComplex(file, `第 ${cause.line} 行的一个标签、属性或注释过长`, `${TABLE_LIMITS.maxMarkupChars} 个字符`);
    }
    // parse5 recovers from any markup; what is left is the stack of a pathological page.
    throw tooComplex(file, '的结构无法解析', '浏览器能显示的网页');
  }
  const extras: PageExtras = { notes: [], frames: [] };
  let tables: BuiltTable[];
  try {
    tables = await withFrames(pageTables(doc, file, budget, limit, undefined, extras), extras, file, budget, limit, 1);
  } catch (cause) {
    if (cause instanceof ReadLimitError) throw tooLarge(file, cause, limit.at ?? { file });
    throw cause;
  }
  const catalog = readTables(file, tables, options, '网页');
  const more: Finding[] = extras.notes.map((n) => finding(n.hidden ? 'hidden-content' : 'content-unread', { file }, { what: n.what, sample: n.sample, advice: n.advice }));
  if (page.errors > 0) more.push(finding('page-encoding', { file }, { file, count: page.errors, encoding: ENCODING_NAME[page.encoding] ?? page.encoding }));
  if (more.length) {
    catalog.findings.push(...more);
    sortFindings(catalog.findings);
  }
  return catalog;
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
