// Texts kept in the catalog own their characters. A reader's text is often a slice of a larger string (a
// decoded chunk of a sheet part, the source of a YAML item); V8 keeps a slice as a pointer into that
// string, so a few values kept from a chunk keep the whole chunk, markup and all, for as long as the
// catalog lives (a third of the text memory of a 100 000-item workbook; issue 19).

/** Slices shorter than this are copied by V8 anyway. */
const SHORT = 13;

/** `text` as a string of its own, holding no larger string alive. */
export function ownText(text: string): string {
  return text.length < SHORT ? text : (JSON.parse(JSON.stringify(text)) as string);
}
