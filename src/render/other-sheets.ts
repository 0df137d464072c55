// The sheets of the source that hold no catalog (model/types.ts OtherSheet) as pages and Markdown show
// them: after the catalog, folded, each sheet's rows with their cells in column order.
import type { OtherSheet } from '../model/types.js';
import { a1 } from '../findings/location.js';

/** A gap wider than this between two cells of a row is not drawn as empty cells (a sparse sheet stays small). */
const MAX_GAP = 8;

/** One kept sheet as a page draws it: its name, and each row's cells ('' for a short gap). */
export interface OtherSheetView {
  name: string;
  hidden: boolean;
  rows: string[][];
}

/** The view of the kept sheets: rows that hold something, cells left to right, short gaps kept. */
export function otherSheetsView(sheets: readonly OtherSheet[] | undefined): OtherSheetView[] {
  return (sheets ?? []).map((sheet) => {
    const left = Math.min(...sheet.cells.map((c) => c.col));
    const rows: string[][] = [];
    let row = -1;
    let line: string[] = [];
    let col = left;
    for (const c of sheet.cells) {
      if (c.row !== row) {
        if (row >= 0) rows.push(line);
        row = c.row;
        line = [];
        col = left;
      }
      const gap = c.col - col;
      if (gap > 0) for (let k = 0; k < Math.min(gap, MAX_GAP); k++) line.push('');
      line.push(c.text);
      col = c.col + 1;
    }
    if (row >= 0) rows.push(line);
    return { name: sheet.name, hidden: sheet.hidden === true, rows };
  });
}

/** The kept sheets as Markdown lines: a heading, then each cell as “A1：text”. */
export function otherSheetsMarkdown(sheets: readonly OtherSheet[] | undefined, line: (text: string) => string, cell: (text: string) => string): string[] {
  if (!sheets?.length) return [];
  const out = ['', '## 附：原文件中的其他内容（不属于目录）'];
  for (const sheet of sheets) {
    out.push('', `### ${line(sheet.name)}${sheet.hidden ? '（隐藏的工作表）' : ''}`, '');
    for (const c of sheet.cells) out.push(`- ${a1(c.row, c.col)}：${cell(c.text)}`);
  }
  return out;
}
