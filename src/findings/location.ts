// Where a value came from, and every way zwgk names such a place: A1 cell addresses, a table's row and
// column, a YAML line; in messages (formatLocation, describeAt), as merge's 来源 (originOf), as a key
// for grouping by cell (locationKey) and in a deterministic order (compareLocations). Nothing else in
// src/ spells a location on its own.

/** Where a value came from: a sheet cell (A1, top-left of a merged range), a YAML line/column, or a table
 * of a web page or Word document by its row and column (all 1-based). */
export interface SourceRef {
  file: string;
  sheet?: string;
  cell?: string;
  /** A table of a web page or Word document, counted from 1 in document order (nested tables included);
   * `row` and `column` are then the row and column within that table. */
  table?: number;
  row?: number;
  line?: number;
  column?: number;
  /** A block of cells the location stands for (A1:D9; in a table 第 3–9 行 第 1–11 列), when it is more than
   * one cell; `cell` (in a table `row` and `column`) is its top-left. */
  range?: string;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const LETTERS: string[] = [];

/** A1 address of a 1-based row and column. */
export function a1(row: number, col: number): string {
  const letters = col < 1024 ? (LETTERS[col] ??= columnLetters(col)) : columnLetters(col);
  return letters + row;
}

/** The column number of A1 column letters (A → 1; lower case accepted). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return n;
}

/** A table of a page or Word document in words: 第 2 个表格. */
export function tableName(table: number): string {
  return `第 ${table} 个表格`;
}

/** A cell (or block of cells) of a table in words: 第 7 行 第 9 列, 第 3–9 行 第 1–11 列. */
export function tableCellText(at: SourceRef): string {
  if (at.range) return at.range;
  if (at.row === undefined) return '';
  return at.column === undefined ? `第 ${at.row} 行` : `第 ${at.row} 行 第 ${at.column} 列`;
}

/** Human-readable place: 文件 › 工作表!C5, 文件 › 第 2 个表格 第 7 行 第 9 列, or 文件:12:5. */
export function formatLocation(at: SourceRef): string {
  if (at.table !== undefined) {
    const cell = tableCellText(at);
    return `${at.file} › ${tableName(at.table)}${cell ? ' ' + cell : ''}`;
  }
  if (at.sheet !== undefined || at.cell !== undefined) {
    const cell = at.range ?? at.cell;
    return `${at.file} › ${at.sheet ?? ''}${cell ? '!' + cell : at.row ? ` 第${at.row}行` : ''}`;
  }
  if (at.line !== undefined) return `${at.file}:${at.line}${at.column !== undefined ? ':' + at.column : ''}`;
  return at.file;
}

/** Where an item came from, as merge writes it to 来源: the place of its first cell (never a range), and a
 * YAML entry by its line only: "文件 › 工作表!A5", "文件 › 第 2 个表格 第 5 行 第 1 列", "文件:12". */
export function originOf(at: SourceRef): string {
  if (at.table !== undefined || at.sheet !== undefined || at.cell !== undefined) return formatLocation({ ...at, range: undefined });
  return formatLocation({ file: at.file, line: at.line });
}

/** A location in words for messages: 工作表“Sheet1”C5 单元格, 第 2 个表格 第 7 行 第 1 列, or 第 12 行. */
export function describeAt(at: SourceRef): string {
  if (at.cell) return `${at.sheet ? `工作表“${at.sheet}”` : ''}${at.cell} 单元格`;
  if (at.table !== undefined) return `${tableName(at.table)} ${tableCellText(at)}`;
  if (at.row !== undefined) return `${at.sheet ? `工作表“${at.sheet}”` : ''}第 ${at.row} 行`;
  if (at.line !== undefined) return `第 ${at.line} 行`;
  return at.file;
}

/** A stable key for a location (same cell, same key), used to group fixes by cell. */
export function locationKey(at: SourceRef): string {
  if (at.cell) return `${at.file}\u0000${at.sheet ?? ''}\u0000${at.cell}`;
  if (at.table !== undefined) return `${at.file}\u0000#${at.table}\u0000${at.row ?? ''}\u0000${at.column ?? ''}`;
  return `${at.file}\u0000${at.line ?? at.row ?? ''}\u0000${at.column ?? ''}`;
}

/** Row and column of an A1 address ([0, 0] for anything else). */
function cellOrder(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  return m ? [Number(m[2]), columnNumber(m[1]!)] : [0, 0];
}

/** Document order: file, sheet, table, then row (or line) and column; 0 for the same place. */
export function compareLocations(la: SourceRef, lb: SourceRef): number {
  if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
  if ((la.sheet ?? '') !== (lb.sheet ?? '')) return (la.sheet ?? '') < (lb.sheet ?? '') ? -1 : 1;
  if ((la.table ?? 0) !== (lb.table ?? 0)) return (la.table ?? 0) - (lb.table ?? 0);
  const [ra, ca] = la.cell ? cellOrder(la.cell) : [la.line ?? la.row ?? 0, la.column ?? 0];
  const [rb, cb] = lb.cell ? cellOrder(lb.cell) : [lb.line ?? lb.row ?? 0, lb.column ?? 0];
  return ra - rb || ca - cb;
}
