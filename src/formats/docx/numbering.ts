// Word's list numbering (word/numbering.xml): a paragraph with w:numPr shows a number Word computes —
// the 序号 column of many catalogs is numbered so, with the cells themselves empty (read without it,
// every item's 序号 was blank). Each list (w:num) counts its levels in document order: a paragraph at a
// level takes the next number there and restarts the levels below; the label is the level's w:lvlText
// with %1…%9 replaced by the levels' numbers in their formats (decimal, 一二三, ①②③, A B C, i ii iii …).
// Bullets and “none” show no number and give no label.
import { eachElement } from '../ooxml/xml-scanner.js';

interface Level {
  start: number;
  format: string;
  text: string;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PARENTHESISED = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULL_STOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (below 10 000). */
function chineseNumber(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CHINESE_DIGITS[d]) + unit;
  });
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: A … Z, AA … ZZ, AAA ….
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

const fromTable = (table: string, n: number): string => (n >= 1 && n <= table.length ? table[n - 1]! : String(n));

/** A number in a w:numFmt. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
    case 'ideographLegalTraditional':
      return chineseNumber(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10]!;
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return fromTable(CIRCLED, n);
    case 'decimalEnclosedParen':
      return fromTable(PARENTHESISED, n);
    case 'decimalEnclosedFullstop':
      return fromTable(FULL_STOP, n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(n);
  }
}

/** The lists of a document and where each stands: the label of each numbered paragraph in turn. */
export class Numbering {
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    /** w:num → its w:abstractNum and the levels whose start it overrides. */
    private readonly nums: ReadonlyMap<string, { abstract: string; starts: ReadonlyMap<number, number> }>,
    /** w:abstractNum → its levels. */
    private readonly abstracts: ReadonlyMap<string, ReadonlyMap<number, Level>>,
  ) {}

  /** The label Word shows before the next paragraph of list `numId` at level `ilvl`, or undefined (no number). */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level || ilvl < 0 || ilvl > 8) return undefined;
    const start = (k: number): number => num.starts.get(k) ?? levels.get(k)?.start ?? 1;
    let counts = this.counters.get(numId);
    if (!counts) this.counters.set(numId, (counts = []));
    counts[ilvl] = counts[ilvl] === undefined ? start(ilvl) : counts[ilvl]! + 1;
    for (let k = ilvl + 1; k < counts.length; k++) counts[k] = undefined;
    if (level.format === 'bullet' || level.format === 'none') return undefined;
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      if (k > ilvl) return '';
      const n = counts![k] ?? start(k);
      return formatNumber(n, levels.get(k)?.format ?? 'decimal');
    });
  }
}

/** Read word/numbering.xml. */
export function parseNumbering(xml: string, part: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  let abstract: Map<number, Level> | undefined;
  let level: Level | undefined;
  let num: { abstract: string; starts: Map<number, number> } | undefined;
  let override: number | undefined;
  const int = (v: string | undefined, fallback: number): number => {
    const n = Number.parseInt(v ?? '', 10);
    return Number.isFinite(n) ? n : fallback;
  };
  eachElement(xml, part, ['abstractNum', 'lvl', 'start', 'numFmt', 'lvlText', 'num', 'abstractNumId', 'lvlOverride', 'startOverride'], (name, attrs, inside) => {
    switch (name) {
      case 'abstractNum':
        abstract = new Map();
        abstracts.set(attrs.get('abstractNumId') ?? '', abstract);
        return;
      case 'lvl':
        // A level redefined inside a list's w:lvlOverride is not the abstract list's.
        if (inside('lvlOverride') || !abstract) return;
        level = { start: 1, format: 'decimal', text: `%${int(attrs.get('ilvl'), 0) + 1}.` };
        abstract.set(int(attrs.get('ilvl'), 0), level);
        return;
      case 'start':
        if (level && inside('lvl') && !inside('lvlOverride')) level.start = int(attrs.get('val'), 1);
        return;
      case 'numFmt':
        if (level && inside('lvl') && !inside('lvlOverride')) level.format = attrs.get('val') ?? 'decimal';
        return;
      case 'lvlText':
        if (level && inside('lvl') && !inside('lvlOverride')) level.text = attrs.get('val') ?? '';
        return;
      case 'num':
        num = { abstract: '', starts: new Map() };
        nums.set(attrs.get('numId') ?? '', num);
        return;
      case 'abstractNumId':
        if (num && inside('num')) num.abstract = attrs.get('val') ?? '';
        return;
      case 'lvlOverride':
        override = int(attrs.get('ilvl'), 0);
        return;
      case 'startOverride':
        if (num && override !== undefined) num.starts.set(override, int(attrs.get('val'), 1));
        return;
    }
  });
  return new Numbering(nums, abstracts);
}
