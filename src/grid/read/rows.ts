// What one row below the header is: empty, a line of the 注, a section heading, the first row of an
// item, or a further row of the item above. The classifier only looks (it resolves 序号 and 名称, which
// marks them taken); the reader acts on its answer.
import { GROUP_COLUMN } from '../../settings/texts.js';
import { COLUMNS, fieldLabel, type FieldKey } from '../../settings/columns.js';
import { NOTE_ROW_PREFIX } from '../../settings/vocab.js';
import type { Cell } from '../../model/types.js';
import { finding } from '../../findings/finding.js';
import { resolveField, startsHere, type Cells, type ReadContext } from './context.js';

/** 一、 二、 (一) … at the start of a lone cell: a section heading. */
const SECTION_HEADING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/u;
/** “（12项）” after a heading: the count a published page (zwgk's own included) shows for a group. */
const GROUP_COUNT = /\s*[(（]\s*\d+\s*项\s*[)）]\s*$/u;

/** What a row below the header is (classifyRow). */
export type RowKind = 'empty' | 'note' | 'section' | 'item' | 'continuation';

/** What the classifier saw of a row. One object per reader, refilled for each row rather than allocated. */
export interface RowShape {
  /** The non-empty cells the row holds itself (not covered by a merge from elsewhere), and the leftmost. */
  count: number;
  firstCol: number;
  firstText: string;
  /** The leftmost cell is merged across columns, and over how many. */
  firstWide: boolean;
  firstSpan: number;
  /** A continuation whose 序号 or 名称 is merged down from the item's first row. */
  mergedDown: boolean;
}

/** A blank shape for classifyRow to fill. */
export function rowShape(): RowShape {
  return { count: 0, firstCol: Infinity, firstText: '', firstWide: false, firstSpan: 1, mergedDown: false };
}

/**
 * What a row below the header is (`shape` refilled). `inNote`: the rows above are the 注, which only a
 * row that looks like an item ends (a clerk who ran out of rows typed on below it); `hasItem`: an item is open.
 */
export function classifyRow(ctx: ReadContext, shape: RowShape, row: number, cells: Cells, inNote: boolean, hasItem: boolean): RowKind {
  measure(ctx, shape, row, cells);
  if (shape.count === 0) return 'empty';
  const noteLike = NOTE_ROW_PREFIX.test(shape.firstText) && (shape.count === 1 || shape.firstWide);
  if (noteLike || (inNote && !looksLikeItem(ctx, row, cells))) return 'note';
  // A lone heading such as “一、政策文件”, merged across the table or numbered with a Chinese
  // numeral, groups the items below it; it is not an item itself.
  if (shape.count === 1 && (shape.firstSpan >= 3 || SECTION_HEADING.test(shape.firstText))) return 'section';
  const name = resolveField(ctx, 'name', row, cells);
  const serial = resolveField(ctx, 'serial', row, cells);
  if (!hasItem || startsHere(name) || startsHere(serial) || (!name && !serial)) return 'item';
  shape.mergedDown = !!name?.fromAbove || !!serial?.fromAbove;
  return 'continuation';
}

/**
 * A section heading row, kept: the category of the items below it when the table has no category
 * column, else their 分组 (an extra column, so convert, render and merge carry it).
 */
export function readSection(ctx: ReadContext, shape: RowShape, row: number): { heading: Cell; asCategory: boolean } | undefined {
  const text = shape.firstText.trim();
  const at = ctx.at(row, shape.firstCol);
  const category = text.replace(SECTION_HEADING, '').replace(GROUP_COUNT, '').trim();
  ctx.use(shape.firstCol);
  if (!ctx.roles.has('category') && category !== '') {
    // A table without a category column grouped by headings (a published page, zwgk's own
    // among them): each heading is the category of the items below it.
    const field = fieldLabel(ctx.header.profile, 'category');
    ctx.result.findings.push(finding('section-category', at, { row, text, category, field }));
    return { heading: { text: category, at }, asCategory: true };
  }
  if (text === '') return undefined;
  ctx.result.findings.push(finding('section-row', at, { row, text, column: GROUP_COLUMN }));
  return { heading: { text, at }, asCategory: false };
}

/** The cells a row holds itself (not covered by a merge from elsewhere), non-empty, left to right. */
export function ownCells(ctx: ReadContext, row: number, cells: Cells): [number, string][] {
  return [...cells]
    .filter(([col, text]) => {
      const m = ctx.cover(col);
      return text.trim() !== '' && !(m && (m.top !== row || m.left !== col));
    })
    .sort((a, b) => a[0] - b[0]);
}

/** Count the cells the row holds itself and find the leftmost (into `shape`, no list of them is made). */
function measure(ctx: ReadContext, shape: RowShape, row: number, cells: Cells): void {
  shape.count = 0;
  shape.firstCol = Infinity;
  shape.firstText = '';
  shape.firstWide = false;
  shape.firstSpan = 1;
  shape.mergedDown = false;
  for (const [col, text] of cells) {
    if (text.trim() === '') continue;
    const m = ctx.cover(col);
    if (m && (m.top !== row || m.left !== col)) continue;
    shape.count++;
    if (col < shape.firstCol) {
      shape.firstCol = col;
      shape.firstText = text;
      shape.firstWide = !!m && m.right > m.left;
      shape.firstSpan = m ? m.right - m.left + 1 : 1;
    }
  }
}

/** Whether a row holds an item: a 序号 and a 名称, or most of the required cells the header has. */
function looksLikeItem(ctx: ReadContext, row: number, cells: Cells): boolean {
  const own = (key: FieldKey): boolean => {
    const r = ctx.roles.get(key);
    const text = r ? cells.get(r.col) : undefined;
    if (!r || !text || text.trim() === '') return false;
    const m = ctx.cover(r.col);
    return !m || (m.top === row && m.left === r.col);
  };
  if (own('serial') && own('name')) return true;
  const required = COLUMNS[ctx.header.profile].filter((c) => c.required && ctx.roles.has(c.key));
  const filled = required.filter((c) => own(c.key)).length;
  return filled >= 3 && filled * 2 > required.length;
}
