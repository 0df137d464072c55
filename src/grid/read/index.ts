// One grid (a worksheet, or any table turned into a grid.ts grid), row by row, into items: header search
// over the first rows, then a single pass that resolves merged cells (value and location of the top-left
// cell) and groups rows into items. Rows arrive in ascending order; nothing of the grid is kept but the
// items. Nothing here knows about .xlsx: cells are named by the grid's own naming function.
import { COLUMNS, TICK_GROUPS, fieldLabel, type FieldKey, type Profile, type TickGroup } from '../../settings/columns.js';
import { CHANNELS, NOTE_ROW_PREFIX, TICK_OPTIONS } from '../../settings/vocab.js';
import { HEADER_SEARCH_ROWS } from '../../settings/limits.js';
import type { Cell, Item, ListField, Pair } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding } from '../../findings/finding.js';
import { detectHeader, type ColumnRole, type Header, type HeaderRow } from '../header.js';
import { isSameAsAbove, parseChannels, parseTickText, readTick } from '../lists.js';
import { ExtentTracker, gridExtent, type Grid, type GridRow, type MergeRange } from '../grid.js';
import { DEFAULT_COLUMNS, MergeSweep } from '../merges.js';
import { shortText, type Cells, type ReadContext, type Resolved, type SheetResult } from './context.js';
import { BlankColumns } from './blank-columns.js';
import { checkMerges } from './merge-check.js';
import { ownCells } from './rows.js';
import { readAboveHeader, readNoteRow } from './texts.js';

export type { SheetResult } from './context.js';

const SEARCH_LIMIT = HEADER_SEARCH_ROWS + 1;
/** 一、 二、 (一) … at the start of a lone cell: a section heading. */
const SECTION_HEADING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/u;
/** “（12项）” after a heading: the count a published page (zwgk's own included) shows for a group. */
const GROUP_COUNT = /\s*[(（]\s*\d+\s*项\s*[)）]\s*$/u;

export interface ReadGridOptions {
  /** The layout asked for (--profile), if any. */
  forced?: Profile;
  /** Called after each item (progress). */
  onItem?: () => void;
}

/** Read one grid into items (every grid source: worksheets now, HTML and Word tables later). */
export function readGrid(grid: Grid, options: ReadGridOptions = {}): SheetResult {
  const reader = new GridReader(grid, options.forced, options.onItem ?? (() => undefined));
  let whole = true;
  for (const row of grid.rows()) {
    if (!reader.row(row)) {
      whole = false;
      break;
    }
  }
  const result = reader.finish();
  // A grid without a catalog header was not read to its end; its extent is what the skip report names.
  if (!whole) result.extent = gridExtent(grid);
  const e = result.extent;
  if (e) result.extentAt = grid.rangeAt(e.top, e.left, e.bottom, e.right);
  return result;
}

class GridReader implements ReadContext {
  private readonly merges: readonly MergeRange[];
  readonly result: SheetResult;
  /** Set once the search finds it; no row below a header is read before. */
  header!: Header;
  private searching = true;
  private buffered: GridRow[] = [];
  /** The merges covering the row being read, indexed by column (merges.ts). */
  private readonly sweep: MergeSweep;
  /** The cells of the row the sweep is moving to (for the text of merges that start in it). */
  private sweepCells: Cells = new Map();
  /** The text of each open merge's top-left cell (merges are the grid's own objects, left unchanged). */
  private readonly mergeText = new Map<MergeRange, string>();
  /** Columns indexed for merges: the grid's own width, or Excel's. */
  private readonly columns: number;
  private current?: Item;
  /** The heading above the items being read, when it stands for their category (the table has no such column). */
  private section?: Cell;
  /** Items whose category came from a heading. */
  private sectionItems = 0;
  private noteMode = false;
  /** Items are being read below a 注 row (the template ran out of rows). */
  private belowNote = false;
  private channelOptions?: string[];
  private readonly unknownChannels = new Set<string>();
  private readonly selectedChannels = new Set<string>();
  /** Field columns by key, and every column's role by column number. */
  readonly roles = new Map<FieldKey, ColumnRole>();
  readonly byCol: (ColumnRole | undefined)[] = [];
  /** Columns without a header label that hold values: kept as extra columns, reported at the end. */
  readonly blank: BlankColumns;
  /** Columns of the row being read whose own cell went into the catalog (or into a finding). */
  private readonly used = new Set<number>();
  private readonly extent = new ExtentTracker();

  constructor(
    readonly grid: Grid,
    private readonly forced: Profile | undefined,
    private readonly onItem: () => void,
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
      (m) => this.mergeText.delete(m),
    );
  }

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

  /** The grid ended. */
  finish(): SheetResult {
    if (this.searching) this.endSearch();
    // Selected channels outside the standard list are appended by our renderer; they alone do not
    // make the sheet's checklist a custom one.
    // A sheet's own checklist also lists every channel its items select (plain lists included): the
    // renderer then prints each item's selection in its own order within the one list, and the list
    // reads back the same.
    if (this.channelOptions) for (const c of this.selectedChannels) if (!this.channelOptions.includes(c)) this.channelOptions.push(c);
    const core = this.channelOptions?.filter((o) => !this.unknownChannels.has(o));
    if (this.channelOptions && core && !sameSet(core, CHANNELS)) this.result.options.channels = this.channelOptions;
    if (this.result.header) this.finishColumns(this.result.header);
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
    const header = detectHeader(headerRows, (row, col) => this.at(row, col), this.forced);
    if (!header) return false;
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

  /** Whether a row holds an item: a 序号 and a 名称, or most of the required cells the header has. */
  private looksLikeItem(row: number, cells: Cells): boolean {
    const own = (key: FieldKey): boolean => {
      const r = this.roles.get(key);
      const text = r ? cells.get(r.col) : undefined;
      if (!r || !text || text.trim() === '') return false;
      const m = this.cover(r.col);
      return !m || (m.top === row && m.left === r.col);
    };
    if (own('serial') && own('name')) return true;
    const required = COLUMNS[this.header.profile].filter((c) => c.required && this.roles.has(c.key));
    const filled = required.filter((c) => own(c.key)).length;
    return filled >= 3 && filled * 2 > required.length;
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

  use(col: number): void {
    this.used.add(col);
  }

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

  private readRow(row: number, cells: Cells): void {
    const header = this.header;
    // The cells this row itself holds (not covered by a merge from elsewhere): how many, and the leftmost.
    let count = 0;
    let firstCol = Infinity;
    let firstText = '';
    let firstWide = false;
    let firstSpan = 1;
    for (const [col, text] of cells) {
      if (text.trim() === '') continue;
      const m = this.cover(col);
      if (m && (m.top !== row || m.left !== col)) continue;
      count++;
      if (col < firstCol) {
        firstCol = col;
        firstText = text;
        firstWide = !!m && m.right > m.left;
        firstSpan = m ? m.right - m.left + 1 : 1;
      }
    }
    if (count === 0) return;
    const noteLike = NOTE_ROW_PREFIX.test(firstText) && (count === 1 || firstWide);
    if (this.noteMode && !noteLike && this.looksLikeItem(row, cells)) {
      // A clerk who ran out of rows typed on below the 注: the row is an item, wherever it sits.
      this.noteMode = false;
      this.belowNote = true;
    } else if (this.noteMode || noteLike) {
      this.noteMode = true;
      readNoteRow(this, row, cells, count > 1 && !firstWide);
      return;
    }
    // A lone heading such as “一、政策文件”, merged across the table or numbered with a Chinese
    // numeral, groups the items below it; it is not an item itself.
    if (count === 1 && (firstSpan >= 3 || SECTION_HEADING.test(firstText))) {
      const at = this.at(row, firstCol);
      const category = firstText.trim().replace(SECTION_HEADING, '').replace(GROUP_COUNT, '').trim();
      if (!this.roles.has('category') && category !== '') {
        // A table without a category column grouped by headings (a published page, zwgk's own
        // among them): each heading is the category of the items below it.
        this.section = { text: category, at };
        const field = fieldLabel(header.profile, 'category');
        this.result.findings.push(finding('section-category', at, { row, text: firstText.trim(), category, field }));
      } else this.result.findings.push(finding('section-row', at, { row, text: firstText.trim() }));
      this.used.add(firstCol);
      return;
    }
    this.blank.scanRow(this, row, cells);
    const nameRole = this.roles.get('name');
    const serialRole = this.roles.get('serial');
    const name = nameRole ? this.resolve(row, nameRole.col, cells) : undefined;
    const serial = serialRole ? this.resolve(row, serialRole.col, cells) : undefined;
    const starts = (c?: Resolved): boolean => !!c && !c.fromAbove && c.text.trim() !== '';
    if (!this.current || starts(name) || starts(serial) || (!name && !serial)) {
      this.newItem(row, cells);
      return;
    }
    const coveredFromAbove = !!name?.fromAbove || !!serial?.fromAbove;
    if (!coveredFromAbove) {
      const at = this.at(row, nameRole?.col ?? serialRole?.col ?? header.firstCol);
      this.result.findings.push(finding('continuation-row', at, { row }, { item: this.result.items.length }));
    }
    this.continueItem(row, cells);
  }

  private role(key: FieldKey): ColumnRole | undefined {
    return this.roles.get(key);
  }

  private cell(row: number, key: FieldKey, cells: Cells, itemAt: SourceRef): Cell {
    const r = this.role(key);
    if (!r) return { text: '', at: itemAt };
    const v = this.resolve(row, r.col, cells);
    return { text: v.text, at: v.at };
  }

  private basis(row: number, cells: Cells, itemAt: SourceRef): ListField {
    const r = this.role('basis');
    if (!r) return { values: [], at: itemAt };
    const v = this.resolve(row, r.col, cells);
    return { values: splitLines(v.text).map((text) => ({ text, at: v.at })), at: v.at };
  }

  private pair(row: number, cells: Cells, itemAt: SourceRef, onlyOwn: boolean): Pair | undefined {
    const profile = this.header.profile;
    const content = this.role('content');
    const standard = profile === '2017' ? this.role('standard') : undefined;
    const c = content ? this.resolve(row, content.col, cells) : undefined;
    const s = standard ? this.resolve(row, standard.col, cells) : undefined;
    if (onlyOwn) {
      const fresh = (x?: Resolved): boolean => !!x && !x.fromAbove && x.text.trim() !== '';
      if (!fresh(c) && !fresh(s)) return undefined;
    }
    const pair: Pair = { content: c ? { text: c.text, at: c.at } : { text: '', at: itemAt } };
    if (profile === '2017') pair.standard = s ? { text: s.text, at: s.at } : { text: '', at: itemAt };
    return pair;
  }

  private channels(row: number, cells: Cells, itemAt: SourceRef): ListField {
    const r = this.role('channels');
    if (!r) return { values: [], at: itemAt };
    const v = this.resolve(row, r.col, cells);
    const at = v.at;
    if (isSameAsAbove(v.text)) return { values: [{ text: v.text.trim(), at }], at };
    const list = parseChannels(v.text);
    if (list.options) {
      if (!this.channelOptions) this.channelOptions = [...list.options];
      else for (const o of list.options) if (!this.channelOptions.includes(o)) this.channelOptions.push(o);
    }
    if (list.unmarked.length) {
      const field = fieldLabel('2019', 'channels');
      this.result.findings.push(finding('channel-unmarked', at, { field, unmarked: list.unmarked.join('、') }, { field, item: this.result.items.length }));
    }
    for (const s of list.selected) {
      this.selectedChannels.add(s);
      if (!CHANNELS.includes(s) && !this.unknownChannels.has(s)) {
        this.unknownChannels.add(s);
        this.result.findings.push(finding('channel-unknown', at, { value: s }, { field: fieldLabel('2019', 'channels'), item: this.result.items.length }));
      }
    }
    return { values: list.selected.map((text) => ({ text, at })), at };
  }

  private ticks(row: number, cells: Cells, itemAt: SourceRef): Record<TickGroup, ListField> {
    const out = {} as Record<TickGroup, ListField>;
    const item = this.result.items.length;
    for (const group of TICK_GROUPS) {
      const field = fieldLabel('2019', group);
      const cols = this.header.columns.filter((c) => (c.kind === 'tick' || c.kind === 'tickText') && c.group === group);
      if (cols.length === 0) {
        out[group] = { values: [], at: itemAt };
        continue;
      }
      const firstCol = cols[0]!;
      if (firstCol.kind === 'tickText') {
        const v = this.resolve(row, firstCol.col, cells);
        const at = v.at;
        if (isSameAsAbove(v.text)) {
          out[group] = { values: [{ text: v.text.trim(), at }], at };
          continue;
        }
        const { labels, unknown } = parseTickText(v.text, group);
        for (const value of unknown) {
          const options = TICK_OPTIONS[group].map((a) => a[0]).join('、');
          this.result.findings.push(finding('tick-value-unknown', at, { field, value, options }, { field, item }));
        }
        out[group] = { values: labels.map((text) => ({ text, at })), at };
        continue;
      }
      const values: Cell[] = [];
      for (const c of cols) {
        if (c.kind !== 'tick') continue;
        const v = this.resolve(row, c.col, cells);
        const state = readTick(v.text, c.label);
        if (state === 'on') values.push({ text: c.label, at: v.at });
        else if (state === 'invalid') {
          this.result.findings.push(finding('tick-invalid', v.at, { field, option: c.label, value: v.text.trim() }, { field, item }));
        }
      }
      out[group] = { values, at: this.at(row, firstCol.col) };
    }
    return out;
  }

  private newItem(row: number, cells: Cells): void {
    const header = this.header;
    const itemAt = this.at(row, header.firstCol);
    const profile = header.profile;
    const itemNo = this.result.items.length + 1;
    const base = (key: FieldKey): Cell => this.cell(row, key, cells, itemAt);
    // Findings raised while building refer to the item being built.
    this.result.items.push(undefined as unknown as Item);
    const fromHeading = !this.roles.has('category') && this.section !== undefined;
    if (fromHeading) this.sectionItems++;
    const item: Item = {
      serial: base('serial'),
      category: fromHeading ? { ...this.section!, at: { ...this.section!.at } } : base('category'),
      name: base('name'),
      basis: this.basis(row, cells, itemAt),
      pairs: [],
      subject: base('subject'),
      deadline: base('deadline'),
      remark: base('remark'),
      // No prototype: a column headed __proto__ is a column like any other.
      extra: Object.create(null) as Record<string, Cell>,
      at: itemAt,
    };
    const pair = this.pair(row, cells, itemAt, false);
    if (pair) item.pairs.push(pair);
    if (profile === '2017') item.platform = base('platform');
    else {
      item.channels = this.channels(row, cells, itemAt);
      item.ticks = this.ticks(row, cells, itemAt);
    }
    for (const c of header.columns) {
      if (c.kind !== 'extra') continue;
      const v = this.resolve(row, c.col, cells);
      if (v.text !== '') item.extra[c.label] = { text: v.text, at: v.at };
    }
    this.result.items[itemNo - 1] = item;
    if (this.belowNote) this.result.findings.push(finding('item-below-note', itemAt, { row }, { item: itemNo }));
    this.current = item;
    this.onItem();
  }

  /** A further row of the current item: another pair, and whatever item-level cells it holds itself. */
  private continueItem(row: number, cells: Cells): void {
    const item = this.current!;
    const pair = this.pair(row, cells, item.at, true);
    if (pair) item.pairs.push(pair);
    let tickCells = false;
    for (const [col, text] of cells) {
      const c = this.byCol[col];
      if (!c || text.trim() === '') continue;
      const m = this.cover(col);
      if (m && (m.top !== row || m.left !== col)) continue;
      if (c.kind === 'tick' || c.kind === 'tickText') {
        tickCells = true;
        continue;
      }
      const at = this.at(row, col);
      if (c.kind === 'extra' || (c.key !== 'serial' && c.key !== 'name' && c.key !== 'content' && c.key !== 'standard')) this.used.add(col);
      // A second value in an unmerged item-level cell is kept (joined by a line break) and said so:
      // it may be a forgotten merge, or a new item whose 序号 and 名称 were left blank.
      const joined = (field: string, existing: Cell | undefined): Cell => {
        if (existing && existing.text.trim() !== '') {
          const itemNo = this.result.items.length;
          const make = (name: string) => finding('row-value-joined', at, { row, field: name, value: shortText(text) }, { field: name, item: itemNo });
          // A column without a header label is named only when the grid has ended.
          if (c.kind === 'extra' && this.blank.has(col)) this.blank.defer(col, make);
          else this.result.findings.push(make(field));
        }
        return appendCell(existing, text, at);
      };
      if (c.kind === 'extra') {
        item.extra[c.label] = joined(c.label, item.extra[c.label]);
        continue;
      }
      switch (c.key) {
        case 'basis':
          item.basis.values.push(...splitLines(text).map((line) => ({ text: line, at })));
          break;
        case 'channels':
          for (const x of this.channels(row, cells, item.at).values) if (!item.channels!.values.some((y) => y.text === x.text)) item.channels!.values.push(x);
          break;
        case 'category':
        case 'subject':
        case 'deadline':
        case 'remark':
        case 'platform': {
          const key = c.key;
          item[key] = joined(fieldLabel(this.header.profile, key), item[key]);
          break;
        }
        default:
          // serial and name start items; content and standard make the pair above.
          break;
      }
    }
    if (item.ticks && tickCells) {
      const more = this.ticks(row, cells, item.at);
      for (const g of TICK_GROUPS) {
        for (const x of more[g].values) if (!item.ticks[g].values.some((y) => y.text === x.text)) item.ticks[g].values.push(x);
      }
    }
  }
}

/** Fill an empty cell, or add a further line to a filled one (nothing is dropped). */
function appendCell(cell: Cell | undefined, text: string, at: SourceRef): Cell {
  if (!cell || cell.text.trim() === '') return { text, at };
  return { ...cell, text: `${cell.text}\n${text}` };
}

/** One citation per line; blank lines dropped, the lines themselves verbatim. */
export function splitLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
