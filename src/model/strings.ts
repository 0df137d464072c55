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

/** Texts a pool shares at most: longer ones (公开内容, 公开标准, 依据) are rarely written twice alike. */
const POOLED_LENGTH = 100;
/** Distinct texts a pool holds before it starts afresh: a bound on its own memory, not on what it shares. */
const POOLED_TEXTS = 8192;

/**
 * Identical short texts of one reading as one string. A workbook's shared strings make every cell that
 * says 财政局 or 主动公开 the same string; a page's or Word document's cells are each a string of their
 * own (at 100 000 items, 18 MB more than the same catalog read from a workbook; issue 19). The pool is
 * cleared when full, so a file of nothing but distinct texts costs a bounded table.
 */
export class TextPool {
  private readonly texts = new Map<string, string>();

  /** The pool's string equal to `text` (`text` itself the first time it is seen). */
  share(text: string): string {
    if (text.length > POOLED_LENGTH) return text;
    const had = this.texts.get(text);
    if (had !== undefined) return had;
    if (this.texts.size >= POOLED_TEXTS) this.texts.clear();
    this.texts.set(text, text);
    return text;
  }

  /** As share, for a text that may be a slice of a larger string: the pool's copy, else a copy of its own
   * (ownText), kept in the pool. An equal text seen before costs no copy. */
  own(text: string): string {
    if (text.length > POOLED_LENGTH) return ownText(text);
    return this.texts.get(text) ?? this.share(ownText(text));
  }
}
