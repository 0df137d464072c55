// A Word table's cells while document-scanner.ts streams them: the text of the cell being read (kept up
// to CELL_TEXT_CAP, counted beyond) and where a closed cell goes — a cell of its own, or more of a cell
// merged down (w:vMerge) or sideways (legacy w:hMerge).
import { TABLE_LIMITS } from '../../settings/limits.js';
import type { TextPool } from '../../model/strings.js';
import { compactCell, partsLength, sampleText, settleTableCell, tooComplex, trimLineBreaks, withinLimit, CELL_TEXT_CAP, type BuiltTable, type CellPart, type TableCell, type UnreadContent } from '../../grid/tables.js';

export interface PendingCell {
  col: number;
  span: number;
  vMerge?: 'restart' | 'continue';
  hMerge?: 'restart' | 'continue';
  parts: CellPart[];
  lines: string[];
  line: string;
  /** Characters of text kept so far (line breaks count one), at most CELL_TEXT_CAP. */
  kept: number;
  /** Characters counted past CELL_TEXT_CAP and not kept. */
  dropped: number;
  /** Line breaks past the cap, counted once text follows them (a cell's last paragraph mark is no character). */
  breaks: number;
  /** Deleted with changes tracked (w:cellDel). */
  deleted?: boolean;
  /** Hidden text (w:vanish), the first of it; what else the cell holds and does not read. */
  hidden?: string;
  unread?: Set<string>;
}

export interface OpenTable {
  index: number;
  table: BuiltTable;
  row: number;
  col: number;
  rowDeleted: boolean;
  /** Cells merging downwards, by their first grid column. */
  vertical: Map<number, TableCell>;
  /** The last cell placed in the current row (a legacy hMerge continue widens it). */
  previous?: TableCell;
  /** `previous` is in the table's cells (an empty cell that merges nothing is not kept). */
  previousKept: boolean;
  /** `previous` was counted as a merged range. */
  previousMerge: boolean;
  /** Cells of `table` before this index are settled, or wait in `vertical` to be (see settleRow). */
  settled: number;
  /** Where in the table's cells each cell of `vertical` is (every cell merging down is kept, so all are here). */
  verticalAt: Map<TableCell, number>;
  cell?: PendingCell;
  /** Equal short texts of the document's cells as one string, from the cell settled first (model/strings.ts). */
  pool: TextPool;
}

/** Place a closed cell in its table: a new cell, or more of the cell a vMerge or legacy hMerge continues;
 * `charge` counts what is kept against the read budget. */
export function placeCell(t: OpenTable, pending: PendingCell, file: string, charge: (col: number, what: 'value' | 'more' | 'merge', chars?: number) => void): void {
  // A cell deleted with changes tracked: once they are accepted it is gone, the next cell takes its place.
  if (pending.deleted) return;
  noteUnread(t, pending);
  const rest = takeText(pending);
  if (rest !== '') pending.parts.push(rest);
  const col = pending.col;
  const right = col + pending.span - 1;
  t.col = right + 1;
  if (right > TABLE_LIMITS.maxColumns) throw tooComplex(file, `的第 ${t.index + 1} 个表格超过 ${TABLE_LIMITS.maxColumns} 列`, `${TABLE_LIMITS.maxColumns} 列`);
  const { parts, length } = withinLimit(pending.parts, pending.dropped);
  if (length !== undefined) (t.table.long ??= []).push({ row: t.row, col, length });
  const chars = partsLength(parts);
  const previous = t.previous;
  if (pending.hMerge === 'continue' && previous && previous.row === t.row && previous.right === col - 1) {
    // A cell widened by a legacy hMerge is a merged range from now on (if it was not one already).
    if (!t.previousKept) {
      t.table.cells.push(previous);
      t.previousKept = true;
    }
    if (!t.previousMerge) charge(previous.col, 'merge');
    t.previousMerge = true;
    previous.right = right;
    if (chars > 0) charge(col, 'more', chars);
    previous.parts.push(...separated(previous.parts, parts));
    return;
  }
  const above = pending.vMerge === 'continue' ? t.vertical.get(col) : undefined;
  if (above && above.bottom === t.row - 1) {
    above.bottom = t.row;
    // Text left in a continuing cell would be hidden by Word; kept as further lines of the merged cell.
    if (chars > 0) charge(col, 'more', chars);
    above.parts.push(...separated(above.parts, parts));
    t.previous = above;
    t.previousKept = true;
    t.previousMerge = true;
    return;
  }
  const cell: TableCell = { row: t.row, col, bottom: t.row, right, parts };
  for (const [start, c] of t.vertical) if (start <= right && c.right >= col) endVertical(t, start, c);
  if (pending.vMerge) t.vertical.set(col, cell);
  t.previous = cell;
  // What the budget counts is what is kept: a value, a range that merges (or may, by vMerge or
  // hMerge); an empty cell that merges nothing is left out (a table of millions of them stays small).
  const merges = right > col || pending.vMerge !== undefined || pending.hMerge !== undefined;
  t.previousKept = parts.length > 0 || merges;
  t.previousMerge = merges;
  if (!t.previousKept) return;
  if (parts.length > 0) charge(col, 'value', chars);
  if (merges) charge(col, 'merge');
  if (pending.vMerge) t.verticalAt.set(cell, t.table.cells.length);
  t.table.cells.push(cell);
}

/** A vertical merge has ended: its cell is final, compacted in its place (unless the row may still widen it). */
function endVertical(t: OpenTable, start: number, c: TableCell): void {
  t.vertical.delete(start);
  const at = t.verticalAt.get(c);
  t.verticalAt.delete(c);
  if (at !== undefined && c !== t.previous) t.table.cells[at] = compactCell(c, t.pool);
  else settleTableCell(c, t.pool);
}

/** Name what a cell holds and does not read: hidden text, text boxes, symbols, embedded documents. */
function noteUnread(t: OpenTable, pending: PendingCell): void {
  const notes: UnreadContent[] = [];
  if (pending.hidden && /\S/u.test(pending.hidden)) {
    notes.push({ row: t.row, col: pending.col, hidden: true, what: '设为“隐藏”的文字', sample: sampleText(pending.hidden), advice: '如需公开，请在 Word 中选中这些文字，在“字体”中取消“隐藏”' });
  }
  for (const what of pending.unread ?? []) {
    notes.push({ row: t.row, col: pending.col, hidden: false, what: `单元格中的${what}`, sample: '', advice: 'zwgk 只读取表格单元格中的文字；如果其中有目录内容，请把它写进单元格' });
  }
  if (notes.length) (t.table.unread ??= []).push(...notes);
}

/** Text in a cell, kept up to CELL_TEXT_CAP characters and counted beyond. */
export function addText(cell: PendingCell, text: string): void {
  const room = CELL_TEXT_CAP - cell.kept;
  if (text.length <= room) {
    cell.line += text;
    cell.kept += text.length;
    return;
  }
  if (room > 0) cell.line += text.slice(0, room);
  cell.kept += Math.max(room, 0);
  cell.dropped += text.length - Math.max(room, 0) + cell.breaks;
  cell.breaks = 0;
}

/** A line break in a cell (a paragraph's end, w:br, w:cr), counted as one character. */
export function newLine(cell: PendingCell): void {
  if (cell.kept >= CELL_TEXT_CAP) {
    cell.breaks++;
    return;
  }
  cell.lines.push(cell.line);
  cell.line = '';
  cell.kept++;
}

/** A cell's lines so far as one text (trailing empty paragraphs dropped), and start afresh. */
export function takeText(cell: PendingCell): string {
  const lines = [...cell.lines, cell.line];
  cell.lines = [];
  cell.line = '';
  return trimLineBreaks(lines.join('\n'));
}

/** Parts appended to a cell's parts, on a line of their own. */
function separated(existing: CellPart[], more: CellPart[]): CellPart[] {
  if (more.length === 0) return [];
  return existing.length && typeof more[0] === 'string' ? ['\n', ...more] : more;
}

/**
 * A row has ended: its cells and the vertical merges it did not continue get no more parts, and are
 * settled and compacted in their places (compactCell) now, not when the whole document is read: their
 * parts, and the pieces of the decoded part their text points into, are not all held to the end (issue
 * 19). A cell that merges down waits in `vertical` (and `verticalAt`) until its merge ends.
 */
export function settleRow(t: OpenTable): void {
  for (const [col, c] of t.vertical) if (c.bottom < t.row) endVertical(t, col, c);
  const cells = t.table.cells;
  for (let k = t.settled; k < cells.length; k++) if (!t.verticalAt.has(cells[k]!)) cells[k] = compactCell(cells[k]!, t.pool);
  t.settled = cells.length;
}
