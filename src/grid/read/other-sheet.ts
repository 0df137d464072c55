// A grid without a catalog header (填表说明, a hidden drop-down list, a page's 索引号/发布机构 table) is no
// part of the items, but every non-empty cell of a file is kept: its cells, as the source places them.
import type { OtherCell } from '../../model/types.js';
import type { Doc } from '../../model/list.js';
import type { GridRow, MergeRange } from '../grid.js';
import type { SourceRef } from '../../findings/location.js';
import { MergeSweep } from '../merges.js';

/** The non-empty cells of a grid (a merge: its top-left cell only), row by row, with their places. */
export function otherCells(rows: Iterable<GridRow>, place: (row: number, col: number) => SourceRef, merges: readonly MergeRange[], columns: number): OtherCell[] {
  const sweep = new MergeSweep(merges, columns);
  const out: OtherCell[] = [];
  for (const { row, cells } of rows) {
    sweep.advance(row);
    for (const [col, text] of cells) {
      if (text.trim() === '') continue;
      const m = sweep.cover(col);
      // A covered cell's own text is what Excel shows nowhere (it keeps the top-left's).
      if (m && (m.top !== row || m.left !== col)) continue;
      out.push({ row, col, text, at: place(row, col) });
    }
  }
  return out;
}

/** Keep a sheet without a catalog header whole in the document (model/types.ts OtherSheet). */
export function keepOther(doc: Doc, name: string, hidden: boolean, cells: OtherCell[] | undefined): void {
  if (!cells?.length) return;
  (doc.otherSheets ??= []).push({ name, ...(hidden ? { hidden: true } : {}), cells });
}
