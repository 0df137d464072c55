// Reading catalog files from disk for the CLI: the file system checks and LibreOffice conversion live
// here; the bytes then go to the platform-neutral readers (src/readers), which the browser app uses too.
import { readFile, stat } from 'node:fs/promises';
import type { Catalog } from '../model/types.js';
import { CONVERTED_EXTENSIONS, extensionOf, readCatalogBytes, type ReadOptions } from '../readers/index.js';
import { ZwgkError } from '../report/finding.js';

/** A file's bytes, or a ZwgkError (exit 2) that says in Chinese why it cannot be read. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ZwgkError('file-not-found', { file }, { file }, { cause });
    throw new ZwgkError('file-unreadable', { file }, { file, detail: String(code ?? cause) }, { cause });
  }
  if (info.isDirectory()) throw new ZwgkError('file-is-directory', { file }, { file });
  try {
    return await readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ZwgkError('file-unreadable', { file }, { file, detail: String(code ?? cause) }, { cause });
  }
}

/** Read one catalog file of any supported type (its bytes, when the caller has them already); throws
 * ZwgkError (exit 2) when it cannot be read. */
export async function readCatalog(file: string, options: ReadOptions = {}, given?: Uint8Array): Promise<Catalog> {
  const ext = extensionOf(file);
  const bytes = given ?? (await readInputFile(file));
  if (bytes.length > 0 && CONVERTED_EXTENSIONS.includes(ext)) {
    const { convertToXlsx } = await import('./soffice.js');
    return readCatalogBytes(await convertToXlsx(file), file, { ...options, as: '.xlsx' });
  }
  return readCatalogBytes(bytes, file, options);
}
