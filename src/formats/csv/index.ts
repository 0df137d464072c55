// The .csv format: a sheet saved as comma-separated text (Excel's and WPS's “CSV (逗号分隔)”), read as
// written — every value text, nothing evaluated or retyped — as one worksheet. fix writes the corrected
// catalog as a workbook or YAML: a CSV keeps no merges or layout to patch.
import { GRID_CODES } from '../../grid/codes.js';
import type { FormatSpec } from '../types.js';

export const csv: FormatSpec = {
  id: 'csv',
  extensions: ['.csv'],
  mime: 'text/csv',
  words: 'CSV 文件',
  source: 'sheets',
  read: async (bytes, file, options) => (await import('./read.js')).readCsv(bytes, file, options),
  codes: [...GRID_CODES, 'cell-truncated', 'csv-formula', 'csv-quote-unclosed'],
  fix: 'rewrite',
  inFolders: true,
};
