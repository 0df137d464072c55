// A list of another layout as an Excel workbook in the look of the catalog's (render/xlsx.ts): the title
// merged across, 编制单位/日期 under it, a bold bordered header (a tick column's heading merged over its √
// option columns, every other label merged down over both header rows), each item on as many rows as it
// has records of per-row columns with its per-item cells merged down over them, the 注 below; widths from
// the layout, sized rows, A4 in the layout's orientation with the header repeated. Built as a plan and
// written by render/xlsx/write.ts, so every value is a text or a number cell, never a formula.
import { formatMetaLine, PRINT_FOOTER } from '../../settings/texts.js';
import { isBlankHeaderKey } from '../../settings/columns.js';
import { NOTE_ROW_PREFIX, TICK } from '../../settings/vocab.js';
import { serialValue } from '../../model/document.js';
import type { ListDoc, ListItem } from '../../model/list.js';
import { textWidth } from '../common.js';
import { fitToHeightForTail, heightFor, MAX_ROW_PT, MIN_ROW_PT, printScale, printSetup } from '../xlsx/print.js';
import type { CellValue, SheetPlan } from '../xlsx/plan.js';
import { writeWorkbook } from '../xlsx/write.js';
import { sheetHead } from '../xlsx/head.js';
import { OTHER_STYLES, otherSheetPlans } from '../xlsx/other-sheets.js';
import { CATALOG_STYLES } from '../xlsx.js';
import { itemCell, itemRowCount, listColumns, listTitle, rowText, tickText, type ListPlanColumn } from './columns.js';

/** Widest a column without a layout width grows from its content before its text wraps (width units, CJK = 2). */
const MAX_WIDTH = 20;

/** The sheet's name: the layout's, without the characters a sheet name may not hold, at most 31 characters. */
export function listSheetName(doc: ListDoc): string {
  const name = [...doc.layout.name.replace(/[[\]:*?/\\']/g, '')].slice(0, 31).join('').trim();
  return name || '清单';
}

/** The body style of each column: 序号, √ and 是/否 centred, the rest left. */
export function listBodyStyles(cols: readonly ListPlanColumn[]): (keyof typeof CATALOG_STYLES)[] {
  return cols.map((col) => (col.option || col.column?.kind === 'serial' || col.column?.kind === 'yesno' ? 'centred' : 'text'));
}

/** What an item's per-item cell of a column holds in the sheet. */
function itemValue(item: ListItem, col: ListPlanColumn): CellValue {
  if (col.option) return tickText(item, col, TICK);
  const text = itemCell(item, col)?.text ?? '';
  return col.column?.kind === 'serial' ? serialValue(text) : text;
}

/** The widest a column grows past the layout's width for a code or number that would otherwise break mid-word. */
const MAX_TOKEN = 24;

/** The width of the longest run of letters and digits in a column (a 宋体 digit is wider than the width unit), which a spreadsheet would break mid-word (事项编码 330217001000, a telephone number). */
function longestToken(doc: ListDoc, col: ListPlanColumn): number {
  let max = 0;
  const scan = (text: string): void => {
    for (const m of text.matchAll(/[A-Za-z0-9_.\-]+/g)) max = Math.max(max, Math.ceil(m[0].length * 1.2) + 2);
  };
  for (const item of doc.items) {
    if (col.perRow) for (let r = 0; r < item.rows.length; r++) scan(rowText(item, col, r));
    else scan(String(itemValue(item, col)));
  }
  return max;
}

/** Column widths: the layout's (wider for a long code), else from the content (at least the header's, at most MAX_WIDTH). */
function columnWidths(doc: ListDoc, cols: readonly ListPlanColumn[]): number[] {
  return cols.map((col) => {
    if (col.option) return Math.max(6, textWidth(col.option.label) + 2);
    if (col.column?.width !== undefined) return Math.max(col.column.width, Math.min(MAX_TOKEN, longestToken(doc, col)));
    const header = textWidth(col.label) + 2;
    let want = header;
    for (const item of doc.items) {
      if (want >= MAX_WIDTH) break;
      if (col.perRow) for (let r = 0; r < item.rows.length; r++) want = Math.max(want, textWidth(rowText(item, col, r)) + 2);
      else want = Math.max(want, textWidth(String(itemValue(item, col))) + 2);
    }
    return Math.max(header, Math.min(want, MAX_WIDTH), Math.min(MAX_TOKEN, longestToken(doc, col)));
  });
}

/** A blank cell is no value: the sheet shows it empty, and an empty string would be a shared string. */
const valueOrNone = (v: CellValue): CellValue | undefined => (v === '' ? undefined : v);

/**
 * The rows of one item: a row per record of its per-row columns, per-item values on the first, and heights
 * that give every cell, merged or not, the lines its text needs (a merged block's missing height is
 * spread over its rows: spreadsheets do not grow merged wrapped rows).
 */
function planItem(item: ListItem, cols: readonly ListPlanColumn[], widths: readonly number[]): { rows: { values: (CellValue | undefined)[]; height: number }[]; merged: number[] } {
  const n = itemRowCount(item);
  const rows = Array.from({ length: n }, (_, r) => ({
    values: cols.map((col) => (col.perRow ? valueOrNone(rowText(item, col, r)) : undefined)),
    height: MIN_ROW_PT,
  }));
  const merged: number[] = [];
  for (const row of rows) cols.forEach((col, c) => col.perRow && (row.height = Math.max(row.height, heightFor(String(row.values[c] ?? ''), widths[c]!))));
  cols.forEach((col, c) => {
    if (col.perRow) return;
    const value = itemValue(item, col);
    rows[0]!.values[c] = valueOrNone(value);
    if (n > 1) merged.push(c);
    const need = heightFor(String(value), widths[c]!);
    const have = rows.reduce((sum, r) => sum + r.height, 0);
    if (need > have) for (const r of rows) r.height += (need - have) / n;
  });
  for (const row of rows) row.height = Math.min(MAX_ROW_PT, Math.ceil(row.height * 4) / 4);
  return { rows, merged };
}

/** The list's sheet and what a builder on top of it (the drafting template) needs to know. */
export interface ListSheet {
  sheet: SheetPlan;
  cols: ListPlanColumn[];
  /** The first row under the header (1-based). */
  bodyRow: number;
}

/** The 注 as a row of the sheet: as written when it starts like a 注 (注：…), else with 注： before it, so it reads back as the 注 and not as an item. */
function noteRowText(note: string): string {
  return NOTE_ROW_PREFIX.test(note) ? note : `注：${note}`;
}

/** Plan the list's sheet: title, 编制单位/日期, header, items, and the 注 unless `note` is false. */
export function listSheet(doc: ListDoc, { note: withNote = true, title = listTitle(doc) } = {}): ListSheet {
  const cols = listColumns(doc);
  const widths = columnWidths(doc, cols);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const two = cols.some((c) => c.option);
  const meta = formatMetaLine(doc.unit?.trim() || undefined, doc.date?.trim() || undefined);
  const { rows, merges, headerTop } = sheetHead(title, meta, doc.preface, cols.length, totalWidth);
  const headerBottom = two ? headerTop + 1 : headerTop;
  const across = (row: number): void => void merges.push({ top: row, left: 1, bottom: row, right: cols.length });

  // Header. A column that had no header label in its source (无表头列N) gets none back, so it reads back under its key.
  const headerStyles = cols.map(() => 'header');
  const headerHeight = (text: string, width: number): number => Math.max(MIN_ROW_PT + 4, heightFor(text, width));
  const top: (string | undefined)[] = cols.map((col) => (col.extra !== undefined && isBlankHeaderKey(col.extra) ? undefined : col.label));
  const bottom: (string | undefined)[] = cols.map(() => undefined);
  let h1 = MIN_ROW_PT;
  let h2 = MIN_ROW_PT;
  for (let i = 0; i < cols.length; ) {
    const col = cols[i]!;
    if (col.option) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1]!.option && cols[j + 1]!.column === col.column) j++;
      for (let k = i; k <= j; k++) {
        bottom[k] = cols[k]!.option!.label;
        h2 = Math.max(h2, headerHeight(bottom[k]!, widths[k]!));
        if (k > i) top[k] = undefined;
      }
      h1 = Math.max(h1, headerHeight(col.label, widths.slice(i, j + 1).reduce((a, b) => a + b, 0)));
      if (j > i) merges.push({ top: headerTop, left: i + 1, bottom: headerTop, right: j + 1 });
      i = j + 1;
    } else {
      if (two) merges.push({ top: headerTop, left: i + 1, bottom: headerBottom, right: i + 1 });
      i++;
    }
  }
  // A label merged down over both header rows needs their combined height.
  cols.forEach((col, i) => !col.option && top[i] !== undefined && (h1 = Math.max(h1, headerHeight(top[i]!, widths[i]!) - (two ? h2 : 0))));
  rows.push({ values: top, styles: headerStyles, height: Math.ceil(h1) });
  if (two) rows.push({ values: bottom, styles: headerStyles, height: Math.ceil(h2) });

  const styles = listBodyStyles(cols);
  for (const item of doc.items) {
    const first = rows.length + 1;
    const planned = planItem(item, cols, widths);
    for (const { values, height } of planned.rows) rows.push({ values, styles, height });
    for (const c of planned.merged) merges.push({ top: first, left: c + 1, bottom: first + planned.rows.length - 1, right: c + 1 });
  }

  const note = withNote && doc.note?.trim() ? noteRowText(doc.note) : undefined;
  if (note !== undefined) {
    rows.push({ values: [note], styles: ['note'], height: Math.min(MAX_ROW_PT, Math.max(MIN_ROW_PT, heightFor(note, totalWidth * 0.95))) });
    across(rows.length);
  }

  const orientation = doc.layout.print.orientation;
  // The estimate of where pages break knows A4 landscape; on portrait paper the 注 is left to the application.
  const fitToHeight = orientation === 'landscape' ? fitToHeightForTail(rows.map((r) => r.height!), [headerTop - 1, headerBottom - 1], printScale(widths), note !== undefined ? 1 : 0) : 0;
  const sheet: SheetPlan = {
    name: listSheetName(doc),
    widths,
    rows,
    merges,
    print: { ...printSetup(`${headerTop}:${headerBottom}`, fitToHeight), orientation },
    footer: `&C${PRINT_FOOTER}`,
    frozenRows: headerBottom,
  };
  return { sheet, cols, bodyRow: headerBottom + 1 };
}

/** Render a list of another layout as an .xlsx workbook (one sheet, print-ready). */
export async function renderListXlsx(doc: ListDoc): Promise<Uint8Array> {
  const main = listSheet(doc).sheet;
  const others = otherSheetPlans(doc.otherSheets, [main.name]);
  if (!others.length) return writeWorkbook({ styles: CATALOG_STYLES, sheets: [main] });
  return writeWorkbook({ styles: { ...CATALOG_STYLES, ...OTHER_STYLES }, sheets: [main, ...others], activeSheet: 0 });
}
