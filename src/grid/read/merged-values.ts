// One merged cell over several items that holds one value per item (issue 20 §3): a clerk merged the
// 公开时限 or 公开主体 cells of two items and wrote both items' values into it (`20个工作日内\n每年1月底前`,
// `县民政局\n县民政局`). Every item then carries the whole text, which is right for none of them; a reviewer
// splits the cell. Said once per merged cell, naming its range. Only fields an item has one value of.
import type { Cell, Item } from '../../model/types.js';
import { fieldLabel, type FieldKey } from '../../settings/columns.js';
import { finding, type Finding } from '../../findings/finding.js';
import type { Grid, MergeRange } from '../grid.js';
import type { Header } from '../header.js';
import { shortText } from './context.js';

const SINGLE = ['deadline', 'subject'] as const satisfies readonly FieldKey[];
type Single = (typeof SINGLE)[number];
const isSingle = (k: FieldKey): k is Single => (SINGLE as readonly FieldKey[]).includes(k);
// Parts of a cell: lines, or texts between ； / ; / two spaces; a bracketed note (（涉密的除外）) is no part.
const SEPARATORS = /\n|[；;]|[ \u3000]{2,}/u;
const NOTE = /^[（(注]/u;

/** The parts a cell's text holds, one per item it may be meant for; a text written twice over counts twice. */
export function valueParts(text: string): string[] {
  const parts = text.split(SEPARATORS).map((p) => p.trim()).filter((p) => p !== '' && !NOTE.test(p));
  if (parts.length !== 1) return parts;
  // 县民政局县民政局, 县民政局 县民政局: one text written twice.
  const t = parts[0]!.replace(/\s+/gu, '');
  const half = t.length / 2;
  return Number.isInteger(half) && half >= 2 && t.slice(0, half) === t.slice(half) ? [t.slice(0, half), t.slice(half)] : parts;
}

/**
 * Merged cells over two or more items whose text has one value per item → merged-values warnings, one merge
 * at a time: as the reading passes a merge (its items are read by then) or at the end for all of them.
 */
export class MergedValues {
  /** The first row of each item, as far as the items have been read (items are in row order). */
  private readonly rows: number[] = [];

  constructor(
    private readonly grid: Grid,
    private readonly header: Header,
    private readonly items: readonly Item[],
    private readonly out: Finding[],
  ) {}

  /** The index of the first item that begins at or after `row` (by binary search: a 25 000-item sheet has as
   * many merges; filtering every item for each took 25 s). */
  private firstAtOrAfter(row: number): number {
    const { rows, items } = this;
    while (rows.length < items.length) rows.push(items[rows.length]!.at.row ?? 0);
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Check one merge whose rows have all been read. */
  check(m: MergeRange): void {
    const { header, grid, items } = this;
    if (m.top <= header.lastRow || m.bottom === m.top) return;
    const role = header.columns.find((c) => c.kind === 'field' && c.col === m.left);
    if (!role || role.kind !== 'field' || !isSingle(role.key)) return;
    const key: Single = role.key;
    const top = grid.at(m.top, m.left);
    const from = this.firstAtOrAfter(m.top);
    const to = this.firstAtOrAfter(m.bottom + 1);
    if (to - from < 2) return;
    const covered = items.slice(from, to);
    const cell: Cell | undefined = covered[0]?.[key];
    if (covered.length < 2 || !cell || JSON.stringify(cell.at) !== JSON.stringify(top)) return;
    const parts = valueParts(cell.text);
    if (parts.length < 2 || parts.length !== covered.length) return;
    const field = fieldLabel(header.profile, key);
    const at = grid.rangeAt(m.top, m.left, m.bottom, m.right);
    this.out.push(finding('merged-values', at, { field, count: covered.length, value: shortText(cell.text), parts: parts.map((p) => `“${shortText(p)}”`).join('') }, { field, item: items.indexOf(covered[0]!) + 1 }));
  }
}
