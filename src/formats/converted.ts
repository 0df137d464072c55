// Formats zwgk reads only after a desktop office suite has converted them: old and other spreadsheets
// (.xls, WPS's .et, OpenDocument's .ods) become .xlsx in LibreOffice Calc, old Word and WPS
// documents (.doc, .wps) become .docx in Writer (the CLI does it, node/soffice.ts). The app cannot: it
// says how to save the file as .xlsx or .docx by hand. A "Word" file or a "sheet" that is really a web
// page (what many systems export as .doc or .xls, or a page saved under such a name) needs no conversion:
// it is read as the page (Calc would not even open a page named .ods or .et).
import type { FormatSpec } from './types.js';

/** .xls, .et, .ods: converted to .xlsx (.csv is read as text, formats/csv/). */
export const otherSheets: FormatSpec = {
  id: 'sheet',
  extensions: ['.xls', '.et', '.ods'],
  words: '表格',
  source: 'sheets',
  fix: 'rewrite',
  conversion: { to: '.xlsx', app: 'Excel 或 WPS', saveAs: 'Excel 工作簿(*.xlsx)' },
  mayBe: ['html'],
  inFolders: true,
};

/** .doc, .wps: converted to .docx. */
export const oldWord: FormatSpec = {
  id: 'word',
  extensions: ['.doc', '.wps'],
  mime: 'application/msword',
  words: 'Word 文档',
  source: 'tables',
  fix: 'rewrite',
  conversion: { to: '.docx', app: 'Word 或 WPS', saveAs: 'Word 文档(*.docx)' },
  mayBe: ['html'],
  inFolders: true,
};
