// A table cell's text worked out when the parser closes the cell, so that the page's tree need not keep
// the cell's text nodes and child lists until the whole page is parsed (issue 19: for a page of 400 000
// cells, about 100 bytes a cell beyond its text; the tree and the page's text were the read's peak).
// A closed cell's subtree is final (the parser inserts nothing into a cell it has closed, and a later
// formatting element reopens only after the cell's marker), so its text is what page-tables.ts would
// find. Only plain cells are settled: one whose subtree or surroundings need the walk's own rules (a
// nested table, a drop-down, hidden or skipped content, <pre>, SVG or MathML) is left for the walk.
// Closed rows whose cells are all settled then keep only their texts and spans, in blocks (compactRow).
import type { DefaultTreeAdapterMap } from 'parse5';
import { BLOCKS, CellText, SKIPPED } from './cell-text.js';
import { COMPACT_ROWS, HIDDEN, HTML_NS, isPageCell, type CompactRows, type Element, type Node, type PageCell } from './page-nodes.js';

/** Elements whose text keeps its white space, or that make a cell the walk's own business. */
const NOT_PLAIN = new Set(['pre', 'listing', 'xmp', 'plaintext', 'select', 'iframe', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/** The children of a settled cell (nothing is added to a closed cell: frozen, so that a mistake shows). */
const SETTLED: PageCell['childNodes'] = Object.freeze([]) as unknown as PageCell['childNodes'];

/** Whether an element, as the walk meets it, needs the walk's own rules. */
function special(el: Element): boolean {
  return el.namespaceURI !== HTML_NS || HIDDEN.has(el) || SKIPPED.has(el.tagName) || NOT_PLAIN.has(el.tagName);
}

/** Whether the cell stands in a table the walk reads as such: every element above it is plain HTML, up to the document. */
function plainPlace(cell: PageCell): boolean {
  let n = cell.parentNode as Node | null;
  const parent = n as Element | null;
  if (!parent || !('tagName' in parent) || parent.tagName !== 'tr') return false;
  for (; n; n = (n as Element).parentNode as Node | null) {
    if (n.nodeName === '#document') return true;
    if (!('tagName' in n)) return false;
    const el = n as Element;
    if (el.namespaceURI !== HTML_NS || HIDDEN.has(el) || SKIPPED.has(el.tagName) || (NOT_PLAIN.has(el.tagName) && !['table', 'thead', 'tbody', 'tfoot', 'tr'].includes(el.tagName))) return false;
  }
  return false;
}

/**
 * When the parser closes a cell: if it is plain, its text as page-tables.ts would read it goes into
 * `shown` and its children are let go. The same steps as the walk: text folded, <br> a new line, a
 * block's edges a line's end.
 */
export function settleCell(cell: PageCell): void {
  if (!plainPlace(cell)) return;
  const text = new CellText();
  const stack: { node: Node; leaving: boolean }[] = [];
  for (let i = cell.childNodes.length - 1; i >= 0; i--) stack.push({ node: cell.childNodes[i]!, leaving: false });
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeName === '#text') {
      text.add((node as DefaultTreeAdapterMap['textNode']).value, false);
      continue;
    }
    if (!('tagName' in node)) continue;
    const el = node as Element;
    if (leaving) {
      if (BLOCKS.has(el.tagName)) text.softBreak();
      continue;
    }
    if (special(el)) return;
    if (el.tagName === 'br') {
      text.hardBreak();
      continue;
    }
    if (BLOCKS.has(el.tagName)) text.softBreak();
    stack.push({ node, leaving: true });
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push({ node: el.childNodes[i]!, leaving: false });
  }
  cell.shown = text.take();
  cell.childNodes = SETTLED;
}

/** Rows a block takes before it is sealed (its lists cut to their length) and the next begins. */
const BLOCK_ROWS = 1024;

/**
 * When the parser closes a row: if every cell in it is settled (and none hidden), the row's texts and
 * spans go into the CompactRows block just before it in its parent (a new one when there is none), and
 * the row element is let go. Only white space and comments may stand beside the cells (text between
 * cells is no cell's, and the walk reads none of it); anything else keeps the row as it is. A closed row
 * is its parent's last child (the parser appends the rows in order; text it moves out of a table goes
 * before the table), and the parser holds no closed row. Whether the row went into a block.
 */
export function compactRow(tr: Element): boolean {
  const parent = tr.parentNode as Element | null;
  const siblings = parent?.childNodes;
  if (!parent || !siblings || siblings[siblings.length - 1] !== tr) return false;
  const before = siblings[siblings.length - 2] as unknown as CompactRows | undefined;
  const block = before?.nodeName === COMPACT_ROWS && !before.sealed ? before : undefined;
  if (tr.namespaceURI !== HTML_NS || HIDDEN.has(tr)) {
    if (block) sealRows(block);
    return false;
  }
  const cells: PageCell[] = [];
  for (const child of tr.childNodes) {
    if (child.nodeName === '#text' || child.nodeName === '#comment') continue;
    if (!isPageCell(child) || child.childNodes !== SETTLED || child.shown === undefined || child.namespaceURI !== HTML_NS || HIDDEN.has(child)) {
      if (block) sealRows(block);
      return false;
    }
    cells.push(child);
  }
  if (cells.length === 0) {
    if (block) sealRows(block);
    return false;
  }
  const rows: CompactRows = block ?? { nodeName: COMPACT_ROWS, shown: [], ends: [], spans: undefined, dropped: undefined, sealed: false, parentNode: parent };
  for (const cell of cells) {
    const k = rows.shown.length;
    rows.shown.push(cell.shown!);
    if (cell.rowspan !== undefined || cell.colspan !== undefined) rows.spans ??= new Array<number>(2 * k).fill(-1);
    rows.spans?.push(cell.rowspan ?? -1, cell.colspan ?? -1);
    if (cell.dropped !== 0) rows.dropped ??= new Array<number>(k).fill(0);
    rows.dropped?.push(cell.dropped);
  }
  rows.ends.push(rows.shown.length);
  if (block) siblings.pop();
  else siblings[siblings.length - 1] = rows as unknown as Element['childNodes'][number];
  if (rows.ends.length >= BLOCK_ROWS) sealRows(rows);
  return true;
}

/** A block takes no more rows: its lists cut to their length (a list pushed to keeps up to half again as room). */
export function sealRows(rows: CompactRows): void {
  if (rows.sealed) return;
  rows.sealed = true;
  rows.shown = rows.shown.slice();
  rows.ends = rows.ends.slice();
  if (rows.spans) rows.spans = rows.spans.slice();
  if (rows.dropped) rows.dropped = rows.dropped.slice();
}

/** When the parser closes an element that may hold rows (a table or its section): its last block sealed. */
export function sealChildRows(el: Element): void {
  const last = el.childNodes[el.childNodes.length - 1] as unknown as CompactRows | undefined;
  if (last?.nodeName === COMPACT_ROWS) sealRows(last);
}
