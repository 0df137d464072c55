// Characters no catalog text means: Braille dots (⠂, U+2800–U+28FF, what a PDF's middle dot or bullet
// becomes when copied) and U+FFFD (a character a conversion could not decode). They pass every other check
// and print as they are on the public page: each is named at its cell, as a hint. No fix: only the clerk
// knows whether ⠂ stood for 、, · or nothing.
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { eachTextCell, label } from './util.js';
import { hasOddChar, oddCharWords, oddChars } from '../../settings/odd-chars.js';


/** Every text of the catalog holding an odd character → odd-char hint at its cell or line. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  eachTextCell(catalog, (cell, key, index) => {
    if (cell.carried || !hasOddChar(cell.text)) return;
    const chars = oddChars(cell.text);
    const place = JSON.stringify(cell.at);
    if (seen.has(place)) return;
    seen.add(place);
    const field = label(catalog, key);
    out.push(finding('odd-char', cell.at, { field, chars: oddCharWords(chars) }, { field, item: index }));
  });
  return out;
}

/** Braille dots and undecodable characters in any text → odd-char hint. */
export const oddCharsRule = defineRule({ id: 'odd-chars', codes: ['odd-char'], fixable: false, check });
