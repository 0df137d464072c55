// Every table of a page's tree with its cells placed by HTML's table algorithm: rowspan and colspan
// become merged ranges (a rowspan reaches at most to the end of its row group, a cell never reaches into
// a slot a rowspan from above holds), nested tables are tables of their own in document order, and each
// merged range is counted against the read budget. A row the parser compacted (settled-cell.ts) is placed
// from its texts and spans as its cells would be; a cell is compacted once final. The tables then go
// through grid/tables.ts.
import type { DefaultTreeAdapterMap } from 'parse5';
import { COMPACT_ROWS, HIDDEN, HTML_NS, isPageCell, SELECTED, spanValue, SRCDOC, type CompactRows, type Element, type Node } from './page-nodes.js';
import type { SourceRef } from '../../findings/location.js';
import { TABLE_LIMITS } from '../../settings/limits.js';
import type { ReadBudget } from '../../grid/limits.js';
import { TextPool } from '../../model/strings.js';
import { CELL_TEXT_CAP, compactCell, sampleText, tooComplex, withinLimit, type BuiltTable, type TableCell } from '../../grid/tables.js';
import { BLOCKS, CellText, FOREIGN_SKIPPED, SKIPPED } from './cell-text.js';

export type { Element, Node } from './page-nodes.js';

interface OpenCell {
  cell: TableCell;
  /** Where the cell is in its table's cells. */
  index: number;
  text: CellText;
  /** Characters of the cell's text counted while parsing but not kept. */
  dropped: number;
}

interface OpenTable {
  index: number;
  table: BuiltTable;
  row: number;
  /** First row of the current row group (thead/tbody/tfoot). */
  groupStart: number;
  /** Cells of the current row group that reach down (their rowspans end with the group), with where each is
   * in its table's cells, and the first row after the nearest of them ends. */
  group: { cell: TableCell; index: number }[];
  groupPassed: number;
  /** By column: the last row a cell from a row above reaches down to. */
  covered: number[];
  col: number;
  cell?: OpenCell;
}

/** A cell's rowspan or colspan as a number, if it has one. */
function span(el: Element, name: 'rowspan' | 'colspan'): number | undefined {
  return isPageCell(el) ? el[name] : spanValue(el.attrs.find((a) => a.name === name)?.value);
}

/** What a page shows that is not in a table cell the reader reads: hidden content outside cells, and pages
 * inside <iframe srcdoc> (with how many tables come before each, to put theirs in document order). */
export interface PageExtras {
  notes: { hidden: boolean; what: string; sample: string; advice: string }[];
  frames: { html: string; tablesBefore: number }[];
}

const HIDDEN_ADVICE = '如需公开，请去掉它的隐藏样式（display:none 等）后重新保存网页';

/** The text of a subtree, at most `max` characters, and whether it holds a table (stops once it knows both). */
function subtreeText(el: Element, max = 60): { text: string; table: boolean } {
  let text = '';
  let table = false;
  const stack: Node[] = [el];
  while (stack.length && (text.length < max || !table)) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') {
      if (text.length < max) text += (n as DefaultTreeAdapterMap['textNode']).value.slice(0, max - text.length);
      continue;
    }
    if ('tagName' in n) {
      if (n.tagName === 'table') table = true;
      // Cells, lines and blocks apart, as a reader sees them.
      if ((n.tagName === 'td' || n.tagName === 'th' || n.tagName === 'br' || BLOCKS.has(n.tagName)) && text !== '' && !text.endsWith(' ')) text += ' ';
    }
    if ('childNodes' in n) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return { text, table };
}

/** The <option> a <select> shows: the first marked selected, else the first. */
function shownOption(select: Element): Element | undefined {
  let first: Element | undefined;
  const stack: Node[] = [...select.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!('tagName' in n)) continue;
    if (n.tagName === 'option') {
      if (SELECTED.has(n)) return n;
      first ??= n;
    } else if (n.tagName === 'optgroup') for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return first;
}

/** The children of a node already walked. */
const WALKED: Node[] = Object.freeze([]) as unknown as Node[];

/** Where a cell was placed: its table (from 1), row and column. */
export class Placed {
  constructor(
    readonly table: number,
    readonly row: number,
    readonly col: number,
  ) {}
}

/**
 * Collect every table of the page with its cells placed, each merged range (rowspan/colspan) counted
 * against `budget` (where it is is written into `limit`). With `stopAt`, only find where that cell is
 * placed (in a page parsed so far): throws a Placed. What is shown but hidden or elsewhere goes into
 * `extras` (and into each table's `unread`). Without `stopAt` the tree is taken apart as it is walked.
 */
export function pageTables(doc: Node, file: string, budget?: ReadBudget, limit?: { at?: SourceRef }, stopAt?: Element, extras?: PageExtras): BuiltTable[] {
  const tables: BuiltTable[] = [];
  const open: OpenTable[] = [];
  // Equal short cell texts of the page as one string as they are settled (see TextPool).
  const pool = new TextPool();
  let pre = 0;
  const endGroup = (t: OpenTable): void => {
    // A rowspan reaches at most to the end of its row group (rowspan="0" exactly there).
    const last = Math.max(t.row, t.groupStart);
    for (const { cell: c } of t.group) if (c.bottom > last) c.bottom = Math.max(c.row, last);
    t.group = [];
    t.groupPassed = Number.MAX_SAFE_INTEGER;
    t.covered = [];
    t.groupStart = t.row + 1;
  };
  const target = (): OpenCell | undefined => open[open.length - 1]?.cell;
  const closeCell = (t: OpenTable): void => {
    if (!t.cell) return;
    const rest = t.cell.text.take();
    const { cell, dropped, index } = t.cell;
    if (rest !== '') cell.parts.push(rest);
    const { parts, length } = withinLimit(cell.parts, dropped);
    cell.parts = parts;
    if (length !== undefined) (t.table.long ??= []).push({ row: cell.row, col: cell.col, length });
    t.cell = undefined;
    // Final unless its rowspan may yet be cut at its row group's end: compacted in its place (grid/tables.ts).
    if (cell.bottom === cell.row && t.table.cells[index] === cell) t.table.cells[index] = compactCell(cell, pool);
  };

  /** Hidden content: not read, named at its cell, its row, or (outside tables) the page. */
  const hide = (el: Element, t: OpenTable | undefined): void => {
    if (stopAt) return;
    const found = subtreeText(el);
    const text = sampleText(found.text);
    const table = found.table;
    const holder = t?.cell;
    if (holder) {
      if (text !== '' || table) (t.table.unread ??= []).push({ row: holder.cell.row, col: holder.cell.col, hidden: true, what: table ? '隐藏的表格' : '隐藏的文字', sample: text, advice: HIDDEN_ADVICE });
    } else if (t && el.tagName === 'tr') {
      (t.table.unread ??= []).push({ row: t.row, col: 0, hidden: true, what: '隐藏的表格行', sample: text, advice: HIDDEN_ADVICE });
    } else if (table) extras?.notes.push({ hidden: true, what: '隐藏的表格', sample: text, advice: HIDDEN_ADVICE });
  };

  const enter = (el: Element): boolean => {
    const tag = el.tagName;
    const t = open[open.length - 1];
    // SVG and MathML: their text shows (and a table in an SVG <foreignObject> is HTML again); their titles and annotations do not.
    if (el.namespaceURI !== HTML_NS) return !FOREIGN_SKIPPED.has(tag);
    if (HIDDEN.has(el)) {
      if (tag === 'tr' && t && !t.cell) {
        t.row++;
        t.col = 1;
      }
      hide(el, t);
      return false;
    }
    if (tag === 'iframe') {
      const html = SRCDOC.get(el);
      if (html !== undefined && !stopAt) extras?.frames.push({ html, tablesBefore: tables.length });
      return false;
    }
    if (SKIPPED.has(tag)) return false;
    if (tag === 'select') {
      // A drop-down list shows one option: its text is the cell's, the others are choices not made.
      const option = shownOption(el);
      if (option) target()?.text.add(subtreeText(option, CELL_TEXT_CAP).text, false);
      return false;
    }
    switch (tag) {
      case 'table': {
        if (tables.length >= TABLE_LIMITS.maxTables) throw tooComplex(file, `有超过 ${TABLE_LIMITS.maxTables} 个表格`, TABLE_LIMITS.maxTables);
        if (open.length >= TABLE_LIMITS.maxNesting) throw tooComplex(file, `中的表格嵌套超过 ${TABLE_LIMITS.maxNesting} 层`, `${TABLE_LIMITS.maxNesting} 层`);
        const index = tables.length;
        const table: BuiltTable = { cells: [] };
        const holder = target();
        if (holder && t) {
          table.parent = t.index;
          const before = holder.text.take();
          if (before !== '') holder.cell.parts.push(before);
          holder.cell.parts.push({ table: index });
        }
        tables.push(table);
        open.push({ index, table, row: 0, groupStart: 1, group: [], groupPassed: Number.MAX_SAFE_INTEGER, covered: [], col: 1 });
        return true;
      }
      case 'thead':
      case 'tbody':
      case 'tfoot':
        if (t && !t.cell) endGroup(t);
        return true;
      case 'tr':
        if (t && !t.cell) enterRow(t);
        return true;
      case 'td':
      case 'th':
        if (t && !t.cell && t.row > 0) {
          openCell(t, el, span(el, 'colspan'), span(el, 'rowspan'), isPageCell(el) ? el.dropped : 0);
          const shown = isPageCell(el) ? el.shown : undefined;
          const opened = (t as OpenTable).cell;
          if (shown !== undefined && shown !== '' && opened) opened.cell.parts.push(shown);
          return true;
        }
        break;
      case 'br':
        target()?.text.hardBreak();
        return false;
      case 'pre':
      case 'listing':
      case 'xmp':
      case 'plaintext':
        pre++;
        break;
    }
    if (BLOCKS.has(tag)) target()?.text.softBreak();
    return true;
  };
  const tableWords = (t: OpenTable): string => `第 ${t.index + 1} 个表格`;
  /** A row of the open table begins. */
  const enterRow = (t: OpenTable): void => {
    t.row++;
    if (t.row > TABLE_LIMITS.maxRows) throw tooComplex(file, `的${tableWords(t)}超过 ${TABLE_LIMITS.maxRows} 行`, `${TABLE_LIMITS.maxRows} 行`);
    t.col = 1;
    if (t.row >= t.groupPassed) settlePassed(t);
  };
  /**
   * Cells of the row group whose rowspan ended above the row just begun: the group's end cuts a rowspan
   * only to a row at or below this one, so they are final, compacted in their places now (a catalog's
   * cells merged down its items' rows waited, 128 bytes each, until its table ended: 900 000 of them in
   * a 100 000-item page).
   */
  const settlePassed = (t: OpenTable): void => {
    let next = Number.MAX_SAFE_INTEGER;
    const waiting: OpenTable['group'] = [];
    for (const g of t.group) {
      if (g.cell.bottom < t.row) {
        if (!stopAt && t.table.cells[g.index] === g.cell) t.table.cells[g.index] = compactCell(g.cell, pool);
      } else {
        waiting.push(g);
        next = Math.min(next, g.cell.bottom + 1);
      }
    }
    t.group = waiting;
    t.groupPassed = next;
  };
  /** Place a cell: `el` the element (undefined for a CompactRow's), with its colspan and rowspan as given. */
  const openCell = (t: OpenTable, el: Element | undefined, colspan: number | undefined, rowspan: number | undefined, dropped: number): void => {
    while ((t.covered[t.col] ?? 0) >= t.row) t.col++;
    let width = Math.min(Math.max(colspan ?? 1, 1), 1000);
    // A cell never reaches into a slot a rowspan from above holds (browsers would overlap them).
    for (let c = t.col + 1; c < t.col + width; c++) {
      if ((t.covered[c] ?? 0) >= t.row) {
        width = c - t.col;
        break;
      }
    }
    const right = t.col + width - 1;
    if (right > TABLE_LIMITS.maxColumns) throw tooComplex(file, `的${tableWords(t)}超过 ${TABLE_LIMITS.maxColumns} 列`, `${TABLE_LIMITS.maxColumns} 列`);
    const down = rowspan ?? 1;
    const bottom = down === 0 ? Number.MAX_SAFE_INTEGER : t.row + Math.min(Math.max(down, 1), 65534) - 1;
    const cell: TableCell = { row: t.row, col: t.col, bottom, right, parts: [] };
    if (bottom > t.row) for (let c = t.col; c <= right; c++) t.covered[c] = bottom;
    if (budget && (bottom > t.row || right > t.col)) {
      budget.merge(() => {
        if (limit) limit.at = { file, table: t.index + 1, row: cell.row, column: cell.col };
        return `第 ${t.index + 1} 个表格 第 ${cell.row} 行 第 ${cell.col} 列`;
      });
    }
    t.col = right + 1;
    if (el !== undefined && el === stopAt) throw new Placed(t.index + 1, cell.row, cell.col);
    // Finding a cell needs only the slots: the cells and their text are not kept (a limit was reached).
    if (stopAt) return;
    t.table.cells.push(cell);
    // Only a cell reaching down can be cut at its row group's end (endGroup).
    if (bottom > t.row) {
      t.group.push({ cell, index: t.table.cells.length - 1 });
      t.groupPassed = Math.min(t.groupPassed, bottom + 1);
    }
    t.cell = { cell, index: t.table.cells.length - 1, text: new CellText(), dropped };
  };
  /** A CompactRows block's rows, each entered and its cells placed and closed as the walk would enter the
   * row element and place and close its cell elements. */
  const placeRows = (rows: CompactRows): void => {
    const t = open[open.length - 1];
    let start = 0;
    for (const end of rows.ends) {
      if (t && !t.cell) enterRow(t);
      for (let k = start; k < end; k++) {
        if (!t || t.cell || t.row <= 0) break;
        const rowspan = rows.spans ? rows.spans[2 * k]! : -1;
        const colspan = rows.spans ? rows.spans[2 * k + 1]! : -1;
        openCell(t, undefined, colspan < 0 ? undefined : colspan, rowspan < 0 ? undefined : rowspan, rows.dropped ? rows.dropped[k]! : 0);
        const opened = t.cell as OpenCell | undefined;
        if (!opened) continue;
        const shown = rows.shown[k]!;
        if (shown !== '') opened.cell.parts.push(shown);
        closeCell(t);
      }
      start = end;
    }
  };
  const exit = (el: Element): void => {
    const tag = el.tagName;
    const t = open[open.length - 1];
    switch (tag) {
      case 'table':
        if (t) {
          closeCell(t);
          endGroup(t);
          open.pop();
        }
        return;
      case 'td':
      case 'th':
        if (t?.cell && t.cell.cell === t.table.cells[t.table.cells.length - 1]) closeCell(t);
        return;
      case 'pre':
      case 'listing':
      case 'xmp':
      case 'plaintext':
        pre--;
        break;
    }
    if (BLOCKS.has(tag)) target()?.text.softBreak();
  };

  // Depth-first without recursion: a page nested hundreds deep must not exhaust the call stack.
  const stack: { node: Node; leaving: boolean }[] = [{ node: doc, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeName === '#text') {
      target()?.text.add((node as DefaultTreeAdapterMap['textNode']).value, pre > 0);
      continue;
    }
    if (node.nodeName === COMPACT_ROWS) {
      placeRows(node as unknown as CompactRows);
      continue;
    }
    if (!('childNodes' in node)) continue;
    const el = 'tagName' in node ? (node as Element) : undefined;
    if (leaving) {
      if (el) exit(el);
      continue;
    }
    if (el && !enter(el)) continue;
    stack.push({ node, leaving: true });
    pushChildren(stack, node as { childNodes: Node[] }, !stopAt);
  }
  return tables;
}

/**
 * A node's children onto the walk's stack, last first; with `release`, the node let go of them: the tree
 * is read once, so a subtree walked is let go and the page's tree and its tables are not both held whole
 * (finding one cell, in a page still being parsed, leaves the tree as it is). A function of its own, so
 * that no frame of the walk keeps the child list: V8 keeps an interpreted frame's temporaries until they
 * are overwritten, and a row group's list of blocks (every row of a 100 000-item table) stayed alive in
 * the walk's frame while those blocks were placed — the whole tree beside its tables (issue 19).
 */
function pushChildren(stack: { node: Node; leaving: boolean }[], node: { childNodes: Node[] }, release: boolean): void {
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  if (release) node.childNodes = WALKED;
}
