// The .xlsx reader: zip-level checks, then each sheet part inflated once and scanned for its cells and
// merged ranges together (workbook.ts, worksheet.ts); each sheet read as a grid (grid/grid.ts) into items
// (grid/read/), then 同上 carried down. Linear in the size of the sheets. A sheet's <mergeCells> follow its
// rows, so the scanned rows are kept (compactly, grid/cell-store.ts) until the sheet ends and only then
// grouped into items, in one walk that lets them go as it passes them.
import { gridLayouts } from '../../layouts/index.js';
import type { Doc } from '../../model/list.js';
import { MAX_CELL_CHARS } from '../../settings/limits.js';
import type { Profile } from '../../settings/columns.js';
import { finding, ZwgkError } from '../../findings/finding.js';
import type { ReadOptions } from '../types.js';
import { sheetGrid } from '../../grid/grid.js';
import { assembleCatalog, type GridSheet } from '../../grid/assemble.js';
import { readGrid } from '../../grid/read/index.js';
import { openWorkbook, type OpenWorkbook, type SheetPart } from './workbook.js';


/** Read a .xlsx workbook's bytes into one catalog (every sheet with a catalog header, in sheet order). */
export function readXlsx(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Doc> {
  // Not async itself: the reading below never holds the bytes, only the open workbook does, and it lets
  // them go once the last sheet is scanned (a 51 MB file is not kept while 100 000 items are built).
  return readWorkbook(openWorkbook(bytes, file, options.budget), file, options);
}

async function readWorkbook(opening: Promise<OpenWorkbook>, file: string, options: ReadOptions): Promise<Doc> {
  const forced: Profile | undefined = options.profile && options.profile !== 'auto' ? options.profile : undefined;
  const lists = gridLayouts(options);
  const wantedName = options.sheet;
  const workbook = await opening;
  const scanned = new Set<string>();
  const grids: GridSheet[] = [];
  let sheets: SheetPart[] = workbook.sheets;
  let items = 0;
  if (wantedName !== undefined) {
    sheets = sheets.filter((s) => s.name === wantedName);
    if (sheets.length === 0) {
      const list = workbook.sheets.map((s) => `“${s.name}”`).join('、') || '（无）';
      throw new ZwgkError('sheet-not-found', { file }, { file, sheet: wantedName, sheets: list });
    }
  }
  // Progress by compressed bytes of the sheets: a fair measure of the work, known before it is done.
  const total = sheets.reduce((n, s) => n + (s.kind === 'worksheet' ? (s.size ?? 0) : 0), 0);
  let before = 0;
  let fed = 0;
  const fraction = (): number | undefined => (total > 0 ? Math.min(1, (before + fed) / total) : undefined);
  const onItem = (): void => {
    items++;
    if (options.onProgress && items % 500 === 0) options.onProgress(items, fraction());
  };
  const onFeed = options.onProgress ? (done: number): void => ((fed = done), options.onProgress!(items, fraction())) : undefined;
  // The shared strings are let go once the last sheet that may use them is scanned: its cells hold the
  // texts they use, and the table's slots (8 bytes a string) are not kept while the catalog is built.
  const last = sheets.reduce((k, s, i) => (s.kind === 'worksheet' && s.part ? i : k), -1);
  for (const [index, sheet] of sheets.entries()) {
    const entry: GridSheet = { name: sheet.name, hidden: sheet.hidden, hasContent: sheet.kind !== 'worksheet' };
    grids.push(entry);
    // Two sheets naming one part are one sheet.
    if (sheet.kind !== 'worksheet' || !sheet.part || scanned.has(sheet.part)) continue;
    scanned.add(sheet.part);
    const scan = await workbook.scanSheet(sheet, onFeed);
    if (index === last) workbook.release();
    before += sheet.size ?? 0;
    fed = 0;
    if (scan.lastValueRow === 0) continue;
    entry.hasContent = true;
    // Read once, its merges the scan's own: they are let go as the reading passes them.
    const grid = sheetGrid(file, sheet.name, () => scan.rows.rows(), scan.merges, true);
    entry.result = readGrid(grid, { forced, onItem, ...lists });
    if (scan.long.length) entry.findings = scan.long.map((c) => finding('cell-truncated', grid.at(c.row, c.col), { length: c.length, limit: MAX_CELL_CHARS, why: 'Excel 不会保存这样的单元格，文件可能被其他程序改动过' }));
  }
  options.onProgress?.(items, fraction());
  return assembleCatalog(file, grids, forced, wantedName !== undefined, undefined, lists.layout);
}
