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
  /** Size of a page (.html/.htm) as saved. */
  maxPageBytes: 32 * 1024 * 1024,
  /** Elements open inside one another in a page (the parser's stack of open elements). */
  maxDepth: 512,
  /** Tables inside tables (a catalog in a few layout tables needs well under ten). */
  maxNesting: 32,
  /** Tables in one page or document. */
  maxTables: 5000,
  /** Columns of one table (HTML caps colspan at 1000 too). */
  maxColumns: 1000,
  /** Rows of one table; a rowspan never reaches past the table's own rows. */
  maxRows: 500_000,
  /** Elements, comments and pieces of text in the tree of a page (a 30 MB page of 16 000 items has 700 000; each costs about 200 bytes). */
  maxNodes: 2_000_000,
  /** One tag (with its attributes) or comment, from its '<' to its '>': parse5 builds these a character
   * at a time, about 40 bytes each, so one of 30 MB would not fit in 1 GB. An image inlined as a data:
   * URL is the longest real one (a screenshot is a few hundred thousand characters). */
  maxMarkupChars: 2_000_000,
};

/**
 * What reading one catalog may hold in memory, checked while it is read (before more is spent): values
 * (non-empty cells, shared strings, YAML scalars), their characters and merged ranges. 25 000 items of a
 * county catalog are about 400 000 values and 8 million characters; at these limits every command stays
 * under 1 GB (bench/results.md).
 */
export const READ_LIMITS = {
  maxCells: 600_000,
  maxChars: 32 * 1024 * 1024,
  /** Merged ranges (a 25 000-item catalog has 200 000). */
  maxMerges: 1_000_000,
};

/** The same for the files a command keeps together (merge, site, diff, gap --against): two catalogs of 25 000 items fit. */
export const SHARED_READ_LIMITS = {
  maxCells: 900_000,
  maxChars: 48 * 1024 * 1024,
  maxMerges: 1_500_000,
};

/** `fix` rewrites a sheet part in memory; a part larger than this (a sane one is tens of MB) is left as it was and its fixes listed as not made. */
export const FIX_LIMITS = {
  maxPatchedPartBytes: 128 * 1024 * 1024,
};

/** Input files larger than this are not read at all (a county catalog is a few MB; a 25 000-item YAML 31 MB). */
export const INPUT_LIMITS = {
  maxFileBytes: 256 * 1024 * 1024,
};
