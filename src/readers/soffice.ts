// .xls/.et/.ods/.csv via LibreOffice (stub: being written).
import type { Catalog } from '../model/types.js';
import type { ReadOptions } from './index.js';

/** Convert with soffice into a temporary .xlsx and read that. */
export async function readConverted(file: string, _options: ReadOptions): Promise<Catalog> {
  throw new Error(`not implemented: ${file}`);
}
