// What a format is to the rest of zwgk: a descriptor (FormatSpec) in the registry (formats/index.ts), and
// a reader from bytes to a catalog. Kept apart from the registry so that readers, which the registry
// loads, never import it back.
import type { Doc } from '../model/list.js';
import type { Layout } from '../layouts/types.js';
import type { Profile } from '../settings/columns.js';
import type { ReadBudget } from '../grid/limits.js';
import type { Code } from '../findings/codes.js';

export interface ReadOptions {
  /** auto (default) detects the layout from the header or the YAML 版式 key. */
  profile?: Profile | 'auto';
  /** The caller's own list layouts (a unit's --layout files), besides the built-in ones. */
  layouts?: readonly Layout[];
  /** The list layout to read with (its id or name): the file is read with it or refused. */
  layout?: string;
  /** Read only this sheet (xlsx). */
  sheet?: string;
  /** Progress callback for long reads: items so far and, where known, the part of the file read (0–1).
   * The CLI shows it on a terminal only; the app as its progress bar. */
  onProgress?: (items: number, fraction?: number) => void;
  /** What the values read may take, shared by the files of one run that are all kept (merge, site); a
   * file read alone gets its own (READ_LIMITS). */
  budget?: ReadBudget;
}

/** Read one catalog from a file's bytes; `file` names it in messages and locations and is never opened. */
export type Reader = (bytes: Uint8Array, file: string, options: ReadOptions) => Doc | Promise<Doc>;

/** A format read after a desktop office suite has converted it (the CLI uses LibreOffice): into what,
 * and how a clerk without LibreOffice saves it as that. */
export interface Conversion {
  to: '.xlsx' | '.docx';
  app: string;
  saveAs: string;
}

/** One input format: what zwgk knows about its files, in one place. */
export interface FormatSpec {
  /** Short name: xlsx, yaml, html, docx; sheet and word for what LibreOffice converts. */
  id: string;
  /** File extensions, lower case with their dot, the usual one first. */
  extensions: readonly string[];
  /** The media type of its files, where one is registered. */
  mime?: string;
  /** The kind of file in words, for messages: Excel 工作簿, 网页, Word 文档 … */
  words: string;
  /** What the catalog is read from: a workbook's sheets, the tables of a page or document, YAML text. */
  source: 'sheets' | 'tables' | 'text';
  /** Read a file of this format (the module is loaded on first use); absent when the file is read only
   * after conversion. */
  read?: Reader;
  /** The non-fatal codes its reader may report (the grid stage's included for formats read as grids). */
  codes?: readonly Code[];
  /** How `fix` writes the corrected catalog: a copy of the file with the cells edited ('in-place'), or the
   * catalog written anew as a workbook or YAML ('rewrite': zwgk never rewrites a page or a Word document). */
  fix: 'in-place' | 'rewrite';
  /** The format is read after conversion: into what, and how a clerk does it by hand. */
  conversion?: Conversion;
  /** Whether bytes are this format whatever their name says (detectFormat asks it for `mayBe`). */
  sniff?: (bytes: Uint8Array) => boolean;
  /** Formats a file of this one's name may really be (a “Word” .doc that is a web page), by id. */
  mayBe?: readonly string[];
  /** Searched for in a folder given as an argument (web pages are not: a folder of catalogs usually holds
   * the pages zwgk published from them too; name a page to read it). */
  inFolders: boolean;
}
