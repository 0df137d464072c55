// The nodes of a page's tree as the bounded parser builds them (bounded-parser.ts) and the table walk reads
// them (page-tables.ts): cells with their spans as numbers, blocks of compacted rows (settled-cell.ts), and
// what the parser marks beside the tree (it keeps no attributes).
import { html as htmlSpec, type DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** A <td> or <th> as the page's tree holds it: its rowspan and colspan as numbers (no attribute objects
 * are kept), what of its text was kept, and whether it was counted as a value. */
export interface PageCell extends Element {
  rowspan?: number;
  colspan?: number;
  kept: number;
  dropped: number;
  valued: boolean;
  /** The cell's text, worked out when the parser closed it (settled-cell.ts); its children are then gone. */
  shown: string | undefined;
}

/** HTML's rules for a non-negative integer attribute: leading digits, else undefined. */
export function spanValue(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(v);
  return m ? Number(m[1]!.slice(0, 9)) : undefined;
}

/**
 * Closed rows of settled cells, one after another, as the parser keeps them in place of the row elements
 * (settled-cell.ts): every cell's text, where each row's cells end, their rowspan and colspan (two numbers
 * a cell, -1: none given; no list while no cell of the block gives one) and the characters dropped (no
 * list while none were). A row element with its child list and its cells' lists cost some 240 bytes a row
 * beyond its texts; a block costs 8 bytes a cell (issue 19: the tree of a 100 000-item page, 400 000 rows,
 * was the read's peak). A sealed block takes no more rows and its lists are exactly as long as they need.
 * The walk places the rows as it would the row elements.
 */
export interface CompactRows {
  nodeName: '#rows';
  shown: string[];
  ends: number[];
  spans: number[] | undefined;
  dropped: number[] | undefined;
  sealed: boolean;
  parentNode: Element;
}

/** The name of a CompactRows node. */
export const COMPACT_ROWS = '#rows';

/** Whether a node is a table cell as the bounded parser built it. */
export function isPageCell(node: Node): node is PageCell {
  return 'kept' in node;
}

/** The HTML namespace: elements of embedded SVG or MathML are not the page's tables. */
export const HTML_NS = htmlSpec.NS.HTML;

/** Elements hidden from a reader of the page (the hidden attribute, or display:none / visibility:hidden
 * in their style), <option>s marked selected, and the srcdoc of <iframe>s: marked by the parser, which
 * keeps no attributes in the tree. */
export const HIDDEN: WeakSet<Element> = new WeakSet();
export const SELECTED: WeakSet<Element> = new WeakSet();
export const SRCDOC: WeakMap<Element, string> = new WeakMap();
