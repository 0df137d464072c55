// Text as every workbook zwgk writes holds it. XML 1.0 allows only some characters (its Char production:
// tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF); a part holding any
// other is not XML, and Excel repairs it while LibreOffice silently drops every later string of the part.
// Such characters reach a catalog from pasted text, a YAML "\uFFFF" or Excel's own _xFFFF_ escape. In a
// cell they are written as Excel's escape _xHHHH_ (which Excel, WPS and LibreOffice read back as the
// character), and text that merely looks like an escape is protected (_x005F_), so a cell reads back
// exactly as written. Elsewhere (page headers, sheet names) they are left out. The validate rule
// xml-char names each cell that holds one.

/** A character XML 1.0 does not allow (a lone surrogate counts as one), or a carriage return, which XML reads as a line feed. */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NOT_XML_TEST = new RegExp(NOT_XML.source);
/** Text that Excel would read as an escape. */
const LOOKS_ESCAPED = /_x[0-9A-Fa-f]{4}_/g;

const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** The same, a carriage return not counted (it is a line break, kept as _x000D_). */
const NON_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text holds a character that XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls but tab and line breaks, lone surrogates). */
export function hasNonXmlChar(s: string): boolean {
  return NON_XML_CHAR.test(s);
}

/** The characters of a text that XML forbids, each once, as U+HHHH. */
export function nonXmlChars(s: string): string[] {
  const seen = new Set<string>();
  for (const m of s.replace(/\r/g, '\n').matchAll(NOT_XML)) seen.add(`U+${hex(m[0])}`);
  return [...seen];
}

/**
 * A cell's text for an xlsx part: forbidden characters as _xHHHH_ escapes, look-alike escapes protected.
 * A lone surrogate is no character at all (UTF-8 cannot hold it; LibreOffice pairs its escape with the
 * next character): it becomes U+FFFD, as any encoder would make it.
 */
export function xlsxText(s: string): string {
  if (s.indexOf('_x') < 0 && !NOT_XML_TEST.test(s)) return s;
  return s
    .replace(LOOKS_ESCAPED, (m) => `_x005F_${m.slice(1)}`)
    .replace(NOT_XML, (c) => (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '\uFFFD' : `_x${hex(c)}_`));
}

/** Text outside cells (a page header, a sheet name): forbidden characters left out. */
export function xmlSafe(s: string): string {
  return NOT_XML_TEST.test(s) ? s.replace(NOT_XML, '') : s;
}
