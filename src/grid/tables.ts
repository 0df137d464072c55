// The tables of a web page or Word document → grids → one catalog. The two readers differ only in how
// they find tables and place cells (HTML's slot algorithm with rowspan/colspan, Word's grid columns with
// gridSpan/vMerge); both hand over BuiltTables, and from there on everything is shared: nested tables,
// every table read as a grid by grid/read/ (header search, rows → items, 同上, notes, cell accounting),
// the grids assembled by assemble.ts (tables without a catalog header reported, not read).
//
// Nested tables: a portal wraps its catalog in layout tables, and a Word cell may hold a small table.
// Every table is a grid of its own, numbered in document order (第 N 个表格), and a table's cell text
// leaves out the tables inside it. A table without a catalog header that sits inside a catalog table's
// cell is part of that cell's value: its rows become lines of the cell (cells joined by a space).
import type { Layout } from '../layouts/types.js';
import type { Doc } from '../model/list.js';
import { gridLayouts } from '../layouts/index.js';
import { ownText, TextPool } from '../model/strings.js';
import { trimWhere } from '../settings/trim.js';
import { HEADER_SEARCH_ROWS, MAX_CELL_CHARS, TABLE_LIMITS } from '../settings/limits.js';
import type { Profile } from '../settings/columns.js';
import { ZwgkError, finding, type Finding } from '../findings/finding.js';
import { tableName } from '../findings/location.js';
import { tableGrid, type GridRow, type MergeRange } from './grid.js';
import { assembleCatalog, type GridSheet } from './assemble.js';
import { readGrid, type SheetResult } from './read/index.js';

/** A piece of a cell's content: text (line breaks as \n), or a table nested there (its index). */
export type CellPart = string | { table: number };

/** One cell of a table: its top-left slot, how far it reaches (inclusive, 1-based), what it holds. */
export interface TableCell {
  row: number;
  col: number;
  bottom: number;
  right: number;
  parts: CellPart[];
  /** The cell's text once worked out (readTables), its parts then emptied: a string, not an array of one. */
  text?: string;
}

/** The parts of a cell whose text is worked out (shared, never added to). */
const SETTLED: CellPart[] = Object.freeze([]) as unknown as CellPart[];

/** The text of a cell that holds no nested table, as readTables reads it (an equal short text of `pool`
 * shared); undefined for one that does. */
function settledText(cell: TableCell, pool?: TextPool): string | undefined {
  if (cell.text !== undefined) return cell.text;
  let text = '';
  for (const part of cell.parts) {
    if (typeof part !== 'string') return undefined;
    text += part;
  }
  text = trimLineBreaks(text);
  // Its own copy: a cell's text is most often one piece of the decoded part or page, which it would keep whole.
  if (text === '') return '';
  return pool ? pool.own(text) : ownText(text);
}

/**
 * Work out the text of a cell that holds no nested table and will get no more parts: kept as its text,
 * its parts array let go (56 bytes a cell: 84 MB for a 100 000-item Word document). What readTables reads
 * of it is the same either way; a reader may settle cells as soon as they are final.
 */
export function settleTableCell(cell: TableCell, pool?: TextPool): void {
  if (cell.text !== undefined) return;
  const text = settledText(cell, pool);
  if (text === undefined) return;
  cell.text = text;
  cell.parts = SETTLED;
}

/** Columns a SettledCell's place packs into one number (tables have at most TABLE_LIMITS.maxColumns). */
const PLACE_COLS = 1024;

/**
 * A settled cell as small as a cell can be: its text, and its place as two small integers (row × 1024 +
 * column, bottom × 1024 + right). A TableCell given its text after it was made holds it outside the
 * object, about 100 bytes a cell; this is 48 (issue 19: 1.5 million cells in a 100 000-item document).
 * Read-only: it stands for a cell no reader will widen or extend.
 */
class SettledCell implements TableCell, MergeRange {
  readonly text: string;
  readonly #start: number;
  readonly #end: number;

  constructor(cell: TableCell, text: string) {
    this.text = text;
    this.#start = cell.row * PLACE_COLS + cell.col;
    this.#end = cell.bottom * PLACE_COLS + cell.right;
  }

  get row(): number {
    return Math.floor(this.#start / PLACE_COLS);
  }

  get col(): number {
    return this.#start % PLACE_COLS;
  }

  get bottom(): number {
    return Math.floor(this.#end / PLACE_COLS);
  }

  get right(): number {
    return this.#end % PLACE_COLS;
  }

  get parts(): CellPart[] {
    return SETTLED;
  }

  /** As a merged range (gridOf): its top row. */
  get top(): number {
    return this.row;
  }

  /** As a merged range: its left column. */
  get left(): number {
    return this.col;
  }
}

/**
 * A final cell settled, as the SettledCell to put in its place in its table's cells; the cell itself when
 * it holds a nested table (or lies beyond what the packing holds). Only for a cell no reader holds any
 * more: the readers keep the cells they may still widen or extend as they are.
 */
export function compactCell(cell: TableCell, pool?: TextPool): TableCell {
  if (cell instanceof SettledCell) return cell;
  const text = settledText(cell, pool);
  if (text === undefined || cell.right >= PLACE_COLS || cell.bottom > TABLE_LIMITS.maxRows) {
    settleTableCell(cell, pool);
    return cell;
  }
  return new SettledCell(cell, text);
}

export interface BuiltTable {
  /** The table whose cell holds this one (index into the list), if any. */
  parent?: number;
  /** Cells in the order they were placed (rows top to bottom, slots left to right). */
  cells: TableCell[];
  /** Cells longer than Excel's limit, read cut to it (`length`: characters as written). */
  long?: { row: number; col: number; length: number }[];
  /** Content of a cell (or a row: `col` 0) the reader saw and did not read, named in a finding. */
  unread?: UnreadContent[];
}

/** Content a reader did not read, and why: hidden by its author (Word's 隐藏, display:none) or held where
 * zwgk does not read (a text box, a drop-down list's other options). */
export interface UnreadContent {
  row: number;
  /** The cell's column; 0 for a whole row. */
  col: number;
  hidden: boolean;
  /** What it is, in Chinese (设为“隐藏”的文字, 文本框中的文字 …). */
  what: string;
  /** Its first characters. */
  sample: string;
  /** What to do, in Chinese. */
  advice: string;
}

/** The first characters of a text, for a finding (line breaks shown as spaces). */
export function sampleText(text: string): string {
  const one = text.replace(/\s+/gu, ' ').trim();
  return one.length > 30 ? `${one.slice(0, 30)}…` : one;
}

/**
 * Characters of one cell's text a reader keeps while reading (twice Excel's limit: a page's white space
 * still folds, leading and trailing blank lines are dropped); what comes after is counted, not kept,
 * so a cell of hundreds of megabytes costs no more memory than a full one.
 */
export const CELL_TEXT_CAP = 2 * MAX_CELL_CHARS;

/**
 * A cell's parts within Excel's limit: the parts (copied) when their text fits and nothing was
 * dropped while reading, else cut to MAX_CELL_CHARS characters and the length as written (`dropped`:
 * characters counted but not kept). A nested table's place is kept.
 */
export function withinLimit(parts: CellPart[], dropped: number): { parts: CellPart[]; length?: number } {
  let total = 0;
  for (const p of parts) if (typeof p === 'string') total += p.length;
  // A copy of its length: the list the reader pushed to has room for 16 more, and there are as many
  // lists as cells.
  if (dropped === 0 && total <= MAX_CELL_CHARS) return { parts: parts.slice() };
  let room = MAX_CELL_CHARS;
  const cut: CellPart[] = [];
  for (const p of parts) {
    if (typeof p !== 'string') cut.push(p);
    else if (room > 0) {
      let kept = p.length <= room ? p : p.slice(0, room);
      // A surrogate pair is not split: the cut may keep one character less.
      if (kept.length < p.length && /[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
      room = kept.length < p.length ? 0 : room - kept.length;
      if (kept !== '') cut.push(kept);
    }
  }
  return { parts: cut, length: total + dropped };
}

/** Text without the line breaks at its start and end, in linear time (see settings/trim.ts). */
export function trimLineBreaks(text: string): string {
  return trimWhere(text, (unit) => unit === '\n');
}

/** The total characters of a cell's text parts. */
export function partsLength(parts: readonly CellPart[]): number {
  let n = 0;
  for (const p of parts) if (typeof p === 'string') n += p.length;
  return n;
}

/** The refusal for a page or document built to exhaust the reader. */
export function tooComplex(file: string, detail: string, limit: number | string): ZwgkError {
  return new ZwgkError('page-too-complex', { file }, { file, detail, limit: String(limit) });
}

const NON_BLANK = /\S/u;

/** A value short enough to quote in a message. */
function shortText(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 30 ? `${one.slice(0, 30)}…` : one;
}

/** What reading tables takes of a reader's options (formats/types.ts ReadOptions). */
export interface TableReadOptions {
  profile?: Profile | 'auto';
  onProgress?: (items: number, fraction?: number) => void;
  layouts?: readonly Layout[];
  layout?: string;
}

/**
 * Read the tables of one page or document into a catalog (`what` names the source in messages: 网页,
 * Word 文档). Throws no-tables, no-catalog-table or profile-mismatch like a workbook would.
 */
export function readTables(file: string, tables: readonly BuiltTable[], options: TableReadOptions, what: string): Doc {
  const forced: Profile | undefined = options.profile && options.profile !== 'auto' ? options.profile : undefined;
  const lists = gridLayouts(options);
  let items = 0;
  const onItem = (): void => {
    items++;
    if (options.onProgress && items % 500 === 0) options.onProgress(items);
  };
  const children: number[][] = tables.map(() => []);
  tables.forEach((t, i) => {
    if (t.parent !== undefined) children[t.parent]!.push(i);
  });
  const inlined: boolean[] = tables.map(() => false);

  /** A nested table's content as lines: each row's cell texts joined by a space. */
  const tableText = (index: number): string => {
    const lines: string[] = [];
    let row = 0;
    for (const cell of tables[index]!.cells) {
      const text = cellText(cell, true).replace(/\n+/g, ' ').trim();
      if (text === '') continue;
      if (cell.row !== row || lines.length === 0) {
        lines.push(text);
        row = cell.row;
      } else lines[lines.length - 1] += ` ${text}`;
    }
    return lines.join('\n');
  };
  const cellText = (cell: TableCell, inline: boolean): string => {
    if (cell.text !== undefined) return cell.text;
    let text = '';
    for (const part of cell.parts) {
      if (typeof part === 'string') text += part;
      else {
        // A nested table is a block: the text around it is on lines of its own.
        const inner = inline && inlined[part.table] ? tableText(part.table) : '';
        if (text !== '' && !text.endsWith('\n')) text += '\n';
        if (inner !== '') text += `${inner}\n`;
      }
    }
    return trimLineBreaks(text);
  };
  // A cell without a nested table reads the same inline or not: its text is worked out once
  // (settleTableCell; the reader may have done so already), and the grid's rows are built from the
  // cells as they are walked, one at a time — not a second copy of the table's text beside the cells
  // (issue 19). A cell holding a nested table is left as it is.
  // Equal short texts as one string, as a workbook's shared strings make them: the readers pool the cells
  // they settle; the cells settled here, and the texts of cells holding a nested table, are pooled here.
  const pool = new TextPool();
  for (const t of tables) for (let k = 0; k < t.cells.length; k++) t.cells[k] = compactCell(t.cells[k]!, pool);
  /** A grid of a table; with `release`, its cells are let go as the walk passes them once the reader
   * reads the grid to its end (readGrid stops, and walks again for the extent, only while it searches
   * the first HEADER_SEARCH_ROWS + 1 rows for a header): for a table read once and never again. */
  const gridOf = (index: number, inline: boolean, release = false) => {
    const cells: (TableCell | undefined)[] = tables[index]!.cells;
    const merges: MergeRange[] = [];
    // A settled cell is its own merged range (read-only, as merges are): 900 000 objects fewer for a
    // 100 000-item document.
    for (const cell of cells) {
      if (cell!.bottom > cell!.row || cell!.right > cell!.col) merges.push(cell instanceof SettledCell ? cell : { top: cell!.row, left: cell!.col, bottom: cell!.bottom, right: cell!.right });
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    function* rows(): Generator<GridRow> {
      let current: { row: number; cells: Map<number, string> } | undefined;
      let reading = false;
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k]!;
        if (reading) cells[k] = undefined;
        const text = cell.text ?? pool.own(cellText(cell, inline));
        if (text === '') continue;
        if (!current || current.row !== cell.row) {
          if (current) {
            yield current;
            if (release && !reading && current.row > HEADER_SEARCH_ROWS + 1) {
              reading = true;
              cells.fill(undefined, 0, k + 1);
            }
          }
          current = { row: cell.row, cells: new Map() };
        }
        current.cells.set(cell.col, text);
      }
      if (current) yield current;
      if (reading) cells.length = 0;
    }
    // Each grid made here has its own merges and is read once: they are let go as the reading passes them.
    return tableGrid(file, index + 1, rows, merges, true);
  };

  // A page's or document's cells, its first text (the sample a skipped table is named by) taken first:
  // a top-level table without nested ones is read once, its cells let go as it is read.
  const firsts = tables.map((t) => {
    for (const c of t.cells) {
      const text = cellText(c, false);
      if (NON_BLANK.test(text)) return text;
    }
    return undefined;
  });
  const results: SheetResult[] = tables.map((t, i) => readGrid(gridOf(i, false, t.parent === undefined && children[i]!.length === 0), { forced, onItem, ...lists }));
  const isCatalog = results.map((r) => r.header !== undefined || r.list !== undefined);
  // Parents come before their nested tables in document order.
  tables.forEach((t, i) => {
    const p = t.parent;
    if (p !== undefined && !isCatalog[i] && (isCatalog[p] || inlined[p])) inlined[i] = true;
  });
  tables.forEach((_, i) => {
    if (isCatalog[i] && children[i]!.some((c) => inlined[c])) results[i] = readGrid(gridOf(i, true), { forced, ...lists });
  });

  // A cell cut to Excel's limit is reported with the table it shows in (a table inlined into a cell
  // shows in its parent's), at its own table's cell.
  const cut: Finding[][] = tables.map(() => []);
  tables.forEach((t, i) => {
    let owner = i;
    while (inlined[owner] && tables[owner]!.parent !== undefined) owner = tables[owner]!.parent!;
    for (const c of t.long ?? []) {
      cut[owner]!.push(finding('cell-truncated', { file, table: i + 1, row: c.row, column: c.col }, { length: c.length, limit: MAX_CELL_CHARS, why: '这样的内容无法写入 Excel 工作簿' }));
    }
    for (const u of t.unread ?? []) {
      const at = u.col === 0 ? { file, table: i + 1, row: u.row } : { file, table: i + 1, row: u.row, column: u.col };
      cut[owner]!.push(finding(u.hidden ? 'hidden-content' : 'content-unread', at, { what: u.what, sample: u.sample, advice: u.advice }));
    }
  });
  const sheets: GridSheet[] = [];
  tables.forEach((_, i) => {
    if (inlined[i]) return;
    const result = results[i]!;
    const first = firsts[i];
    const sheet: GridSheet = { name: tableName(i + 1), hidden: false, hasContent: first !== undefined, result, at: { file, table: i + 1 } };
    if (first !== undefined) sheet.sample = shortText(first);
    if (cut[i]!.length) sheet.findings = cut[i];
    sheets.push(sheet);
  });
  options.onProgress?.(items, 1);
  return assembleCatalog(file, sheets, forced, false, { what }, lists.layout);
}
