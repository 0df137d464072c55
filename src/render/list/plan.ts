// A list of another layout as a workbook plan (render/xlsx/plan.ts): the title merged across, the 编制单位/
// 日期 line, the header (a √ group's heading merged over its options, the other labels over both header
// rows), one row per row of an item with its per-item cells merged down, widths and print setup from the
// layout. Read back by the list reader into the same values. The template (draft/list-template.ts) is this
// plan of an empty list.
import { formatMetaLine } from '../../settings/texts.js';
import { CHANNEL_OFF, TICK } from '../../settings/vocab.js';
import { isBlankHeaderKey } from '../../settings/columns.js';
import type { ListDoc, ListItem } from '../../model/list.js';
import type { LayoutColumn } from '../../layouts/types.js';
import { CATALOG_STYLES } from '../xlsx.js';
import { printSetup, heightFor, MIN_ROW_PT } from '../xlsx/print.js';
import type { CellValue, MergePlan, RowPlan, SheetPlan } from '../xlsx/plan.js';
import { wrappedLines } from '../common.js';

/** One printed column: a layout column, one option of a √ group, or an extra column. */
export interface ListPlanColumn {
  label: string;
  /** The option of a √ group this column is. */
  option?: string;
  column?: LayoutColumn;
  extra?: string;
  width: number;
}

/** The printed columns of a list, in order. */
export function listColumns(doc: ListDoc): ListPlanColumn[] {
  const out: ListPlanColumn[] = [];
  for (const c of doc.layout.columns) {
    if (c.kind === 'ticks') {
      const options = doc.options?.[c.key] ?? c.options;
      // Every option an item ticks is printed, the layout's own and any other written (kept, never dropped).
      const more = doc.items.flatMap((i) => (i.ticks[c.key]?.values ?? []).map((v) => v.text)).filter((t, i, all) => !options.includes(t) && all.indexOf(t) === i);
      for (const option of [...options, ...more]) out.push({ label: c.label, option, column: c, width: Math.max(6, Math.min(10, option.length * 2 + 2)) });
    } else out.push({ label: c.label, column: c, width: c.width ?? Math.max(8, c.label.length * 2 + 2) });
  }
  for (const extra of doc.extraColumns) out.push({ label: extra, extra, width: Math.max(10, extra.length * 2 + 2) });
  return out;
}

/** The text of a column in row `r` of an item (per-item columns only in row 0). */
function cellText(item: ListItem, col: ListPlanColumn, r: number): CellValue | undefined {
  if (col.extra !== undefined) return r === 0 ? (item.extra[col.extra]?.text ?? '') : undefined;
  const c = col.column!;
  if (col.option !== undefined) {
    if (r > 0) return undefined;
    const v = item.ticks[c.key]?.values.find((x) => x.text === col.option);
    return v ? (v.mark ?? TICK) : '';
  }
  if (c.per === 'row') return item.rows[r]?.[c.key]?.text ?? '';
  return r === 0 ? (item.values[c.key]?.text ?? '') : undefined;
}

/** The sheet of a list (or of an empty one with `blankRows` formatted rows, for a template). */
export function listSheet(doc: ListDoc, blankRows = 0): { sheet: SheetPlan; cols: ListPlanColumn[]; firstItemRow: number } {
  const cols = listColumns(doc);
  const widths = cols.map((c) => c.width);
  const total = widths.reduce((a, b) => a + b, 0);
  const rows: RowPlan[] = [];
  const merges: MergePlan[] = [];
  const last = cols.length;
  const title = doc.title?.trim() ? doc.title : doc.layout.print.title;
  rows.push({ values: [title], styles: ['title'], height: Math.max(30, wrappedLines(title, total / 1.5) * 22 + 8) });
  if (last > 1) merges.push({ top: 1, left: 1, bottom: 1, right: last });
  const meta = formatMetaLine(doc.unit, doc.date);
  if (meta) {
    rows.push({ values: [meta], styles: ['meta'], height: MIN_ROW_PT + 4 });
    if (last > 1) merges.push({ top: 2, left: 1, bottom: 2, right: last });
  }
  const headerTop = rows.length + 1;
  const two = cols.some((c) => c.option !== undefined);
  const headerStyles = cols.map(() => 'header');
  const top = cols.map((c) => (c.extra !== undefined && isBlankHeaderKey(c.extra) ? undefined : c.label));
  const bottom = cols.map((c) => c.option);
  let h = MIN_ROW_PT + 4;
  for (let i = 0; i < cols.length; ) {
    const col = cols[i]!;
    let j = i;
    if (col.option !== undefined) {
      while (j + 1 < cols.length && cols[j + 1]!.option !== undefined && cols[j + 1]!.column === col.column) j++;
      if (j > i) merges.push({ top: headerTop, left: i + 1, bottom: headerTop, right: j + 1 });
      // A group of one option: its heading still stands over it (read back as the group).
      for (let k = i + 1; k <= j; k++) top[k] = undefined;
    } else if (two) merges.push({ top: headerTop, left: i + 1, bottom: headerTop + 1, right: i + 1 });
    h = Math.max(h, heightFor(col.label, widths[i]!));
    i = j + 1;
  }
  rows.push({ values: top, styles: headerStyles, height: Math.ceil(h) });
  if (two) rows.push({ values: bottom, styles: headerStyles, height: MIN_ROW_PT + 4 });
  const firstItemRow = rows.length + 1;
  const styles = cols.map((c) => (c.option !== undefined || c.column?.kind === 'serial' || c.column?.kind === 'yesno' ? 'centred' : 'text'));
  for (const item of doc.items) {
    const n = Math.max(1, item.rows.length);
    const at = rows.length + 1;
    for (let r = 0; r < n; r++) {
      const values = cols.map((c) => cellText(item, c, r));
      const texts = values.map((v) => (v === undefined ? '' : String(v)));
      const height = Math.max(MIN_ROW_PT, ...texts.map((t, i) => heightFor(t, widths[i]!)));
      rows.push({ values, styles, height: Math.ceil(height) });
    }
    if (n > 1) cols.forEach((c, i) => {
      const perRow = c.column?.per === 'row' && c.option === undefined;
      if (!perRow) merges.push({ top: at, left: i + 1, bottom: at + n - 1, right: i + 1 });
    });
  }
  for (let k = 0; k < blankRows; k++) rows.push({ values: cols.map(() => ''), styles, height: 30 });
  if (doc.note?.trim()) {
    rows.push({ values: [doc.note], styles: ['note'], height: Math.max(MIN_ROW_PT, heightFor(doc.note, total * 0.95)) });
    if (last > 1) merges.push({ top: rows.length, left: 1, bottom: rows.length, right: last });
  }
  const print = printSetup(`${headerTop}:${two ? headerTop + 1 : headerTop}`);
  print.orientation = doc.layout.print.orientation;
  return {
    sheet: { name: doc.layout.name.slice(0, 31), widths, rows, merges, print, frozenRows: firstItemRow - 1, footer: '&C第 &P 页，共 &N 页' },
    cols,
    firstItemRow,
  };
}

export { CATALOG_STYLES as LIST_STYLES, CHANNEL_OFF };
