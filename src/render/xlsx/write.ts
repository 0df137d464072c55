// The one module that talks to exceljs (its streaming writer, exceljs-writer.ts): it writes a WorkbookPlan (plan.ts) as
// .xlsx bytes and does nothing else. Everything the sheets say — texts, looks, sizes, print setup — is decided by the plan
// builders (render/xlsx.ts, render/gap-xlsx.ts, draft/template-xlsx.ts); here it is only spelled the way
// exceljs's streaming writer wants it, so the writer can be replaced without touching them.
import type ExcelJS from 'exceljs';
import { STRING_TYPE, WorkbookWriter } from './exceljs-writer.js';
import { columnLetter, type CellStyle, type MergePlan, type RowPlan, type SheetPlan, type WorkbookPlan } from './plan.js';
import { xlsxText, xmlSafe } from './text.js';
import { concat } from '../../formats/ooxml/zip.js';
import { partZip, type PartZip } from '../../formats/ooxml/zip-stream.js';

type Style = Partial<ExcelJS.Style>;

/** A plan's style in exceljs's terms. */
function excelStyle(s: CellStyle): Style {
  const out: Style = { font: { ...s.font } };
  if (s.alignment) out.alignment = { ...s.alignment };
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = s.border.color ? { style: 'thin', color: { argb: s.border.color } } : { style: 'thin' };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return out;
}

/** exceljs's sheet model of data validations; its typings lack the collection and the prompt-only type 'any'. */
type ValidatedSheet = { dataValidations: { add(address: string, validation: object): void } };

/** Write a workbook plan as an .xlsx file's bytes; the plan's rows are consumed (emptied as they are written). */
export async function writeWorkbook(plan: WorkbookPlan): Promise<Uint8Array> {
  const pieces = await writeWorkbookPieces(plan);
  return concat(pieces);
}

/** As writeWorkbook, the file's bytes in the pieces the writer made them (the deflater's pieces, 256 KB each in Node): a file that is
 * saved piece by piece is never held twice, as one more buffer of its whole size. */
export async function writeWorkbookPieces(plan: WorkbookPlan): Promise<Uint8Array[]> {
  // Shared strings (t="s") are what Excel itself writes. Inline strings were ~25% faster on 25 000
  // items x 4 rows, but exceljs writes them as t="str" (a formula's cached result), which some tools
  // treat as a formula cell.
  const wb = new WorkbookWriter({ useStyles: true, useSharedStrings: true });
  const zip = ownZip(wb as unknown as ZipInternals);
  wb.creator = 'zwgk';
  if (plan.activeSheet !== undefined) {
    wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: plan.activeSheet, visibility: 'visible' }];
  }
  const strings = new SharedStringTable();
  const writer = wb as unknown as WriterInternals;
  writer.sharedStrings = strings;
  writer.addSharedStrings = () => writeSharedStrings(writer, strings);
  // Each style's id in exceljs's own table of styles (which writes styles.xml), asked for once per name.
  const ids = new Map<string, number>();
  const table = (wb as unknown as { styles: { addStyleModel(style: Style, type: number): number } }).styles;
  const styleIdOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) {
      const spec = plan.styles[name];
      if (!spec) throw new Error(`workbook plan: no style named ${name}`);
      ids.set(name, (id = table.addStyleModel(excelStyle(spec), STRING_TYPE)));
    }
    return id;
  };
  for (const sheet of plan.sheets) await writeSheet(wb, sheet, styleIdOf, strings);
  await wb.commit();
  return zip.pieces;
}

/** What of exceljs's WorkbookWriter its zip is swapped through. */
interface ZipInternals {
  zip: unknown;
  stream: unknown;
  promise: Promise<unknown>;
  addThemes(): Promise<void>;
  addOfficeRels(): Promise<void>;
}

/**
 * Put zwgk's zip (formats/ooxml/zip-stream.ts) in place of exceljs's `archiver`: each part deflated as its
 * XML comes by the platform's deflater (in Node, zlib at level 5 on libuv's threads with a native CRC,
 * installed by src/node/zlib.ts; in the browser, CompressionStream), the file's bytes kept in the pieces
 * the deflater made them. archiver's stack of Node streams and its CRC in JavaScript cost a 25 000-item
 * catalog some 0.5 s of CPU more. The writer's constructor has already handed archiver its first two parts
 * (theme and relationships): archiver is stopped before it wrote anything anywhere that is kept, and the
 * two are added again to the new zip. exceljs's commit waits for its output to finish: the stand-in output
 * is finished when the zip is.
 */
function ownZip(wb: ZipInternals): PartZip {
  (wb.zip as { abort?(): unknown }).abort?.();
  const zip = partZip();
  let finished: (() => void) | undefined;
  const output = {
    on(event: string, listener: () => void) {
      if (event === 'finish') finished = listener;
    },
    end() {
      finished?.();
    },
  };
  zip.pipe(output);
  wb.zip = zip;
  wb.stream = output;
  wb.promise = Promise.all([wb.addThemes(), wb.addOfficeRels()]);
  return zip;
}

/** What of exceljs's WorkbookWriter the shared strings below replace or use. */
interface WriterInternals {
  sharedStrings: SharedStringTable;
  addSharedStrings(): Promise<void>;
  _openStream(path: string): { write(chunk: string): void; end(): void };
}

/**
 * exceljs's table of shared strings, by a Map: exceljs keys a plain object by each text, which makes V8
 * keep a second copy of every text of the workbook (property names are interned).
 */
class SharedStringTable {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  totalRefs = 0;

  get count(): number {
    return this.values.length;
  }

  getString(i: number): string | undefined {
    return this.values[i];
  }

  add(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    this.totalRefs++;
    return i;
  }
}

/** Strings rendered between two turns of the event loop. */
const STRINGS_PER_TURN = 2000;

/** XML's five escapes, as exceljs writes them. */
const XML_SPECIAL = /["&'<>]/;
const XML_SPECIALS = /["&'<>]/g;
const XML_ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * The shared strings part, byte for byte as exceljs writes it (`<si><t>`, xml:space="preserve" for text
 * with a line break or a space at either end), but in pieces that the zip compresses as they come: exceljs
 * builds the whole part as one string (for 25 000 items some 40 MB of text) at the very end, when memory
 * is fullest, through a model object per string. One difference, on purpose: exceljs drops U+007F (DEL)
 * from a text, which is a character XML allows; here it is kept, as every other value is. The texts are
 * xlsxText's already: no character XML forbids is left in them.
 */
async function writeSharedStrings(writer: WriterInternals, strings: SharedStringTable): Promise<void> {
  const { values } = strings;
  if (!values.length) return;
  const stream = writer._openStream('/xl/sharedStrings.xml');
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${values.length}" uniqueCount="${values.length}">`;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const text = XML_SPECIAL.test(v) ? v.replace(XML_SPECIALS, (c) => XML_ESCAPES[c]!) : v;
    xml += /^\s|\n|\s$/.test(v) ? `<si><t xml:space="preserve">${text}</t></si>` : `<si><t>${text}</t></si>`;
    if ((i + 1) % STRINGS_PER_TURN === 0) {
      stream.write(xml);
      xml = '';
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  stream.write(xml + '</sst>');
  stream.end();
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetPlan, styleIdOf: (name: string) => number, strings: SharedStringTable): Promise<void> {
  const frozen = sheet.frozenRows;
  const options: Partial<ExcelJS.AddWorksheetOptions> = {
    state: sheet.hidden ? 'hidden' : 'visible',
    pageSetup: { ...sheet.print, margins: { ...sheet.print.margins } },
  };
  if (frozen) options.views = [{ state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}` }];
  if (sheet.header !== undefined || sheet.footer !== undefined) {
    options.headerFooter = {};
    if (sheet.header !== undefined) options.headerFooter.oddHeader = xmlSafe(sheet.header);
    if (sheet.footer !== undefined) options.headerFooter.oddFooter = xmlSafe(sheet.footer);
  }
  const ws = wb.addWorksheet(xmlSafe(sheet.name), options);
  if (sheet.widths.length) ws.columns = sheet.widths.map((width) => ({ width }));
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  for (const v of sheet.validations ?? []) (ws as unknown as ValidatedSheet).dataValidations.add(v.range, v.rule);
  recordMerges(ws, sheet.merges);
  if (sheet.print.horizontalCentered) printCentred(ws);
  await writeRows(ws, sheet, styleIdOf, strings);
  ws.commit();
}

/**
 * Write the merged ranges as exceljs writes its <mergeCells> when the sheet is committed, byte for byte, but
 * without its overlap check (WorksheetWriter.mergeCells compares each new range with every earlier one:
 * quadratic, 200 000 merges take minutes; a plan's ranges do not overlap by construction), without a string
 * per range held until the end (900 000 of them for 100 000 items) and in pieces, not as one buffer of the whole
 * element. The covered cells are made merge cells in writeRows, so the sheet is what mergeCells would have
 * written.
 */
function recordMerges(ws: ExcelJS.Worksheet, merges: readonly MergePlan[]): void {
  const ranges = merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  const writer = ws as unknown as { _writeMergeCells(): void; stream: { write(chunk: string): void } };
  writer._writeMergeCells = () => {
    if (!ranges.length) return;
    let xml = `<mergeCells count="${ranges.length}">`;
    for (const m of ranges) {
      xml += `<mergeCell ref="${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}"/>`;
      if (xml.length >= 65536) {
        writer.stream.write(xml);
        xml = '';
      }
    }
    writer.stream.write(`${xml}</mergeCells>`);
  };
}

/**
 * Centre the print on the page. exceljs's streaming writer never writes <printOptions> (its document
 * mode does), so it is written here, where the schema wants it: just before <pageMargins>.
 */
function printCentred(ws: ExcelJS.Worksheet): void {
  const writer = ws as unknown as { _writePageMargins(): void; _write(text: string): void };
  const margins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    writer._write('<printOptions horizontalCentered="1"/>');
    margins();
  };
}

/**
 * Write the rows in order as the sheet's XML, straight into exceljs's stream of the part: exceljs's own
 * rows build a model object per cell and render it through its XML writer, which was most of the time
 * of writing a large catalog (and two objects per cell while a row waits). The XML is what exceljs writes
 * for the same row (`<row r ht customHeight spans x14ac:dyDescent>`, `<c r s t="s"><v>`), the texts go
 * into the same shared-string table and the styles into exceljs's own style table. A cell that a merged
 * range covers, other than the range's top-left one, holds no value and takes the top-left cell's style,
 * which draws the range's borders, as exceljs's mergeCells makes it. A row with neither a value (or a
 * covered cell) nor a height is left out, as exceljs leaves it out. The zip takes the rows in every
 * ROWS_PER_TURN rows, so memory stays flat however long the sheet.
 */
async function writeRows(ws: ExcelJS.Worksheet, sheet: SheetPlan, styleIdOf: (name: string) => number, strings: SharedStringTable): Promise<void> {
  const part = ws as unknown as { _writeColumns(): void; _writeOpenSheetData(): void; startedData: boolean; stream: { write(chunk: string): void } };
  part._writeColumns();
  part._writeOpenSheetData();
  part.startedData = true;
  const starting = new Map<number, MergePlan[]>();
  let last = sheet.rows.length;
  for (const m of sheet.merges) {
    const at = starting.get(m.top);
    if (at) at.push(m);
    else starting.set(m.top, [m]);
    last = Math.max(last, m.bottom);
  }
  const letters: string[] = [''];
  const letter = (c: number): string => letters[c] ?? (letters[c] = columnLetter(c));
  // Each open range with its top-left cell's style name, taken when the range starts (its id is asked for
  // when a covered cell is written, after the top-left cell's: ids are given in the order exceljs gives them).
  let active: { m: MergePlan; style: string | undefined }[] = [];
  // The last row of the open range that ends first: the list is filtered only after it (not every row).
  let ending = Infinity;
  // The style of each covered column of the row being written (null: its range's top-left cell has
  // none; undefined: not covered), one list for every row, emptied after each.
  const covered: (string | null | undefined)[] = [];
  const coveredCols: number[] = [];
  let xml = '';
  for (let r = 1; r <= last; r++) {
    const planned = sheet.rows[r - 1];
    for (const m of starting.get(r) ?? []) {
      active.push({ m, style: planned?.styles[m.left - 1] });
      ending = Math.min(ending, m.bottom);
    }
    if (r > ending) {
      active = active.filter((a) => a.m.bottom >= r);
      ending = Infinity;
      for (const a of active) ending = Math.min(ending, a.m.bottom);
    }
    if (!planned && !active.length) continue;
    let width = Math.max(planned?.values.length ?? 0, planned?.styles.length ?? 0);
    for (const { m, style } of active) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        covered[c] = style ?? null;
        coveredCols.push(c);
      }
      width = Math.max(width, m.right);
    }
    let cells = '';
    let first = 0;
    let lastCol = 0;
    let hasValue = false;
    for (let c = 1; c <= width; c++) {
      let style: number | undefined;
      let body = '';
      const cover = covered[c];
      if (cover !== undefined) {
        if (cover !== null) style = styleIdOf(cover);
        hasValue = true;
      } else {
        const value = planned?.values[c - 1];
        const name = planned?.styles[c - 1];
        if (value === undefined && name === undefined) continue;
        if (name !== undefined) style = styleIdOf(name);
        if (typeof value === 'string') {
          body = ` t="s"><v>${strings.add(xlsxText(value))}</v></c>`;
          hasValue = true;
        } else if (typeof value === 'number') {
          body = `><v>${value}</v></c>`;
          hasValue = true;
        }
      }
      if (!first) first = c;
      lastCol = c;
      cells += `<c r="${letter(c)}${r}"${style ? ` s="${style}"` : ''}${body || '/>'}`;
    }
    for (const c of coveredCols) covered[c] = undefined;
    coveredCols.length = 0;
    if (planned?.height === undefined && !hasValue) continue;
    const height = planned?.height !== undefined ? ` ht="${planned.height}" customHeight="1"` : '';
    xml += `<row r="${r}"${height}${first ? ` spans="${first}:${lastCol}"` : ''} x14ac:dyDescent="0.25"${cells ? `>${cells}</row>` : '/>'}`;
    // Every caller builds its plan for this one write: a row written is let go, so the plan's rows
    // (400 000 objects for 100 000 items) do not all stay alive until the workbook is committed.
    if (planned) (sheet.rows as (RowPlan | undefined)[])[r - 1] = undefined;
    if (r % ROWS_PER_TURN === 0) {
      part.stream.write(xml);
      xml = '';
      // The zip compresses the sheet's XML only when the event loop runs: written in one go, the XML of
      // the whole sheet waited uncompressed in memory (some 50 MB for 25 000 items).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  if (xml) part.stream.write(xml);
}

/** Rows written between two turns of the event loop. */
const ROWS_PER_TURN = 2000;
