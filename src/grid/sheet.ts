// One grid of a source (a worksheet, a table of a page or Word document) as the assemblers see it.
import type { SourceRef } from '../findings/location.js';
import type { Finding } from '../findings/finding.js';
import type { SheetResult } from './read/index.js';

/** One grid of a source, read or not. */
export interface GridSheet {
  name: string;
  hidden: boolean;
  /** What readGrid gave; undefined for a sheet that is not a grid (a chart sheet) or was not read. */
  result?: SheetResult;
  /** The sheet holds something (values, or a chart): leaving it out must be reported. */
  hasContent: boolean;
  /** Where the grid is as a whole (a table: {file, table}); a sheet is named by `name`. */
  at?: SourceRef;
  /** A table's first text, quoted when it is left out (a metadata or layout table). */
  sample?: string;
  /** What the source reader found in the grid's cells themselves (a cell cut to Excel's limit), reported whether or not the grid is read. */
  findings?: Finding[];
}

/** The grids are tables of a page or Word document (`what`: 网页, Word 文档), not worksheets. */
export interface TableSource {
  what: string;
}
