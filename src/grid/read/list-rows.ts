// The rows below a list's header (a layout of src/layouts) into items: a row whose 序号 or name starts in it
// opens an item, a row whose 序号 and name are merged down from above (or empty) continues it — another row
// of the per-row columns, and any per-item cell it holds itself joined to the item's value. √ columns give
// the options ticked; a text written in a √ cell is kept as the mark. Every cell of a row is taken into the
// item (columns the layout lacks are kept under their own label, columns without a label as 无表头列N) or
// left to the reader's cell accounting, which reports it.
import { GROUP_COLUMN } from '../../settings/texts.js';
import { BLANK_HEADER_KEY } from '../../settings/columns.js';
import { LIST_SEPARATORS, NOTE_ROW_PREFIX, TICK_MARKS, UNTICK_MARKS } from '../../settings/vocab.js';
import type { Cell, ListField } from '../../model/types.js';
import { record, type ListItem } from '../../model/list.js';
import type { LayoutColumn } from '../../layouts/types.js';
import { finding } from '../../findings/finding.js';
import type { ListHeader, ListRole } from '../list-header.js';
import { shortText, type Cells, type ReadContext } from './context.js';
import { ownCells } from './rows.js';
import { readNoteRow } from './texts.js';

/** A cell that is only the word of a notes row (备注, 注, 说明), with or without its colon. */
const NOTE_LABEL = /^\s*(?:注|说明|备注|附注|填表说明)\s*[:：]?\s*$/u;
const MARKED = new Set(TICK_MARKS);
const UNMARKED = new Set(UNTICK_MARKS);

/** The columns without a header label that held values, in the order first seen. */
interface BlankColumn {
  key: string;
  count: number;
  sample: string;
  first: { row: number; col: number };
}

/** Reads a list's rows; the grid reader feeds it each row below the header, with itself as the context. */
export class ListRows {
  readonly items: ListItem[] = [];
  private current?: ListItem;
  private readonly byCol: (ListRole | undefined)[] = [];
  private readonly columns = new Map<string, LayoutColumn>();
  private readonly starters: number[] = [];
  /** The 序号 column, when the header has one: its cell, merged down or not, says where an item starts. */
  private serialCol?: number;
  private readonly blank = new Map<number, BlankColumn>();
  private noteMode = false;
  /** The heading row above the items being read (kept on each of them as 分组). */
  private section?: Cell;

  constructor(readonly header: ListHeader) {
    for (const c of header.layout.columns) this.columns.set(c.key, c);
    for (const role of header.columns) this.byCol[role.col] = role;
    // What opens an item: its 序号 or its name starting in the row.
    for (const role of header.columns) {
      if (role.kind !== 'field') continue;
      const kind = this.columns.get(role.key)?.kind;
      if (kind === 'serial' || role.key === header.layout.nameColumn) this.starters.push(role.col);
      if (kind === 'serial' && this.serialCol === undefined) this.serialCol = role.col;
    }
  }

  /** One row below the header. */
  row(ctx: ReadContext, row: number, cells: Cells): void {
    const own = ownCells(ctx, row, cells);
    if (own.length === 0) return;
    const [firstCol, firstText] = own[0]!;
    const m = ctx.cover(firstCol);
    const wide = m !== undefined && m.right - m.left >= 2;
    // 备注 | (one cell across the rest of the table): the label of a notes row, not an item's 序号.
    const labelled = own.length === 2 && NOTE_LABEL.test(firstText) && (() => {
      const n = ctx.cover(own[1]![0]);
      return n !== undefined && n.right - n.left >= 2;
    })();
    if (NOTE_ROW_PREFIX.test(firstText) && (own.length === 1 || wide || labelled)) {
      this.noteMode = true;
      readNoteRow(ctx, row, cells, own.length > 1 && !wide && !labelled);
      return;
    }
    if (this.noteMode && !this.startsItem(ctx, row, cells)) {
      readNoteRow(ctx, row, cells, own.length > 1);
      return;
    }
    this.noteMode = false;
    if (own.length === 1 && wide) {
      // A heading over the items below it (一、规划类): kept on each of them as 分组.
      ctx.use(firstCol);
      this.section = { text: firstText.trim(), at: ctx.at(row, firstCol) };
      ctx.result.findings.push(finding('section-row', this.section.at, { row, text: shortText(firstText), column: GROUP_COLUMN }));
      return;
    }
    if (!this.current || this.startsItem(ctx, row, cells)) this.newItem(ctx, row, cells);
    else this.continueItem(ctx, row, cells);
  }

  private startsItem(ctx: ReadContext, row: number, cells: Cells): boolean {
    if (this.starters.length === 0) return true;
    // A 序号 merged down over several rows holds them in one item (a 领域 with several 抽查事项), whatever
    // the other columns say; a row whose 序号 is blank and unmerged starts an item when its name does.
    if (this.serialCol !== undefined) {
      const s = ctx.resolve(row, this.serialCol, cells);
      if (s.fromAbove) return false;
      if (s.text.trim() !== '') return true;
    }
    return this.starters.some((col) => {
      const r = ctx.resolve(row, col, cells);
      return !r.fromAbove && r.text.trim() !== '';
    });
  }

  private newItem(ctx: ReadContext, row: number, cells: Cells): void {
    const at = ctx.at(row, this.header.columns[0]?.col ?? 1);
    const item: ListItem = { values: record(), rows: [], ticks: record(), extra: record(), at };
    const no = this.items.length + 1;
    this.items.push(item);
    this.current = item;
    const perRow = record<Cell>();
    let hasPerRow = false;
    for (const role of this.header.columns) {
      const v = ctx.resolve(row, role.col, cells);
      const cell: Cell = { text: v.text, at: v.at };
      if (role.kind === 'extra') {
        if (v.text !== '') item.extra[role.label] = cell;
        continue;
      }
      const column = this.columns.get(role.key)!;
      if (role.kind === 'tick') {
        this.tick(ctx, item, column, role, cell, no);
        continue;
      }
      if (column.kind === 'ticks') {
        // The options written in one cell (公众参与、专家论证).
        item.ticks[column.key] = this.ticksFromText(cell);
        continue;
      }
      if (column.per === 'row') {
        perRow[column.key] = cell;
        hasPerRow = true;
      } else item.values[column.key] = cell;
    }
    for (const column of this.header.layout.columns) if (column.kind === 'ticks') item.ticks[column.key] ??= { values: [], at };
    if (hasPerRow || this.header.layout.columns.some((c) => c.per === 'row')) item.rows.push(perRow);
    if (this.section) item.extra[GROUP_COLUMN] = { text: this.section.text, at: this.section.at };
    this.blankCells(ctx, item, row, cells);
  }

  private continueItem(ctx: ReadContext, row: number, cells: Cells): void {
    const item = this.current!;
    const no = this.items.length;
    const perRow = record<Cell>();
    let rowValues = false;
    for (const role of this.header.columns) {
      const v = ctx.resolve(row, role.col, cells);
      if (v.fromAbove || v.text === '') continue;
      const cell: Cell = { text: v.text, at: v.at };
      if (role.kind === 'extra') {
        this.join(ctx, item.extra, role.label, role.label, cell, row, no);
        continue;
      }
      const column = this.columns.get(role.key)!;
      if (role.kind === 'tick') this.tick(ctx, item, column, role, cell, no);
      else if (column.kind === 'ticks') item.ticks[column.key]!.values.push(...this.ticksFromText(cell).values);
      else if (column.per === 'row') {
        perRow[column.key] = cell;
        rowValues = true;
      } else this.join(ctx, item.values, column.key, column.label, cell, row, no);
    }
    if (rowValues) item.rows.push(perRow);
    this.blankCells(ctx, item, row, cells);
  }

  /** A per-item value written again on a further row: joined to the item's (a line break between), and said. */
  private join(ctx: ReadContext, into: Record<string, Cell>, key: string, field: string, cell: Cell, row: number, no: number): void {
    const had = into[key];
    if (!had || had.text === '') {
      into[key] = cell;
      return;
    }
    had.text = `${had.text}\n${cell.text}`;
    ctx.result.findings.push(finding('row-value-joined', cell.at, { row, field, value: shortText(cell.text) }, { field, item: no }));
  }

  /** One √ cell: a mark ticks the option, a text ticks it and is kept, □/否/blank leaves it. */
  private tick(ctx: ReadContext, item: ListItem, column: LayoutColumn, role: ListRole & { kind: 'tick' }, cell: Cell, no: number): void {
    const list = (item.ticks[column.key] ??= { values: [], at: cell.at });
    const text = cell.text.trim();
    if (text === '' || UNMARKED.has(text)) return;
    const had = list.values.find((v) => v.text === role.option);
    if (had) {
      // Ticked already (a row above of the same item): a √ again adds nothing, a text is kept with the first.
      if (MARKED.has(text)) return;
      had.mark = had.mark !== undefined ? `${had.mark}\n${cell.text}` : cell.text;
      ctx.result.findings.push(finding('tick-invalid', cell.at, { field: column.label, option: role.option, value: shortText(cell.text) }, { field: column.label, item: no }));
      return;
    }
    if (MARKED.has(text)) {
      list.values.push({ text: role.option, at: cell.at });
      return;
    }
    list.values.push({ text: role.option, at: cell.at, mark: cell.text });
    ctx.result.findings.push(finding('tick-invalid', cell.at, { field: column.label, option: role.option, value: shortText(cell.text) }, { field: column.label, item: no }));
  }

  private ticksFromText(cell: Cell): ListField {
    const values = cell.text.split(LIST_SEPARATORS).map((t) => t.trim()).filter((t) => t !== '');
    return { values: values.map((text) => ({ text, at: cell.at })), at: cell.at };
  }

  /** Values in columns without a header label: kept as 无表头列N. */
  private blankCells(ctx: ReadContext, item: ListItem, row: number, cells: Cells): void {
    cells.forEach((text, col) => {
      if (this.byCol[col] || text.trim() === '') return;
      const m = ctx.cover(col);
      if (m && (m.top !== row || m.left !== col)) return;
      let b = this.blank.get(col);
      if (!b) this.blank.set(col, (b = { key: BLANK_HEADER_KEY(this.blank.size + 1), count: 0, sample: shortText(text), first: { row, col } }));
      b.count++;
      ctx.use(col);
      const cell: Cell = { text, at: ctx.at(row, col) };
      const had = item.extra[b.key];
      item.extra[b.key] = had ? { ...had, text: `${had.text}\n${text}` } : cell;
    });
  }

  /** The columns without a label, with the finding that names each. */
  finish(ctx: ReadContext): string[] {
    const keys: string[] = [];
    for (const [col, b] of [...this.blank].sort((a, b) => a[0] - b[0])) {
      keys.push(b.key);
      const column = `第 ${col} 列`;
      ctx.result.findings.push(finding('blank-header-column', ctx.at(b.first.row, b.first.col), { column, count: b.count, sample: b.sample, guess: '', key: b.key }, { field: b.key }));
    }
    return keys;
  }
}
