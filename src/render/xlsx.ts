// The catalog as an Excel workbook in the look of the 2017 sample table or the 2019 national layout:
// title row, bold bordered header, items with their item-level cells merged down and 事项类别 /
// 一级事项 merged over consecutive items of one category, ready to print (A4 landscape, fit to width,
// header repeated, sized rows, the 注 never alone on a page). Built as a plan (render/xlsx/plan.ts),
// which the `init` template starts from too, and written by render/xlsx/write.ts. Pure: returns bytes.
import { formatMetaLine, PRINT_FOOTER } from '../settings/texts.js';
import { COLUMNS, isBlankHeaderKey } from '../settings/columns.js';
import { TICK } from '../settings/vocab.js';
import type { Catalog, Item } from '../model/types.js';
import { categorySpellings, normaliseName } from '../model/names.js';
import { catalogTitle, noteText, channelChecklistText, tickCellText, itemText } from '../model/display.js';
import { serialValue } from '../model/document.js';
import { planColumns, textWidth, type PlanColumn } from './common.js';
import { fitToHeightForTail, heightFor, MAX_ROW_PT, MIN_ROW_PT, printScale, printSetup } from './xlsx/print.js';
import type { CellStyle, CellValue, SheetPlan, WorkbookPlan } from './xlsx/plan.js';
import { writeWorkbook, writeWorkbookPieces } from './xlsx/write.js';
import { sheetHead } from './xlsx/head.js';
import { OTHER_STYLES, otherSheetPlans } from './xlsx/other-sheets.js';

/** The one sheet's name. */
export const CATALOG_SHEET = '目录';
/** Body font size (pt); 宋体 is what Chinese office sheets use, and CJK glyphs are 2 width units. */
const FONT_SIZE = 11;
const FONT_NAME = '宋体';

const BORDER = { color: 'FF000000' };
const FONT = { name: FONT_NAME, size: FONT_SIZE };

/** The looks of a catalog sheet, by the names its rows use. */
export const CATALOG_STYLES = {
  title: { font: { name: FONT_NAME, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  header: { font: { ...FONT, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, fill: 'FFD9E2F3', border: BORDER },
  text: { font: FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BORDER },
  centred: { font: FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER },
  note: { font: { name: FONT_NAME, size: 10 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  meta: { font: { name: FONT_NAME, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' } },
} satisfies Record<string, CellStyle>;

/** The body style of each column: serials and √ centred, the rest left. */
export function bodyStyles(cols: readonly PlanColumn[]): (keyof typeof CATALOG_STYLES)[] {
  return cols.map((col) => (col.key === 'serial' || col.tick ? 'centred' : 'text'));
}

/** Text of an item-level cell as written to the sheet. */
function itemCell(catalog: Catalog, item: Item, col: PlanColumn): CellValue {
  if (col.tick) return tickCellText(item, col.tick.group, col.tick.labels, col.tick.index, TICK);
  if (col.key === 'channels') return channelChecklistText(catalog, item);
  if (col.key === 'serial') return serialValue(item.serial.text);
  return itemText(item, col.key, col.extra);
}

/** Text of a per-pair cell (公开内容 / 公开标准) in pair row `p`. */
function pairCell(item: Item, col: PlanColumn, p: number): string {
  const pair = item.pairs[p];
  if (!pair) return '';
  return col.key === 'content' ? pair.content.text : (pair.standard?.text ?? '');
}

/** Column widths from content: widest line (+ padding), at least the header's, at most the cap. */
function columnWidths(catalog: Catalog, cols: PlanColumn[]): number[] {
  return cols.map((col) => {
    const headerW = Math.max(textWidth(col.sub ?? ''), col.sub ? 0 : textWidth(col.label)) + 2;
    if (col.tick) return Math.max(6, headerW);
    // Widest a column grows before its text wraps: the column's `width` in the layout's definition.
    const cap = COLUMNS[catalog.profile].find((c) => c.key === col.key)?.width ?? 20;
    let want = headerW;
    for (const item of catalog.items) {
      if (want >= cap) break;
      if (col.perPair) {
        for (let p = 0; p < item.pairs.length; p++) want = Math.max(want, textWidth(pairCell(item, col, p)) + 2);
      } else {
        want = Math.max(want, textWidth(String(itemCell(catalog, item, col))) + 2);
      }
    }
    return Math.min(Math.max(want, headerW), Math.max(cap, headerW));
  });
}

/** A merged block: column `col` over rows [from, to] of an item's rows (0-based in the item). */
interface Block {
  col: number;
  from: number;
  to: number;
  text: string;
}

/** A blank cell is no value: the sheet shows it empty, and an empty string would be a shared string. */
const valueOrNone = (v: CellValue): CellValue | undefined => (v === '' ? undefined : v);

/**
 * Plan the rows of one item: one row per pair, the item-level cells on the first row, merged blocks,
 * and heights that give every block, merged or not, the lines its text needs (spreadsheets do not grow
 * merged wrapped rows: a block's missing height is spread over its rows). `category` is the text of the
 * category cell, or undefined (the cell is left blank and asks for no height) when the item continues a
 * run of one category, whose first cell is merged over the run.
 */
function planItem(
  catalog: Catalog,
  item: Item,
  cols: PlanColumn[],
  widths: number[],
  category: string | undefined,
): { rows: { values: (CellValue | undefined)[]; height: number }[]; blocks: Block[] } {
  const rows: { values: (CellValue | undefined)[]; height: number }[] = [];
  const blocks: Block[] = [];
  const n = Math.max(1, item.pairs.length);
  for (let p = 0; p < n; p++) {
    rows.push({ values: cols.map((col) => (col.perPair ? valueOrNone(pairCell(item, col, p)) : undefined)), height: MIN_ROW_PT });
  }
  cols.forEach((col, c) => {
    if (col.perPair || (col.key === 'category' && category === undefined)) return;
    const value = col.key === 'category' ? category! : itemCell(catalog, item, col);
    rows[0]!.values[c] = valueOrNone(value);
    blocks.push({ col: c, from: 0, to: n - 1, text: String(value) });
  });
  // Heights: single rows first (their own cells), then blocks from the shortest up.
  for (const row of rows) {
    cols.forEach((col, c) => {
      if (col.perPair) row.height = Math.max(row.height, heightFor(String(row.values[c] ?? ''), widths[c]!));
    });
  }
  for (const b of blocks) {
    const need = heightFor(b.text, widths[b.col]!);
    let have = 0;
    for (let r = b.from; r <= b.to; r++) have += rows[r]!.height;
    if (need > have) {
      const add = (need - have) / (b.to - b.from + 1);
      for (let r = b.from; r <= b.to; r++) rows[r]!.height += add;
    }
  }
  for (const row of rows) row.height = Math.min(MAX_ROW_PT, Math.ceil(row.height * 4) / 4);
  return { rows, blocks: blocks.filter((b) => b.to > b.from) };
}

/** The catalog sheet's plan and what a builder on top of it (the `init` template) needs to know. */
export interface CatalogSheet {
  sheet: SheetPlan;
  cols: PlanColumn[];
  /** The first row under the header (1-based). */
  bodyRow: number;
}

/** Plan the catalog's sheet: title, 编制单位/日期, header, items, and the 注 unless `note` is false. */
export function catalogSheet(catalog: Catalog, { note: withNote = true } = {}): CatalogSheet {
  const cols = planColumns(catalog);
  const widths = columnWidths(catalog, cols);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const twoRowHeader = cols.some((c) => c.sub !== undefined);
  const meta = formatMetaLine(catalog.unit, catalog.date);
  // Title, 编制单位 and 日期 under it when the catalog names them, the 表前说明 lines: each merged across.
  const { rows, merges, headerTop } = sheetHead(catalogTitle(catalog), meta, catalog.preface, cols.length, totalWidth);
  const headerBottom = twoRowHeader ? headerTop + 1 : headerTop;
  const last = cols.length;
  const across = (row: number): void => void merges.push({ top: row, left: 1, bottom: row, right: last });

  // Header: one row, or two with group labels over their sub-columns.
  const headerStyles = cols.map(() => 'header');
  const headerHeight = (text: string, width: number): number => Math.max(MIN_ROW_PT + 4, heightFor(text, width));
  let h1 = MIN_ROW_PT;
  let h2 = MIN_ROW_PT;
  // A column that had no header label in its source gets none back, so it reads back under its key.
  const top = cols.map((col) => (col.extra !== undefined && isBlankHeaderKey(col.extra) ? undefined : col.label));
  const bottom = cols.map((col, i) => {
    if (col.sub !== undefined) h2 = Math.max(h2, headerHeight(col.sub, widths[i]!));
    return col.sub;
  });
  for (let i = 0; i < cols.length; ) {
    const col = cols[i]!;
    let j = i;
    if (col.sub !== undefined) {
      while (j + 1 < cols.length && cols[j + 1]!.sub !== undefined && cols[j + 1]!.label === col.label) j++;
      let w = 0;
      for (let k = i; k <= j; k++) w += widths[k]!;
      h1 = Math.max(h1, headerHeight(col.label, w));
      merges.push({ top: headerTop, left: i + 1, bottom: headerTop, right: j + 1 });
    } else {
      // A single-row label merged over both header rows needs their combined height.
      const need = headerHeight(col.label, widths[i]!);
      h1 = Math.max(h1, twoRowHeader ? need - h2 : need);
      if (twoRowHeader) merges.push({ top: headerTop, left: i + 1, bottom: headerBottom, right: i + 1 });
    }
    i = j + 1;
  }
  rows.push({ values: top, styles: headerStyles, height: Math.ceil(h1) });
  if (twoRowHeader) rows.push({ values: bottom, styles: headerStyles, height: Math.ceil(h2) });

  // Body. Consecutive items of one 事项类别 / 一级事项 share one category cell, as the sample table and
  // the national sheets print them: the run's first item writes it, the others leave theirs blank, and
  // one merge covers the run.
  const styles = bodyStyles(cols);
  const categoryCol = cols.findIndex((c) => c.key === 'category');
  const spellings = categorySpellings(catalog.items);
  let run: { key: string; from: number } | undefined;
  const endRun = (): void => {
    const end = rows.length;
    if (run && categoryCol >= 0 && end > run.from) merges.push({ top: run.from, left: categoryCol + 1, bottom: end, right: categoryCol + 1 });
  };
  for (const item of catalog.items) {
    // Spellings that differ only in white space, width or punctuation are one category, shown by its
    // most common spelling.
    const key = normaliseName(item.category.text);
    const continues = run !== undefined && run.key === key;
    if (!continues) {
      endRun();
      run = { key, from: rows.length + 1 };
    }
    const first = rows.length + 1;
    const planned = planItem(catalog, item, cols, widths, continues ? undefined : spellings.get(key)!.name);
    for (const { values, height } of planned.rows) rows.push({ values, styles, height });
    for (const b of planned.blocks) {
      // The category is merged over the whole run instead, when the run ends.
      if (b.col !== categoryCol) merges.push({ top: first + b.from, left: b.col + 1, bottom: first + b.to, right: b.col + 1 });
    }
  }
  endRun();

  // The 注 row (2017 always; 2019 when the catalog has notes), merged across.
  const note = withNote ? noteText(catalog) : undefined;
  if (note !== undefined) {
    rows.push({ values: [note], styles: ['note'], height: Math.min(MAX_ROW_PT, Math.max(MIN_ROW_PT, heightFor(note, totalWidth * 0.95))) });
    across(rows.length);
  }

  // A 注 that would print alone on a last page (under a repeated header) makes the print fit the
  // pages the items fill.
  const heights = rows.map((r) => r.height!);
  const fitToHeight = fitToHeightForTail(heights, [headerTop - 1, headerBottom - 1], printScale(widths), note !== undefined ? 1 : 0);
  const sheet: SheetPlan = {
    name: CATALOG_SHEET,
    widths,
    rows,
    merges,
    print: printSetup(`${headerTop}:${headerBottom}`, fitToHeight),
    footer: `&C${PRINT_FOOTER}`,
    frozenRows: headerBottom,
  };
  return { sheet, cols, bodyRow: headerBottom + 1 };
}

/** Render a catalog as an .xlsx workbook (one sheet, sample-table or national layout, print-ready). */
export async function renderXlsx(catalog: Catalog): Promise<Uint8Array> {
  return writeWorkbook(catalogPlan(catalog));
}

/** As renderXlsx, the workbook's bytes in pieces (for saving a large one without joining them first). */
export async function renderXlsxPieces(catalog: Catalog): Promise<Uint8Array[]> {
  return writeWorkbookPieces(catalogPlan(catalog));
}

/** The workbook plan of a catalog: its sheet, and the source's other sheets kept. */
function catalogPlan(catalog: Catalog): WorkbookPlan {
  const main = catalogSheet(catalog).sheet;
  const others = otherSheetPlans(catalog.otherSheets, [main.name]);
  if (!others.length) return { styles: CATALOG_STYLES, sheets: [main] };
  // The catalog stays the sheet a workbook opens on, whichever kept sheet is hidden.
  return { styles: { ...CATALOG_STYLES, ...OTHER_STYLES }, sheets: [main, ...others], activeSheet: 0 };
}
