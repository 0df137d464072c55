// The codes the shared grid → items stage reports (grid/read, assemble.ts, tables.ts), for every format
// read as grids — workbooks, pages and Word documents. Declared once, so that the code table can be held
// against what the readers may say (test/rules/meta.test.ts), as each rule declares its own.
import type { Code } from '../findings/codes.js';

/** Every non-fatal code a grid read may report. */
export const GRID_CODES = [
  'layout-uncertain',
  'column-absent',
  'tick-invalid',
  'missing-column',
  'blank-header-column',
  'unknown-column',
  'hidden-sheet-ignored',
  'sheet-ignored',
  'table-ignored',
  'sheet-other-layout-skipped',
  'sheet-heading-differs',
  'table-heading-differs',
  'same-as-above',
  'cell-truncated',
  'merge-invalid',
  'text-above-header',
  'cell-unread',
  'item-below-note',
  'row-below-note',
  'section-row',
  'section-category',
  'row-value-joined',
  'odd-char',
  'continuation-row',
  'hidden-content',
  'content-unread',
  'tick-value-unknown',
  'channel-unmarked',
  'channel-unknown',
  'header-fused',
  'merged-values',
  // Pages and Word documents: what a reader of the page or document would not see, or zwgk cannot read.
  'hidden-content',
  'content-unread',
] as const satisfies readonly Code[];
