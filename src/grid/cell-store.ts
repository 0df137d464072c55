// A sheet's cells kept compactly until it ends (issue 19). A worksheet's merged ranges follow its rows,
// so its rows are kept until the part is read, and only then grouped into items; as plain arrays a
// 100 000-item sheet's 1.5 million cells cost some 40 MB beside the catalog being built from them. Here
// they are kept in chunks of rows (row numbers and columns in typed arrays, only the texts as strings,
// which the catalog keeps anyway), and walking the rows lets go of each chunk once it is passed: the rows
// are walked once, as the catalog grows, so what they cost shrinks as fast as it grows.
import type { GridRow } from './grid.js';

/** Rows a chunk holds at most (and cells, checked at the end of a row). */
const CHUNK_ROWS = 4096;
const CHUNK_CELLS = 65536;

/** Rows sealed into typed arrays: row numbers, where each row's cells end, their columns and texts. */
interface Chunk {
  numbers: Int32Array;
  ends: Int32Array;
  cols: Uint16Array | Int32Array;
  texts: string[];
}

/** Cells pushed row by row, walked once in the same order. */
export class CellStore {
  private readonly chunks: Chunk[] = [];
  private numbers: number[] = [];
  private ends: number[] = [];
  private cols: number[] = [];
  private texts: string[] = [];
  private walked = false;
  /** Cells pushed in all. */
  count = 0;

  /** One cell of the row being pushed (columns from 1). */
  push(col: number, text: string): void {
    this.cols.push(col);
    this.texts.push(text);
    this.count++;
  }

  /** Cells pushed since the last row ended: the row being pushed holds any. */
  get rowHasCells(): boolean {
    const end = this.ends.length ? this.ends[this.ends.length - 1]! : 0;
    return this.cols.length > end;
  }

  /** The row being pushed ends (a row without cells leaves no trace). */
  endRow(row: number): void {
    if (!this.rowHasCells) return;
    this.numbers.push(row);
    this.ends.push(this.cols.length);
    if (this.numbers.length >= CHUNK_ROWS || this.cols.length >= CHUNK_CELLS) this.seal();
  }

  private seal(): void {
    if (this.numbers.length === 0) return;
    const wide = this.cols.some((c) => c > 0xffff);
    this.chunks.push({
      numbers: Int32Array.from(this.numbers),
      ends: Int32Array.from(this.ends),
      cols: wide ? Int32Array.from(this.cols) : Uint16Array.from(this.cols),
      // An exact copy: a grown array keeps up to half again its length as room.
      texts: this.texts.slice(0, this.ends[this.ends.length - 1]),
    });
    this.numbers = [];
    this.ends = [];
    this.cols = [];
    this.texts = [];
  }

  /** Walk the rows as grid rows, once: each chunk is let go as the walk leaves it. */
  *rows(): Generator<GridRow> {
    if (this.walked) throw new Error('CellStore: rows are walked once');
    this.walked = true;
    this.seal();
    const chunks = this.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const { numbers, ends, cols, texts } = chunks[c]!;
      chunks[c] = undefined as unknown as Chunk;
      let start = 0;
      for (let k = 0; k < numbers.length; k++) {
        const cells = new Map<number, string>();
        const end = ends[k]!;
        for (let i = start; i < end; i++) cells.set(cols[i]!, texts[i]!);
        start = end;
        yield { row: numbers[k]!, cells };
      }
    }
    chunks.length = 0;
  }
}
