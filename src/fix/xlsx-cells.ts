// The SpreadsheetML that fix's xlsx container needs, on one decoded sheet part: locate the <c> elements of
// given cells, read a cell's current text (shared or inline string; rich text with its runs), and write a
// cell back as an inline string. Only the fixed cells are touched, so this reads far less than the reader
// (formats/xlsx/worksheet.ts) does; texts come out exactly as the reader gives them (stringText).
import { columnNumber } from '../findings/location.js';
import { decodeEntities, isNameEnd, tagEnd } from '../formats/ooxml/xml-scanner.js';
import { stringText } from '../formats/xlsx/cell-text.js';
import { xlsxText } from '../render/xlsx-text.js';

/** A located <c> element of a sheet part. */
export interface CellEl {
  ref: string;
  start: number;
  end: number;
  /** Raw (undecoded) r and s attribute values, written back as they were. */
  rRaw: string;
  sRaw: string | undefined;
  t: string;
  inner: string;
}

/** A rich-text string item: its inner XML, the namespace prefix it is written with, and its runs' texts. */
export interface Rich {
  inner: string;
  prefix: string;
  runs: { text: string; tStart: number; tEnd: number }[];
}

/** A cell's current text as fix sees it (plain, or rich with its runs); undefined for anything else (number, formula …). */
export type Current = { text: string; rich?: Rich } | undefined;

const ATTR_RE = new Map<string, RegExp>();

/** An attribute's raw (undecoded) value in a start tag's attribute text. */
function rawAttr(attrs: string, name: string): string | undefined {
  // Compiled once per name: this runs for every cell of a patched sheet (millions in a county catalog).
  let re = ATTR_RE.get(name);
  if (!re) ATTR_RE.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2] ?? '') : undefined;
}

/** The namespace prefix (with its colon) the root element is written with, or ''. */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<(?:([\\w.-]+):)?${root}[\\s>/]`).exec(xml);
  return m?.[1] ? `${m[1]}:` : '';
}

const REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Row and column of any spelling of a cell reference ($E$8, e8); `ref` is the canonical one. */
export function parseRef(ref: string): { row: number; col: number; ref: string } | undefined {
  const m = REF.exec(ref.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1]!), ref: `${m[1]!.toUpperCase()}${Number(m[2])}` };
}

/** Text as element content: OOXML's _xHHHH_ escape for itself and for characters XML forbids (xlsx-text.ts), then XML-escaped. */
function escapeText(s: string): string {
  return xlsxText(s).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Plain text of a string item's inner XML (<si> or <is>): its <t> runs, phonetic guides left out. */
function itemText(inner: string, p: string): { text: string; rich: boolean } {
  const body = inner.indexOf('rPh') >= 0 ? inner.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '') : inner;
  let text = '';
  for (const m of body.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g'))) text += decodeEntities(m[1]!);
  return { text: stringText(text), rich: new RegExp(`<${p}r[\\s>]`).test(body) };
}

/** The shared string table, its items located lazily in one pass. */
export class SharedStrings {
  private starts: number[] | undefined;
  private ends: number[] = [];
  readonly prefix: string;

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, 'sst');
  }

  private index(): void {
    const starts: number[] = [];
    const open = `<${this.prefix}si`;
    const close = `</${this.prefix}si>`;
    let i = this.xml.indexOf(open);
    while (i >= 0) {
      if (!isNameEnd(this.xml.charCodeAt(i + open.length))) {
        i = this.xml.indexOf(open, i + 1);
        continue;
      }
      const gt = tagEnd(this.xml, i + open.length);
      if (gt < 0) break;
      if (this.xml.charCodeAt(gt - 1) === 47) {
        starts.push(gt + 1);
        this.ends.push(gt + 1);
        i = this.xml.indexOf(open, gt);
        continue;
      }
      const e = this.xml.indexOf(close, gt);
      if (e < 0) break;
      starts.push(gt + 1);
      this.ends.push(e);
      i = this.xml.indexOf(open, e);
    }
    this.starts = starts;
  }

  /** Inner XML of item `i`, or undefined. */
  item(i: number): string | undefined {
    if (!this.starts) this.index();
    const s = this.starts![i];
    return s === undefined ? undefined : this.xml.slice(s, this.ends[i]);
  }
}

/** Row and column of a cell reference; `ref` is the canonical spelling (E8). Fast path for the usual E8 form. */
function cellRef(r: string): { row: number; col: number; ref: string } | undefined {
  let col = 0;
  let i = 0;
  for (; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === r.length || r.charCodeAt(i) === 48) return parseRef(r);
  let row = 0;
  for (let j = i; j < r.length; j++) {
    const c = r.charCodeAt(j);
    if (c < 48 || c > 57) return parseRef(r);
    row = row * 10 + (c - 48);
  }
  return { row, col, ref: r };
}

/**
 * Locate the <c> elements of the given cells (canonical refs) inside <sheetData>; `noRef` when some cell has
 * no r attribute (then no cell can be told by its reference).
 */
export function scanSheet(xml: string, p: string, refs: ReadonlySet<string>): { cells: Map<string, CellEl>; noRef: boolean } {
  const cells = new Map<string, CellEl>();
  const sdOpen = xml.indexOf(`<${p}sheetData`);
  if (sdOpen < 0) return { cells, noRef: false };
  let sdEnd = xml.indexOf(`</${p}sheetData>`, sdOpen);
  if (sdEnd < 0) sdEnd = sdOpen;
  const open = `<${p}c`;
  const close = `</${p}c>`;
  let i = xml.indexOf(open, sdOpen);
  while (i >= 0 && i < sdEnd) {
    if (!isNameEnd(xml.charCodeAt(i + open.length))) {
      i = xml.indexOf(open, i + 1);
      continue;
    }
    const gt = tagEnd(xml, i + open.length);
    if (gt < 0) break;
    const self = xml.charCodeAt(gt - 1) === 47;
    const attrs = xml.slice(i + open.length, self ? gt - 1 : gt);
    let end = gt + 1;
    if (!self) {
      const e = xml.indexOf(close, gt);
      if (e < 0) break;
      end = e + close.length;
    }
    const r = rawAttr(attrs, 'r');
    const at = r === undefined ? undefined : cellRef(r.indexOf('&') < 0 ? r : decodeEntities(r));
    if (!at) return { cells, noRef: true };
    if (refs.has(at.ref)) {
      cells.set(at.ref, { ref: at.ref, start: i, end, rRaw: r!, sRaw: rawAttr(attrs, 's'), t: decodeEntities(rawAttr(attrs, 't') ?? ''), inner: self ? '' : xml.slice(gt + 1, end - close.length) });
    }
    i = xml.indexOf(open, end);
  }
  return { cells, noRef: false };
}

/** The runs of a rich string item, when their texts make up the whole text (else it is treated as plain). */
function richRuns(inner: string, prefix: string, text: string): Rich | undefined {
  const runs: Rich['runs'] = [];
  const tRe = new RegExp(`<${prefix}t(?:\\s[^>]*)?>([\\s\\S]*?)</${prefix}t>`);
  for (const m of inner.matchAll(new RegExp(`<${prefix}r(?:\\s[^>]*)?>([\\s\\S]*?)</${prefix}r>`, 'g'))) {
    const t = tRe.exec(m[0]);
    if (!t) continue;
    const tStart = m.index! + t.index;
    runs.push({ text: stringText(decodeEntities(t[1]!)), tStart, tEnd: tStart + t[0].length });
  }
  return runs.map((r) => r.text).join('') === text ? { inner, prefix, runs } : undefined;
}

/** A cell's current text: a shared or inline string; a formula, number or anything else is not text. */
export function currentValue(c: CellEl, p: string, sst: () => SharedStrings | undefined): Current {
  // A formula's text is its cached result: rewriting it would drop the formula.
  if (new RegExp(`<${p}f[\\s/>]`).test(c.inner)) return undefined;
  let inner: string | undefined;
  let prefix = p;
  if (c.t === 's') {
    const v = new RegExp(`<${p}v>\\s*(\\d+)\\s*</${p}v>`).exec(c.inner);
    const table = sst();
    inner = v && table ? table.item(Number(v[1])) : undefined;
    if (inner === undefined) return undefined;
    prefix = table!.prefix;
  } else if (c.t === 'inlineStr') {
    const m = new RegExp(`<${p}is(?:\\s[^>]*)?>([\\s\\S]*?)</${p}is>`).exec(c.inner);
    if (!m) return { text: '' };
    inner = m[1]!;
  } else return undefined;
  const { text, rich } = itemText(inner, prefix);
  const runs = rich ? richRuns(inner, prefix, text) : undefined;
  return runs ? { text, rich: runs } : { text };
}

/**
 * A rich item's inner XML with new run texts (the other runs' markup verbatim), or undefined when it cannot
 * be kept inside this sheet (runs written with another namespace prefix than the sheet's would not be
 * well-formed there).
 */
export function richInner(rich: Rich, sheetPrefix: string, texts: readonly string[]): string | undefined {
  if (rich.prefix !== sheetPrefix) return undefined;
  const p = rich.prefix;
  let out = '';
  let last = 0;
  rich.runs.forEach((r, k) => {
    if (texts[k] === r.text) return;
    out += rich.inner.slice(last, r.tStart) + `<${p}t xml:space="preserve">${escapeText(texts[k]!)}</${p}t>`;
    last = r.tEnd;
  });
  return out + rich.inner.slice(last);
}

/** A cell as an inline string with the same r and s attributes. */
export function inlineCell(c: CellEl, p: string, isInner: string): string {
  const s = c.sRaw !== undefined ? ` s="${c.sRaw}"` : '';
  return `<${p}c r="${c.rRaw}"${s} t="inlineStr"><${p}is>${isInner}</${p}is></${p}c>`;
}

/** Inline string content of plain text. */
export function plainIs(p: string, text: string): string {
  return `<${p}t xml:space="preserve">${escapeText(text)}</${p}t>`;
}

