// A table cell's text worked out when the parser closes the cell, so that the page's tree need not keep
// the cell's text nodes and child lists until the whole page is parsed (issue 19: for a page of 400 000
// cells, about 100 bytes a cell beyond its text; the tree and the page's text were the read's peak).
// A closed cell's subtree is final (the parser inserts nothing into a cell it has closed, and a later
// formatting element reopens only after the cell's marker), so its text is what page-tables.ts would
// find. Only plain cells are settled: one whose subtree or surroundings need the walk's own rules (a
// nested table, a drop-down, hidden or skipped content, <pre>, SVG or MathML) is left for the walk.
// A closed row whose cells are all settled then keeps only their texts and spans (compactRow).
import type { DefaultTreeAdapterMap } from 'parse5';
import { BLOCKS, CellText, SKIPPED } from './cell-text.js';
import { COMPACT_ROW, HIDDEN, HTML_NS, isPageCell, type CompactRow, type Element, type Node, type PageCell } from './page-tables.js';

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

/**
 * When the parser closes a row: if every cell in it is settled (and none hidden), the row keeps a
 * CompactRow of their texts and spans instead of the cell elements. Only white space and comments may
 * stand beside the cells (text between cells is no cell's, and the walk reads none of it); anything
 * else keeps the row as it is.
 */
export function compactRow(tr: Element): void {
  if (tr.namespaceURI !== HTML_NS || HIDDEN.has(tr)) return;
  const shown: string[] = [];
  const spans: number[] = [];
  const dropped: number[] = [];
  let spanned = false;
  let cut = false;
  for (const child of tr.childNodes) {
    if (child.nodeName === '#text' || child.nodeName === '#comment') continue;
    if (!isPageCell(child) || child.childNodes !== SETTLED || child.shown === undefined || child.namespaceURI !== HTML_NS || HIDDEN.has(child)) return;
    shown.push(child.shown);
    spans.push(child.rowspan ?? -1, child.colspan ?? -1);
    dropped.push(child.dropped);
    if (child.rowspan !== undefined || child.colspan !== undefined) spanned = true;
    if (child.dropped !== 0) cut = true;
  }
  if (shown.length === 0) return;
  // Copies of their length (see CompactRow), and none where every cell has the default.
  const row: CompactRow = { nodeName: COMPACT_ROW, shown: shown.slice(), spans: spanned ? spans.slice() : undefined, dropped: cut ? dropped.slice() : undefined, parentNode: tr };
  tr.childNodes = [row as unknown as Node as Element['childNodes'][number]];
}
