// YAML reader (stub: being written).
import type { Catalog } from '../model/types.js';
import type { ReadOptions } from './index.js';

/** Read a YAML catalog. */
export async function readYaml(file: string, _options: ReadOptions): Promise<Catalog> {
  throw new Error(`not implemented: ${file}`);
}
