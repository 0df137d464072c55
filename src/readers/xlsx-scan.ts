// A small streaming scanner for the SpreadsheetML parts the reader needs (worksheets, shared strings),
// fed decoded text chunk by chunk. It keeps only an unconsumed tail between chunks (an unfinished tag,
// or text that may end in a split entity), so memory does not grow with the part, and it is linear:
// every character is looked at a bounded number of times. No DOM, no DTD: a part that declares a
// DOCTYPE or entities is refused, and only the five predefined and numeric entities are expanded.
import { MAX_CELL_CHARS } from '../settings/limits.js';
import { ReadBudget } from '../grid/limits.js';

export { ReadBudget, ReadLimitError } from '../grid/limits.js';
import { a1, columnNumber } from '../findings/location.js';
import { dateText, numberText, stringText } from './xlsx-cell.js';

/** A part's bytes as text chunks, decoded as a stream (a character split across chunks stays whole); UTF-8, or UTF-16 after its byte order mark. */
export async function* decodeChunks(stream: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of stream) {
    if (!decoder) {
      const utf16 = chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
      decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield rest;
}

/**
 * A problem with the content of a part; `detail` is Chinese text for the message. `damaged`: the part
 * is broken (cut off, inconsistent), as opposed to refused on purpose (a DTD).
 */
export class PartDataError extends Error {
  constructor(
    readonly detail: string,
    readonly damaged = true,
  ) {
    super(detail);
    this.name = 'PartDataError';
  }
}

/** A merged range, 1-based and inclusive; `text` is filled in when its top-left cell is read. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  text: string;
}

/** What cell values need from the rest of the workbook. */
export interface CellContext {
  /** Shared strings (already through stringText); undefined when the workbook has no table. */
  sharedStrings?: string[];
  /** The table is named in the workbook's relationships but absent from the zip. */
  sharedStringsMissing?: boolean;
  /** Shared strings longer than Excel's cell limit (kept cut): index → length as written. */
  sharedLong?: ReadonlyMap<number, number>;
  /** What the workbook read so far holds, against READ_LIMITS (one budget for all its parts). */
  budget?: ReadBudget;
  /** By cellXfs index: does the style's number format show a date or time? */
  dateStyles: boolean[];
  date1904: boolean;
}

const ENTITY_RE = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;

function entity(whole: string, e: string): string {
  switch (e) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const cp = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  // Not a character (beyond Unicode or a lone surrogate): keep the reference as written.
  return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? whole : String.fromCodePoint(cp);
}

/** Expand the predefined and numeric character references; anything else (&foo;) stays literal, never expanded. */
export function decodeEntities(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY_RE, entity);
}

/** Index of the '>' that ends the tag starting before `i`, skipping quoted attribute values; -1 if not yet there. */
export function tagEnd(s: string, i: number): number {
  const n = s.length;
  let quote = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/** Whether a character code ends an XML tag name (space, >, /, tab, line break). */
export function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Longest tag whose text is kept across chunks (one whose attributes a scanner reads); real parts never come close. */
const MAX_TOKEN = 4 * 1024 * 1024;
/** A tag name longer than this is none a scanner looks for: its text is not kept. */
const MAX_NAME = 256;
/** Longest character reference (&#x10FFFF;): a text tail longer than this after its '&' is no split entity. */
const MAX_ENTITY = 10;

/** The local name of a tag name as written (namespace prefix dropped). */
function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

/** A tag that did not end in the chunk it began in. */
interface PendingTag {
  kind: 'tag';
  closing: boolean;
  /** The tag's name as written, while it is still being read; then its local name. */
  name: string;
  named: boolean;
  /** Pieces of the tag's text, kept only while its name is unknown or when its attributes are wanted. */
  parts: string[] | undefined;
  length: number;
  /** The quote character of an attribute value open at the end of the last piece (0: none). */
  quote: number;
  /** The last character seen (a '/' before the '>' closes the element in the tag). */
  last: number;
}

/** A comment, processing instruction or CDATA section that did not end in its chunk. */
interface PendingMarkup {
  kind: 'markup';
  end: string;
  cdata: boolean;
  /** The last characters of the previous piece, which may begin the terminator. */
  carry: string;
}

/**
 * The tokenizer shared by the part scanners (these, and word/document.xml in docx.ts): tags by local name (namespace prefix dropped), and the
 * text of the elements a subclass asks for (`capturing`), entity-decoded. Linear in the part's size
 * however it is cut into chunks: a token that spans chunks is continued where the last chunk ended,
 * never rescanned, and the text of a long tag is kept only when a subclass reads its attributes.
 */
export abstract class XmlScanner {
  /** A few characters held back between chunks: a '<' not yet followed by enough to classify, or a split entity. */
  private tail = '';
  private pending: PendingTag | PendingMarkup | undefined;
  /** Elements open (a part cut off before its root element closes is damaged). */
  private depth = 0;
  private rooted = false;
  /** Set by subclasses while text content should be collected. */
  protected capturing = false;

  constructor(protected readonly part: string) {}

  /** Local names of the tags whose attributes `open` reads (their text is kept even when long). */
  protected abstract readonly attributeTags: ReadonlySet<string>;
  protected abstract open(name: string, s: string, attrsFrom: number, attrsTo: number, selfClosing: boolean): void;
  protected abstract close(name: string): void;
  protected abstract text(t: string): void;

  /** Feed the next piece of the part's text. */
  push(chunk: string): void {
    let s = chunk;
    let pos = 0;
    if (this.pending) {
      pos = this.pending.kind === 'tag' ? this.resumeTag(this.pending, chunk, 0, 0) : this.resumeMarkup(this.pending, chunk);
      if (pos < 0) return;
    } else if (this.tail) {
      s = this.tail + chunk;
      this.tail = '';
    }
    this.consume(s, pos);
  }

  /** The part ended. */
  finish(): void {
    if (this.pending || this.tail.indexOf('<') >= 0) throw new PartDataError('在一个标记的中间就结束了，内容不完整');
    if (this.capturing && this.tail) this.text(decodeEntities(this.tail));
    this.tail = '';
    if (!this.rooted || this.depth > 0) throw new PartDataError('在中途就结束了，内容不完整');
  }

  /** Consume the tokens of `s` from `pos`; a token cut off at the end becomes pending (or a short tail). */
  private consume(s: string, pos: number): void {
    const n = s.length;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        this.restText(s, pos);
        return;
      }
      if (lt > pos && this.capturing) this.text(decodeEntities(s.slice(pos, lt)));
      if (lt + 1 >= n) {
        this.tail = s.slice(lt);
        return;
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 || c1 === 63) {
        // <!-- -->, <![CDATA[ ]]>, <? ?>; a DOCTYPE or anything else declares what we refuse to expand.
        let open = '<?';
        if (c1 === 33) {
          open = s.startsWith('<!--', lt) ? '<!--' : s.startsWith('<![CDATA[', lt) ? '<![CDATA[' : '';
          if (!open) {
            const head = s.slice(lt, lt + 9);
            if (n - lt < 9 && ('<!--'.startsWith(head) || '<![CDATA['.startsWith(head))) {
              this.tail = head;
              return;
            }
            throw new PartDataError('含有 DTD 或实体声明（<!DOCTYPE>/<!ENTITY>），出于安全考虑不予读取', false);
          }
        }
        const markup: PendingMarkup = { kind: 'markup', end: open === '<!--' ? '-->' : open === '<?' ? '?>' : ']]>', cdata: open === '<![CDATA[', carry: '' };
        this.pending = markup;
        const after = this.resumeMarkup(markup, s.slice(lt + open.length));
        if (after < 0) return;
        pos = lt + open.length + after;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt >= 0) {
        this.tag(s, lt, gt);
        pos = gt + 1;
        continue;
      }
      const closing = c1 === 47;
      const tag: PendingTag = { kind: 'tag', closing, name: '', named: false, parts: [], length: 0, quote: 0, last: 0 };
      this.pending = tag;
      const after = this.resumeTag(tag, s, lt, closing ? lt + 2 : lt + 1);
      if (after < 0) return;
      pos = after;
    }
  }

  /** Text after the last tag of a chunk: handed on when captured, except an entity that may be split. */
  private restText(s: string, pos: number): void {
    if (!this.capturing || pos >= s.length) return;
    const amp = s.lastIndexOf('&');
    const cut = amp >= pos && s.length - amp <= MAX_ENTITY && s.indexOf(';', amp) < 0 ? amp : s.length;
    if (cut > pos) this.text(decodeEntities(s.slice(pos, cut)));
    if (cut < s.length) this.tail = s.slice(cut);
  }

  /**
   * Continue a comment, processing instruction or CDATA section with `c`; returns the index in `c`
   * after its terminator, or -1 when `c` ended first. CDATA text is handed on as it comes.
   */
  private resumeMarkup(p: PendingMarkup, c: string): number {
    const t = p.carry ? p.carry + c : c;
    const e = t.indexOf(p.end);
    if (e < 0) {
      const hold = Math.min(t.length, p.end.length - 1);
      if (p.cdata && this.capturing && t.length > hold) this.text(t.slice(0, t.length - hold));
      p.carry = t.slice(t.length - hold);
      return -1;
    }
    if (p.cdata && this.capturing && e > 0) this.text(t.slice(0, e));
    this.pending = undefined;
    return e + p.end.length - p.carry.length;
  }

  /**
   * Continue a tag with `c` from `from` (its text in `c` starts at `start`); returns the index in `c`
   * after the tag's '>', or -1 when `c` ended first. Quotes are tracked across chunks, so a '>' inside
   * an attribute value never ends the tag.
   */
  private resumeTag(p: PendingTag, c: string, start: number, from: number): number {
    const n = c.length;
    let i = from;
    if (!p.named) {
      while (i < n && !isNameEnd(c.charCodeAt(i))) i++;
      if (p.name.length <= MAX_NAME) p.name += c.slice(from, Math.min(i, from + MAX_NAME + 1));
      if (i < n) {
        p.named = true;
        p.name = p.name.length > MAX_NAME ? '' : localName(p.name);
      }
      if (p.name.length > MAX_NAME || (p.named && !this.attributeTags.has(p.name))) p.parts = undefined;
    }
    let gt = -1;
    if (p.named) {
      let quote = p.quote;
      for (; i < n; i++) {
        const ch = c.charCodeAt(i);
        if (quote !== 0) {
          // Jump to the closing quote: long attribute values are passed over by indexOf.
          const q = c.indexOf(quote === 34 ? '"' : "'", i);
          if (q < 0) {
            i = n;
            break;
          }
          i = q;
          quote = 0;
        } else if (ch === 62) {
          gt = i;
          break;
        } else if (ch === 34 || ch === 39) quote = ch;
      }
      p.quote = quote;
    }
    if (gt < 0) {
      if (n > start) p.last = c.charCodeAt(n - 1);
      if (p.parts) {
        p.parts.push(start === 0 ? c : c.slice(start));
        p.length += n - start;
        if (p.length > MAX_TOKEN) throw new PartDataError(`有一个异常的超长标记（超过 ${MAX_TOKEN / 1024 / 1024} MB）`);
      }
      return -1;
    }
    this.pending = undefined;
    if (p.parts) {
      const text = p.parts.length ? p.parts.join('') + c.slice(start, gt + 1) : c;
      const lt = p.parts.length ? 0 : start;
      this.tag(text, lt, p.parts.length ? text.length - 1 : gt);
    } else {
      const self = !p.closing && (gt > start ? c.charCodeAt(gt - 1) : p.last) === 47;
      this.element(p.name, p.closing, self, '', 0, 0);
    }
    return gt + 1;
  }

  /** One whole tag, s[lt] = '<' to s[gt] = '>'. */
  private tag(s: string, lt: number, gt: number): void {
    const closing = s.charCodeAt(lt + 1) === 47;
    let i = closing ? lt + 2 : lt + 1;
    let start = i;
    while (i < gt && !isNameEnd(s.charCodeAt(i))) {
      if (s.charCodeAt(i) === 58) start = i + 1;
      i++;
    }
    const self = !closing && s.charCodeAt(gt - 1) === 47;
    this.element(s.slice(start, i), closing, self, s, i, self ? gt - 1 : gt);
  }

  private element(name: string, closing: boolean, self: boolean, s: string, from: number, to: number): void {
    if (closing) {
      this.depth--;
      this.close(name);
      return;
    }
    this.rooted = true;
    this.open(name, s, from, to, self);
    if (self) this.close(name);
    else this.depth++;
  }
}

/** Call `fn` with each attribute of a tag (name as written, value entity-decoded). */
export function eachAttr(s: string, i: number, end: number, fn: (name: string, value: string) => void): void {
  while (i < end) {
    let c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end && (c = s.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
    const name = s.slice(nameStart, i);
    while (i < end && s.charCodeAt(i) !== 61) i++;
    i++;
    while (i < end && ((c = s.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
    if (i >= end) return;
    const q = s.charCodeAt(i);
    if (q !== 34 && q !== 39) return;
    const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > end) return;
    fn(name, decodeEntities(s.slice(i + 1, close)));
    i = close + 1;
  }
}

/**
 * The raw text of one cell or string item, kept up to what Excel's limit can need (every character
 * written as an _xHHHH_ escape) and counted beyond it: a 400 MB cell costs no more memory than a full one.
 */
class CappedText {
  text = '';
  /** Characters seen, kept or not. */
  length = 0;

  reset(): void {
    this.text = '';
    this.length = 0;
  }

  add(t: string): void {
    this.length += t.length;
    const room = MAX_RAW_CELL - this.text.length;
    if (room > 0) this.text += t.length <= room ? t : t.slice(0, room);
  }
}

const MAX_RAW_CELL = MAX_CELL_CHARS * 8;

/**
 * A cell's text within Excel's limit: the text itself when it fits, else its first MAX_CELL_CHARS
 * characters (a surrogate pair is not split) and how long it was (the raw count when not all was kept).
 */
export function withinCellLimit(raw: CappedText, decoded: string): { text: string; length?: number } {
  // Raw text beyond the kept part can only make a cell longer still (an escape is 7 characters for 1).
  const whole = raw.length === raw.text.length;
  if (whole && decoded.length <= MAX_CELL_CHARS) return { text: decoded };
  return { text: cutToCellLimit(decoded), length: whole ? decoded.length : raw.length };
}

/** The first MAX_CELL_CHARS characters of a text, a surrogate pair not split. */
export function cutToCellLimit(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let end = MAX_CELL_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** Read the text of `<t>` runs of a string item (<si> or <is>), skipping phonetic runs. */
class RunText extends CappedText {
  private phonetic = 0;
  private inT = false;

  override reset(): void {
    super.reset();
    this.phonetic = 0;
    this.inT = false;
  }

  /** Returns whether text should now be captured. */
  open(name: string, self: boolean): boolean {
    if (name === 'rPh') {
      if (!self) this.phonetic++;
    } else if (name === 't' && this.phonetic === 0 && !self) this.inT = true;
    return this.inT;
  }

  close(name: string): boolean {
    if (name === 'rPh' && this.phonetic > 0) this.phonetic--;
    else if (name === 't') this.inT = false;
    return this.inT;
  }
}

/** The shared string table, streamed: one plain string per <si>, phonetic guides left out. */
export class SharedStringsScanner extends XmlScanner {
  readonly strings: string[] = [];
  /** Items longer than Excel's cell limit, kept cut: index → length as written. */
  readonly long = new Map<number, number>();
  protected readonly attributeTags: ReadonlySet<string> = new Set<string>();
  private inSi = false;
  private readonly run = new RunText();

  constructor(
    part: string,
    private readonly budget: ReadBudget = new ReadBudget(),
  ) {
    super(part);
  }

  protected open(name: string, _s: string, _from: number, _to: number): void {
    if (name === 'si') {
      this.inSi = true;
      this.run.reset();
    } else if (this.inSi) this.capturing = this.run.open(name, false);
  }

  protected close(name: string): void {
    if (name === 'si') {
      if (this.inSi) {
        const { text, length } = withinCellLimit(this.run, stringText(this.run.text));
        const index = this.strings.length;
        this.budget.take(text.length, () => `第 ${index + 1} 项`);
        if (length !== undefined) this.long.set(index, length);
        this.strings.push(text);
      }
      this.inSi = false;
      this.capturing = false;
    } else if (this.inSi) this.capturing = this.run.close(name);
  }

  protected text(t: string): void {
    this.run.add(t);
  }
}

const MS_PER_DAY = 24 * 3600 * 1000;

/** An Excel serial date as a Date (UTC), the way exceljs converts them. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

const REF_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/** Rows of a sheet with their non-empty cell texts, kept flat (few objects for 100 000 rows). */
export interface ScannedRows {
  /** Row numbers, in document order. */
  numbers: number[];
  /** Where each row's cells start in `cols`/`texts`; one extra entry at the end. */
  starts: number[];
  cols: number[];
  texts: string[];
}

/** What a worksheet scan yields. */
export interface SheetScan {
  rows: ScannedRows;
  merges: MergeRange[];
  /** The last row with a <v> or <is> element; 0 when the sheet holds no value at all. */
  lastValueRow: number;
  /** Cells longer than Excel's limit of MAX_CELL_CHARS: read cut to it, to be reported. */
  long: LongCell[];
}

/** A cell whose text was longer than Excel allows (`length` as written). */
export interface LongCell {
  row: number;
  col: number;
  length: number;
}

/**
 * One worksheet part: the cells of <sheetData> as text (shared strings, inline and rich strings,
 * numbers, dates by number format, booleans, errors, cached formula results) and the <mergeCells>.
 */
export class WorksheetScanner extends XmlScanner {
  private readonly rows: ScannedRows = { numbers: [], starts: [0], cols: [], texts: [] };
  private readonly merges: MergeRange[] = [];
  /** Cells longer than Excel's limit, kept cut. */
  private readonly long: LongCell[] = [];
  private lastValueRow = 0;
  private inSheetData = false;
  private inRow = false;
  private rowHasR = false;
  private row = 0;
  private col = 0;
  // The open <c>.
  private inCell = false;
  private type = '';
  private style = 0;
  private hasValue = false;
  private inV = false;
  private readonly v = new CappedText();
  /** The length of the cell being ended when it is over Excel's limit (its text is cut). */
  private cellLong: number | undefined;
  private inIs = false;
  private hadIs = false;
  private readonly run = new RunText();
  private ref = '';
  private readonly onCellAttr = (name: string, value: string): void => {
    if (name === 'r') this.ref = value;
    else if (name === 't') this.type = value;
    else if (name === 's') this.style = Number(value) || 0;
  };
  private readonly onRowAttr = (name: string, value: string): void => {
    if (name === 'r') {
      const r = Number(value);
      if (Number.isInteger(r) && r > 0) {
        this.row = r;
        this.rowHasR = true;
      }
    }
  };
  private readonly onMergeAttr = (name: string, value: string): void => {
    if (name !== 'ref') return;
    const m = REF_RE.exec(value.trim());
    if (!m) return;
    const top = Number(m[2]);
    const left = columnNumber(m[1]!);
    const bottom = m[4] ? Number(m[4]) : top;
    const right = m[3] ? columnNumber(m[3]) : left;
    if (bottom > top || right > left) {
      this.budget.merge(() => `合并区域 ${value.trim().slice(0, 40)}`);
      this.merges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right), text: '' });
    }
  };

  protected readonly attributeTags: ReadonlySet<string> = new Set(['c', 'row', 'mergeCell']);
  private readonly budget: ReadBudget;

  constructor(
    part: string,
    private readonly context: CellContext,
  ) {
    super(part);
    this.budget = context.budget ?? new ReadBudget();
  }

  protected open(name: string, s: string, from: number, to: number, self: boolean): void {
    if (this.inCell) {
      if (name === 'v') {
        this.hasValue = true;
        this.inV = !self;
        this.v.reset();
        this.capturing = this.inV;
      } else if (name === 'is') {
        this.hasValue = true;
        this.hadIs = true;
        this.inIs = !self;
        this.run.reset();
      } else if (this.inIs) this.capturing = this.run.open(name, self);
      return;
    }
    if (name === 'c') {
      if (!this.inRow) return;
      this.ref = '';
      this.type = '';
      this.style = 0;
      eachAttr(s, from, to, this.onCellAttr);
      this.col = this.ref ? this.refColumn(this.ref) : this.col + 1;
      this.inCell = !self;
      this.hasValue = false;
      this.v.reset();
      this.inIs = false;
      this.hadIs = false;
      this.run.reset();
    } else if (name === 'row') {
      if (!this.inSheetData) return;
      if (this.inRow) this.endRow();
      this.rowHasR = false;
      const before = this.row;
      eachAttr(s, from, to, this.onRowAttr);
      if (!this.rowHasR) this.row = before + 1;
      this.col = 0;
      this.inRow = true;
    } else if (name === 'sheetData') {
      this.inSheetData = !self;
    } else if (name === 'mergeCell') {
      eachAttr(s, from, to, this.onMergeAttr);
    }
  }

  protected close(name: string): void {
    if (this.inCell) {
      if (name === 'v') {
        this.inV = false;
        this.capturing = false;
      } else if (name === 'is') {
        this.inIs = false;
        this.capturing = false;
      } else if (name === 'c') {
        this.endCell();
      } else if (this.inIs) this.capturing = this.run.close(name);
      return;
    }
    if (name === 'row') {
      if (this.inRow) this.endRow();
    } else if (name === 'sheetData') {
      if (this.inRow) this.endRow();
      this.inSheetData = false;
    }
  }

  protected text(t: string): void {
    if (this.inV) this.v.add(t);
    else this.run.add(t);
  }

  /** Column of a cell reference; a row without r takes its number from its first referenced cell. */
  private refColumn(ref: string): number {
    let i = 0;
    let col = 0;
    for (; i < ref.length; i++) {
      const c = ref.charCodeAt(i) & ~32;
      if (c < 65 || c > 90) break;
      col = col * 26 + (c - 64);
    }
    if (!this.rowHasR && i < ref.length) {
      const r = Number(ref.slice(i));
      if (Number.isInteger(r) && r > 0) {
        this.row = r;
        this.rowHasR = true;
      }
    }
    return col > 0 ? col : this.col + 1;
  }

  private endCell(): void {
    this.inCell = false;
    this.inV = false;
    this.inIs = false;
    this.capturing = false;
    if (!this.hasValue) return;
    if (this.row > this.lastValueRow) this.lastValueRow = this.row;
    this.cellLong = undefined;
    const text = this.cellText();
    if (text !== '') {
      const shared = this.type === 's';
      // A shared string was counted once, in its table; a reference costs only its slot.
      this.budget.take(shared ? 0 : text.length, () => `${a1(this.row, this.col)} 单元格`);
      this.rows.cols.push(this.col);
      this.rows.texts.push(text);
      if (this.cellLong !== undefined) this.long.push({ row: this.row, col: this.col, length: this.cellLong });
    }
  }

  /** A string within Excel's limit; a longer one is cut and remembered (cellLong). */
  private limited(raw: CappedText): string {
    const { text, length } = withinCellLimit(raw, stringText(raw.text));
    this.cellLong = length;
    return text;
  }

  private cellText(): string {
    const v = this.v.text;
    switch (this.type) {
      case 's': {
        if (v === '') return '';
        const table = this.context.sharedStrings;
        const index = Number(v.trim());
        const cell = a1(this.row, this.col);
        if (!table) {
          throw new PartDataError(
            this.context.sharedStringsMissing
              ? `${cell} 等单元格引用的共享字符串表（xl/sharedStrings.xml）缺失，其中的文字无法读出`
              : `${cell} 单元格引用了共享字符串表（sharedStrings），但工作簿中没有这张表`,
          );
        }
        const text = Number.isInteger(index) ? table[index] : undefined;
        if (text === undefined) {
          const shown = v.trim().length > 20 ? `${v.trim().slice(0, 20)}…` : v.trim();
          throw new PartDataError(`${cell} 单元格引用了共享字符串表中不存在的第 ${shown} 项（表中只有第 0–${table.length - 1} 项）`);
        }
        this.cellLong = this.context.sharedLong?.get(index);
        return text;
      }
      case 'inlineStr':
        return this.limited(this.hadIs ? this.run : this.v);
      case 'str':
        return this.limited(this.v);
      case 'e':
        return this.limited(this.v);
      case 'b': {
        const t = v.trim();
        return t === '' ? '' : Number(t) !== 0 ? 'TRUE' : 'FALSE';
      }
      case 'd': {
        const t = v.trim();
        if (t === '') return '';
        // ISO 8601 without a zone is local time in JavaScript; the cell means the wall-clock value.
        return dateText(new Date(/T/.test(t) && !/(Z|[+-]\d\d:?\d\d)$/.test(t) ? t + 'Z' : t));
      }
      default: {
        if (v === '') return '';
        const n = parseFloat(v);
        return this.context.dateStyles[this.style] ? dateText(excelDate(n, this.context.date1904)) : numberText(n);
      }
    }
  }

  private endRow(): void {
    this.inRow = false;
    if (this.inCell) this.endCell();
    const rows = this.rows;
    const start = rows.starts[rows.starts.length - 1]!;
    if (rows.cols.length > start) {
      rows.numbers.push(this.row);
      rows.starts.push(rows.cols.length);
    }
  }

  /** The sheet ended: rows, merges sorted by top row, the last row with a value. */
  result(): SheetScan {
    this.finish();
    if (this.inRow) this.endRow();
    this.merges.sort((a, b) => a.top - b.top || a.left - b.left);
    return { rows: this.rows, merges: this.merges, lastValueRow: this.lastValueRow, long: this.long };
  }
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ids).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Excel keeps number format codes to 255 characters; a longer one is no format Excel wrote. */
const MAX_FORMAT_CODE = 255;

/** Does a number format code show a date or time? Quoted text, [colour/locale/elapsed] parts and escaped characters do not count. */
export function isDateFormat(code: string): boolean {
  if (code.length > MAX_FORMAT_CODE) return false;
  return /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, ''));
}

/** Attributes of one element by local name (prefix dropped), entity-decoded. */
export type Attributes = ReadonlyMap<string, string>;

/**
 * The elements of a small part that a reader wants (workbook.xml, its relationships, styles.xml), with
 * their attributes and which elements they are inside; the same linear tokenizer as the big parts, so a
 * hostile small part costs no more than its size.
 */
class ElementScanner extends XmlScanner {
  private readonly open_ = new Map<string, number>();

  constructor(
    part: string,
    protected readonly attributeTags: ReadonlySet<string>,
    private readonly fn: (name: string, attrs: Attributes, inside: (name: string) => boolean) => void,
  ) {
    super(part);
  }

  private readonly inside = (name: string): boolean => (this.open_.get(name) ?? 0) > 0;

  protected open(name: string, s: string, from: number, to: number, self: boolean): void {
    if (this.attributeTags.has(name)) {
      const attrs = new Map<string, string>();
      eachAttr(s, from, to, (n, v) => {
        const local = n.slice(n.indexOf(':') + 1);
        if (!attrs.has(local)) attrs.set(local, v);
      });
      this.fn(name, attrs, this.inside);
    }
    if (!self) this.open_.set(name, (this.open_.get(name) ?? 0) + 1);
  }

  protected close(name: string): void {
    const n = this.open_.get(name);
    if (n) this.open_.set(name, n - 1);
  }

  protected text(): void {}
}

/** Call `fn` for each element of `xml` whose local name is in `names` (see ElementScanner). */
export function eachElement(xml: string, part: string, names: readonly string[], fn: (name: string, attrs: Attributes, inside: (name: string) => boolean) => void): void {
  const scanner = new ElementScanner(part, new Set(names), fn);
  scanner.push(xml);
  scanner.finish();
}

/** By cellXfs index, whether the style formats numbers as a date or time (xl/styles.xml, read whole: it is small). */
export function parseDateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  eachElement(stylesXml, 'xl/styles.xml', ['numFmt', 'xf'], (name, a, inside) => {
    // Only <numFmts>: the numFmt elements of differential formats (<dxfs>) are not cell styles.
    if (name === 'numFmt' && inside('numFmts')) {
      const id = Number(a.get('numFmtId'));
      if (Number.isInteger(id) && !custom.has(id)) custom.set(id, a.get('formatCode') ?? '');
    } else if (name === 'xf' && inside('cellXfs')) {
      const id = Number(a.get('numFmtId') ?? 0);
      const code = custom.get(id);
      out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
    }
  });
  return out;
}
