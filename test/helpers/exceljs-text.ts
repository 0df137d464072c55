// The plain text of an exceljs cell value, as zwgk's own reader (src/formats/xlsx/cell-text.ts) gives
// the same cell: for the tests that read workbooks back with exceljs, a reader independent of ours.
import type ExcelJS from 'exceljs';
import { dateText, numberText, stringText } from '../../src/formats/xlsx/cell-text.js';

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
