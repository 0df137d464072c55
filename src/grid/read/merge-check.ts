// Merged ranges a spreadsheet program would never write, dropped and reported before a grid is read.
import { finding, type Finding } from '../../findings/finding.js';
import type { Grid, MergeRange } from '../grid.js';
import { overlaps } from '../merges.js';

/**
 * Drop merges that a spreadsheet program would never write (outside the sheet, or overlapping an
 * earlier one) and report each into `findings`: reading them would attach values to the wrong cells.
 * Merges arrive sorted by top row; overlaps are found through a column index (merges.ts).
 */
export function checkMerges(grid: Grid, columns: number, findings: Finding[]): readonly MergeRange[] {
  const merges = grid.merges;
  const limits = grid.limits ?? { rows: Number.MAX_SAFE_INTEGER, cols: columns, text: '超出表格范围' };
  const range = (m: MergeRange) => grid.rangeAt(m.top, m.left, m.bottom, m.right).range ?? '';
  const inside = merges.filter((m) => m.bottom <= limits.rows && m.right <= limits.cols);
  const clashes = overlaps(inside, columns);
  const kept: MergeRange[] = [];
  let k = 0;
  for (const m of merges) {
    let detail: string | undefined;
    if (m.bottom > limits.rows || m.right > limits.cols) detail = limits.text;
    else {
      const clash = clashes[k++];
      if (clash) detail = `与合并区域 ${range(clash)} 重叠`;
    }
    if (detail) {
      const at = grid.at(Math.min(m.top, limits.rows), Math.min(m.left, limits.cols));
      findings.push(finding('merge-invalid', at, { range: range(m), detail }));
      continue;
    }
    kept.push(m);
  }
  // Most sheets have only sound merges: keep the grid's own list rather than a copy (200 000 merges).
  return kept.length === merges.length ? merges : kept;
}
