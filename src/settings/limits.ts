// Limits: what one cell, one zip, one page or table, one read, one fix and one input file may hold.
// Each stops hostile input with a message, and none is near what a real catalog needs.

/** Excel's hard limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;

/** How many rows at the top of a sheet are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

/** Zip-bomb guards, checked from the declared sizes in the zip directory before inflating. */
export const ZIP_LIMITS = {
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 32 * 1024 * 1024,
};

/**
 * Limits for tables read from web pages and Word documents: a hostile page (a huge rowspan, nesting
 * thousands deep, tens of megabytes) is refused with a message rather than read for minutes. Real
 * catalog pages are a few megabytes, nest a few layout tables and have a dozen or so columns.
 */
export const TABLE_LIMITS = {
  /** Size of a page (.html/.htm) as saved (a 100 000-item catalog page is about 200 MB). */
  maxPageBytes: 256 * 1024 * 1024,
  /** Elements open inside one another in a page (the parser's stack of open elements). */
  maxDepth: 512,
  /** Tables inside tables (a catalog in a few layout tables needs well under ten). */
  maxNesting: 32,
  /** Tables in one page or document. */
  maxTables: 5000,
  /** Columns of one table (HTML caps colspan at 1000 too). */
  maxColumns: 1000,
  /** Rows of one table; a rowspan never reaches past the table's own rows (100 000 items of 4 rows are 400 000). */
  maxRows: 2_000_000,
  /** Elements, comments and pieces of text in the tree of a page: a page of 100 000 items has about 3.6 million
   * (36 an item); reading one costs 300–700 bytes a node at the peak (bench/scale.mjs). */
  maxNodes: 5_000_000,
  /** One tag (with its attributes) or comment, from its '<' to its '>': parse5 builds these a character
   * at a time, about 40 bytes each, so one of 30 MB would not fit in 1 GB. An image inlined as a data:
   * URL is the longest real one (a screenshot is a few hundred thousand characters). */
  maxMarkupChars: 2_000_000,
};

/**
 * What reading one catalog may hold in memory, checked while it is read (before more is spent): values
 * (non-empty cells, shared strings, YAML scalars), their characters and merged ranges. Set by memory, so
 * that they stop only what no real catalog is (issue 19): a province's roll-up of 100 000 items, every
 * cell its own text (bench/texts.mjs), is 2.5 million values in a workbook (1.5 million cells and 1 million
 * shared strings; 1.5–1.7 million in YAML, a page or a Word table), 51–57 million characters and 800 000
 * merged ranges, and reads in about 0.9 GB as a workbook (under a 1 GB heap, as hostile input must).
 * Memory grows with values more than with characters (each costs about 350 bytes at the peak), so the
 * values limit has the least headroom: 3 million values are 1.2 × that catalog.
 */
export const READ_LIMITS = {
  maxCells: 3_000_000,
  maxChars: 80_000_000,
  /** Merged ranges (a 100 000-item catalog has 800 000). */
  maxMerges: 2_000_000,
};

/** The same for the files a command keeps together (merge, site, diff, gap --against): two catalogs of 100 000 items fit. */
export const SHARED_READ_LIMITS = {
  maxCells: 5_000_000,
  maxChars: 130_000_000,
  maxMerges: 3_000_000,
};

/** `fix` rewrites a sheet part in memory; a part larger than this (a sane one is tens of MB) is left as it was and its fixes listed as not made. */
export const FIX_LIMITS = {
  maxPatchedPartBytes: 128 * 1024 * 1024,
};

/** Input files larger than this are not read at all (a county catalog is a few MB; a 100 000-item YAML about 200 MB). */
export const INPUT_LIMITS = {
  maxFileBytes: 512 * 1024 * 1024,
};
