// What one row below the header is.
import type { Cells, ReadContext } from './context.js';

/** The cells a row holds itself (not covered by a merge from elsewhere), non-empty, left to right. */
export function ownCells(ctx: ReadContext, row: number, cells: Cells): [number, string][] {
  return [...cells]
    .filter(([col, text]) => {
      const m = ctx.cover(col);
      return text.trim() !== '' && !(m && (m.top !== row || m.left !== col));
    })
    .sort((a, b) => a[0] - b[0]);
}
