// The catalog as an Excel workbook in the look of the 2017 sample table or the 2019 national layout:
// title row, bold bordered header, items with their item-level cells merged down and 事项类别 /
// 一级事项 merged over consecutive items of one category, ready to print (A4 landscape, fit to width,
// header repeated, sized rows, the 注 never alone on a page). Pure: returns the file's bytes.
import ExcelJS from 'exceljs';
import Dimensions from 'exceljs/lib/doc/range.js';
import { formatMetaLine, PRINT_FOOTER } from '../settings/texts.js';
import { isBlankHeaderKey } from '../settings/columns.js';
import { TICK } from '../settings/vocab.js';
import type { Catalog, Item } from '../model/types.js';
import { categorySpellings, normaliseName } from '../model/names.js';
import { catalogTitle, noteText, channelChecklistText, isTicked, itemText } from '../model/display.js';
import { planColumns, textWidth, wrappedLines, type PlanColumn } from './common.js';
import { serialValue } from '../model/document.js';
import { fitToHeightForTail, heightFor, MAX_ROW_PT, MIN_ROW_PT, printScale, printSetup } from './xlsx-print.js';
import { xlsxText } from './xlsx-text.js';

/** The one sheet's name. */
const SHEET_NAME = '目录';
/** Body font size (pt); 宋体 is what Chinese office sheets use, and CJK glyphs are 2 width units. */
const FONT_SIZE = 11;
const FONT_NAME = '宋体';

/** Widest a column grows before its text wraps, in width units (CJK char = 2). */
const MAX_WIDTH: Record<string, number> = {
  serial: 7,
  category: 14,
  name: 20,
  basis: 34,
  content: 26,
  standard: 34,
  subject: 18,
  platform: 20,
  deadline: 18,
  remark: 16,
  channels: 34,
  extra: 20,
};

type CellValue = string | number;

interface Styles {
  title: Partial<ExcelJS.Style>;
  header: Partial<ExcelJS.Style>;
  text: Partial<ExcelJS.Style>;
  centred: Partial<ExcelJS.Style>;
  note: Partial<ExcelJS.Style>;
  meta: Partial<ExcelJS.Style>;
}

/** Style objects are shared by reference: exceljs caches a style's id per object, so one object per
 * look keeps writing 100 000 rows cheap. */
function makeStyles(): Styles {
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
  const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
  const font: Partial<ExcelJS.Font> = { name: FONT_NAME, size: FONT_SIZE };
  return {
    title: {
      font: { name: FONT_NAME, size: 16, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    },
    header: {
      font: { ...font, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } },
      border,
    },
    text: { font, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border },
    centred: { font, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border },
    note: { font: { name: FONT_NAME, size: 10 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
    meta: { font: { name: FONT_NAME, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' } },
  };
}

/**
 * Record a merged range on a streaming worksheet without exceljs's overlap check.
 *
 * WorksheetWriter.mergeCells compares each new range with every earlier one (quadratic: 200 000
 * merges take minutes). Our layout never overlaps by construction, so this does exactly what
 * mergeCells does minus that scan: every covered cell becomes a merge cell pointing at the master
 * (which also copies the master's style, so borders show on every cell of the block), and the
 * range is pushed to `_merges`, from which the writer emits <mergeCells> on commit.
 * The rows must not have been committed yet. Exported for the test that compares it with mergeCells.
 */
export function mergeUnchecked(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (top === bottom && left === right) return;
  const master = ws.getCell(top, left);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (r !== top || c !== left) ws.getCell(r, c).merge(master);
    }
  }
  (ws as unknown as { _merges: object[] })._merges.push(new Dimensions(top, left, bottom, right));
}

/** Text of an item-level cell as written to the sheet. */
function itemCell(catalog: Catalog, item: Item, col: PlanColumn): CellValue {
  if (col.tick) return isTicked(catalog, item, col.tick.group, col.tick.index) ? TICK : '';
  if (col.key === 'channels') return xlsxText(channelChecklistText(catalog, item));
  if (col.key === 'serial') return cellValue(serialValue(item.serial.text));
  return xlsxText(itemText(item, col.key, col.extra));
}

/** A value as the cell holds it: text through xlsxText (characters XML forbids escaped). */
function cellValue(v: CellValue): CellValue {
  return typeof v === 'string' ? xlsxText(v) : v;
}

/** Text of a per-pair cell (公开内容 / 公开标准) in pair row `p`. */
function pairCell(item: Item, col: PlanColumn, p: number): string {
  const pair = item.pairs[p];
  if (!pair) return '';
  return xlsxText(col.key === 'content' ? pair.content.text : (pair.standard?.text ?? ''));
}

/** Column widths from content: widest line (+ padding), at least the header's, at most the cap. */
function columnWidths(catalog: Catalog, cols: PlanColumn[]): number[] {
  return cols.map((col) => {
    const headerW = Math.max(textWidth(col.sub ?? ''), col.sub ? 0 : textWidth(col.label)) + 2;
    if (col.tick) return Math.max(6, headerW);
    const cap = MAX_WIDTH[col.key] ?? 20;
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

/** One printed row of the body, before it is written. */
interface PlannedRow {
  values: (CellValue | undefined)[];
  height: number;
}

/** A merged block: column `col` over rows [from, to] of a planned group (0-based in the group). */
interface Block {
  col: number;
  from: number;
  to: number;
  text: string;
}

/**
 * Plan the rows of one item, written and committed together: one row per pair, the item-level cells
 * on the first row, merged blocks, and heights that give every block, merged or not, the lines its
 * text needs (exceljs does not grow merged wrapped rows: a block's missing height is spread over its
 * rows). `category` is the text of the category cell, or undefined (the cell is left blank and asks for
 * no height) when the item continues a run of one category, whose first cell is merged over the run.
 */
function planItem(
  catalog: Catalog,
  item: Item,
  cols: PlanColumn[],
  widths: number[],
  category: string | undefined,
): { rows: PlannedRow[]; blocks: Block[] } {
  const rows: PlannedRow[] = [];
  const blocks: Block[] = [];
  const n = Math.max(1, item.pairs.length);
  for (let p = 0; p < n; p++) {
    const values: (CellValue | undefined)[] = cols.map((col) => (col.perPair ? pairCell(item, col, p) : undefined));
    rows.push({ values, height: MIN_ROW_PT });
  }
  cols.forEach((col, c) => {
    if (col.perPair || (col.key === 'category' && category === undefined)) return;
    const value = col.key === 'category' ? xlsxText(category!) : itemCell(catalog, item, col);
    rows[0]!.values[c] = value;
    blocks.push({ col: c, from: 0, to: n - 1, text: String(value) });
  });
  // Heights: single rows first (their own cells), then blocks from the shortest up.
  rows.forEach((row, r) => {
    cols.forEach((col, c) => {
      if (col.perPair) row.height = Math.max(row.height, heightFor(String(rows[r]!.values[c] ?? ''), widths[c]!));
    });
  });
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

/** Render a catalog as an .xlsx workbook (one sheet, sample-table or national layout, print-ready). */
export async function renderXlsx(catalog: Catalog): Promise<Uint8Array> {
  const cols = planColumns(catalog);
  const widths = columnWidths(catalog, cols);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const twoRowHeader = cols.some((c) => c.sub !== undefined);
  const meta = formatMetaLine(catalog.unit, catalog.date);
  const headerTop = meta ? 3 : 2;
  const headerBottom = twoRowHeader ? headerTop + 1 : headerTop;
  const styles = makeStyles();

  // Shared strings (t="s") are what Excel itself writes. Inline strings were ~25% faster on 25 000
  // items x 4 rows, but exceljs writes them as t="str" (a formula's cached result), which some
  // tools treat as a formula cell; both are well inside the time budget.
  // Without a stream of ours, the writer collects the zip in exceljs's own buffer (read back below):
  // the same code in Node and in the browser app.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true });
  wb.creator = 'zwgk';
  const ws = wb.addWorksheet(SHEET_NAME, {
    pageSetup: printSetup(`${headerTop}:${headerBottom}`),
    headerFooter: { oddFooter: `&C${PRINT_FOOTER}` },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerBottom, topLeftCell: `A${headerBottom + 1}` }],
  });
  ws.columns = widths.map((width) => ({ width }));
  const last = cols.length;
  // Every row's height in order, for the page-break estimate at the end.
  const heights: number[] = [];

  // Title row, merged across.
  const titleText = catalogTitle(catalog);
  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = xlsxText(titleText);
  titleRow.getCell(1).style = styles.title;
  titleRow.height = Math.max(30, wrappedLines(titleText, totalWidth / 1.5) * 22 + 8);
  mergeUnchecked(ws, 1, 1, 1, last);
  heights.push(titleRow.height);
  titleRow.commit();

  // 编制单位 and 日期 under the title, when the catalog names them.
  if (meta) {
    const metaRow = ws.getRow(2);
    metaRow.getCell(1).value = xlsxText(meta);
    metaRow.getCell(1).style = styles.meta;
    metaRow.height = MIN_ROW_PT + 4;
    mergeUnchecked(ws, 2, 1, 2, last);
    heights.push(metaRow.height);
    metaRow.commit();
  }

  // Header: one row, or two with group labels over their sub-columns.
  const headerHeight = (text: string, width: number): number => Math.max(MIN_ROW_PT + 4, heightFor(text, width));
  let h1 = MIN_ROW_PT;
  let h2 = MIN_ROW_PT;
  cols.forEach((col, i) => {
    const top = ws.getCell(headerTop, i + 1);
    // A column that had no header label in its source gets none back, so it reads back under its key.
    if (!(col.extra !== undefined && isBlankHeaderKey(col.extra))) top.value = xlsxText(col.label);
    top.style = styles.header;
    if (twoRowHeader) {
      const bottom = ws.getCell(headerBottom, i + 1);
      bottom.style = styles.header;
      if (col.sub !== undefined) {
        bottom.value = xlsxText(col.sub);
        h2 = Math.max(h2, headerHeight(col.sub, widths[i]!));
      }
    }
  });
  for (let i = 0; i < cols.length; ) {
    const col = cols[i]!;
    let j = i;
    if (col.sub !== undefined) {
      while (j + 1 < cols.length && cols[j + 1]!.sub !== undefined && cols[j + 1]!.label === col.label) j++;
      let w = 0;
      for (let k = i; k <= j; k++) w += widths[k]!;
      h1 = Math.max(h1, headerHeight(col.label, w));
      mergeUnchecked(ws, headerTop, i + 1, headerTop, j + 1);
    } else {
      // A single-row label merged over both header rows needs their combined height.
      const need = headerHeight(col.label, widths[i]!);
      if (twoRowHeader) h1 = Math.max(h1, need - h2);
      else h1 = Math.max(h1, need);
      if (twoRowHeader) mergeUnchecked(ws, headerTop, i + 1, headerBottom, i + 1);
    }
    i = j + 1;
  }
  ws.getRow(headerTop).height = Math.ceil(h1);
  heights.push(Math.ceil(h1));
  if (twoRowHeader) {
    ws.getRow(headerBottom).height = Math.ceil(h2);
    heights.push(Math.ceil(h2));
  }
  ws.getRow(headerBottom).commit();

  // Body, an item at a time (each item is committed before the next, so memory stays flat however
  // long the catalog). Consecutive items of one 事项类别 / 一级事项 share one category cell, as the
  // sample table and the national sheets print them: the run's first item writes it, the others
  // leave theirs blank (same style, so the borders show), and the merge over the run is recorded
  // when the run ends — directly, since its first rows are committed by then.
  const colStyle = cols.map((col) =>
    col.key === 'serial' || col.tick ? styles.centred : styles.text,
  );
  const categoryCol = cols.findIndex((c) => c.key === 'category');
  const merges = (ws as unknown as { _merges: object[] })._merges;
  let next = headerBottom + 1;
  const spellings = categorySpellings(catalog.items);
  let run: { key: string; from: number } | undefined;
  const endRun = (): void => {
    if (run && categoryCol >= 0 && next - 1 > run.from) merges.push(new Dimensions(run.from, categoryCol + 1, next - 1, categoryCol + 1));
  };
  for (const item of catalog.items) {
    // Spellings that differ only in white space, width or punctuation are one category, shown by its
    // most common spelling.
    const key = normaliseName(item.category.text);
    const continues = run !== undefined && run.key === key;
    if (!continues) {
      endRun();
      run = { key, from: next };
    }
    const { rows, blocks } = planItem(catalog, item, cols, widths, continues ? undefined : spellings.get(key)!.name);
    rows.forEach((planned, r) => {
      const row = ws.getRow(next + r);
      row.height = planned.height;
      heights.push(planned.height);
      planned.values.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        if (value !== undefined && value !== '') cell.value = value;
        cell.style = colStyle[c]!;
      });
    });
    for (const b of blocks) {
      // The category is merged over the whole run instead, when the run ends.
      if (b.col !== categoryCol) mergeUnchecked(ws, next + b.from, b.col + 1, next + b.to, b.col + 1);
    }
    next += rows.length;
    ws.getRow(next - 1).commit();
  }
  endRun();

  // The 注 row (2017 always; 2019 when the catalog has notes), merged across.
  const note = noteText(catalog);
  if (note !== undefined) {
    const row = ws.getRow(next);
    row.getCell(1).value = xlsxText(note);
    row.getCell(1).style = styles.note;
    row.height = Math.min(MAX_ROW_PT, Math.max(MIN_ROW_PT, heightFor(note, totalWidth * 0.95)));
    mergeUnchecked(ws, next, 1, next, last);
    heights.push(row.height);
    row.commit();
  }

  // A 注 that would print alone on a last page (under a repeated header) makes the print fit the
  // pages the items fill. The page setup is written when the sheet is committed, so it can change here.
  ws.pageSetup.fitToHeight = fitToHeightForTail(heights, [headerTop - 1, headerBottom - 1], printScale(widths), note !== undefined ? 1 : 0);
  ws.commit();
  await wb.commit();
  return workbookBytes(wb);
}

/** The finished zip a WorkbookWriter without a stream of ours collected in its own buffer. */
export function workbookBytes(wb: ExcelJS.stream.xlsx.WorkbookWriter): Uint8Array {
  const buf = (wb as unknown as { stream: { read(): Uint8Array } }).stream.read();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
