// Reading a catalog from its bytes: one reader per input format, chosen from a table keyed by extension.
// Platform-neutral: the bytes come from the CLI's file system layer (src/io/read.ts) or the app's file
// picker; `file` is the name used in messages and locations, never opened here.
import type { Catalog, Profile } from '../model/types.js';
import { ZwgkError } from '../report/finding.js';
import type { ReadBudget } from './limits.js';

export interface ReadOptions {
  /** auto (default) detects the layout from the header or the YAML 版式 key. */
  profile?: Profile | 'auto';
  /** Read only this sheet (xlsx). */
  sheet?: string;
  /** Progress callback for long reads: items so far and, where known, the part of the file read (0–1).
   * The CLI shows it on a terminal only; the app as its progress bar. */
  onProgress?: (items: number, fraction?: number) => void;
  /** What the values read may take, shared by the files of one run that are all kept (merge, site); a
   * file read alone gets its own (READ_LIMITS). */
  budget?: ReadBudget;
}

export type Reader = (bytes: Uint8Array, file: string, options: ReadOptions) => Catalog | Promise<Catalog>;

// Each reader is loaded when a file of its kind is read: reading a workbook need not load the YAML
// parser, and the other way round.
const yaml: Reader = async (bytes, file, options) => (await import('./yaml.js')).readYaml(bytes, file, options);
const xlsx: Reader = async (bytes, file, options) => (await import('./xlsx.js')).readXlsx(bytes, file, options);

export const READERS: Readonly<Record<string, Reader>> = {
  '.yaml': yaml,
  '.yml': yaml,
  '.xlsx': xlsx,
  '.xlsm': xlsx,
};

/** Formats read after a desktop office suite has converted them to .xlsx (the CLI uses LibreOffice). */
export const CONVERTED_EXTENSIONS: readonly string[] = ['.xls', '.et', '.ods', '.csv'];

/** Extensions a catalog can be read from, for help texts and messages. */
export const READABLE_EXTENSIONS = [...Object.keys(READERS), ...CONVERTED_EXTENSIONS];

/** The lower-case extension of a file name, with its dot ('' when there is none). */
export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Read one catalog from its bytes; throws ZwgkError (exit 2) when it cannot be read. `as` reads the bytes
 * as another type than the name says (a converted .xls is read as .xlsx under its own name).
 */
export async function readCatalogBytes(bytes: Uint8Array, file: string, options: ReadOptions & { as?: string } = {}): Promise<Catalog> {
  const ext = options.as ?? extensionOf(file);
  const reader = READERS[ext];
  if (!reader) {
    if (CONVERTED_EXTENSIONS.includes(ext)) throw new ZwgkError('needs-soffice', { file }, { file, ext });
    throw new ZwgkError('unsupported-format', { file }, { file, ext: ext || '（无扩展名）' });
  }
  if (bytes.length === 0) throw new ZwgkError('file-empty', { file }, { file });
  return reader(bytes, file, options);
}
