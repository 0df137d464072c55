// Columns below the header that have no header label. Their values are kept as extra columns, and the
// columns are named 无表头列1, 2 … in column order once the grid has ended (a name a round trip gives
// back: rendered with a blank header, read again in the same order), then reported with what they seem
// to hold; a missing required column says which of them may be it.
import { BLANK_HEADER_KEY, fieldLabel, type FieldKey } from '../../settings/columns.js';
import type { Cell, Item } from '../../model/types.js';
import { record } from '../../model/record.js';
import { finding, type Finding } from '../../findings/finding.js';
import type { ColumnRole, Header } from '../header.js';
import type { Grid } from '../grid.js';
import { ColumnGuess } from '../guess.js';
import { shortText, type BlankColumnsSeen, type Cells, type ReadContext } from './context.js';

const NON_BLANK = /\S/u;

interface BlankColumn {
  role: ColumnRole & { kind: 'extra' };
  /** The merged header cell the column lies under (公开层级 over M1:N1 with N2 blank), if any. */
  under?: Header['spans'][number];
  count: number;
  sample: string;
  guess: ColumnGuess;
}

/** The columns without a header label that hold values, found row by row. */
export class BlankColumns implements BlankColumnsSeen {
  private readonly byCol = new Map<number, BlankColumn>();
  /** Findings that name a blank-headed column: their place among the findings, made when the column has its key. */
  private readonly waiting: { slot: number; col: number; make: (key: string) => Finding }[] = [];

  constructor(private readonly findings: Finding[]) {}

  /** Whether `col` is a column without a header label that holds values. */
  has(col: number): boolean {
    return this.byCol.has(col);
  }

  /** Take the values of an item row that lie in no labelled column (blank-headed ones are counted again). */
  scanRow(ctx: ReadContext, row: number, cells: Cells): void {
    // forEach, not for…of: no [col, text] pair is allocated per cell. The column test comes first:
    // nearly every cell lies in a labelled column, and a regex test per cell would cost more.
    cells.forEach((text, col) => {
      if (ctx.byCol[col] && !this.byCol.has(col)) return;
      if (!NON_BLANK.test(text)) return;
      const m = ctx.cover(col);
      if (!m || (m.top === row && m.left === col)) this.add(ctx, col, text);
    });
  }

  /**
   * A finding that names a blank-headed column: its place in the findings is kept now (so their order is
   * the order of reading), and it is made once, with the column's key, when the grid has ended — the key
   * depends on the blank-headed columns further left, which later rows may still show.
   */
  defer(col: number, make: (key: string) => Finding): void {
    this.waiting.push({ slot: this.findings.length, col, make });
    this.findings.push(undefined as unknown as Finding);
  }

  /** A value in a column without a label: the column becomes an extra column (keyed by a placeholder until the end). */
  private add(ctx: ReadContext, col: number, text: string): void {
    let b = this.byCol.get(col);
    if (!b) {
      const header = ctx.header;
      // Under a merged header cell the blank one is the cell of the row below it (the sub-header's).
      const under = header.spans.find((s) => col >= s.left && col <= s.right);
      const row = under && header.lastRow > under.row ? header.lastRow : header.row;
      const role: ColumnRole & { kind: 'extra' } = { kind: 'extra', col, at: ctx.at(row, col), label: `\u0000${col}` };
      header.columns.push(role);
      ctx.byCol[col] = role;
      this.byCol.set(col, (b = { role, under, count: 0, sample: text, guess: new ColumnGuess(header.profile) }));
    }
    b.count++;
    b.guess.add(text);
  }

  /** The grid has ended: name the columns, key the items' values by the names, make the findings that name them, report each column. */
  finish(grid: Grid, header: Header, items: readonly Item[]): void {
    const blanks = this.sorted();
    if (blanks.length) {
      const rename = new Map<string, string>();
      blanks.forEach(([, b], i) => {
        const key = BLANK_HEADER_KEY(i + 1);
        rename.set(b.role.label, key);
        b.role.label = key;
      });
      for (const w of this.waiting) this.findings[w.slot] = w.make(this.byCol.get(w.col)!.role.label);
      header.columns.sort((a, b) => a.col - b.col);
      const order = header.columns.filter((c) => c.kind === 'extra').map((c) => c.label);
      for (const item of items) {
        const renamed = record<Cell>();
        for (const [k, v] of Object.entries(item.extra)) renamed[rename.get(k) ?? k] = v;
        item.extra = record<Cell>();
        for (const k of order) if (renamed[k]) item.extra[k] = renamed[k]!;
      }
    }
    for (const [col, b] of blanks) {
      const guess = b.guess.best();
      const column = grid.columnName(col);
      this.findings.push(
        finding('blank-header-column', b.role.at, {
          column,
          count: b.count,
          sample: shortText(b.sample),
          guess: guess ? `，内容像是“${fieldLabel(header.profile, guess)}”` : '',
          key: b.role.label,
          cell: this.where(grid, header, b, column),
        }, { field: b.role.label }),
      );
    }
  }

  /** For the finding of a missing column: which blank-headed column seems to hold it, and where to name it. */
  hint(grid: Grid, key: FieldKey, field: string): string {
    const maybe = this.sorted().find(([, b]) => b.guess.best() === key);
    if (!maybe) return '';
    const where = maybe[1].role.at.cell ?? `${grid.columnName(maybe[0])}的表头`;
    return `。${grid.columnName(maybe[0])}没有表头，内容像是“${field}”，可能就是这一列：在 ${where} 填写“${field}”即可`;
  }

  /** Where the column's label goes: its header cell, named with the merged header cell above it if any. */
  private where(grid: Grid, header: Header, b: BlankColumn, column: string): string {
    const cell = b.role.at.cell ?? `${column}的表头`;
    const u = b.under;
    if (!u) return cell;
    const range = grid.rangeAt(u.row, u.left, u.row, u.right);
    const name = range.range ?? range.cell ?? '';
    if (header.lastRow > u.row) return `${name}“${u.label}”下方的 ${cell}`;
    return `${cell}（它在合并的表头 ${name}“${u.label}”之中，请先拆分合并单元格）`;
  }

  private sorted(): [number, BlankColumn][] {
    return [...this.byCol.entries()].sort((a, b) => a[0] - b[0]);
  }
}
