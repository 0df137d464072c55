// The .xlsx format: an Excel (or WPS) workbook, read from its sheets and fixed in place (the cells
// patched in the zip, every other part copied byte for byte).
import { GRID_CODES } from '../../grid/codes.js';
import { packageKindOf } from '../ooxml/package.js';
import type { FormatSpec } from '../types.js';

export const xlsx: FormatSpec = {
  id: 'xlsx',
  extensions: ['.xlsx', '.xlsm'],
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  words: 'Excel 工作簿',
  source: 'sheets',
  read: async (bytes, file, options) => (await import('./read.js')).readXlsx(bytes, file, options),
  // A cell over Excel's limit is cut by the sheet scanner itself; the rest is the grid's.
  codes: [...GRID_CODES, 'cell-truncated'],
  sniff: (bytes) => packageKindOf(bytes) === 'xlsx',
  fix: 'in-place',
  inFolders: true,
};
