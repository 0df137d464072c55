// The sheets of the source that hold no catalog (model/types.ts OtherSheet), written back as sheets of
// their own after the catalog's: every cell where the source had it, plain, wrapped, hidden if it was.
import type { OtherSheet } from '../../model/types.js';
import type { CellStyle, RowPlan, SheetPlan } from './plan.js';
import { printSetup } from './print.js';
import { textWidth } from '../common.js';

/** The one look of a kept sheet's cells. */
export const OTHER_STYLE: CellStyle = { font: { name: '宋体', size: 11 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } };
const STYLE = 'other';
export const OTHER_STYLES = { [STYLE]: OTHER_STYLE } as const;

/** Characters Excel does not allow in a sheet name, and its length cap. */
const BAD_NAME = /[\\/?*[\]:]/g;
const NAME_MAX = 31;

/** A sheet name Excel takes: no \ / ? * [ ] :, at most 31 characters, not blank, none taken before. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = [...(wanted.replace(BAD_NAME, '_').replace(/^'+|'+$/g, '').trim() || '工作表')].slice(0, NAME_MAX).join('');
  let name = base;
  // Excel compares sheet names without regard to case.
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${[...base].slice(0, NAME_MAX - String(k).length - 2).join('')}(${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/** Plans of the kept sheets, named so as not to meet `taken` (the catalog's own sheet names). */
export function otherSheetPlans(sheets: readonly OtherSheet[] | undefined, taken: Iterable<string>): SheetPlan[] {
  if (!sheets?.length) return [];
  const names = new Set([...taken].map((n) => n.toLowerCase()));
  return sheets.map((sheet) => {
    const rows: (RowPlan | undefined)[] = [];
    const widths: number[] = [];
    for (const c of sheet.cells) {
      const row = (rows[c.row - 1] ??= { values: [], styles: [] }) as { values: string[]; styles: string[] };
      row.values[c.col - 1] = c.text;
      row.styles[c.col - 1] = STYLE;
      const wide = Math.max(...c.text.split('\n').map(textWidth));
      widths[c.col - 1] = Math.min(60, Math.max(widths[c.col - 1] ?? 10, wide + 2));
    }
    for (let i = 0; i < widths.length; i++) widths[i] ??= 10;
    return { name: sheetName(sheet.name, names), ...(sheet.hidden ? { hidden: true } : {}), widths, rows, merges: [], print: printSetup() };
  });
}
