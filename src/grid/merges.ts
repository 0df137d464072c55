// Merged ranges indexed by column, so that the grid reader never walks every merge for a cell: a sheet
// with 16 000 column merges over 100 000 rows reads as fast as one without. Both the soundness check
// (no merge overlaps an earlier one) and the row-by-row pass keep, for each column, what the merges
// open at the current row say about it, in a segment tree: O(log columns) per merge and per lookup.
import type { MergeRange } from './grid.js';

/** Excel's column count: the width indexed when a grid does not say its own. */
export const DEFAULT_COLUMNS = 16384;

/** Columns 1..n holding a number each (0 at first): assign a value to a range, read the largest in a range. */
export class ColumnTree {
  private readonly size: number;
  private readonly max: Int32Array;
  /** A value assigned to a whole node and not yet passed to its children (-1: none). */
  private readonly lazy: Int32Array;

  constructor(columns: number) {
    let size = 1;
    while (size < columns + 1) size *= 2;
    this.size = size;
    this.max = new Int32Array(2 * size);
    this.lazy = new Int32Array(2 * size).fill(-1);
  }

  /** Set columns l..r to `value` (≥ 0). */
  assign(l: number, r: number, value: number): void {
    this.update(1, 0, this.size - 1, l, Math.min(r, this.size - 1), value);
  }

  /** The largest value among columns l..r. */
  query(l: number, r: number): number {
    return this.read(1, 0, this.size - 1, l, Math.min(r, this.size - 1));
  }

  /** The value of one column: the nearest assignment on the way down covers it (no recursion, no push). */
  at(col: number): number {
    if (col < 0 || col >= this.size) return 0;
    let node = 1;
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const v = this.lazy[node]!;
      if (v >= 0) return v;
      const mid = (lo + hi) >> 1;
      if (col <= mid) {
        node = 2 * node;
        hi = mid;
      } else {
        node = 2 * node + 1;
        lo = mid + 1;
      }
    }
    return this.max[node]!;
  }

  /** The first column of l..r whose value is at least `x`, or -1. */
  firstAtLeast(l: number, r: number, x: number): number {
    return this.find(1, 0, this.size - 1, l, Math.min(r, this.size - 1), x);
  }

  private push(node: number): void {
    const v = this.lazy[node]!;
    if (v < 0) return;
    for (const child of [2 * node, 2 * node + 1]) {
      this.max[child] = v;
      this.lazy[child] = v;
    }
    this.lazy[node] = -1;
  }

  private update(node: number, lo: number, hi: number, l: number, r: number, v: number): void {
    if (r < lo || hi < l) return;
    if (l <= lo && hi <= r) {
      this.max[node] = v;
      this.lazy[node] = v;
      return;
    }
    this.push(node);
    const mid = (lo + hi) >> 1;
    this.update(2 * node, lo, mid, l, r, v);
    this.update(2 * node + 1, mid + 1, hi, l, r, v);
    this.max[node] = Math.max(this.max[2 * node]!, this.max[2 * node + 1]!);
  }

  private read(node: number, lo: number, hi: number, l: number, r: number): number {
    if (r < lo || hi < l) return 0;
    if (l <= lo && hi <= r) return this.max[node]!;
    this.push(node);
    const mid = (lo + hi) >> 1;
    return Math.max(this.read(2 * node, lo, mid, l, r), this.read(2 * node + 1, mid + 1, hi, l, r));
  }

  private find(node: number, lo: number, hi: number, l: number, r: number, x: number): number {
    if (r < lo || hi < l || this.max[node]! < x) return -1;
    if (lo === hi) return lo;
    this.push(node);
    const mid = (lo + hi) >> 1;
    const left = this.find(2 * node, lo, mid, l, r, x);
    return left >= 0 ? left : this.find(2 * node + 1, mid + 1, hi, l, r, x);
  }
}

/** The columns a tree over these merges must index: up to the rightmost merge (a column beyond holds no
 * merge and reads 0), at most `columns`. A small sheet's trees stay small: sized to Excel's 16 384 columns,
 * each file of a 2,600-file roll-up allocated megabytes for a few merges. */
function widthOf(merges: readonly MergeRange[], columns: number): number {
  let right = 0;
  for (const m of merges) if (m.right > right) right = m.right;
  return Math.min(columns, right);
}

/**
 * Which earlier merge each merge overlaps, if any, for merges sorted by top row (and within `columns`).
 * A merge that overlaps is not kept, so the kept ones never overlap each other; then all kept merges
 * still open at a merge's top row cover that row in disjoint columns, and one tree of their bottom rows
 * answers "does any column of this merge belong to an open one".
 */
export function overlaps(merges: readonly MergeRange[], columns: number): (MergeRange | undefined)[] {
  const bottoms = new ColumnTree(widthOf(merges, columns));
  const owners = new ColumnTree(widthOf(merges, columns));
  const kept: MergeRange[] = [];
  return merges.map((m) => {
    const at = bottoms.firstAtLeast(m.left, m.right, m.top);
    if (at >= 0) return kept[owners.at(at) - 1];
    kept.push(m);
    bottoms.assign(m.left, m.right, m.bottom);
    owners.assign(m.left, m.right, kept.length);
    return undefined;
  });
}

/** A min-heap of merges by bottom row: the open merges, in the order they close. */
class ClosingOrder {
  private readonly heap: MergeRange[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): MergeRange | undefined {
    return this.heap[0];
  }

  add(m: MergeRange): void {
    const h = this.heap;
    h.push(m);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p]!.bottom <= h[i]!.bottom) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  pop(): MergeRange | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.bottom < h[m]!.bottom) m = l;
        if (r < h.length && h[r]!.bottom < h[m]!.bottom) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The merges covering each row of a pass over ascending rows (merges sorted by top row, none
 * overlapping another): `advance(row)` opens and closes merges, `cover(col)` names the merge covering a
 * column of that row. `onOpen` hears of each merge as it opens (to keep its top-left cell's text), `onClose`
 * of each as the pass leaves its last row, with its index in `merges`.
 */
export class MergeSweep {
  private next = 0;
  private readonly open = new ClosingOrder();
  private readonly index: ColumnTree;
  private row = 0;

  constructor(
    private readonly merges: readonly MergeRange[],
    columns: number,
    private readonly onOpen: (m: MergeRange, row: number) => void = () => undefined,
    private readonly onClose: (m: MergeRange, id: number) => void = () => undefined,
  ) {
    this.index = new ColumnTree(widthOf(merges, columns));
  }

  /** Move to `row` (never backwards). */
  advance(row: number): void {
    this.row = row;
    for (let m = this.open.peek(); m && m.bottom < row; m = this.open.peek()) {
      this.open.pop();
      // Merges never overlap: the column of its top-left cell names this one while it is open.
      const id = this.index.at(m.left) - 1;
      this.index.assign(m.left, m.right, 0);
      this.onClose(m, id);
    }
    while (this.next < this.merges.length && this.merges[this.next]!.top <= row) {
      const id = this.next++;
      const m = this.merges[id]!;
      if (m.bottom < row) continue;
      this.open.add(m);
      this.index.assign(m.left, m.right, id + 1);
      this.onOpen(m, row);
    }
  }

  /** The merge covering `col` in the current row, if any. */
  cover(col: number): MergeRange | undefined {
    const id = this.index.at(col);
    return id > 0 ? this.merges[id - 1] : undefined;
  }

  /** The row `advance` last moved to. */
  get current(): number {
    return this.row;
  }
}
