// Every part of a workbook through a strict XML 1.0 parser (saxes: well-formedness and the Char
// production, U+FFFE/U+FFFF and control characters included). Synchronous, so that it can run inside
// the file-system hooks of test/setup/xml-check.ts.
import { inflateRawSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { rawData, readZipDirectory } from '../../src/formats/ooxml/zip.js';

/** The problems of every XML part of an .xlsx (empty when all are well-formed XML 1.0). */
export function xmlProblems(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readZipDirectory(bytes);
  } catch (err) {
    return [`not a zip: ${(err as Error).message}`];
  }
  for (const e of entries) {
    // Parts past 64 MB are inputs made to be hostile (a zip bomb), never a workbook zwgk wrote.
    if (!/\.(xml|rels|vml)$/i.test(e.name) || e.size > 64 * 1024 * 1024) continue;
    const raw = rawData(bytes, e);
    const data = e.method === 0 ? raw : inflateRawSync(raw);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
    const parser = new SaxesParser();
    let first: string | undefined;
    parser.on('error', (err) => {
      first ??= err.message;
    });
    try {
      parser.write(text).close();
    } catch (err) {
      first ??= (err as Error).message;
    }
    if (first) out.push(`${e.name}: ${first}`);
  }
  return out;
}
