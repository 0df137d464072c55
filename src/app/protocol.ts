// Messages between the app's page and its worker. The worker holds the files and catalogs; the page gets
// only what it shows (summary, findings, one page of the table at a time), so a province-sized catalog
// never crosses the thread boundary whole and the page never stalls deserialising it.
import type { JsonDiagnostic, Severity } from '../core/text.js';
import type { SummaryRow } from '../core/index.js';

/** A file the clerk picked or dropped. */
export interface InFile {
  name: string;
  /** The file itself (for a picked file a handle on it, not its bytes; the worker reads it when needed). */
  blob: Blob;
  /** The file's last change (ms since the epoch, File.lastModified), for the roll-up. */
  modified?: number;
}

/** What a download button asks for. */
export type ExportKind =
  | 'fix'
  | 'html'
  | 'xlsx'
  | 'md'
  | 'yaml'
  | 'gap-html'
  | 'gap-xlsx'
  | 'merge'
  | 'diff'
  | 'review'
  | 'summary'
  | 'template-2017'
  | 'template-2019'
  /** The blank template of a list layout (choices.layout: its id). */
  | 'template-list';

/** The 标题 / 编制单位 / 日期 a clerk enters for the published page and workbook (blank: the catalog's own). */
export interface Meta {
  title?: string;
  unit?: string;
  date?: string;
}

/** How an export is made: the codes whose fixes the clerk left out, the published page's header, and
 * whether the page is made from the corrected catalog. */
export interface ExportChoices {
  skip?: string[];
  /** template-list: the id of the list layout. */
  layout?: string;
  meta?: Meta;
  fixFirst?: boolean;
}

export type Request =
  | { id: number; op: 'open'; file: number; input: InFile; role: 'catalog' | 'reference' }
  | { id: number; op: 'page'; file: number; page: number }
  | { id: number; op: 'findings'; file: number; query: FindingQuery }
  | { id: number; op: 'export'; kind: ExportKind; files: number[]; reference?: number; choices?: ExportChoices }
  | { id: number; op: 'forget'; file: number }
  /** A file read by an earlier worker, held again without a read (after a read was cancelled). */
  | { id: number; op: 'hold'; file: number; input: InFile; role: 'catalog' | 'reference'; view: FileView };

/** Which findings the page shows: a level (or all), words in the place or message, and a page of
 * FINDING_ROWS rows (or, for printing, `all`). */
export interface FindingQuery {
  level: 'all' | Severity;
  words: string;
  page: number;
  all?: boolean;
}

/** Findings shown per page of the list. */
export const FINDING_ROWS = 100;

/** A page of a file's findings: its rows, how many match the query, and how many there are by level. */
export interface FindingsView {
  file: number;
  rows: FindingView[];
  matching: number;
  page: number;
  pages: number;
}

/** One finding as the page shows it: the CLI's JSON diagnostic plus its text line and table key. */
export interface FindingView extends JsonDiagnostic {
  /** The line `zwgk validate` prints for it. */
  line: string;
  /** 位置 as the CLI prints it (目录.xlsx › 安全生产!I7, 目录.yaml:12:5). */
  where: string;
  /** 位置 in the file, without its name (工作表“安全生产”I7 单元格, 第 12 行), or 整个文件. */
  place: string;
  /** 错误 / 警告 / 提示. */
  level: string;
  /** The key of the table cell it points at (see refKey), when it points at one. */
  ref?: string;
}

export interface FileView {
  file: number;
  name: string;
  /** Read and validated; false when the file could not be read at all. */
  ok: boolean;
  /** The CLI's error line for an unreadable file (错误：…). */
  error?: string;
  /** The CLI's summary line. */
  summary?: string;
  valid?: boolean;
  profile?: string;
  items?: number;
  /** How many findings the file has, in all and by level (the rows are asked for a page at a time: a
   * province's catalog can have 100 000, which the page must not receive whole). */
  counts?: Record<'all' | Severity, number>;
  pages?: number;
  /** Formats `fix` can write for this file (.xlsx and .yaml sources only). */
  fixable?: boolean;
  /** The kinds of correction fix would make, by code, for the clerk to choose from. */
  fixes?: { code: string; title: string; count: number }[];
  /** The catalog's own 标题 / 编制单位 / 日期 (what the publish form starts with). */
  meta?: Meta;
  /** The unit the roll-up names it by (编制单位, the title, or the most common 公开主体). */
  unit?: string;
  /** A list of another layout (重大行政决策事项目录 …), not a 政务公开事项目录. */
  list?: boolean;
  /** The file is a layout definition (its list's name), not a list: nothing to check or publish. */
  layout?: string;
  /** A layout definition's id (its template is offered beside the built-in lists'). */
  layoutId?: string;
  /** Its roll-up row and its bytes' digest: what the page hands back to hold the file again (op 'hold'). */
  row?: SummaryRow;
  digest?: string;
}

export interface CellView {
  text: string;
  /** A list field (依据, 公开渠道和载体): one entry per line. */
  list?: string[];
  ref?: string;
  rowspan?: number;
  /** The worst finding at this cell, for highlighting. */
  severity?: Severity;
}

export interface RowView {
  /** 1-based item number in the catalog. */
  item: number;
  first: boolean;
  cells: CellView[];
}

export interface PageView {
  file: number;
  page: number;
  pages: number;
  columns: string[];
  rows: RowView[];
}

export type Response =
  | { id: number; type: 'progress'; file?: number; text: string; fraction?: number }
  | { id: number; type: 'opened'; view: FileView }
  | { id: number; type: 'page'; view: PageView }
  | { id: number; type: 'findings'; view: FindingsView }
  | { id: number; type: 'export'; name: string; mime: string; bytes: ArrayBuffer; note?: string }
  | { id: number; type: 'error'; message: string }
  | { id: number; type: 'done' };

/** Items per page of the catalog table: laying out 50 items of four rows (a table's cells are measured
 * whole) stalled the page 640 ms on a loaded machine when a file opened, 20 items 180 ms (bench/app.mjs). */
export const PAGE_ITEMS = 20;
