// Which characters XML 1.0 allows in text (its Char production: tab, line feed, carriage return,
// U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF). The workbook writers escape the others
// (render/xlsx/text.ts); the xml-char rule names each cell that holds one.

/** A character XML 1.0 does not allow (a lone surrogate counts as one), or a carriage return, which XML reads as a line feed. */
export const NOT_XML = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every character NOT_XML can match, and the paired surrogates it cannot: a text with none of them (nearly
 * every text) needs no look at NOT_XML, whose look-arounds cost several times as much per text. */
export const MAY_BE_NOT_XML = /[\x00-\x08\x0B-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** A character's code as four upper-case hex digits (U+HHHH, _xHHHH_). */
export const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** The same, a carriage return not counted (it is a line break, kept as _x000D_). */
const NON_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every character NON_XML_CHAR can match, and the paired surrogates it cannot (a character beyond U+FFFF). */
const MAY_BE_NON_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Whether a text holds a character that XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls but tab and line breaks, lone surrogates). */
export function hasNonXmlChar(s: string): boolean {
  // One character class first: the alternation with look-arounds costs four times as much per text, and
  // texts without a control character or a surrogate (nearly all) cannot match it.
  return MAY_BE_NON_XML.test(s) && NON_XML_CHAR.test(s);
}

/** The characters of a text that XML forbids, each once, as U+HHHH. */
export function nonXmlChars(s: string): string[] {
  const seen = new Set<string>();
  for (const m of s.replace(/\r/g, '\n').matchAll(NOT_XML)) seen.add(`U+${hex(m[0])}`);
  return [...seen];
}
