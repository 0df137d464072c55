// .html/.htm reader: a catalog published as a table inside a portal page (menus, a 索引号/发布机构 table,
// the catalog table, a footer), or saved as a web page by Excel or Word. The page is decoded (BOM, then
// the declared charset, then a UTF-8/GB18030 sniff), parsed by parse5 into the tree a browser builds
// (unclosed cells, implied tbody, stray text moved out of tables), and every table's cells placed by the
// HTML table algorithm: rowspan/colspan become merged ranges. Cell text is what a reader of the page
// sees: <br> and block elements (<p>, <div>, <li> …) break lines, other white space folds as a browser
// folds it, scripts, styles and comments are never read. The tables then go through tables.ts.
import { defaultTreeAdapter, html as htmlSpec, parse, Parser, Tokenizer, type DefaultTreeAdapterMap, type Token, type TreeAdapter } from 'parse5';
import type { Catalog } from '../model/types.js';
import type { SourceRef } from '../findings/location.js';
import { TABLE_LIMITS } from '../settings/limits.js';
import { ZwgkError, finding, sortFindings, formatBytes } from '../findings/finding.js';
import type { ReadOptions } from './index.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../grid/limits.js';
import { CELL_TEXT_CAP, readTables, tooComplex, withinLimit, type BuiltTable, type TableCell } from '../grid/tables.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** A <td> or <th> as the page's tree holds it: what of its text was kept, and whether it was counted as a value. */
interface PageCell extends Element {
  kept: number;
  dropped: number;
  valued: boolean;
}

function isPageCell(node: Node): node is PageCell {
  return 'kept' in node;
}

const HTML_NS = htmlSpec.NS.HTML;

// ------------------------------------------------------------------ charset

/** The decoder name for a charset label, or undefined when the platform does not know it. */
function encodingFor(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (l === '') return undefined;
  // A page cannot really be UTF-16 if its declaration was readable as ASCII (HTML's own rule).
  if (l.startsWith('utf-16') || l === 'unicode') return 'utf-8';
  // GB2312 and GBK pages routinely hold characters beyond their tables; GB18030 is their superset.
  if (['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'gb_2312', 'chinese', 'csgb2312', 'csiso58gb231280', 'iso-ir-58', 'cp936', 'ms936', 'windows-936', 'gb18030', 'euc-cn'].includes(l)) return 'gb18030';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

/** The charset named in a Content-Type value (text/html; charset=gb2312), as HTML extracts it. */
export function charsetOfContentType(content: string): string | undefined {
  const lower = content.toLowerCase();
  let i = 0;
  for (;;) {
    i = lower.indexOf('charset', i);
    if (i < 0) return undefined;
    let j = i + 7;
    while (j < lower.length && /\s/.test(lower[j]!)) j++;
    if (lower[j] !== '=') {
      i = j;
      continue;
    }
    j++;
    while (j < lower.length && /\s/.test(lower[j]!)) j++;
    const q = lower[j];
    if (q === '"' || q === "'") {
      const end = lower.indexOf(q, j + 1);
      return end < 0 ? undefined : content.slice(j + 1, end);
    }
    let end = j;
    while (end < lower.length && !/[\s;]/.test(lower[end]!)) end++;
    return end > j ? content.slice(j, end) : undefined;
  }
}

/** The charset a page declares in a <meta> near its start (read with the HTML parser, not patterns). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  // The declaration must sit in the first kilobytes; ASCII-compatible encodings read it as Latin-1.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const stack: Node[] = [parse(head)];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node && node.tagName === 'meta') {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      const label = attr('charset') ?? (attr('http-equiv')?.toLowerCase() === 'content-type' ? charsetOfContentType(attr('content') ?? '') : undefined);
      const enc = label === undefined ? undefined : encodingFor(label);
      if (enc) return enc;
    }
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return undefined;
}

function decodes(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether the bytes hold anything beyond ASCII. */
function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

export interface DecodedPage {
  text: string;
  encoding: string;
  /** Characters that could not be decoded (shown as U+FFFD). */
  errors: number;
}

/**
 * A page's text: the byte order mark decides; then the declared charset — unless the bytes are valid
 * UTF-8 beyond ASCII while the declaration names a legacy charset (a page re-saved as UTF-8 that kept its
 * old <meta>), or the declared charset fails where another decodes cleanly; without a declaration,
 * UTF-8 if the bytes are valid UTF-8, else GB18030 (which reads GB2312 and GBK).
 */
export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return lenient(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return lenient(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return lenient(bytes.subarray(2), 'utf-16be');
  const declared = declaredCharset(bytes);
  const candidates = declared === undefined || declared === 'utf-8' ? ['utf-8', 'gb18030'] : hasNonAscii(bytes) ? ['utf-8', declared, 'gb18030'] : [declared];
  for (const encoding of candidates) {
    const text = decodes(bytes, encoding);
    if (text !== undefined) return { text, encoding, errors: 0 };
  }
  return lenient(bytes, declared ?? 'gb18030');
}

function lenient(bytes: Uint8Array, encoding: string): DecodedPage {
  const text = new TextDecoder(encoding).decode(bytes);
  const strict = decodes(bytes, encoding);
  let errors = 0;
  if (strict === undefined) for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) errors++;
  return { text, encoding, errors };
}

const ENCODING_NAME: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030（GBK/GB2312）', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

// ------------------------------------------------------------------ cell text

/** Elements whose content a reader of the page never sees as text. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'object', 'embed', 'select', 'datalist', 'textarea', 'audio', 'video', 'canvas', 'map']);

/** Elements laid out as blocks: their content starts and ends a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'ul', 'caption', 'listing', 'plaintext', 'xmp',
]);

/** East Asian wide characters: a line break of the source between two of them is no space (CSS Text 3). */
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

/** A cell's text as the page shows it: white space folded, lines from <br> and blocks. */
class CellText {
  private lines: string[] = [];
  private line = '';
  /** Folded white space waiting for the next character: none, a space, or one with a line break in it. */
  private pending: 0 | 1 | 2 = 0;

  /** Text of a text node; `pre`: white space kept (inside <pre>). */
  add(text: string, pre: boolean): void {
    if (pre) {
      const parts = text.replace(/\r\n?/g, '\n').split('\n');
      parts.forEach((p, i) => {
        if (i > 0) this.hardBreak();
        this.put(p);
      });
      return;
    }
    let last = 0;
    COLLAPSIBLE.lastIndex = 0;
    for (let m = COLLAPSIBLE.exec(text); m; m = COLLAPSIBLE.exec(text)) {
      if (m.index > last) this.put(text.slice(last, m.index));
      const broken = /[\n\r]/.test(m[0]) ? 2 : 1;
      if (broken > this.pending) this.pending = broken;
      last = m.index + m[0].length;
    }
    if (last < text.length) this.put(text.slice(last));
  }

  private put(word: string): void {
    if (word === '') return;
    if (this.pending && this.line !== '') {
      const before = this.line[this.line.length - 1]!;
      const joined = this.pending === 2 && WIDE.test(before) && WIDE.test(word[0]!) && !/[\uD800-\uDBFF]/.test(before);
      if (!joined) this.line += ' ';
    }
    this.pending = 0;
    // A no-break space shows (and copies) as a space.
    this.line += word.replace(/\u00a0/g, ' ');
  }

  /** <br>: always a new line. */
  hardBreak(): void {
    this.lines.push(this.line);
    this.line = '';
    this.pending = 0;
  }

  /** A block's edge: a new line unless one has just begun. */
  softBreak(): void {
    if (this.line !== '') this.hardBreak();
    this.pending = 0;
  }

  /** The text so far, and start afresh (a nested table interrupts it). */
  take(): string {
    const lines = [...this.lines, this.line].map((l) => (/\S/u.test(l) ? l : ''));
    this.lines = [];
    this.line = '';
    this.pending = 0;
    return lines.join('\n').replace(/^\n+|\n+$/g, '');
  }
}

// ------------------------------------------------------------------ tables

interface OpenCell {
  cell: TableCell;
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
  /** Cells of the current row group (their rowspans end with the group). */
  group: TableCell[];
  /** By column: the last row a cell from a row above reaches down to. */
  covered: number[];
  col: number;
  cell?: OpenCell;
}

/** HTML's rules for a non-negative integer attribute: leading digits, else undefined. */
function intAttr(el: Element, name: string): number | undefined {
  const v = el.attrs.find((a) => a.name === name)?.value;
  if (v === undefined) return undefined;
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(v);
  return m ? Number(m[1]!.slice(0, 9)) : undefined;
}

/** Where a cell was placed: its table (from 1), row and column. */
class Placed {
  constructor(
    readonly table: number,
    readonly row: number,
    readonly col: number,
  ) {}
}

/**
 * Collect every table of the page with its cells placed, each merged range (rowspan/colspan) counted
 * against `budget` (where it is is written into `limit`). With `stopAt`, only find where that cell is
 * placed (in a page parsed so far): throws a Placed.
 */
function pageTables(doc: Node, file: string, budget?: ReadBudget, limit?: { at?: SourceRef }, stopAt?: Element): BuiltTable[] {
  const tables: BuiltTable[] = [];
  const open: OpenTable[] = [];
  let pre = 0;
  const endGroup = (t: OpenTable): void => {
    // A rowspan reaches at most to the end of its row group (rowspan="0" exactly there).
    const last = Math.max(t.row, t.groupStart);
    for (const c of t.group) if (c.bottom > last) c.bottom = Math.max(c.row, last);
    t.group = [];
    t.covered = [];
    t.groupStart = t.row + 1;
  };
  const target = (): OpenCell | undefined => open[open.length - 1]?.cell;
  const closeCell = (t: OpenTable): void => {
    if (!t.cell) return;
    const rest = t.cell.text.take();
    const { cell, dropped } = t.cell;
    if (rest !== '') cell.parts.push(rest);
    const { parts, length } = withinLimit(cell.parts, dropped);
    cell.parts = parts;
    if (length !== undefined) (t.table.long ??= []).push({ row: cell.row, col: cell.col, length });
    t.cell = undefined;
  };

  const enter = (el: Element): boolean => {
    const tag = el.tagName;
    if (el.namespaceURI !== HTML_NS || SKIPPED.has(tag)) return false;
    const t = open[open.length - 1];
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
        open.push({ index, table, row: 0, groupStart: 1, group: [], covered: [], col: 1 });
        return true;
      }
      case 'thead':
      case 'tbody':
      case 'tfoot':
        if (t && !t.cell) endGroup(t);
        return true;
      case 'tr':
        if (t && !t.cell) {
          t.row++;
          if (t.row > TABLE_LIMITS.maxRows) throw tooComplex(file, `的${tableWords(t)}超过 ${TABLE_LIMITS.maxRows} 行`, `${TABLE_LIMITS.maxRows} 行`);
          t.col = 1;
        }
        return true;
      case 'td':
      case 'th':
        if (t && !t.cell && t.row > 0) {
          openCell(t, el);
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
  const openCell = (t: OpenTable, el: Element): void => {
    while ((t.covered[t.col] ?? 0) >= t.row) t.col++;
    let span = Math.min(Math.max(intAttr(el, 'colspan') ?? 1, 1), 1000);
    // A cell never reaches into a slot a rowspan from above holds (browsers would overlap them).
    for (let c = t.col + 1; c < t.col + span; c++) {
      if ((t.covered[c] ?? 0) >= t.row) {
        span = c - t.col;
        break;
      }
    }
    const right = t.col + span - 1;
    if (right > TABLE_LIMITS.maxColumns) throw tooComplex(file, `的${tableWords(t)}超过 ${TABLE_LIMITS.maxColumns} 列`, `${TABLE_LIMITS.maxColumns} 列`);
    const rowspan = intAttr(el, 'rowspan') ?? 1;
    const bottom = rowspan === 0 ? Number.MAX_SAFE_INTEGER : t.row + Math.min(Math.max(rowspan, 1), 65534) - 1;
    const cell: TableCell = { row: t.row, col: t.col, bottom, right, parts: [] };
    if (bottom > t.row) for (let c = t.col; c <= right; c++) t.covered[c] = bottom;
    if (budget && (bottom > t.row || right > t.col)) {
      budget.merge(() => {
        if (limit) limit.at = { file, table: t.index + 1, row: cell.row, column: cell.col };
        return `第 ${t.index + 1} 个表格 第 ${cell.row} 行 第 ${cell.col} 列`;
      });
    }
    t.col = right + 1;
    if (el === stopAt) throw new Placed(t.index + 1, cell.row, cell.col);
    // Finding a cell needs only the slots: the cells and their text are not kept (a limit was reached).
    if (stopAt) return;
    t.table.cells.push(cell);
    t.group.push(cell);
    t.cell = { cell, text: new CellText(), dropped: isPageCell(el) ? el.dropped : 0 };
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
    if (!('childNodes' in node)) continue;
    const el = 'tagName' in node ? (node as Element) : undefined;
    if (leaving) {
      if (el) exit(el);
      continue;
    }
    if (el && !enter(el)) continue;
    stack.push({ node, leaving: true });
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i]!, leaving: false });
  }
  return tables;
}

/** The attributes the table reader uses; the rest are dropped as elements are built. */
const KEPT_ATTRIBUTES = new Set(['rowspan', 'colspan']);

/** A character token that stopped growing at CELL_TEXT_CAP; `dropped` counts the characters after. */
type CappedToken = Token.CharacterToken & { dropped?: number };

/** A tag, attribute or comment grew past TABLE_LIMITS.maxMarkupChars, at `line` of the page. */
class MarkupTooLong extends Error {
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
function parsePage(text: string, file: string, budget: ReadBudget, limit: { at?: SourceRef }): Node {
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

/** Read a web page's bytes into one catalog (every table with a catalog header, in page order). */
export async function readHtml(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Catalog> {
  if (bytes.length > TABLE_LIMITS.maxPageBytes) {
    throw new ZwgkError('page-too-large', { file }, { file, size: formatBytes(bytes.length), limit: formatBytes(TABLE_LIMITS.maxPageBytes) });
  }
  const page = decodePage(bytes);
  const budget = options.budget ?? new ReadBudget();
  let doc: Node;
  const limit: { at?: SourceRef } = {};
  try {
    doc = parsePage(page.text, file, budget, limit);
  } catch (cause) {
    if (cause instanceof ZwgkError) throw cause;
    if (cause instanceof ReadLimitError) throw tooLarge(file, cause, limit.at ?? { file });
    if (cause instanceof MarkupTooLong) {
      throw tooComplex(file, `第 ${cause.line} 行的一个标签、属性或注释过长`, `${TABLE_LIMITS.maxMarkupChars} 个字符`);
    }
    // parse5 recovers from any markup; what is left is the stack of a pathological page.
    throw tooComplex(file, '的结构无法解析', '浏览器能显示的网页');
  }
  let tables: BuiltTable[];
  try {
    tables = pageTables(doc, file, budget, limit);
  } catch (cause) {
    if (cause instanceof ReadLimitError) throw tooLarge(file, cause, limit.at ?? { file });
    throw cause;
  }
  const catalog = readTables(file, tables, options, '网页');
  if (page.errors > 0) {
    catalog.findings.push(finding('page-encoding', { file }, { file, count: page.errors, encoding: ENCODING_NAME[page.encoding] ?? page.encoding }));
    sortFindings(catalog.findings);
  }
  return catalog;
}

