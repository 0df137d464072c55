// exceljs's streaming writer for a browser bundle of the library (package.json "browser" puts this module in
// place of exceljs-writer.ts): the package root, which bundlers resolve to exceljs's own browser build.
import ExcelJS from 'exceljs';

export const WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
/** exceljs's value type of a text cell (its style ids are asked for by type). */
export const STRING_TYPE = ExcelJS.ValueType.String;
