// exceljs's streaming writer as Node loads it: its own module and the enums, not the package root, which
// loads exceljs's readers too (0.2 s of every small render to .xlsx). A browser bundle of the library gets
// exceljs-writer.browser.ts instead (package.json "browser"): exceljs's own browser build, whole.
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import Enums from 'exceljs/lib/doc/enums.js';

export { WorkbookWriter };
/** exceljs's value type of a text cell (its style ids are asked for by type). */
export const STRING_TYPE = Enums.ValueType.String;
