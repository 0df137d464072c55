// parse5 in bounded memory: the tree a browser builds (unclosed cells, implied tbody, stray text moved out
// of tables), but a page nested deeper than any real one, or with more elements and pieces of text than
// TABLE_LIMITS allows, is refused; a run of text stops growing at CELL_TEXT_CAP characters inside the
// tokenizer (parse5 would build it a character at a time); only the attributes the table reader uses are
// kept; every cell with text is counted against the read budget as the tree is built.
import { defaultTreeAdapter, Parser, Tokenizer, type DefaultTreeAdapterMap, type Token, type TreeAdapter } from 'parse5';
type Location = Token.Location;
import type { SourceRef } from '../../findings/location.js';
import { TABLE_LIMITS } from '../../settings/limits.js';
import type { ReadBudget } from '../../grid/limits.js';
import { CELL_TEXT_CAP, tooComplex } from '../../grid/tables.js';
import { SKIPPED } from './cell-text.js';
import { compactRow, sealChildRows, settleCell } from './settled-cell.js';
import { HIDDEN, HTML_NS, isPageCell, SELECTED, spanValue, SRCDOC, type Element, type Node, type PageCell } from './page-nodes.js';
import { pageTables, Placed } from './page-tables.js';

/** Elements whose children may be rows. */
const ROW_HOLDERS = new Set(['table', 'tbody', 'thead', 'tfoot']);

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type TextNode = DefaultTreeAdapterMap['textNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** The attributes the table reader uses (a cell's, kept as numbers); the rest are dropped as elements are built. */
const KEPT_ATTRIBUTES = new Set(['rowspan', 'colspan']);
/** The attribute list of every element built (the tree holds none). */
const NO_ATTRIBUTES: Token.Attribute[] = Object.freeze([]) as unknown as Token.Attribute[];
/** Inline styles and attributes that hide an element from a reader of the page. */
const HIDING_STYLE = /(?:^|[;\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/** What of an element's attributes the table reader needs, kept beside the tree (the tree keeps none). */
function markElement(el: Element, given: readonly Token.Attribute[]): void {
  let srcdoc: string | undefined;
  for (const a of given) {
    if (a.name === 'hidden' || (a.name === 'style' && HIDING_STYLE.test(a.value))) HIDDEN.add(el);
    else if (a.name === 'selected' && el.tagName === 'option') SELECTED.add(el);
    else if (a.name === 'srcdoc' && el.tagName === 'iframe') srcdoc = a.value;
  }
  if (srcdoc !== undefined) SRCDOC.set(el, srcdoc);
}

/** A character token that stopped growing at CELL_TEXT_CAP; `dropped` counts the characters after. */
type CappedToken = Token.CharacterToken & { dropped?: number };

/** A tag, attribute or comment grew past TABLE_LIMITS.maxMarkupChars, at `line` of the page. */
export class MarkupTooLong extends Error {
  constructor(readonly line: number) {
    super('markup too long');
  }
}

/** How long the markup being read is: a comment, a tag's name, a doctype's parts, or an attribute. */
function markupLength(token: Token.Token | null, attr: Token.Attribute | undefined): number {
  let n = attr ? attr.name.length + attr.value.length : 0;
  if (!token) return n;
  if ('data' in token) n = Math.max(n, token.data.length);
  if ('tagName' in token) n = Math.max(n, token.tagName.length);
  if ('publicId' in token) n = Math.max(n, (token.name?.length ?? 0) + (token.publicId?.length ?? 0) + (token.systemId?.length ?? 0));
  return n;
}

/** Attributes one tag keeps (a real one has a few dozen); past this only rowspan and colspan are kept. */
const ATTRIBUTES_PER_TAG = 1000;

/**
 * parse5's tokenizer, except that a run of text stops growing at CELL_TEXT_CAP characters (the rest
 * is counted), a comment, tag name or attribute stops the read at TABLE_LIMITS.maxMarkupChars (parse5
 * builds these a character at a time, about 40 bytes each, and 30 million would not fit in memory), and
 * attributes are checked for duplicates by a set, a tag keeping at most ATTRIBUTES_PER_TAG.
 */
class CappedTokenizer extends Tokenizer {
  /** The attribute names of the tag being read: parse5 looks each new name up in the tag's list, which
   * made a tag of 100 000 attributes take minutes. */
  private names = new Set<string>();
  private namesOf: Token.Token | null = null;

  /** An attribute name read: kept unless the tag has one of that name (the first counts, as in a browser) or has ATTRIBUTES_PER_TAG already. */
  protected override _leaveAttrName(): void {
    const token = this.currentToken as Token.TagToken;
    if (this.namesOf !== token) {
      this.namesOf = token;
      this.names.clear();
    }
    const name = this.currentAttr.name;
    if (this.names.has(name) || (token.attrs.length >= ATTRIBUTES_PER_TAG && !KEPT_ATTRIBUTES.has(name))) return;
    this.names.add(name);
    token.attrs.push(this.currentAttr);
  }

  protected override _callState(cp: number): void {
    super._callState(cp);
    if (markupLength(this.currentToken, this.currentAttr) > TABLE_LIMITS.maxMarkupChars) throw new MarkupTooLong(this.preprocessor.line);
  }

  /** The characters of the character token being read, joined into its text when it is emitted: parse5
   * appends them one at a time (`chars += ch`), a chain of one string object per character that outlives
   * the young generation and left the old one ten times the page's text in garbage. */
  private pieces: string[] = [];
  private growing: CappedToken | null = null;
  private length = 0;

  protected override _appendCharToCurrentCharacterToken(type: Token.CharacterToken['type'], ch: string): void {
    const token = this.currentCharacterToken as CappedToken | null;
    if (!token || token.type !== type) {
      super._appendCharToCurrentCharacterToken(type, ch);
      return;
    }
    if (token !== this.growing) {
      this.growing = token;
      this.pieces.length = 0;
      this.pieces.push(token.chars);
      this.length = token.chars.length;
    }
    if (this.length >= CELL_TEXT_CAP) {
      token.dropped = (token.dropped ?? 0) + ch.length;
      return;
    }
    this.pieces.push(ch);
    this.length += ch.length;
  }

  protected override _emitCurrentCharacterToken(nextLocation: Location | null): void {
    const token = this.growing;
    if (token && token === this.currentCharacterToken) token.chars = this.pieces.join('');
    this.growing = null;
    this.pieces.length = 0;
    super._emitCurrentCharacterToken(nextLocation);
  }
}

/** The parser with the capped tokenizer; it tells the tree adapter how much of the text it inserts was dropped. */
class PageParser extends Parser<DefaultTreeAdapterMap> {
  constructor(
    treeAdapter: TreeAdapter<DefaultTreeAdapterMap>,
    private readonly onDropped: (n: number) => void,
  ) {
    super({ treeAdapter });
    this.tokenizer = new CappedTokenizer(this.options, this);
  }

  override _insertCharacters(token: Token.CharacterToken): void {
    this.onDropped((token as CappedToken).dropped ?? 0);
    super._insertCharacters(token);
    this.onDropped(0);
  }
}

const NON_BLANK = /\S/u;

/** Elements whose own text (not their cells') a browser does not show. */
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** Tag names as one string each: the tokenizer builds every element's name anew, a character at a time. */
const TAG_NAMES = new Map<string, string>();
/** Past this many distinct names (a page of made-up tags) the rest are not interned. */
const MAX_TAG_NAMES = 1000;

/** The one copy of a tag name. */
function internName(name: string): string {
  const known = TAG_NAMES.get(name);
  if (known !== undefined) return known;
  if (TAG_NAMES.size < MAX_TAG_NAMES) TAG_NAMES.set(name, name);
  return name;
}
/** Characters parsed between two turns of the event loop (about 50 ms of parsing). */
const PARSE_CHUNK = 1 << 20;

/** parse5's insertBefore, but the reference node is looked for from the end (see `insert` below). */
function insertBefore(parent: ParentNode, node: ChildNode, before: ChildNode): void {
  const siblings = parent.childNodes;
  const at = siblings.lastIndexOf(before);
  siblings.splice(at < 0 ? siblings.length : at, 0, node);
  node.parentNode = parent;
}


/**
 * Parse a page into the tree a browser builds, in bounded memory: a page nested deeper than any real
 * one, or with more elements and pieces of text than TABLE_LIMITS allows, is refused; a cell's text
 * is kept up to CELL_TEXT_CAP characters (and counted beyond); every cell with text is counted against
 * the budget as it is built, so a page of millions of cells stops before its tree is complete.
 */
export async function parsePage(text: string | Iterable<string>, file: string, budget: ReadBudget, limit: { at?: SourceRef }): Promise<Node> {
  let depth = 0;
  let nodes = 0;
  let dropped = 0;
  let doc: Node | undefined;
  const node = (): void => {
    if (++nodes > TABLE_LIMITS.maxNodes) throw tooComplex(file, `中的元素和文字片段超过 ${TABLE_LIMITS.maxNodes} 个`, `${TABLE_LIMITS.maxNodes} 个`);
  };
  /** The cell a text goes into: the nearest <td>/<th> above, unless a table or an element never read comes first. */
  const cellOf = (parent: ParentNode): PageCell | undefined => {
    for (let n: ParentNode | null = parent; n && 'tagName' in n; n = n.parentNode) {
      if (isPageCell(n)) return n;
      if (n.tagName === 'table' || SKIPPED.has(n.tagName)) return undefined;
    }
    return undefined;
  };
  /** Where a cell is, found in the page parsed so far (only when a limit is reached). */
  const where = (cell: PageCell) => (): string => {
    try {
      pageTables(doc!, file, undefined, undefined, cell);
    } catch (found) {
      if (!(found instanceof Placed)) throw found;
      limit.at = { file, table: found.table, row: found.row, column: found.col };
      return `第 ${found.table} 个表格 第 ${found.row} 行 第 ${found.col} 列`;
    }
    return '网页中的一个表格';
  };
  /** Text inserted into `parent` (before `before`): kept up to the caps, counted against the budget. */
  const insert = (parent: ParentNode, text: string, before?: Node): void => {
    let keep = text;
    const cell = cellOf(parent);
    if (cell) {
      const room = Math.max(0, CELL_TEXT_CAP - cell.kept);
      if (keep.length > room) keep = keep.slice(0, room);
      cell.dropped += text.length - keep.length + dropped;
      cell.kept += keep.length;
      if (keep === '') return;
      if (cell.valued) budget.more(keep.length, where(cell));
      else if (NON_BLANK.test(keep)) {
        cell.valued = true;
        budget.take(keep.length, where(cell));
      }
    } else if (TABLE_PARTS.has((parent as Element).tagName) && !NON_BLANK.test(text)) {
      // The line breaks between rows and cells: a table shows no text of its own (what is not blank is
      // moved out of it by the parser), and a page of 100 000 rows would keep as many nodes.
      return;
    }
    const siblings = parent.childNodes;
    // From the end: a node is inserted before another only by foster parenting, just before a table
    // still open, which is the last child (indexOf from the start made 100 000 such insertions quadratic).
    const at = before ? siblings.lastIndexOf(before as (typeof siblings)[number]) : siblings.length;
    const prev = siblings[at - 1];
    if (prev && defaultTreeAdapter.isTextNode(prev)) {
      // Text outside cells is never read; a run of it is held only up to the cap.
      const room = CELL_TEXT_CAP - prev.value.length;
      if (room > 0) prev.value += keep.length > room ? keep.slice(0, room) : keep;
      return;
    }
    node();
    const created: TextNode = defaultTreeAdapter.createTextNode(keep.length > CELL_TEXT_CAP ? keep.slice(0, CELL_TEXT_CAP) : keep);
    if (before) insertBefore(parent, created, before as ChildNode);
    else defaultTreeAdapter.appendChild(parent, created);
  };
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createDocument() {
      const d = defaultTreeAdapter.createDocument();
      doc = d;
      return d;
    },
    createElement(givenName, namespaceURI, given) {
      node();
      const tagName = internName(givenName);
      // No attribute is kept but a cell's spans, as numbers: parse5 builds a value a character at a
      // time, and 2 million <br colspan=1> kept as attribute objects took the read past 1 GB.
      if (namespaceURI !== HTML_NS || (tagName !== 'td' && tagName !== 'th')) {
        const el = defaultTreeAdapter.createElement(tagName, namespaceURI, NO_ATTRIBUTES);
        if (namespaceURI === HTML_NS && given.length) markElement(el, given);
        return el;
      }
      // Built whole rather than extended: a page may hold hundreds of thousands of cells.
      // rowspan and colspan are in the literal, so that setting one keeps the object's shape (and size).
      const cell: PageCell = { nodeName: tagName, tagName, attrs: NO_ATTRIBUTES, namespaceURI, childNodes: [], parentNode: null, kept: 0, dropped: 0, valued: false, rowspan: undefined, colspan: undefined, shown: undefined };
      if (given.length) markElement(cell, given);
      for (const a of given) {
        if (a.name !== 'rowspan' && a.name !== 'colspan') continue;
        const n = spanValue(a.value);
        // 1 is what a cell without the attribute has.
        if (n !== undefined && n !== 1) cell[a.name] = n;
      }
      return cell;
    },
    adoptAttributes() {
      // <html> and <body> attributes of a later tag: never read.
    },
    createCommentNode() {
      node();
      // Comments are never read (Word's <!--[if gte mso 9]> blocks included).
      return defaultTreeAdapter.createCommentNode('');
    },
    insertText(parent, text) {
      insert(parent, text);
    },
    insertTextBefore(parent, text, before) {
      insert(parent, text, before);
    },
    insertBefore(parent, node, before) {
      insertBefore(parent, node, before);
    },
    onItemPush(): void {
      if (++depth > TABLE_LIMITS.maxDepth) throw tooComplex(file, `中的元素嵌套超过 ${TABLE_LIMITS.maxDepth} 层`, `${TABLE_LIMITS.maxDepth} 层`);
    },
    onItemPop(item): void {
      depth--;
      // A closed cell's text is final: worked out now, and its children let go (settled-cell.ts).
      if (isPageCell(item)) settleCell(item);
      // A closed row of settled cells: its texts and spans join the block before it, the row element
      // is let go (settled-cell.ts); a closed table or section takes no more rows.
      else if ((item as Element).tagName === 'tr') {
        if (compactRow(item as Element)) return;
      } else if (ROW_HOLDERS.has((item as Element).tagName)) sealChildRows(item as Element);
      // A child list grows by 16 slots at its first push: the one text of a cell would keep 17. Cut to
      // its length once the element is closed (a third of the tree of a page of 100 000 cells).
      const children = (item as ParentNode).childNodes;
      if (children.length > 0) (item as ParentNode).childNodes = children.slice();
    },
  };
  const parser = new PageParser(adapter, (n) => (dropped = n));
  // In pieces, letting the event loop run between them: Ctrl-C or SIGTERM (and the app's cancel) are
  // heard during a long parse, which in one call ran to its end whatever was pressed.
  // A page handed out in pieces (html/charset.ts) is parsed as they come, never held whole.
  const pieces = typeof text === 'string' ? [text] : text;
  for (const piece of pieces) {
    for (let at = 0; at < piece.length; at += PARSE_CHUNK) {
      parser.tokenizer.write(piece.slice(at, at + PARSE_CHUNK), false);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  parser.tokenizer.write('', true);
  return parser.document;
}
