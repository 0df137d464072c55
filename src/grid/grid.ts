// The grid model: what every table-shaped source (a worksheet, an HTML or Word table) is
// turned into before it is read as a catalog. A grid is rows of cell texts, merged ranges, and a
// naming function that says where a cell is; grid/read/ reads any grid into items (header search,
// rows → items, 同上, notes rows, cell accounting), so every source gets the same reading.
// Rows are handed out one at a time in ascending order: a producer may keep them compactly and build
// each row only when it is asked for (the .xlsx reader keeps a whole sheet in a few flat arrays).
import { tableName, a1, columnLetters, type SourceRef } from '../findings/location.js';

/** A merged range of cells, 1-based and inclusive; its text is the text of its top-left cell. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One row of a grid: the texts of the cells it holds, by column (cells covered by a merge hold nothing). */
export interface GridRow {
  row: number;
  cells: ReadonlyMap<number, string>;
}

export interface Grid {
  /** The sheet's (or table's) name as locations give it. */
  readonly name: string;
  /** Merged ranges, sorted by top row and then left column. */
  readonly merges: readonly MergeRange[];
  /** Rows holding at least one cell, in ascending row order. */
  rows(): Iterable<GridRow>;
  /** Where a cell is, as the model and findings name it (a sheet's A1 cell, a table's row and column). */
  at(row: number, col: number): SourceRef;
  /** Where a block of cells is (a row's cells, a merged range, a whole sheet). */
  rangeAt(top: number, left: number, bottom: number, right: number): SourceRef;
  /** A column in words ("D列"), for messages and for the key of a column that has no header label. */
  columnName(col: number): string;
  /** The largest row and column a merge may reach, with how to say so; merges beyond are reported. */
  readonly limits?: { rows: number; cols: number; text: string };
  /** The grid is read once and its merges are its own: the reading lets go of each merge once its rows are
   * passed, emptying that slot of `merges` (a worksheet's 900 000 merges, 50 MB, were held to the sheet's end). */
  readonly readOnce?: boolean;
}

const NON_BLANK = /\S/u;

/** The bounding box of some non-empty cells, and how many there are. */
export interface Extent extends MergeRange {
  count: number;
}

/** Grows an extent cell by cell. */
export class ExtentTracker {
  private top = Infinity;
  private left = Infinity;
  private bottom = 0;
  private right = 0;
  private count = 0;

  /** Count the non-empty cells of one row. */
  add(row: number, cells: ReadonlyMap<number, string>): void {
    // forEach, not for…of: no [key, value] pair is allocated per cell of a 100 000-row sheet.
    cells.forEach((text, col) => {
      if (!NON_BLANK.test(text)) return;
      this.count++;
      if (row < this.top) this.top = row;
      if (row > this.bottom) this.bottom = row;
      if (col < this.left) this.left = col;
      if (col > this.right) this.right = col;
    });
  }

  /** The extent so far, or undefined when no cell was counted. */
  get(): Extent | undefined {
    return this.count === 0 ? undefined : { top: this.top, left: this.left, bottom: this.bottom, right: this.right, count: this.count };
  }
}

/** The bounding box of a grid's non-empty cells and their number, or undefined when it has none. */
export function gridExtent(grid: Grid): Extent | undefined {
  const tracker = new ExtentTracker();
  for (const { row, cells } of grid.rows()) tracker.add(row, cells);
  return tracker.get();
}

/** Excel's sheet size: 1,048,576 rows by 16,384 columns (XFD). */
const SHEET_LIMITS = { rows: 1048576, cols: 16384, text: '超出工作表范围（最多 1048576 行、XFD 列）' };

/**
 * A worksheet as a grid: cells named in A1 form (`工作表!D5`), columns by their letters. `rows` is
 * called each time the rows are walked (it may build them lazily from a compact store). `readOnce`: the
 * caller owns `merges` and reads the grid once, so the reading may empty the array as it passes them.
 */
export function sheetGrid(file: string, name: string, rows: () => Iterable<GridRow>, merges: readonly MergeRange[], readOnce = false): Grid {
  return {
    name,
    merges,
    rows,
    at: (row, col) => ({ file, sheet: name, cell: a1(row, col), row }),
    rangeAt: (top, left, bottom, right) => {
      const from = a1(top, left);
      const range = top === bottom && left === right ? from : `${from}:${a1(bottom, right)}`;
      return { file, sheet: name, cell: from, row: top, range };
    },
    columnName: (col) => `${columnLetters(col)}列`,
    limits: SHEET_LIMITS,
    readOnce,
  };
}

/** A span in words: 第 3 行, 第 3–9 行. */
function span(from: number, to: number, unit: string): string {
  return from === to ? `第 ${from} ${unit}` : `第 ${from}–${to} ${unit}`;
}

/**
 * A table of a web page or Word document as a grid: named 第 2 个表格, cells by row and column
 * ({table: 2, row: 7, column: 9}, shown as 第 2 个表格 第 7 行 第 9 列), a block as 第 3–9 行 第 1–11 列.
 * Its merges come from rowspan/colspan or vMerge/gridSpan, already clipped to the table. `readOnce` as
 * for sheetGrid.
 */
export function tableGrid(file: string, table: number, rows: () => Iterable<GridRow>, merges: readonly MergeRange[], readOnce = false): Grid {
  return {
    name: tableName(table),
    merges,
    readOnce,
    rows,
    at: (row, col) => ({ file, table, row, column: col }),
    rangeAt: (top, left, bottom, right) => {
      const at: SourceRef = { file, table, row: top, column: left };
      if (top !== bottom || left !== right) at.range = `${span(top, bottom, '行')} ${span(left, right, '列')}`;
      return at;
    },
    columnName: (col) => `第 ${col} 列`,
  };
}

/** Rows kept flat (few objects for 100 000 rows): row numbers, and where each row's cells start. */
export interface FlatRows {
  /** Row numbers, in document order. */
  numbers: number[];
  /** Where each row's cells start in `cols`/`texts`; one extra entry at the end. */
  starts: number[];
  cols: number[];
  texts: string[];
}

/** Walk flat rows as grid rows, building one row's map at a time. */
export function* flatRows(flat: FlatRows): Generator<GridRow> {
  const { numbers, starts, cols, texts } = flat;
  for (let k = 0; k < numbers.length; k++) {
    const cells = new Map<number, string>();
    for (let i = starts[k]!; i < starts[k + 1]!; i++) cells.set(cols[i]!, texts[i]!);
    yield { row: numbers[k]!, cells };
  }
}

/** A grid from plain arrays (row-major, 1-based positions; '' or undefined = no cell): for generated layouts and tests. */
export function arrayGrid(file: string, name: string, values: readonly (readonly (string | undefined)[])[], merges: readonly MergeRange[] = []): Grid {
  const rows: GridRow[] = [];
  values.forEach((line, r) => {
    const cells = new Map<number, string>();
    line.forEach((text, c) => {
      if (text !== undefined && text !== '') cells.set(c + 1, text);
    });
    if (cells.size) rows.push({ row: r + 1, cells });
  });
  const sorted = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  return sheetGrid(file, name, () => rows, sorted);
}
