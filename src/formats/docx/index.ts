// The .docx format: a Word document, read from its tables. zwgk never rewrites it: fix writes the
// corrected catalog as a workbook or YAML. Many systems save a "Word" file that is really a web page;
// such a file is read as the page it is.
import { GRID_CODES } from '../../grid/codes.js';
import { packageKindOf } from '../ooxml/package.js';
import type { FormatSpec } from '../types.js';

export const docx: FormatSpec = {
  id: 'docx',
  extensions: ['.docx'],
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  words: 'Word 文档',
  source: 'tables',
  read: async (bytes, file, options) => (await import('./read.js')).readDocx(bytes, file, options),
  codes: GRID_CODES,
  sniff: (bytes) => packageKindOf(bytes) === 'docx',
  fix: 'rewrite',
  mayBe: ['html'],
  inFolders: true,
};
