// One item of a large YAML catalog read without the yaml library's parser, when the item is written the
// plain way zwgk writes it: block mappings and lists, one-line values (plain, or quoted without escapes),
// `序号: 12` as the one kind of number. The library lexes and parses about 10 MB a second; a 50 MB
// catalog of 25 000 items spent 5 of its 8.6 s there (issue 19: YAML ≤ 1.5 × the workbook's validate).
//
// The tree built here is made of the library's own node classes with the ranges, types and sources the
// library gives them, so the catalog builder and the keyboard-slip check cannot tell the difference
// (test/readers/yaml-fast.test.ts compares both trees on every example, fixture and bench item). Anything
// else — a comment, a blank line, a block scalar (|, >), a value over two lines, a flow collection, an
// escape, a tab, a key written twice, a value YAML would read as null, a boolean or another kind of
// number — and the item goes to the library as before: undefined is returned, never a guess.
import { Document, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** One line of the item: where it starts, its indentation, where its content starts and where it ends. */
interface Line {
  start: number;
  /** Column of the first non-space character (the '-' of a list entry). */
  col: number;
  end: number;
}

/** Thrown inside the parser when the item is not of the plain shape (caught in fastItem). */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain();

/** A key: no character that starts anything else in YAML, no space, colon, quote or # inside. */
const KEY = /^[^\s#'"[\]{},:&*!|>%@`?\-~0-9+.][^\s#'":[\]{},]*$/u;
/** A plain value YAML reads as text for certain: it starts with none of YAML's indicators, and holds no
 * ": " or " #", no colon at its end and no tab. */
const PLAIN_VALUE = /^[^\s#'"[\]{},:&*!|>%@`?\-](?:[^\t:#]|:(?=[^ ])|(?<! )#)*$/u;
/** A value that starts like a number, null (~) or .inf: text for certain only with a character no number has. */
const NUMBER_START = /^[0-9+.~]/u;
const NOT_ASCII = /[^\x00-\x7f]/u;
/** Characters the library may treat apart (controls, BOM, non-characters, surrogates, line separators): its business. */
const ODD = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/u;
/** The words YAML 1.2's core schema reads as null or a boolean. */
const NOT_TEXT = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/u;
/** A 序号 or other whole number without a leading zero, read as YAML reads it (an integer, its source kept). */
const INT = /^(?:0|[1-9][0-9]{0,14})$/u;

/**
 * The item's node as the yaml library would build it from `text` (one list entry at its indentation),
 * with a line counter and a document holding it; undefined when the item is not of the plain shape.
 */
export function fastItem(text: string): { doc: Document; lc: LineCounter; node: YAMLMap } | undefined {
  if (text.includes('\t') || text.includes('\r') || text.includes('\\') || ODD.test(text)) return undefined;
  const lines: Line[] = [];
  const lc = new LineCounter();
  for (let start = 0; start <= text.length; ) {
    lc.addNewLine(start);
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let col = start;
    while (col < end && text.charCodeAt(col) === 32) col++;
    // A blank line, trailing spaces: the library's business.
    if (col === end || text.charCodeAt(end - 1) === 32) return undefined;
    lines.push({ start, col: col - start, end });
    start = end + 1;
  }
  try {
    const p = new Parser(text, lines);
    const seq = p.seq(0, lines[0]!.col);
    if (p.next !== lines.length || seq.items.length !== 1 || !(seq.items[0] instanceof YAMLMap)) return undefined;
    const doc = new Document(null);
    doc.contents = seq;
    return { doc, lc, node: seq.items[0] };
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}

/** A recursive reader of block lists and mappings over the item's lines. */
class Parser {
  /** The next line to read. */
  next = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  /** The end of a node that ends on line i: after its line feed, as the library counts it. */
  private nodeEnd(i: number): number {
    return Math.min(this.lines[i]!.end + 1, this.text.length);
  }

  /** A block list whose dashes stand at column `col`, from the next line. */
  seq(i: number, col: number): YAMLSeq {
    const seq = new YAMLSeq();
    const line0 = this.lines[i]!;
    seq.range = [line0.start + col, 0, 0];
    let last = i;
    while (this.next < this.lines.length) {
      const line = this.lines[this.next]!;
      if (line.col < col) break;
      if (line.col > col) throw NOT_PLAIN;
      const dash = line.start + col;
      if (this.text.charCodeAt(dash) !== 45 || this.text.charCodeAt(dash + 1) !== 32) {
        // A key at the list's own column ends it inside a mapping (`依据:\n- a\n名称: b`): not our shape.
        throw NOT_PLAIN;
      }
      let at = dash + 1;
      while (at < line.end && this.text.charCodeAt(at) === 32) at++;
      const contentCol = at - line.start;
      const colon = this.keyColon(at, line.end);
      if (colon >= 0) {
        seq.items.push(this.map(this.next, contentCol));
      } else {
        seq.items.push(this.scalar(at, line.end, this.next));
        this.next++;
      }
      last = this.next - 1;
    }
    const end = this.nodeEnd(last);
    seq.range = [seq.range[0], end, end];
    return seq;
  }

  /** A block mapping whose keys stand at column `col`; its first key is on line i (after a dash, perhaps). */
  map(i: number, col: number): YAMLMap {
    const map = new YAMLMap();
    const keys = new Set<string>();
    let first = true;
    let last = i;
    while (this.next < this.lines.length) {
      const line = this.lines[this.next]!;
      const from = line.start + col;
      if (!first) {
        if (line.col < col) break;
        if (line.col > col) throw NOT_PLAIN;
      }
      const colon = this.keyColon(from, line.end);
      if (colon < 0) throw NOT_PLAIN;
      const name = this.text.slice(from, colon);
      if (keys.has(name)) throw NOT_PLAIN;
      keys.add(name);
      const key = new Scalar(name);
      key.range = [from, colon, colon];
      key.source = name;
      key.type = 'PLAIN';
      if (first) map.range = [from, 0, 0];
      first = false;
      let value: Node;
      if (colon + 1 === line.end) {
        // `key:` and the value below it, indented further: a list or a mapping.
        this.next++;
        const below = this.lines[this.next];
        if (!below || below.col <= col) throw NOT_PLAIN;
        const dash = below.start + below.col;
        value = this.text.charCodeAt(dash) === 45 && this.text.charCodeAt(dash + 1) === 32 ? this.seq(this.next, below.col) : this.map(this.next, below.col);
      } else {
        let at = colon + 1;
        while (at < line.end && this.text.charCodeAt(at) === 32) at++;
        value = this.scalar(at, line.end, this.next);
        this.next++;
      }
      map.items.push(new Pair(key, value));
      last = this.next - 1;
    }
    const end = this.nodeEnd(last);
    map.range = [map.range![0], end, end];
    return map;
  }

  /** Where the colon of `key: …` or `key:` is in [from, end), or -1 when the text there is not such a key. */
  private keyColon(from: number, end: number): number {
    const colon = this.text.indexOf(':', from);
    if (colon < 0 || colon >= end) return -1;
    if (colon + 1 < end && this.text.charCodeAt(colon + 1) !== 32) return -1;
    return KEY.test(this.text.slice(from, colon)) ? colon : -1;
  }

  /** A one-line value from `at` to the end of line i (`end`): a scalar, or a flow list as zwgk writes one. */
  private scalar(at: number, end: number, i: number): Scalar | YAMLSeq {
    const raw = this.text.slice(at, end);
    const c = raw.charCodeAt(0);
    if (c === 91) return this.flowSeq(raw, at, end, i);
    let s: Scalar;
    if (c === 34 || c === 39) {
      const q = raw[0]!;
      if (raw.length < 2 || raw[raw.length - 1] !== q || raw.indexOf(q, 1) !== raw.length - 1) throw NOT_PLAIN;
      const value = raw.slice(1, -1);
      s = new Scalar(value);
      s.source = value;
      s.type = c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    } else if (INT.test(raw)) {
      s = new Scalar(Number(raw));
      s.source = raw;
      s.type = 'PLAIN';
    } else {
      if (!PLAIN_VALUE.test(raw) || NOT_TEXT.test(raw) || (NUMBER_START.test(raw) && !NOT_ASCII.test(raw))) throw NOT_PLAIN;
      s = new Scalar(raw);
      s.source = raw;
      s.type = 'PLAIN';
    }
    s.range = [at, end, this.nodeEnd(i)];
    return s;
  }

  /** `[甲, 乙]` (the 2019 ticks and channels as zwgk writes them): plain names joined by ", ", no other spacing. */
  private flowSeq(raw: string, at: number, end: number, i: number): YAMLSeq {
    if (raw.charCodeAt(raw.length - 1) !== 93) throw NOT_PLAIN;
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.range = [at, end, this.nodeEnd(i)];
    const inner = raw.slice(1, -1);
    if (inner === '') return seq;
    let from = at + 1;
    for (const name of inner.split(', ')) {
      if (!FLOW_ITEM.test(name) || NOT_TEXT.test(name) || (NUMBER_START.test(name) && !NOT_ASCII.test(name))) throw NOT_PLAIN;
      const item = new Scalar(name);
      item.source = name;
      item.type = 'PLAIN';
      item.range = [from, from + name.length, from + name.length];
      seq.items.push(item);
      from += name.length + 2;
    }
    return seq;
  }
}

/** A name in a flow list: plain, no flow indicator, quote, colon or # in it, no space at its ends. */
const FLOW_ITEM = /^[^\s#'"[\]{},:&*!|>%@`?\-](?:[^\t:#,[\]{}'"]*[^\s:#,[\]{}'"])?$/u;
