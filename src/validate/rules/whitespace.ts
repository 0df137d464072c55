// Stray spaces at the start or end of a text cell (often pasted from Word or a PDF): info with the trimmed
// text as fix. Line breaks at the ends are not reported: a YAML block scalar (|) ends with one by design.
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { trimWhere } from '../../model/trim.js';
import { label, textCells } from './util.js';

const isSpace = (unit: string): boolean => unit === ' ' || unit === '\t' || unit === '\u3000' || unit === '\u00a0';

/** Trim a cell text's leading and trailing spaces (not line breaks), in linear time (see model/trim.ts). */
export function trimSpaces(text: string): string {
  return trimWhere(text, isSpace);
}

/** Leading/trailing spaces → whitespace info with fix. */
export function whitespaceRule(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  for (const { index, key, cell } of textCells(catalog)) {
    if (cell.carried || cell.text.trim() === '' || trimSpaces(cell.text) === cell.text) continue;
    const field = label(catalog, key);
    out.push(finding('whitespace', cell.at, { field }, { field, item: index, fix: { from: cell.text, to: trimSpaces(cell.text) } }));
  }
  return out;
}
