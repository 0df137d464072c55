// One worksheet part, streamed: the cells of <sheetData> as text (shared strings, inline and rich
// strings, numbers, dates by number format, booleans, errors, cached formula results) and the
// <mergeCells>, together in one pass. Rows are kept compactly (grid/cell-store.ts) until the sheet
// ends: its <mergeCells> follow its rows, and only then can the rows be grouped into items.
import type { MergeRange } from '../../grid/grid.js';
import { CellStore } from '../../grid/cell-store.js';
import { ReadBudget } from '../../grid/limits.js';
import { a1, columnNumber } from '../../findings/location.js';
import { PartDataError, XmlScanner, eachAttr } from '../ooxml/xml-scanner.js';
import { CappedText, RunText, dateText, excelDate, numberText, stringText, withinCellLimit } from './cell-text.js';
import { ownText } from '../../model/strings.js';

/** What cell values need from the rest of the workbook. */
export interface CellContext {
  /** Shared strings (already through stringText); undefined when the workbook has no table. */
  sharedStrings?: string[];
  /** The table is named in the workbook's relationships but absent from the zip. */
  sharedStringsMissing?: boolean;
  /** Shared strings longer than Excel's cell limit (kept cut): index → length as written. */
  sharedLong?: ReadonlyMap<number, number>;
  /** What the workbook read so far holds, against READ_LIMITS (one budget for all its parts). */
  budget?: ReadBudget;
  /** By cellXfs index: does the style's number format show a date or time? */
  dateStyles: boolean[];
  date1904: boolean;
}

/** A merge's ref (A1:C4, $-signs allowed). */
const REF_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/** What a worksheet scan yields. */
export interface SheetScan {
  rows: CellStore;
  merges: MergeRange[];
  /** The last row with a <v> or <is> element; 0 when the sheet holds no value at all. */
  lastValueRow: number;
  /** Cells longer than Excel's limit of MAX_CELL_CHARS: read cut to it, to be reported. */
  long: LongCell[];
}

/** A cell whose text was longer than Excel allows (`length` as written). */
export interface LongCell {
  row: number;
  col: number;
  length: number;
}

/**
 * One worksheet part: the cells of <sheetData> as text (shared strings, inline and rich strings,
 * numbers, dates by number format, booleans, errors, cached formula results) and the <mergeCells>.
 */
export class WorksheetScanner extends XmlScanner {
  private readonly rows = new CellStore();
  private readonly merges: MergeRange[] = [];
  /** Cells longer than Excel's limit, kept cut. */
  private readonly long: LongCell[] = [];
  private lastValueRow = 0;
  private inSheetData = false;
  private inRow = false;
  private rowHasR = false;
  private row = 0;
  private col = 0;
  // The open <c>.
  private inCell = false;
  private type = '';
  private style = 0;
  private hasValue = false;
  private inV = false;
  private readonly v = new CappedText();
  /** The length of the cell being ended when it is over Excel's limit (its text is cut). */
  private cellLong: number | undefined;
  private inIs = false;
  private hadIs = false;
  private readonly run = new RunText();
  private ref = '';
  private readonly onCellAttr = (name: string, value: string): void => {
    if (name === 'r') this.ref = value;
    else if (name === 't') this.type = value;
    else if (name === 's') this.style = Number(value) || 0;
  };
  private readonly onRowAttr = (name: string, value: string): void => {
    if (name === 'r') {
      const r = Number(value);
      if (Number.isInteger(r) && r > 0) {
        this.row = r;
        this.rowHasR = true;
      }
    }
  };
  private readonly onMergeAttr = (name: string, value: string): void => {
    if (name !== 'ref') return;
    const m = REF_RE.exec(value.trim());
    if (!m) return;
    const top = Number(m[2]);
    const left = columnNumber(m[1]!);
    const bottom = m[4] ? Number(m[4]) : top;
    const right = m[3] ? columnNumber(m[3]) : left;
    if (bottom > top || right > left) {
      this.budget.merge(() => `合并区域 ${value.trim().slice(0, 40)}`);
      this.merges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
    }
  };

  protected readonly attributeTags: ReadonlySet<string> = new Set(['c', 'row', 'mergeCell']);
  private readonly budget: ReadBudget;

  constructor(
    part: string,
    private readonly context: CellContext,
  ) {
    super(part);
    this.budget = context.budget ?? new ReadBudget();
  }

  protected open(name: string, s: string, from: number, to: number, self: boolean): void {
    if (this.inCell) {
      if (name === 'v') {
        this.hasValue = true;
        this.inV = !self;
        this.v.reset();
        this.capturing = this.inV;
      } else if (name === 'is') {
        this.hasValue = true;
        this.hadIs = true;
        this.inIs = !self;
        this.run.reset();
      } else if (this.inIs) this.capturing = this.run.open(name, self);
      return;
    }
    if (name === 'c') {
      if (!this.inRow) return;
      this.ref = '';
      this.type = '';
      this.style = 0;
      eachAttr(s, from, to, this.onCellAttr);
      this.col = this.ref ? this.refColumn(this.ref) : this.col + 1;
      this.inCell = !self;
      this.hasValue = false;
      this.v.reset();
      this.inIs = false;
      this.hadIs = false;
      this.run.reset();
    } else if (name === 'row') {
      if (!this.inSheetData) return;
      if (this.inRow) this.endRow();
      this.rowHasR = false;
      const before = this.row;
      eachAttr(s, from, to, this.onRowAttr);
      if (!this.rowHasR) this.row = before + 1;
      this.col = 0;
      this.inRow = true;
    } else if (name === 'sheetData') {
      this.inSheetData = !self;
    } else if (name === 'mergeCell') {
      eachAttr(s, from, to, this.onMergeAttr);
    }
  }

  protected close(name: string): void {
    if (this.inCell) {
      if (name === 'v') {
        this.inV = false;
        this.capturing = false;
      } else if (name === 'is') {
        this.inIs = false;
        this.capturing = false;
      } else if (name === 'c') {
        this.endCell();
      } else if (this.inIs) this.capturing = this.run.close(name);
      return;
    }
    if (name === 'row') {
      if (this.inRow) this.endRow();
    } else if (name === 'sheetData') {
      if (this.inRow) this.endRow();
      this.inSheetData = false;
    }
  }

  protected text(t: string): void {
    if (this.inV) this.v.add(t);
    else this.run.add(t);
  }

  /** Column of a cell reference; a row without r takes its number from its first referenced cell. */
  private refColumn(ref: string): number {
    let i = 0;
    let col = 0;
    for (; i < ref.length; i++) {
      const c = ref.charCodeAt(i) & ~32;
      if (c < 65 || c > 90) break;
      col = col * 26 + (c - 64);
    }
    if (!this.rowHasR && i < ref.length) {
      const r = Number(ref.slice(i));
      if (Number.isInteger(r) && r > 0) {
        this.row = r;
        this.rowHasR = true;
      }
    }
    return col > 0 ? col : this.col + 1;
  }

  private endCell(): void {
    this.inCell = false;
    this.inV = false;
    this.inIs = false;
    this.capturing = false;
    if (!this.hasValue) return;
    if (this.row > this.lastValueRow) this.lastValueRow = this.row;
    this.cellLong = undefined;
    const text = this.cellText();
    if (text !== '') {
      const shared = this.type === 's';
      // A shared string was counted once, in its table; a reference costs only its slot.
      this.budget.take(shared ? 0 : text.length, () => `${a1(this.row, this.col)} 单元格`);
      // A shared string already owns its characters; an inline one is a slice of the part's text.
      this.rows.push(this.col, shared ? text : ownText(text));
      if (this.cellLong !== undefined) this.long.push({ row: this.row, col: this.col, length: this.cellLong });
    }
  }

  /** A string within Excel's limit; a longer one is cut and remembered (cellLong). */
  private limited(raw: CappedText): string {
    const { text, length } = withinCellLimit(raw, stringText(raw.text));
    this.cellLong = length;
    return text;
  }

  private cellText(): string {
    const v = this.v.text;
    switch (this.type) {
      case 's': {
        if (v === '') return '';
        const table = this.context.sharedStrings;
        const index = Number(v.trim());
        const cell = a1(this.row, this.col);
        if (!table) {
          throw new PartDataError(
            this.context.sharedStringsMissing
              ? `${cell} 等单元格引用的共享字符串表（xl/sharedStrings.xml）缺失，其中的文字无法读出`
              : `${cell} 单元格引用了共享字符串表（sharedStrings），但工作簿中没有这张表`,
          );
        }
        const text = Number.isInteger(index) ? table[index] : undefined;
        if (text === undefined) {
          const shown = v.trim().length > 20 ? `${v.trim().slice(0, 20)}…` : v.trim();
          throw new PartDataError(`${cell} 单元格引用了共享字符串表中不存在的第 ${shown} 项（表中只有第 0–${table.length - 1} 项）`);
        }
        this.cellLong = this.context.sharedLong?.get(index);
        return text;
      }
      case 'inlineStr':
        return this.limited(this.hadIs ? this.run : this.v);
      case 'str':
        return this.limited(this.v);
      case 'e':
        return this.limited(this.v);
      case 'b': {
        const t = v.trim();
        return t === '' ? '' : Number(t) !== 0 ? 'TRUE' : 'FALSE';
      }
      case 'd': {
        const t = v.trim();
        if (t === '') return '';
        // ISO 8601 without a zone is local time in JavaScript; the cell means the wall-clock value.
        return dateText(new Date(/T/.test(t) && !/(Z|[+-]\d\d:?\d\d)$/.test(t) ? t + 'Z' : t));
      }
      default: {
        if (v === '') return '';
        const n = parseFloat(v);
        return this.context.dateStyles[this.style] ? dateText(excelDate(n, this.context.date1904)) : numberText(n);
      }
    }
  }

  private endRow(): void {
    this.inRow = false;
    if (this.inCell) this.endCell();
    this.rows.endRow(this.row);
  }

  /** The sheet ended: rows, merges sorted by top row, the last row with a value. */
  result(): SheetScan {
    this.finish();
    if (this.inRow) this.endRow();
    this.merges.sort((a, b) => a.top - b.top || a.left - b.left);
    return { rows: this.rows, merges: this.merges, lastValueRow: this.lastValueRow, long: this.long };
  }
}

