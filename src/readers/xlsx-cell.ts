// Cell values as text, and A1 addresses. numberText, dateText and stringText are how the reader's
// scanner (xlsx-scan.ts) renders values; cellText does the same for an exceljs cell value, for code
// and tests that read rendered workbooks back with exceljs.
import type ExcelJS from 'exceljs';

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

/** Plain text of any exceljs cell value: strings, numbers, dates, booleans, rich text, formulas (cached result), hyperlinks, errors. */
export function cellText(value: ExcelJS.CellValue | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return stringText(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return stringText((v.richText as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join(''));
    }
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? cellText(v.result) : '';
    if ('result' in v) return cellText(v.result);
    if (typeof v.error === 'string') return v.error;
    if ('hyperlink' in v || 'text' in v) return cellText(v.text);
  }
  return '';
}
