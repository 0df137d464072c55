// .xlsx reader: zip-level checks, then each sheet part inflated once and scanned for its cells and
// merged ranges together (zip.ts, xlsx-scan.ts); each sheet read as a grid (grid.ts) into items (sheet.ts),
// then 同上 carried down. Linear in the size of the sheets. A sheet's <mergeCells> follow its rows,
// so the scanned rows are kept (compactly) until the sheet ends and only then grouped into items.
import { HEADER_SEARCH_ROWS, NOTE_2017, type FieldKey, type Profile } from '../settings.js';
import type { Catalog, CatalogOptions } from '../model/types.js';
import { carryDown } from '../model/normalize.js';
import { ZwgkError, finding, sortFindings, type Finding } from '../report/finding.js';
import type { ReadOptions } from './index.js';
import { flatRows, sheetGrid } from './grid.js';
import { readGrid, type SheetResult } from './sheet.js';
import { openWorkbook, type SheetPart } from './zip.js';

export { a1, cellText } from './xlsx-cell.js';

/** Read a .xlsx workbook into one catalog (every sheet with a catalog header, in sheet order). */
export async function readXlsx(file: string, options: ReadOptions = {}): Promise<Catalog> {
  const forced: Profile | undefined = options.profile && options.profile !== 'auto' ? options.profile : undefined;
  const wantedName = options.sheet;
  const workbook = await openWorkbook(file);
  const scans = new Map<string, { lastValueRow: number }>();
  const results = new Map<string, SheetResult>();
  let sheets: SheetPart[] = workbook.sheets;
  let items = 0;
  try {
    if (wantedName !== undefined) {
      sheets = sheets.filter((s) => s.name === wantedName);
      if (sheets.length === 0) {
        const list = workbook.sheets.map((s) => `“${s.name}”`).join('、') || '（无）';
        throw new ZwgkError('sheet-not-found', { file }, { file, sheet: wantedName, sheets: list });
      }
    }
    const onItem = (): void => {
      items++;
      if (options.onProgress && items % 500 === 0) options.onProgress(items);
    };
    for (const sheet of sheets) {
      if (sheet.kind !== 'worksheet' || !sheet.part || scans.has(sheet.part)) continue;
      const scan = await workbook.scanSheet(sheet);
      scans.set(sheet.part, scan);
      if (scan.lastValueRow === 0) continue;
      const grid = sheetGrid(file, sheet.name, () => flatRows(scan.rows), scan.merges);
      results.set(sheet.part, readGrid(grid, { forced, onItem }));
    }
  } finally {
    workbook.close();
  }
  if (options.onProgress && items % 500 !== 0) options.onProgress(items);
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
  let absentOptional: FieldKey[] | undefined;
  const options: CatalogOptions = {};
  const notes: string[] = [];
  const other: Finding[] = [];
  for (const sheet of sheets) {
    const result = results.get(sheet.part);
    if (!result?.header) {
      if ((scans.get(sheet.part)?.lastValueRow ?? 0) > 0 || (sheet.kind !== 'worksheet' && !picked)) {
        other.push(finding(sheet.hidden ? 'hidden-sheet-ignored' : 'sheet-ignored', { file, sheet: sheet.name }, { sheet: sheet.name }));
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
    // An optional column counts as absent only when no sheet has it, or its values would be dropped.
    absentOptional = absentOptional === undefined ? [...result.header.absentOptional] : absentOptional.filter((k) => result.header!.absentOptional.includes(k));
    for (const [k, v] of Object.entries(result.options) as [keyof CatalogOptions, string[]][]) if (!options[k]) options[k] = v;
  }
  // The standard 注 is what the renderer writes when a catalog has none; it is not the user's text.
  if (notes.length && !(notes.length === 1 && notes[0]!.trim() === NOTE_2017)) catalog.note = notes.join('\n');
  for (const key of absentOptional ?? []) if (!catalog.missingColumns.includes(key)) catalog.missingColumns.push(key);
  if (Object.keys(options).length) catalog.options = options;
  catalog.findings.push(...other);
  carryDown(catalog);
  sortFindings(catalog.findings);
  return catalog;
}
