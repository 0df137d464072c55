// CSV text into rows of cells, exactly as written: every value is text (no formula is evaluated, no
// 0012, 1e5 or 1/2 is turned into a number or a date, as a spreadsheet's import would), quotes as Excel
// writes and reads them ("" inside a quoted value; a quote anywhere else is an ordinary character; text
// after a closing quote is kept), one row per record, a line break inside quotes kept in its cell.
// Fed in pieces (the reader decodes the file a megabyte at a time) and linear in the length: each
// character is looked at once, a value is joined once, and a value longer than a cell may be is cut as it
// grows, its full length still counted.
import type { FlatRows } from '../../grid/grid.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const enum State {
  /** At the start of a value: a quote here opens a quoted value. */
  Start,
  /** In an unquoted value, or in the text after a quoted one's closing quote. */
  Plain,
  /** In a quoted value. */
  Quoted,
  /** A quote inside a quoted value: "" (a quote) or the closing one. */
  QuoteSeen,
}

/** A value cut to the cell limit: where, how long it was. */
export interface LongValue {
  row: number;
  col: number;
  length: number;
}

/** What the parser found besides the cells. */
export interface CsvFacts {
  long: LongValue[];
  /** Where a quoted value that never closed began (it then runs to the end of the file), and its length. */
  unclosed?: { row: number; col: number; length: number };
}

/** Parse CSV text fed in pieces into flat rows (non-empty values only), each value charged by `take`. */
export class CsvParser {
  readonly rows: FlatRows = { numbers: [], starts: [], cols: [], texts: [] };
  readonly facts: CsvFacts = { long: [] };
  private state = State.Start;
  private row = 1;
  private col = 1;
  private rowHasCells = false;
  private parts: string[] = [];
  private kept = 0;
  private length = 0;
  private afterCR = false;
  private quotedAt: { row: number; col: number } | undefined;

  constructor(
    private readonly delimiter: number,
    /** Longest value kept (longer ones are cut and listed in facts.long). */
    private readonly maxChars: number,
    /** Called with each non-empty value's row, column and length before it is kept; may throw to stop. */
    private readonly take: (row: number, col: number, length: number) => void,
  ) {}

  private append(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.length += to - from;
    if (this.kept >= this.maxChars) return;
    const end = Math.min(to, from + (this.maxChars - this.kept));
    this.parts.push(text.slice(from, end));
    this.kept += end - from;
  }

  private endValue(): void {
    if (this.length > 0) {
      let text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
      if (this.length > this.maxChars) {
        this.facts.long.push({ row: this.row, col: this.col, length: this.length });
        // A surrogate pair is not split by the cut.
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
      }
      this.take(this.row, this.col, text.length);
      if (!this.rowHasCells) {
        this.rows.numbers.push(this.row);
        this.rows.starts.push(this.rows.texts.length);
        this.rowHasCells = true;
      }
      this.rows.cols.push(this.col);
      this.rows.texts.push(text);
    }
    this.parts = [];
    this.kept = 0;
    this.length = 0;
    this.quotedAt = undefined;
    this.col++;
    this.state = State.Start;
  }

  private endRecord(): void {
    this.row++;
    this.col = 1;
    this.rowHasCells = false;
  }

  /** Parse the next piece of the text. */
  feed(text: string): void {
    const n = text.length;
    let from = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        // CR LF is one line break; the CR already ended the record.
        if (c === LF) {
          from = i + 1;
          continue;
        }
      }
      switch (this.state) {
        case State.Start:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quotedAt = { row: this.row, col: this.col };
            from = i + 1;
          } else if (c === this.delimiter) {
            this.endValue();
          } else if (c === CR || c === LF) {
            this.endValue();
            this.endRecord();
            this.afterCR = c === CR;
          } else {
            this.state = State.Plain;
            from = i;
          }
          break;
        case State.Plain:
          if (c === this.delimiter || c === CR || c === LF) {
            this.append(text, from, i);
            this.endValue();
            if (c !== this.delimiter) {
              this.endRecord();
              this.afterCR = c === CR;
            }
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.append(text, from, i);
            this.state = State.QuoteSeen;
          }
          break;
        case State.QuoteSeen:
          if (c === QUOTE) {
            // "" is one quote: it starts the next run of the value.
            this.state = State.Quoted;
            from = i;
          } else if (c === this.delimiter || c === CR || c === LF) {
            this.endValue();
            if (c !== this.delimiter) {
              this.endRecord();
              this.afterCR = c === CR;
            }
          } else {
            this.state = State.Plain;
            from = i;
          }
          break;
      }
    }
    if (this.state === State.Plain || this.state === State.Quoted) this.append(text, from, n);
  }

  /** The end of the text: the last value and record, and a quote left open said so. */
  end(): void {
    if (this.state === State.Quoted && this.quotedAt) this.facts.unclosed = { ...this.quotedAt, length: this.length };
    if (this.state !== State.Start || this.col > 1) this.endValue();
    this.rows.starts.push(this.rows.texts.length);
  }
}

/**
 * The delimiter of a CSV file from its first line: a comma (what Excel and WPS write in China), unless
 * the line has none and has tabs (Excel's “Unicode 文本”) or semicolons (a European Excel) instead.
 * Excel's own `sep=;` first line names it; `skip` is then that line's length with its line break.
 */
export function sniffDelimiter(head: string): { delimiter: number; skip: number } {
  const sep = /^sep=(.)(\r\n|\n|\r|$)/.exec(head);
  if (sep) return { delimiter: sep[1]!.charCodeAt(0), skip: sep[0].length };
  const line = head.slice(0, head.search(/[\r\n]|$/));
  const count = (ch: string): number => line.split(ch).length - 1;
  if (count(',') === 0 && count('\t') > 0) return { delimiter: 0x09, skip: 0 };
  if (count(',') === 0 && count(';') > 0) return { delimiter: 0x3b, skip: 0 };
  return { delimiter: 0x2c, skip: 0 };
}
