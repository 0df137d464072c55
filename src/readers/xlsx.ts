// .xlsx reader: zip-level checks and merge scan with yauzl (zip.ts), cell values streamed with
// exceljs's WorkbookReader, rows grouped into items per sheet (xlsx-sheet.ts), then 同上 carried down.
// Linear in the size of the sheets: exceljs's document mode is quadratic on merges and is not used.
import ExcelJS from 'exceljs';
import { HEADER_SEARCH_ROWS, NOTE_2017, type Profile } from '../settings.js';
import type { Catalog, CatalogOptions } from '../model/types.js';
import { carryDown } from '../model/normalize.js';
import { ZwgkError, finding, sortFindings, type Finding } from '../report/finding.js';
import type { ReadOptions } from './index.js';
import { cellText } from './xlsx-cell.js';
import { SheetReader, type SheetResult } from './xlsx-sheet.js';
import { inspectWorkbook, type SheetPart } from './zip.js';

export { a1, cellText } from './xlsx-cell.js';

interface StreamCell {
  value: unknown;
}
interface StreamRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, callback: (cell: StreamCell, col: number) => void): void;
}
type StreamSheet = AsyncIterable<StreamRow>;
interface ReaderInternals {
  [Symbol.asyncIterator](): AsyncIterator<StreamSheet>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: unknown): AsyncGenerator<unknown>;
  _parseStyles(entry: unknown): Promise<void>;
  _parseWorkbook(entry: unknown): Promise<void>;
}
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: string, options: object) => ReaderInternals;

function setUtf8(entry: unknown): void {
  const s = entry as { setEncoding?: (enc: string) => void };
  if (typeof s.setEncoding === 'function') s.setEncoding('utf8');
}

/**
 * exceljs 4.4 decodes each inflated chunk on its own (TextDecoder without `stream: true`), so a
 * Chinese character split across two chunks becomes U+FFFD. Entries are decoded as a stream here
 * before exceljs sees them. The reader also remembers which part (sheetN.xml) it is emitting.
 */
class Utf8WorkbookReader extends BaseReader {
  part = '';
  source?: { destroy?: () => void };

  override _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown> {
    this.part = `xl/worksheets/sheet${sheetNo}.xml`;
    this.source = iterator as { destroy?: () => void };
    return super._parseWorksheet(utf8Chunks(iterator), sheetNo);
  }

  override _parseSharedStrings(entry: unknown): AsyncGenerator<unknown> {
    setUtf8(entry);
    return super._parseSharedStrings(entry);
  }

  override _parseStyles(entry: unknown): Promise<void> {
    setUtf8(entry);
    return super._parseStyles(entry);
  }

  override _parseWorkbook(entry: unknown): Promise<void> {
    setUtf8(entry);
    return super._parseWorkbook(entry);
  }
}

async function* utf8Chunks(source: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Read a .xlsx workbook into one catalog (every sheet with a catalog header, in sheet order). */
export async function readXlsx(file: string, options: ReadOptions = {}): Promise<Catalog> {
  const forced: Profile | undefined = options.profile && options.profile !== 'auto' ? options.profile : undefined;
  const wantedName = options.sheet;
  const inspection = await inspectWorkbook(file, wantedName === undefined ? undefined : (s) => s.name === wantedName);
  let sheets: SheetPart[] = inspection.sheets;
  if (wantedName !== undefined) {
    sheets = sheets.filter((s) => s.name === wantedName);
    if (sheets.length === 0) {
      const list = inspection.sheets.map((s) => `“${s.name}”`).join('、') || '（无）';
      throw new ZwgkError('sheet-not-found', { file }, { file, sheet: wantedName, sheets: list });
    }
  }

  const results = new Map<string, SheetResult>();
  let items = 0;
  const onItem = (): void => {
    items++;
    if (options.onProgress && items % 500 === 0) options.onProgress(items);
  };
  try {
    const reader = new Utf8WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const worksheet of { [Symbol.asyncIterator]: () => reader[Symbol.asyncIterator]() }) {
      const part = reader.part;
      const sheet = sheets.find((s) => s.part === part);
      const pending = inspection.scans.get(part);
      const scan = pending ? await pending : undefined;
      if (!sheet || !scan || results.has(part) || scan.lastValueRow === 0) {
        reader.source?.destroy?.();
        continue;
      }
      const sheetReader = new SheetReader(file, sheet.name, scan.merges, forced, onItem);
      for await (const row of worksheet) {
        // Rows past the last value (styled empty rows, sometimes a million of them) are not parsed.
        if (row.number > scan.lastValueRow) break;
        const cells = new Map<number, string>();
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const text = cellText(cell.value);
          if (text !== '') cells.set(col, text);
        });
        if (!sheetReader.row(row.number, cells)) break;
      }
      results.set(part, sheetReader.finish());
    }
  } catch (cause) {
    await inspection.done;
    if (cause instanceof ZwgkError) throw cause;
    const detail = `工作簿内容已损坏，无法解析（${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}）`;
    throw new ZwgkError('not-a-workbook', { file }, { file, detail }, { cause });
  }
  if (options.onProgress && items % 500 !== 0) options.onProgress(items);
  const scans = new Map<string, { lastValueRow: number }>();
  for (const [part, pending] of inspection.scans) scans.set(part, await pending);
  await inspection.done;
  return assemble(file, sheets, scans, results, forced, wantedName !== undefined);
}

/** Put the sheets together in workbook order and report what was left out. */
function assemble(
  file: string,
  sheets: SheetPart[],
  scans: Map<string, { lastValueRow: number }>,
  results: Map<string, SheetResult>,
  forced: Profile | undefined,
  picked: boolean,
): Catalog {
  const hasContent = sheets.some((s) => (scans.get(s.part)?.lastValueRow ?? 0) > 0);
  if (!hasContent && !picked) throw new ZwgkError('workbook-empty', { file }, { file });
  const withHeader = sheets.filter((s) => results.get(s.part)?.header);
  if (withHeader.length === 0) throw new ZwgkError('no-catalog-header', { file }, { file, rows: HEADER_SEARCH_ROWS });
  const looks = (s: SheetPart): Profile => results.get(s.part)!.header!.looksLike;
  if (forced && withHeader.every((s) => looks(s) !== forced)) {
    throw new ZwgkError('profile-mismatch', { file, sheet: withHeader[0]!.name }, { file, actual: looks(withHeader[0]!), expected: forced });
  }
  const firstSheet = withHeader.find((s) => !forced || looks(s) === forced)!;
  const profile = results.get(firstSheet.part)!.header!.profile;

  const catalog: Catalog = { profile, file, items: [], extraColumns: [], missingColumns: [], findings: [] };
  const options: CatalogOptions = {};
  const notes: string[] = [];
  const other: Finding[] = [];
  for (const sheet of sheets) {
    const result = results.get(sheet.part);
    if (!result?.header) {
      if ((scans.get(sheet.part)?.lastValueRow ?? 0) > 0 || (sheet.kind !== 'worksheet' && !picked)) {
        other.push(finding('sheet-ignored', { file, sheet: sheet.name }, { sheet: sheet.name }));
      }
      continue;
    }
    const layout = forced ? result.header.looksLike : result.header.profile;
    if (layout !== (forced ?? profile)) {
      other.push(finding('sheet-other-layout', { file, sheet: sheet.name }, { sheet: sheet.name, actual: layout, first: firstSheet.name, expected: profile }));
      continue;
    }
    const offset = catalog.items.length;
    catalog.items.push(...result.items);
    for (const f of result.findings) catalog.findings.push(f.item === undefined ? f : { ...f, item: f.item + offset });
    if (catalog.title === undefined && result.title) catalog.title = result.title;
    if (catalog.unit === undefined && result.unit) catalog.unit = result.unit;
    if (catalog.date === undefined && result.date) catalog.date = result.date;
    if (result.note !== undefined) notes.push(result.note);
    for (const c of result.header.columns) if (c.kind === 'extra' && !catalog.extraColumns.includes(c.label)) catalog.extraColumns.push(c.label);
    for (const key of result.header.missing) if (!catalog.missingColumns.includes(key)) catalog.missingColumns.push(key);
    for (const [k, v] of Object.entries(result.options) as [keyof CatalogOptions, string[]][]) if (!options[k]) options[k] = v;
  }
  // The standard 注 is what the renderer writes when a catalog has none; it is not the user's text.
  if (notes.length && !(notes.length === 1 && notes[0]!.trim() === NOTE_2017)) catalog.note = notes.join('\n');
  if (Object.keys(options).length) catalog.options = options;
  catalog.findings.push(...other);
  carryDown(catalog);
  sortFindings(catalog.findings);
  return catalog;
}
