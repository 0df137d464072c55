// One grid (a worksheet, or any table turned into a grid.ts grid), row by row, into items: header search
// over the first rows, then a single pass that resolves merged cells (value and location of the top-left
// cell) and groups rows into items. Rows arrive in ascending order; nothing of the grid is kept but the
// items. Nothing here knows about .xlsx: cells are named by the grid's own naming function.
// This file keeps the loop and its state (the buffered header rows, the merge sweep, the current item, the
// cells taken in the row being read); the steps beside it are functions of a ReadContext (context.ts):
// merge-check.ts (merges refused before reading), texts.ts (title, 编制单位/日期 lines, 注 rows),
// rows.ts (what a row is), items.ts with fields-2017.ts / fields-2019.ts (a row's values into an item),
// blank-columns.ts (columns without a header label).
import { GROUP_COLUMN } from '../../settings/texts.js';
import { fieldLabel, type FieldKey, type Profile } from '../../settings/columns.js';
import { HEADER_SEARCH_ROWS } from '../../settings/limits.js';
import type { Cell, Item } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding } from '../../findings/finding.js';
import { otherListKind } from '../list-kinds.js';
import { nearestHeader } from '../header-near.js';
import { MergedValues } from './merged-values.js';
import { detectHeader, type ColumnRole, type Header, type HeaderRow } from '../header.js';
import { ExtentTracker, type Grid, type GridRow, type MergeRange } from '../grid.js';
import { DEFAULT_COLUMNS, MergeSweep } from '../merges.js';
import { shortText, type Cells, type ChannelsSeen, type ReadContext, type Resolved, type SheetResult } from './context.js';
import { BlankColumns } from './blank-columns.js';
import { sheetChecklist } from './fields-2019.js';
import { continueItem, newItem } from './items.js';
import { checkMerges } from './merge-check.js';
import { classifyRow, ownCells, readSection, rowShape } from './rows.js';
import { readAboveHeader, readNoteRow } from './texts.js';
import { ListRows } from './list-rows.js';
import { chooseLayout } from './choose.js';
import { otherCells } from './other-sheet.js';
import type { Layout } from '../../layouts/types.js';

export type { SheetResult } from './context.js';

const SEARCH_LIMIT = HEADER_SEARCH_ROWS + 1;

/** How to read a grid: the layout asked for, and who hears of each item. */
export interface ReadGridOptions {
  /** The layout asked for (--profile), if any. */
  forced?: Profile;
  /** Called after each item (progress). */
  onItem?: () => void;
  /** The list layouts a sheet may be (built-in and the caller's); none: only the catalog layouts. */
  layouts?: readonly Layout[];
  /** The list layout asked for (--layout): the sheet is read with it or not at all. */
  layout?: Layout;
}

/** Read one grid into items (every grid source: worksheets now, HTML and Word tables later). */
export function readGrid(grid: Grid, options: ReadGridOptions = {}): SheetResult {
  const reader = new GridReader(grid, options.forced, options.onItem ?? (() => undefined), options.layouts ?? [], options.layout);
  // One walk over the rows (a grid may let each row go once it is passed, cell-store.ts): a grid without
  // a catalog header is not read to its end, but its extent, which the skip report names, is counted on.
  let reading = true;
  // The rows passed before a header is found: a grid that never has one is kept whole (OtherSheet).
  let early: GridRow[] | undefined = [];
  for (const row of grid.rows()) {
    if (early) early.push({ row: row.row, cells: new Map(row.cells) });
    if (reading) reading = reader.row(row);
    else reader.count(row);
    if (early && reader.found) early = undefined;
  }
  const result = reader.finish();
  if (!result.header && !result.list && early) result.otherCells = otherCells(early, (r, c) => grid.at(r, c), reader.checkedMerges, reader.width);
  const e = result.extent;
  if (e) result.extentAt = grid.rangeAt(e.top, e.left, e.bottom, e.right);
  return result;
}

class GridReader implements ReadContext {
  readonly result: SheetResult;
  /** Set once the search finds it; no row below a header is read before. */
  header!: Header;
  /** Field columns by key, and every column's role by column number. */
  readonly roles = new Map<FieldKey, ColumnRole>();
  readonly byCol: (ColumnRole | undefined)[] = [];
  readonly channels: ChannelsSeen = { unknown: new Set(), selected: new Set() };
  /** Columns without a header label that hold values: kept as extra columns, reported at the end. */
  readonly blank: BlankColumns;
  private readonly merges: readonly MergeRange[];
  /** A catalog or list header has been found. */
  get found(): boolean {
    return this.header !== undefined || this.list !== undefined;
  }
  /** The grid's merges after the soundness check (none overlapping), sorted by top row. */
  get checkedMerges(): readonly MergeRange[] {
    return this.merges;
  }
  /** Columns indexed for merges. */
  get width(): number {
    return this.columns;
  }
  private searching = true;
  private buffered: GridRow[] = [];
  /** The merges covering the row being read, indexed by column (merges.ts). */
  private readonly sweep: MergeSweep;
  /** The cells of the row the sweep is moving to (for the text of merges that start in it). */
  private sweepCells: Cells = new Map();
  /** The text of each open merge's top-left cell (merges are the grid's own objects, left unchanged). */
  private readonly mergeText = new Map<MergeRange, string>();
  /** The merged-values check of a catalog grid, once its header is found. */
  private valuesCheck?: MergedValues;
  /** Columns indexed for merges: the grid's own width, or Excel's. */
  private readonly columns: number;
  private current?: Item;
  /** The heading above the items being read, when it stands for their category (the table has no such column). */
  private section?: Cell;
  /** The section heading above the items being read, when the table has its own category column. */
  private group?: Cell;
  /** Items whose category came from a heading. */
  private sectionItems = 0;
  private noteMode = false;
  /** Items are being read below a 注 row (the template ran out of rows). */
  private belowNote = false;
  /** Columns of the row being read whose own cell went into the catalog (or into a finding). */
  private readonly used = new Set<number>();
  private readonly extent = new ExtentTracker();
  /** What classifyRow saw of the row being read (one object, refilled). */
  private readonly shape = rowShape();
  /** The sheet is a list of another layout: its rows go here. */
  private list?: ListRows;

  constructor(
    readonly grid: Grid,
    private readonly forced: Profile | undefined,
    private readonly onItem: () => void,
    private readonly layouts: readonly Layout[] = [],
    private readonly layout?: Layout,
  ) {
    this.result = { name: grid.name, items: [], findings: [], options: {}, sources: [] };
    this.blank = new BlankColumns(this.result.findings);
    this.columns = grid.limits?.cols ?? DEFAULT_COLUMNS;
    this.merges = checkMerges(grid, this.columns, this.result.findings);
    this.sweep = new MergeSweep(
      this.merges,
      this.columns,
      (m, row) => {
        if (m.top === row) this.mergeText.set(m, this.sweepCells.get(m.left) ?? '');
      },
      (m, id) => {
        this.mergeText.delete(m);
        // A grid read once lets each merge go as the reading leaves it, checked for merged values first.
        if (!grid.readOnce) return;
        if (this.result.header) (this.valuesCheck ??= new MergedValues(grid, this.result.header, this.result.items, this.result.findings)).check(m);
        (this.merges as (MergeRange | undefined)[])[id] = undefined;
      },
    );
  }

  /** Where a cell is, as the grid names it. */
  at(row: number, col: number): SourceRef {
    return this.grid.at(row, col);
  }

  /** Feed one row. Returns false once the grid needs no more rows. */
  row(r: GridRow): boolean {
    this.extent.add(r.row, r.cells);
    if (this.searching) {
      if (r.row <= SEARCH_LIMIT) {
        this.buffered.push(r);
        return true;
      }
      if (!this.endSearch()) return false;
    }
    this.dataRow(r.row, r.cells);
    return true;
  }

  /** A row after the reading stopped: only counted in the grid's extent. */
  count(r: GridRow): void {
    this.extent.add(r.row, r.cells);
  }

  /** The grid ended. */
  finish(): SheetResult {
    if (this.searching) this.endSearch();
    if (this.list) {
      this.result.list!.blankColumns = this.list.finish(this);
      const extent = this.extent.get();
      if (extent) this.result.extent = extent;
      return this.result;
    }
    const checklist = sheetChecklist(this.channels);
    if (checklist) this.result.options.channels = checklist;
    if (this.result.header) {
      // The merges not yet let go (all of them, unless the grid is read once): still open, or never opened.
      const check = (this.valuesCheck ??= new MergedValues(this.grid, this.result.header, this.result.items, this.result.findings));
      for (const m of this.merges) if (m) check.check(m);
      this.finishColumns(this.result.header);
    }
    const extent = this.extent.get();
    if (extent) this.result.extent = extent;
    return this.result;
  }

  /** Run header detection over the buffered rows; then replay the rows below the header. */
  private endSearch(): boolean {
    this.searching = false;
    const rows = this.buffered;
    this.buffered = [];
    const early = new MergeSweep(this.merges, this.columns);
    const headerRows: HeaderRow[] = rows.map(({ row, cells }) => {
      const list: HeaderRow['cells'] = [];
      early.advance(row);
      for (const [col, text] of [...cells].sort((a, b) => a[0] - b[0])) {
        if (text.trim() === '') continue;
        const m = early.cover(col);
        if (m && (m.top !== row || m.left !== col)) continue;
        list.push({ text, row, col, right: m ? m.right : col });
      }
      return { row, cells: list };
    });
    const found = detectHeader(headerRows, (row, col) => this.at(row, col), this.forced);
    const choice = chooseLayout(headerRows, found, this.layouts, this.layout, this.forced, (row, col) => this.at(row, col));
    if (choice.finding) this.result.findings.push(choice.finding);
    if (choice.list) {
      const listHeader = choice.list;
      this.list = new ListRows(listHeader);
      this.result.list = { header: listHeader, items: this.list.items, blankColumns: [] };
      this.result.sources.push(...listHeader.cells);
      readAboveHeader(this.result, this.grid, headerRows, listHeader.row);
      for (const c of listHeader.columns) {
        if (c.kind === 'extra') this.result.findings.push(finding('unknown-column', c.at, { label: c.label }, { field: c.label }));
      }
      for (const { row, cells } of rows) {
        if (row > listHeader.lastRow) this.dataRow(row, cells);
        else this.trackMerges(row, cells);
      }
      return true;
    }
    if (choice.near) this.result.near = choice.near;
    const header = choice.catalog;
    if (!header) {
      const kind = otherListKind(headerRows);
      if (kind) this.result.otherKind = kind;
      else {
        const near = nearestHeader(headerRows, HEADER_SEARCH_ROWS);
        if (near) this.result.nearHeader = near;
      }
      return false;
    }
    this.header = header;
    this.result.header = header;
    for (const c of header.columns) {
      if (c.kind === 'field') this.roles.set(c.key, c);
      this.byCol[c.col] = c;
    }
    this.result.options = { ...header.options };
    this.result.sources.push(...header.cells);
    readAboveHeader(this.result, this.grid, headerRows, header.row);
    for (const c of header.columns) {
      if (c.kind === 'extra') this.result.findings.push(finding('unknown-column', c.at, { label: c.label }, { field: c.label }));
    }
    for (const f of header.fused) {
      const at = this.grid.rangeAt(f.row, f.cols[0], f.row, f.cols[1]);
      this.result.findings.push(finding('header-fused', at, { label: f.label, first: f.options[0], second: f.options[1] }, { field: '表头' }));
    }
    for (const { row, cells } of rows) {
      if (row > header.lastRow) this.dataRow(row, cells);
      else this.trackMerges(row, cells);
    }
    return true;
  }

  /** The grid has ended: name and report the blank-headed columns, then the required columns missing. */
  private finishColumns(header: Header): void {
    const profile = header.profile;
    this.blank.finish(this.grid, header, this.result.items);
    // Every item took its category from a heading: the column is not missing.
    if (this.sectionItems > 0 && this.sectionItems === this.result.items.length) header.missing = header.missing.filter((k) => k !== 'category');
    for (const key of header.missing) {
      const field = fieldLabel(profile, key);
      const hint = this.blank.hint(this.grid, key, field);
      this.result.findings.push(finding('missing-column', header.firstAt, { field, hint }, { field }));
    }
  }

  /** Bring the merges up to `row` and record the text of merges that start here. */
  private trackMerges(row: number, cells: Cells): void {
    this.sweepCells = cells;
    this.sweep.advance(row);
  }

  /** The merge covering a cell of the current row (the sweep is always at the row being read). */
  cover(col: number): MergeRange | undefined {
    return this.sweep.cover(col);
  }

  /** Mark a cell of the row being read as taken (cell accounting). */
  use(col: number): void {
    this.used.add(col);
  }

  /** A cell of the row being read after merges; a cell of the row itself is marked taken. */
  resolve(row: number, col: number, cells: Cells): Resolved {
    const m = this.cover(col);
    if (m && (m.top !== row || m.left !== col)) return { text: this.mergeText.get(m) ?? '', at: this.at(m.top, m.left), fromAbove: m.top < row };
    this.used.add(col);
    return { text: cells.get(col) ?? '', at: this.at(row, col), fromAbove: false };
  }

  /**
   * One row below the header. Cell accounting: every cell the row holds itself goes into the catalog
   * or into a finding that names it; a cell no reading step took is reported here (cell-unread), so a
   * gap in the steps above can never drop a value silently.
   */
  private dataRow(row: number, cells: Cells): void {
    this.trackMerges(row, cells);
    this.used.clear();
    this.readRow(row, cells);
    let all = true;
    for (const col of cells.keys()) if (!this.used.has(col)) all = false;
    if (all) return;
    for (const [col, text] of ownCells(this, row, cells)) {
      if (this.used.has(col)) continue;
      this.result.findings.push(finding('cell-unread', this.at(row, col), { row, text: shortText(text) }, { item: this.result.items.length || undefined }));
    }
  }

  /** One row below the header, by what it is (rows.ts). */
  private readRow(row: number, cells: Cells): void {
    if (this.list) {
      const before = this.list.items.length;
      this.list.row(this, row, cells);
      if (this.list.items.length > before) this.onItem();
      return;
    }
    const shape = this.shape;
    const kind = classifyRow(this, shape, row, cells, this.noteMode, this.current !== undefined);
    if (kind === 'empty') return;
    if (kind === 'note') {
      this.noteMode = true;
      readNoteRow(this, row, cells, shape.count > 1 && !shape.firstWide);
      return;
    }
    if (this.noteMode) {
      // A clerk who ran out of rows typed on below the 注: the row is an item, wherever it sits.
      this.noteMode = false;
      this.belowNote = true;
    }
    if (kind === 'section') {
      const read = readSection(this, shape, row);
      if (read?.asCategory) this.section = read.heading;
      else if (read) this.group = read.heading;
      return;
    }
    this.blank.scanRow(this, row, cells);
    if (kind === 'continuation') {
      continueItem(this, this.current!, row, cells, shape.mergedDown);
      return;
    }
    const fromHeading = !this.roles.has('category') && this.section !== undefined;
    if (fromHeading) this.sectionItems++;
    this.current = newItem(this, row, cells, fromHeading ? this.section : undefined, this.belowNote);
    // The heading above (一、行政许可类) is kept on every item under it, unless a 分组 column of the
    // sheet's own already says it.
    if (this.group && this.current.extra[GROUP_COLUMN] === undefined) this.current.extra[GROUP_COLUMN] = { text: this.group.text, at: this.group.at };
    this.onItem();
  }
}
