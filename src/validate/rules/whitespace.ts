// Stray spaces at the start or end of a text cell (often pasted from Word or a PDF): info with the trimmed
// text as fix. Line breaks at the ends are not reported: a YAML block scalar (|) ends with one by design.
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { deleteRanges, type Fix } from '../../findings/fix.js';
import { trimWhere } from '../../settings/trim.js';
import { defineRule } from '../rule.js';
import { eachTextCell, label } from './util.js';

/** A space, tab, ideographic or no-break space, by its UTF-16 code (text[i] would make a string of each
 * Chinese character it is asked for). */
const isSpaceCode = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
const isSpace = (unit: string): boolean => isSpaceCode(unit.charCodeAt(0));

/**
 * The trim as deletions of the spaces at either end, not as a new whole text: other fixes of the same cell
 * (a 文号, a category's spelling) then do not overlap it and are applied in the same run. Walked from each
 * end (linear; a /…+$/ pattern is quadratic on a long run of spaces inside the text).
 */
export function edgeSpaces(text: string): Fix {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  const ranges: [number, number][] = [];
  if (start > 0) ranges.push([0, start]);
  if (end < text.length) ranges.push([end, text.length]);
  return deleteRanges(text, ranges);
}

/** Trim a cell text's leading and trailing spaces (not line breaks), in linear time (see settings/trim.ts). */
export function trimSpaces(text: string): string {
  return trimWhere(text, isSpace);
}

/** Leading/trailing spaces → whitespace info with fix. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  eachTextCell(catalog, (cell, key, index) => {
    const t = cell.text;
    // Most texts neither start nor end with a space: two character looks, no trimmed copy.
    if (cell.carried || t === '' || !(isSpaceCode(t.charCodeAt(0)) || isSpaceCode(t.charCodeAt(t.length - 1))) || t.trim() === '') return;
    const field = label(catalog, key);
    out.push(finding('whitespace', cell.at, { field }, { field, item: index, fix: edgeSpaces(t) }));
  });
  return out;
}

/** Spaces at the ends of a text cell, with their deletion as fix. */
export const whitespaceRule = defineRule({ id: 'whitespace', codes: ['whitespace'], fixable: true, check });
