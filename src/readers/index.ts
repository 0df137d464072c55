// Reading any supported file into the catalog model: one reader per input format, chosen from a
// table keyed by extension.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog, Profile } from '../model/types.js';
import { ZwgkError } from '../report/finding.js';

export interface ReadOptions {
  /** auto (default) detects the layout from the header or the YAML 版式 key. */
  profile?: Profile | 'auto';
  /** Read only this sheet (xlsx). */
  sheet?: string;
  /** Progress callback for long reads (items so far); the CLI shows it on a terminal only. */
  onProgress?: (items: number) => void;
}

export type Reader = (file: string, options: ReadOptions) => Promise<Catalog>;

// Each reader is loaded when a file of its kind is read: reading a workbook need not load the YAML
// parser, and the other way round.
const yaml: Reader = async (file, options) => (await import('./yaml.js')).readYaml(file, options);
const xlsx: Reader = async (file, options) => (await import('./xlsx.js')).readXlsx(file, options);
const converted: Reader = async (file, options) => (await import('./soffice.js')).readConverted(file, options);

export const READERS: Readonly<Record<string, Reader>> = {
  '.yaml': yaml,
  '.yml': yaml,
  '.xlsx': xlsx,
  '.xlsm': xlsx,
  '.xls': converted,
  '.et': converted,
  '.ods': converted,
  '.csv': converted,
};

/** Extensions `readCatalog` accepts, for help texts and messages. */
export const READABLE_EXTENSIONS = Object.keys(READERS);

/** Read one catalog file of any supported type; throws ZwgkError (exit 2) when it cannot be read. */
export async function readCatalog(file: string, options: ReadOptions = {}): Promise<Catalog> {
  const ext = path.extname(file).toLowerCase();
  let info;
  try {
    info = await stat(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ZwgkError('file-not-found', { file }, { file }, { cause });
    throw new ZwgkError('file-unreadable', { file }, { file, detail: String(code ?? cause) }, { cause });
  }
  if (info.isDirectory()) throw new ZwgkError('file-is-directory', { file }, { file });
  const reader = READERS[ext];
  if (!reader) throw new ZwgkError('unsupported-format', { file }, { file, ext: ext || '（无扩展名）' });
  if (info.size === 0) throw new ZwgkError('file-empty', { file }, { file });
  return reader(file, options);
}
