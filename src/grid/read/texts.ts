// The sheet's own text around its items: the title and the 编制单位/日期 lines above the header, and the
// 注 rows below the items. Each is kept with its cells (SheetResult.sources) or reported, never dropped.
import { DEFAULT_TITLE, parseMetaLine } from '../../settings/texts.js';
import type { SourceText } from '../../model/types.js';
import { finding } from '../../findings/finding.js';
import type { HeaderCell, HeaderRow } from '../header.js';
import type { Grid } from '../grid.js';
import { shortText, type Cells, type ReadContext, type SheetResult } from './context.js';
import { ownCells } from './rows.js';

/** “附件2”, “附件：” above a title: the attachment label of a notice, not the catalog's title. */
const ATTACHMENT = /^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*$/u;

/** The rows above the header (`headerRow`): the first line of text is the title, the lines after it are meta lines. */
export function readAboveHeader(result: SheetResult, grid: Grid, rows: readonly HeaderRow[], headerRow: number): void {
  let seenTitle = false;
  for (const r of rows) {
    if (r.row >= headerRow) break;
    if (!r.cells.length) continue;
    if (!seenTitle && !(r.cells.length === 1 && ATTACHMENT.test(r.cells[0]!.text))) {
      seenTitle = true;
      const [first, ...others] = r.cells;
      // Our renderer writes DEFAULT_TITLE for a catalog without one; reading it back as a title
      // would make the YAML grow a 标题 the user never wrote.
      if (first!.text.trim() !== DEFAULT_TITLE) result.title = first!.text.trim();
      source(result, grid, 'title', first!);
      for (const c of others) metaLine(result, grid, r.row, [c]);
      continue;
    }
    metaLine(result, grid, r.row, r.cells);
  }
}

/**
 * A line above the header after the title: 编制单位 and 日期 are taken (the first of each); whatever
 * else the line holds is reported, never dropped.
 */
function metaLine(result: SheetResult, grid: Grid, row: number, cells: HeaderCell[]): void {
  const text = cells.map((c) => c.text.trim()).join('  ');
  const meta = parseMetaLine(text);
  let taken = false;
  const rest: string[] = meta.rest ? [meta.rest] : [];
  if (meta.unit !== undefined) {
    if (result.unit === undefined) {
      result.unit = meta.unit;
      taken = true;
    } else rest.push(meta.unit);
  }
  if (meta.date !== undefined) {
    if (result.date === undefined) {
      result.date = meta.date;
      taken = true;
    } else rest.push(meta.date);
  }
  if (!taken) {
    // Neither title nor 编制单位/日期 (填报单位（盖章）：, 单位：万元): kept as a line of the 表前说明, and said so.
    for (const c of cells) {
      preface(result, c.text.trim());
      source(result, grid, 'preface', c);
      result.findings.push(finding('text-above-header', grid.at(c.row, c.col), { row, text: shortText(c.text) }));
    }
    return;
  }
  for (const c of cells) source(result, grid, 'meta', c);
  if (rest.length) {
    preface(result, rest.join('  '));
    result.findings.push(finding('text-above-header', grid.at(row, cells[0]!.col), { row, text: shortText(rest.join(' ')) }));
  }
}

/** One more line of the sheet's 表前说明. */
function preface(result: SheetResult, line: string): void {
  result.preface = result.preface === undefined ? line : `${result.preface}\n${line}`;
}

/**
 * A notes row: its texts, left to right and joined by a space, are a further line of the 注. A row of
 * several cells there that does not look like an item (`tabular`) is read the same way, and said so.
 */
export function readNoteRow(ctx: ReadContext, row: number, cells: Cells, tabular: boolean): void {
  const result = ctx.result;
  const own = ownCells(ctx, row, cells);
  for (const [col, text] of own) {
    ctx.use(col);
    source(result, ctx.grid, 'note', { row, col, text });
  }
  if (tabular) {
    const at = ctx.grid.rangeAt(row, own[0]![0], row, own[own.length - 1]![0]);
    result.findings.push(finding('row-below-note', at, { row, count: own.length }));
  }
  const text = own.map(([, t]) => t).join(' ');
  result.note = result.note === undefined ? text : `${result.note}\n${text}`;
}

function source(result: SheetResult, grid: Grid, role: SourceText['role'], cell: { row: number; col: number; text: string }): void {
  result.sources.push({ role, text: cell.text, at: grid.at(cell.row, cell.col) });
}
