// Text as every workbook zwgk writes holds it. XML 1.0 allows only some characters (its Char production:
// tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF); a part holding any
// other is not XML, and Excel repairs it while LibreOffice silently drops every later string of the part.
// Such characters reach a catalog from pasted text, a YAML "\uFFFF" or Excel's own _xFFFF_ escape. In a
// cell they are written as Excel's escape _xHHHH_ (which Excel, WPS and LibreOffice read back as the
// character), and text that merely looks like an escape is protected (_x005F_), so a cell reads back
// exactly as written. Elsewhere (page headers, sheet names) they are left out. The validate rule
// xml-char names each cell that holds one (formats/ooxml/xml-text.ts says which characters). The writer
// (write.ts) applies them to every plan, and fix's sheet patch to the cells it writes.
import { MAY_BE_NOT_XML, NOT_XML, hex } from '../../formats/ooxml/xml-text.js';

const NOT_XML_TEST = new RegExp(NOT_XML.source);
/** Text that Excel would read as an escape. */
const LOOKS_ESCAPED = /_x[0-9A-Fa-f]{4}_/g;

/**
 * A cell's text for an xlsx part: forbidden characters as _xHHHH_ escapes, look-alike escapes protected.
 * A lone surrogate is no character at all (UTF-8 cannot hold it; LibreOffice pairs its escape with the
 * next character): it becomes U+FFFD, as any encoder would make it.
 */
export function xlsxText(s: string): string {
  if (s.indexOf('_x') < 0 && (!MAY_BE_NOT_XML.test(s) || !NOT_XML_TEST.test(s))) return s;
  return s
    .replace(LOOKS_ESCAPED, (m) => `_x005F_${m.slice(1)}`)
    .replace(NOT_XML, (c) => (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '\uFFFD' : `_x${hex(c)}_`));
}

/** Text outside cells (a page header, a sheet name): forbidden characters left out. */
export function xmlSafe(s: string): string {
  return MAY_BE_NOT_XML.test(s) && NOT_XML_TEST.test(s) ? s.replace(NOT_XML, '') : s;
}
