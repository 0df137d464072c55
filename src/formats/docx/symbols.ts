// Characters inserted with Word's Insert → Symbol from a symbol font (w:sym w:font="Wingdings"
// w:char="F0FE"): what Word shows, as the Unicode character the list readers know (√ ticked, □ not, ■ a
// selected channel). Only the marks a catalog uses are mapped; another symbol is named, not guessed.

/** Symbol fonts' codes (the low byte of w:char, which Word writes as F0xx) → the character shown. */
const FONTS: Record<string, Record<number, string>> = {
  wingdings: { 0xfc: '√', 0xfb: '×', 0xfe: '☑', 0xfd: '☒', 0xa8: '□', 0x6f: '□', 0x71: '□', 0x6e: '■', 0xa7: '■', 0x6c: '●', 0xa1: '○' },
  'wingdings 2': { 0x50: '√', 0x4f: '×', 0x52: '☑', 0x53: '☒', 0x54: '☒', 0xa3: '□', 0x2a: '□', 0xa2: '■', 0x97: '●' },
  symbol: { 0xd6: '√', 0xb4: '×', 0xb7: '•' },
};

/** The character a w:sym shows, or undefined for a font or code zwgk does not know. */
export function symbolText(font: string, char: string): string | undefined {
  const code = Number.parseInt(char, 16);
  if (!Number.isFinite(code)) return undefined;
  // A Unicode character in an ordinary font is itself.
  if (code < 0xf000 && !Object.hasOwn(FONTS, font.toLowerCase())) return String.fromCodePoint(code);
  const table = Object.hasOwn(FONTS, font.toLowerCase()) ? FONTS[font.toLowerCase()]! : undefined;
  return table && Object.hasOwn(table, code & 0xff) ? table[code & 0xff] : undefined;
}
