// A workbook as plain data, the one shape every workbook zwgk writes (catalog, template, gap report)
// takes before write.ts turns it into an .xlsx: sheets of rows, each cell a value and the *name* of a
// style, merged ranges, sizes, print setup, data validations. The builders decide what the sheet looks
// like; only the writer knows how a spreadsheet library spells it.

/** What a cell holds: text (as the reader would give it back, escaping is the writer's) or a number. */
export type CellValue = string | number;

/** The look of a cell, by name in WorkbookPlan.styles. */
export interface CellStyle {
  font: { name: string; size: number; bold?: boolean };
  alignment?: { horizontal?: 'left' | 'center' | 'right'; vertical?: 'top' | 'middle'; wrapText?: boolean };
  /** A solid fill, ARGB ("FFD9E2F3"). */
  fill?: string;
  /** A thin line on all four sides, in this ARGB colour, or the application's default colour when omitted. */
  border?: { color?: string };
}

/** One row: a value and a style name per column (index 0 is column A). Cells inside a merged range
 * other than its top-left one need neither: they take the top-left cell's style and hold no value. */
export interface RowPlan {
  /** Points; rows get explicit heights, as Excel and WPS do not grow a row for wrapped text on opening. */
  height?: number;
  values: readonly (CellValue | undefined)[];
  /** Style names; the same array may serve many rows. */
  styles: readonly (string | undefined)[];
}

/** A merged range, 1-based and inclusive. */
export interface MergePlan {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Page setup: A4 landscape, one page wide (render/xlsx/print.ts makes it). */
export interface PageSetupPlan {
  paperSize: number;
  orientation: 'landscape' | 'portrait';
  fitToPage: boolean;
  fitToWidth: number;
  /** Pages tall at most; 0 for no limit. */
  fitToHeight: number;
  horizontalCentered: boolean;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** The rows printed again at the top of every page ("3:4"). */
  printTitlesRow?: string;
}

/** A data validation (a prompt, or a drop-down list) on a range of cells. */
export interface ValidationPlan {
  type: 'any' | 'list';
  formulae?: string[];
  allowBlank?: boolean;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: 'stop' | 'warning' | 'information';
  errorTitle?: string;
  error?: string;
}

/** One worksheet. */
export interface SheetPlan {
  name: string;
  hidden?: boolean;
  /** Column widths in characters, column A first. */
  widths: readonly number[];
  /** Row 1 first; an undefined entry is a row left empty. */
  rows: readonly (RowPlan | undefined)[];
  /** Written in this order; ranges never overlap (the builders lay them out so). */
  merges: readonly MergePlan[];
  print: PageSetupPlan;
  /** Page header and footer, in Excel's header codes (&C centre, &A sheet name …). */
  header?: string;
  footer?: string;
  /** The rows above this count stay in view while scrolling. */
  frozenRows?: number;
  /** A filter on a header row ("A1:J1"). */
  autoFilter?: string;
  validations?: readonly { range: string; rule: ValidationPlan }[];
}

/** A workbook: its sheets in order and the styles their cells name. */
export interface WorkbookPlan {
  styles: Readonly<Record<string, CellStyle>>;
  sheets: readonly SheetPlan[];
  /** The sheet shown on opening, set when a hidden sheet could otherwise confuse the application's choice. */
  activeSheet?: number;
}

/** Column letter(s) of a 1-based column number. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
