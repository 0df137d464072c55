// A small streaming scanner for the SpreadsheetML parts the reader needs (worksheets, shared strings),
// fed decoded text chunk by chunk. It keeps only an unconsumed tail between chunks (an unfinished tag,
// or text that may end in a split entity), so memory does not grow with the part, and it is linear:
// every character is looked at a bounded number of times. No DOM, no DTD: a part that declares a
// DOCTYPE or entities is refused, and only the five predefined and numeric entities are expanded.
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

/** A problem with the content of a part; `detail` is Chinese text for the not-a-workbook message. */
export class PartDataError extends Error {
  constructor(readonly detail: string) {
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

/** Longest piece of markup (a tag, comment, CDATA section) waited for across chunks; real parts never come close. */
const MAX_TOKEN = 4 * 1024 * 1024;

/**
 * The tokenizer shared by the part scanners (these, and word/document.xml in docx.ts): tags by local
 * name (namespace prefix dropped), and the text of the elements a subclass asks for (`capturing`),
 * entity-decoded.
 */
export abstract class XmlScanner {
  private tail = '';
  /** Set by subclasses while text content should be collected. */
  protected capturing = false;

  constructor(protected readonly part: string) {}

  protected abstract open(name: string, s: string, attrsFrom: number, attrsTo: number, selfClosing: boolean): void;
  protected abstract close(name: string): void;
  protected abstract text(t: string): void;

  /** Feed the next piece of the part's text. */
  push(chunk: string): void {
    const s = this.tail.length ? this.tail + chunk : chunk;
    const stop = this.consume(s);
    this.tail = stop < s.length ? s.slice(stop) : '';
    if (this.tail.length > MAX_TOKEN) throw new PartDataError(`${this.part} 中有一段异常的超长标记，文件可能已损坏`);
  }

  /** The part ended. */
  finish(): void {
    if (this.tail.indexOf('<') >= 0) throw new PartDataError(`${this.part} 的内容不完整（在标记中间结束）`);
    if (this.capturing && this.tail) this.text(decodeEntities(this.tail));
    this.tail = '';
  }

  /** Consume complete tokens of `s`; returns where the unconsumed rest starts. */
  private consume(s: string): number {
    const n = s.length;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (!this.capturing) return n;
        // Text without its end tag yet: hand it on, except a possibly split entity at the end.
        const amp = s.lastIndexOf('&');
        const cut = amp >= pos && s.indexOf(';', amp) < 0 ? amp : n;
        if (cut > pos) this.text(decodeEntities(s.slice(pos, cut)));
        return cut;
      }
      if (lt > pos && this.capturing) this.text(decodeEntities(s.slice(pos, lt)));
      if (lt + 1 >= n) return lt;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33) {
        // <!-- -->, <![CDATA[ ]]>; a DOCTYPE or anything else declares what we refuse to expand.
        if (n - lt < 9) return lt;
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return lt;
          pos = e + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return lt;
          if (this.capturing) this.text(s.slice(lt + 9, e));
          pos = e + 3;
          continue;
        }
        throw new PartDataError(`${this.part} 含有 DTD 或实体声明（<!DOCTYPE>/<!ENTITY>），出于安全考虑不予读取`);
      }
      if (c1 === 63) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return lt;
        pos = e + 2;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) return lt;
      const closing = c1 === 47;
      let i = closing ? lt + 2 : lt + 1;
      let start = i;
      while (i < gt && !isNameEnd(s.charCodeAt(i))) {
        if (s.charCodeAt(i) === 58) start = i + 1;
        i++;
      }
      const name = s.slice(start, i);
      if (closing) this.close(name);
      else {
        const self = s.charCodeAt(gt - 1) === 47;
        this.open(name, s, i, self ? gt - 1 : gt, self);
        if (self) this.close(name);
      }
      pos = gt + 1;
    }
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

/** Read the text of `<t>` runs of a string item (<si> or <is>), skipping phonetic runs. */
class RunText {
  text = '';
  private phonetic = 0;
  private inT = false;

  reset(): void {
    this.text = '';
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
  private inSi = false;
  private readonly run = new RunText();

  protected open(name: string, _s: string, _from: number, _to: number): void {
    if (name === 'si') {
      this.inSi = true;
      this.run.reset();
    } else if (this.inSi) this.capturing = this.run.open(name, false);
  }

  protected close(name: string): void {
    if (name === 'si') {
      if (this.inSi) this.strings.push(stringText(this.run.text));
      this.inSi = false;
      this.capturing = false;
    } else if (this.inSi) this.capturing = this.run.close(name);
  }

  protected text(t: string): void {
    this.run.text += t;
  }
}

const MS_PER_DAY = 24 * 3600 * 1000;

/** An Excel serial date as a Date (UTC), the way exceljs converts them. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

const REF_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/** The column number of A1 column letters (A → 1; lower case accepted). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return n;
}

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
}

/**
 * One worksheet part: the cells of <sheetData> as text (shared strings, inline and rich strings,
 * numbers, dates by number format, booleans, errors, cached formula results) and the <mergeCells>.
 */
export class WorksheetScanner extends XmlScanner {
  private readonly rows: ScannedRows = { numbers: [], starts: [0], cols: [], texts: [] };
  private readonly merges: MergeRange[] = [];
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
  private v = '';
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
      this.merges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right), text: '' });
    }
  };

  constructor(
    part: string,
    private readonly context: CellContext,
  ) {
    super(part);
  }

  protected open(name: string, s: string, from: number, to: number, self: boolean): void {
    if (this.inCell) {
      if (name === 'v') {
        this.hasValue = true;
        this.inV = !self;
        this.v = '';
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
      this.v = '';
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
    if (this.inV) this.v += t;
    else this.run.text += t;
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
    const text = this.cellText();
    if (text !== '') {
      this.rows.cols.push(this.col);
      this.rows.texts.push(text);
    }
  }

  private cellText(): string {
    const v = this.v;
    switch (this.type) {
      case 's': {
        if (v === '') return '';
        const table = this.context.sharedStrings;
        const index = Number(v.trim());
        if (!table) {
          throw new PartDataError(
            this.context.sharedStringsMissing
              ? '共享字符串表（xl/sharedStrings.xml）缺失，单元格中的文字无法读出'
              : '单元格引用了共享字符串表（sharedStrings），但工作簿中没有这张表',
          );
        }
        const text = Number.isInteger(index) ? table[index] : undefined;
        if (text === undefined) throw new PartDataError(`单元格引用了共享字符串表（sharedStrings）中不存在的第 ${v.trim()} 项`);
        return text;
      }
      case 'inlineStr':
        return stringText(this.hadIs ? this.run.text : v);
      case 'str':
        return stringText(v);
      case 'e':
        return v;
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
    return { rows: this.rows, merges: this.merges, lastValueRow: this.lastValueRow };
  }
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ids).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Does a number format code show a date or time? Quoted text, [colour/locale/elapsed] parts and escaped characters do not count. */
export function isDateFormat(code: string): boolean {
  return /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, ''));
}

const TAG_RE = (name: string): RegExp => new RegExp(`<(?:[\\w.-]+:)?${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');

function attrsOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  eachAttr(tag, 0, tag.length, (name, value) => out.set(name.slice(name.indexOf(':') + 1), value));
  return out;
}

/** By cellXfs index, whether the style formats numbers as a date or time (xl/styles.xml, read whole: it is small). */
export function parseDateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  // Only <numFmts>: the numFmt elements of differential formats (<dxfs>) are not cell styles.
  const formats = /<(?:[\w.-]+:)?numFmts\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?numFmts>/.exec(stylesXml)?.[1] ?? '';
  for (const m of formats.matchAll(TAG_RE('numFmt'))) {
    const a = attrsOf(m[1]!.replace(/\/$/, ''));
    const id = Number(a.get('numFmtId'));
    if (Number.isInteger(id)) custom.set(id, a.get('formatCode') ?? '');
  }
  const section = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml);
  const out: boolean[] = [];
  if (!section) return out;
  for (const m of section[1]!.matchAll(TAG_RE('xf'))) {
    const id = Number(attrsOf(m[1]!.replace(/\/$/, '')).get('numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}
