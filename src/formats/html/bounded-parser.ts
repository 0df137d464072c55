// parse5 in bounded memory: the tree a browser builds (unclosed cells, implied tbody, stray text moved out
// of tables), but a page nested deeper than any real one, or with more elements and pieces of text than
// TABLE_LIMITS allows, is refused; a run of text stops growing at CELL_TEXT_CAP characters inside the
// tokenizer (parse5 would build it a character at a time); only the attributes the table reader uses are
// kept; every cell with text is counted against the read budget as the tree is built.
import { defaultTreeAdapter, Parser, Tokenizer, type DefaultTreeAdapterMap, type Token, type TreeAdapter } from 'parse5';
import type { SourceRef } from '../../findings/location.js';
import { TABLE_LIMITS } from '../../settings/limits.js';
import type { ReadBudget } from '../../grid/limits.js';
import { CELL_TEXT_CAP, tooComplex } from '../../grid/tables.js';
import { SKIPPED } from './cell-text.js';
import { HTML_NS, isPageCell, pageTables, Placed, type Node, type PageCell } from './page-tables.js';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** The attributes the table reader uses; the rest are dropped as elements are built. */
const KEPT_ATTRIBUTES = new Set(['rowspan', 'colspan']);

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

/**
 * parse5's tokenizer, except that a run of text stops growing at CELL_TEXT_CAP characters (the rest
 * is counted), and a comment, tag name or attribute stops the read at TABLE_LIMITS.maxMarkupChars:
 * parse5 builds these a character at a time (about 40 bytes each), and 30 million would not fit in memory.
 */
class CappedTokenizer extends Tokenizer {
  protected override _callState(cp: number): void {
    super._callState(cp);
    if (markupLength(this.currentToken, this.currentAttr) > TABLE_LIMITS.maxMarkupChars) throw new MarkupTooLong(this.preprocessor.line);
  }

  protected override _appendCharToCurrentCharacterToken(type: Token.CharacterToken['type'], ch: string): void {
    const token = this.currentCharacterToken as CappedToken | null;
    if (token && token.type === type && token.chars.length >= CELL_TEXT_CAP) {
      token.dropped = (token.dropped ?? 0) + ch.length;
      return;
    }
    super._appendCharToCurrentCharacterToken(type, ch);
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

/**
 * Parse a page into the tree a browser builds, in bounded memory: a page nested deeper than any real
 * one, or with more elements and pieces of text than TABLE_LIMITS allows, is refused; a cell's text
 * is kept up to CELL_TEXT_CAP characters (and counted beyond); every cell with text is counted against
 * the budget as it is built, so a page of millions of cells stops before its tree is complete.
 */
export function parsePage(text: string, file: string, budget: ReadBudget, limit: { at?: SourceRef }): Node {
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
    }
    const siblings = parent.childNodes;
    const at = before ? siblings.indexOf(before as (typeof siblings)[number]) : siblings.length;
    const prev = siblings[at - 1];
    if (prev && defaultTreeAdapter.isTextNode(prev)) {
      // Text outside cells is never read; a run of it is held only up to the cap.
      const room = CELL_TEXT_CAP - prev.value.length;
      if (room > 0) prev.value += keep.length > room ? keep.slice(0, room) : keep;
      return;
    }
    node();
    const created: TextNode = defaultTreeAdapter.createTextNode(keep.length > CELL_TEXT_CAP ? keep.slice(0, CELL_TEXT_CAP) : keep);
    if (before) defaultTreeAdapter.insertBefore(parent, created, before as Parameters<typeof defaultTreeAdapter.insertBefore>[2]);
    else defaultTreeAdapter.appendChild(parent, created);
  };
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createDocument() {
      const d = defaultTreeAdapter.createDocument();
      doc = d;
      return d;
    },
    createElement(tagName, namespaceURI, given) {
      node();
      // Only the attributes the reader looks at are kept: parse5 builds a value a character at a time,
      // and the styles of a page saved from Excel would otherwise stay in memory in that form.
      const attrs = given.filter((a) => KEPT_ATTRIBUTES.has(a.name));
      if (namespaceURI !== HTML_NS || (tagName !== 'td' && tagName !== 'th')) return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
      // Built whole rather than extended: a page may hold hundreds of thousands of cells.
      const cell: PageCell = { nodeName: tagName, tagName, attrs, namespaceURI, childNodes: [], parentNode: null, kept: 0, dropped: 0, valued: false };
      return cell;
    },
    adoptAttributes(recipient, given) {
      defaultTreeAdapter.adoptAttributes(recipient, given.filter((a) => KEPT_ATTRIBUTES.has(a.name)));
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
    onItemPush(): void {
      if (++depth > TABLE_LIMITS.maxDepth) throw tooComplex(file, `中的元素嵌套超过 ${TABLE_LIMITS.maxDepth} 层`, `${TABLE_LIMITS.maxDepth} 层`);
    },
    onItemPop(): void {
      depth--;
    },
  };
  const parser = new PageParser(adapter, (n) => (dropped = n));
  parser.tokenizer.write(text, true);
  return parser.document;
}
