// What the steps of reading one grid share (index.ts runs them): a row's cells, a cell once merges are
// resolved, the sheet's result, and ReadContext, the reader as the steps see it. The steps are functions
// of a context and a row; they import this file, never the reader, so no step depends on the loop.
import type { FieldKey } from '../../settings/columns.js';
import type { CatalogOptions, Cell, Item, OtherCell, Pair, SourceText } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import type { Finding } from '../../findings/finding.js';
import type { ColumnRole, Header } from '../header.js';
import type { ListHeader } from '../list-header.js';
import type { ListItem } from '../../model/list.js';
import type { Extent, Grid, MergeRange } from '../grid.js';

/** The texts of one row's cells, by column (cells covered by a merge hold nothing). */
export type Cells = ReadonlyMap<number, string>;

/** A cell of one row after merges are resolved. */
export interface Resolved {
  text: string;
  at: SourceRef;
  /** Covered by a merge that starts in a row above. */
  fromAbove: boolean;
}

/** What one grid reads into: its items, findings and the texts around them (assemble.ts puts sheets together). */
export interface SheetResult {
  name: string;
  header?: Header;
  items: Item[];
  /** Findings; `item` numbers are 1-based within this sheet until the workbook adds its offset. */
  findings: Finding[];
  title?: string;
  unit?: string;
  date?: string;
  /** Lines above the header that are neither title nor 编制单位/日期, kept (Catalog.preface). */
  preface?: string;
  note?: string;
  options: CatalogOptions;
  /** Title, 编制单位 line, 注 rows and header cells as written, with their cells. */
  sources: SourceText[];
  /** Where the grid's non-empty cells lie and how many there are (a skipped sheet is reported by it). */
  extent?: Extent;
  /** The extent as a location (a range of cells). */
  extentAt?: SourceRef;
  /** No header: the grid's non-empty cells, kept as an other sheet (grid/read/other-sheet.ts). */
  otherCells?: OtherCell[];
  /** No catalog header, but the header of another kind of list (重大行政决策事项目录 …): its name. */
  otherKind?: { kind: string; words: string[] };
  /** No header: the row that came closest and the required columns it lacks, in words (header-near.ts). */
  nearHeader?: { near: string; needed: string };
  /** The grid is a list of another layout (src/layouts): its header and items (`items` above stays empty). */
  list?: { header: ListHeader; items: ListItem[]; blankColumns: string[] };
  /** No header found, but layouts that came close, in words (名称（缺 …）), for the refusal. */
  near?: string;
}

/** The channels the rows have named so far (fields-2019.ts), for the sheet's own checklist. */
export interface ChannelsSeen {
  /** The options of the checklists (■/□) read, in the order first seen. */
  options?: string[];
  /** Selected channels outside the standard list (each reported once). */
  readonly unknown: Set<string>;
  readonly selected: Set<string>;
}

/** The columns without a header label found so far (blank-columns.ts), as the item readers see them. */
export interface BlankColumnsSeen {
  has(col: number): boolean;
  /** A finding that names such a column, made once the column has its key (when the grid has ended). */
  defer(col: number, make: (key: string) => Finding): void;
}

/** The reader as its steps see it: the header, the row's merges, the result, and what the rows have shown. */
export interface ReadContext {
  readonly grid: Grid;
  /** The header found (a row below it is read only once there is one). */
  readonly header: Header;
  /** Field columns by key, and every column's role by column number (blank-headed ones once found). */
  readonly roles: ReadonlyMap<FieldKey, ColumnRole>;
  readonly byCol: (ColumnRole | undefined)[];
  readonly result: SheetResult;
  readonly channels: ChannelsSeen;
  readonly blank: BlankColumnsSeen;
  at(row: number, col: number): SourceRef;
  /** The merge covering a column of the row being read, if any. */
  cover(col: number): MergeRange | undefined;
  /** A cell of the row being read after merges: a covered cell gives its merge's text and location. */
  resolve(row: number, col: number, cells: Cells): Resolved;
  /** Mark a cell of the row being read as taken (cell accounting). */
  use(col: number): void;
}

/** What one layout reads beyond the fields both layouts share (fields-2017.ts, fields-2019.ts). */
export interface LayoutFields {
  /** A row's 公开内容 (with 公开标准 in 2017); with `onlyOwn`, none unless the row holds one itself. */
  pair(ctx: ReadContext, row: number, cells: Cells, itemAt: SourceRef, onlyOwn: boolean): Pair | undefined;
  /** The layout's own item-level fields, from an item's first row. */
  start(ctx: ReadContext, item: Item, row: number, cells: Cells, itemAt: SourceRef): void;
}

/** Whether a resolved cell has text that starts in this row (not merged down from above). */
export function startsHere(c: Resolved | undefined): boolean {
  return !!c && !c.fromAbove && c.text.trim() !== '';
}

/** A field's cell in this row after merges, if the header has the column. */
export function resolveField(ctx: ReadContext, key: FieldKey, row: number, cells: Cells): Resolved | undefined {
  const r = ctx.roles.get(key);
  return r ? ctx.resolve(row, r.col, cells) : undefined;
}

/** A field's value in this row as a catalog cell; empty at the item's first cell when the column is missing. */
export function fieldCell(ctx: ReadContext, key: FieldKey, row: number, cells: Cells, itemAt: SourceRef): Cell {
  const v = resolveField(ctx, key, row, cells);
  return v ? { text: v.text, at: v.at } : { text: '', at: itemAt };
}

/** A value short enough to quote in a message. */
export function shortText(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 30 ? `${one.slice(0, 30)}…` : one;
}
