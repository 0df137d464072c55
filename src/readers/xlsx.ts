// .xlsx reader (stub: being written).
import type { Catalog } from '../model/types.js';
import type { ReadOptions } from './index.js';

/** Read a .xlsx workbook into one catalog. */
export async function readXlsx(file: string, _options: ReadOptions): Promise<Catalog> {
  throw new Error(`xlsx reader not implemented: ${file}`);
}
