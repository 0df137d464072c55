// Cell values as text, as the reader gives them to the grid: numbers as people typed them, dates by
// their number format, strings with Excel's _xHHHH_ escapes undone and in-cell line breaks as "\n", each
// kept within Excel's limit of MAX_CELL_CHARS. (test/helpers/exceljs-text.ts does the same for the values
// exceljs reads, for the tests that read workbooks back independently of this reader.)
import { MAX_CELL_CHARS } from '../../settings/limits.js';

/** Numbers as people typed them: integers without ".0", no binary float noise (0.1+0.2 → 0.3). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** YYYY-MM-DD (with HH:MM[:SS] when the value has a time of day); exceljs dates are UTC. */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  return `${date} ${pad(h)}:${pad(m)}${s ? ':' + pad(s) : ''}`;
}

/** OOXML escapes characters as _xHHHH_ (Excel writes \r as _x000D_); _x005F_ escapes the underscore. */
function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Cell strings keep in-cell line breaks as "\n"; everything else verbatim. */
export function stringText(s: string): string {
  const t = unescapeOoxml(s);
  return t.indexOf('\r') < 0 ? t : t.replace(/\r\n?/g, '\n');
}

const MS_PER_DAY = 24 * 3600 * 1000;

/** An Excel serial date as a Date (UTC), the way exceljs converts them. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

/**
 * The raw text of one cell or string item, kept up to what Excel's limit can need (every character
 * written as an _xHHHH_ escape) and counted beyond it: a 400 MB cell costs no more memory than a full one.
 */
export class CappedText {
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
export class RunText extends CappedText {
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

