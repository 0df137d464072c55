// Number formats (xl/styles.xml): which cell styles show a number as a date or time.
import { eachElement } from '../ooxml/xml-scanner.js';

// Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ids).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Excel keeps number format codes to 255 characters; a longer one is no format Excel wrote. */
const MAX_FORMAT_CODE = 255;

/** Does a number format code show a date or time? Quoted text, [colour/locale/elapsed] parts and escaped characters do not count. */
export function isDateFormat(code: string): boolean {
  if (code.length > MAX_FORMAT_CODE) return false;
  return /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, ''));
}

/** By cellXfs index, whether the style formats numbers as a date or time (xl/styles.xml, read whole: it is small). */
export function parseDateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  eachElement(stylesXml, 'xl/styles.xml', ['numFmt', 'xf'], (name, a, inside) => {
    // Only <numFmts>: the numFmt elements of differential formats (<dxfs>) are not cell styles.
    if (name === 'numFmt' && inside('numFmts')) {
      const id = Number(a.get('numFmtId'));
      if (Number.isInteger(id) && !custom.has(id)) custom.set(id, a.get('formatCode') ?? '');
    } else if (name === 'xf' && inside('cellXfs')) {
      const id = Number(a.get('numFmtId') ?? 0);
      const code = custom.get(id);
      out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
    }
  });
  return out;
}

