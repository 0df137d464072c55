// The rows above a sheet's header, for the catalog's and the lists' workbooks alike: the title, the
// 编制单位/日期 line, and each line of the 表前说明 (what the source had above its header), each merged across.
import { wrappedLines } from '../common.js';
import { heightFor, MAX_ROW_PT, MIN_ROW_PT } from './print.js';
import type { MergePlan, RowPlan } from './plan.js';

/** The head rows of a sheet `columns` wide (`totalWidth` in width units), and the row its header starts on. */
export function sheetHead(title: string, meta: string | undefined, preface: string | undefined, columns: number, totalWidth: number): { rows: RowPlan[]; merges: MergePlan[]; headerTop: number } {
  const rows: RowPlan[] = [];
  const merges: MergePlan[] = [];
  const across = (): void => void merges.push({ top: rows.length, left: 1, bottom: rows.length, right: columns });
  rows.push({ values: [title], styles: ['title'], height: Math.max(30, wrappedLines(title, totalWidth / 1.5) * 22 + 8) });
  across();
  if (meta) {
    rows.push({ values: [meta], styles: ['meta'], height: MIN_ROW_PT + 4 });
    across();
  }
  for (const line of (preface ?? '').split('\n')) {
    if (line.trim() === '') continue;
    rows.push({ values: [line], styles: ['note'], height: Math.min(MAX_ROW_PT, Math.max(MIN_ROW_PT, heightFor(line, totalWidth * 0.95))) });
    across();
  }
  return { rows, merges, headerTop: rows.length + 1 };
}
