// The .html format: a web page (a portal's 政务公开 column, or a sheet saved as a web page), read from its
// tables (a workbook or Word document named .html is read as the workbook or document). zwgk never rewrites a page: fix writes the corrected catalog as a workbook or YAML. A folder
// given as an argument is not searched for pages (it usually holds the pages published from its catalogs).
import { GRID_CODES } from '../../grid/codes.js';
import { looksLikeHtml } from '../sniff.js';
import type { FormatSpec } from '../types.js';

export const html: FormatSpec = {
  id: 'html',
  extensions: ['.html', '.htm'],
  mime: 'text/html',
  words: '网页',
  source: 'tables',
  read: async (bytes, file, options) => (await import('./read.js')).readHtml(bytes, file, options),
  // A page decoded with a few stray bytes is read, and says where they are.
  codes: [...GRID_CODES, 'page-encoding'],
  fix: 'rewrite',
  sniff: looksLikeHtml,
  // A workbook or Word document saved under a page's name is read as what it is.
  mayBe: ['xlsx', 'docx'],
  inFolders: false,
};
