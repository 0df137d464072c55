// The Node door beside the core's (prettier's index.js beside standalone.js): the same use cases, from
// paths — files read with their size checked, old formats converted by LibreOffice, outputs written
// atomically. Library users in Node import `zwgk/node`; the CLI is built on the same modules.
import { checkCatalog, type CheckOptions, type Checked } from '../core/index.js';
import { readCatalog, readInputFile } from './read-file.js';

export * from '../core/index.js';
export { readCatalog, readInputFile } from './read-file.js';
export { writeOutput } from './write.js';
export { writeFiles } from './write-files.js';
export { loadLayouts, LAYOUT_FOLDER } from './layouts.js';

/** Read and check a catalog file by its path (a .xls, .et, .ods, .doc or .wps is converted first). */
export async function checkFile(file: string, options: CheckOptions = {}): Promise<Checked> {
  const { validate = true, onRead, ...readOptions } = options;
  const catalog = await readCatalog(file, readOptions, await readInputFile(file));
  onRead?.(catalog);
  return checkCatalog(catalog, file, validate);
}
