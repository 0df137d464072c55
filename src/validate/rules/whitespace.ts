// Stray spaces at the start or end of a text cell (often pasted from Word or a PDF): info with the trimmed
// text as fix. Line breaks at the ends are not reported: a YAML block scalar (|) ends with one by design.
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { deleteRanges, matchRanges, type Fix } from '../../findings/fix.js';
import { defineRule } from '../rule.js';
import { label, textCells } from './util.js';

const EDGE = /^[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+$/u;
const EDGES = new RegExp(EDGE.source, 'gu');

/**
 * The trim as deletions of the spaces at either end, not as a new whole text: other fixes of the same cell
 * (a 文号, a category's spelling) then do not overlap it and are applied in the same run.
 */
function edgeSpaces(text: string): Fix {
  return deleteRanges(text, matchRanges(text, EDGES));
}

/** Trim a cell text's leading and trailing spaces (not line breaks). */
export function trimSpaces(text: string): string {
  return text.replace(/^[ \t\u3000\u00a0]+/u, '').replace(/[ \t\u3000\u00a0]+$/u, '');
}

/** Leading/trailing spaces → whitespace info with fix. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  for (const { index, key, cell } of textCells(catalog)) {
    if (cell.carried || cell.text.trim() === '' || !EDGE.test(cell.text)) continue;
    const field = label(catalog, key);
    out.push(finding('whitespace', cell.at, { field }, { field, item: index, fix: edgeSpaces(cell.text) }));
  }
  return out;
}

/** Spaces at the ends of a text cell, with their deletion as fix. */
export const whitespaceRule = defineRule({ id: 'whitespace', codes: ['whitespace'], fixable: true, check });
