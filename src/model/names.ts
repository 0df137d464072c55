// When two spellings are one name: categories and item names compared after folding full/half width and
// dropping white space, line breaks and punctuation (依法 行政, 依法\n行政 and 依法行政 are one category).
// Grouping (page, filter, Markdown, workbook merges, gap, diff), duplicate checks and coverage all use it.
import type { Item } from './types.js';

/** Names compared for identity: NFKC (full → half width), no white space, no punctuation or brackets. */
export function normaliseName(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\p{P}\p{S}\p{Z}]+/gu, '');
}

/** How far a spelling is from a tidy one: white space and line breaks inside, full-width letters and digits. */
function untidiness(text: string): number {
  let n = 0;
  for (const ch of text.trim()) if (/\s/u.test(ch) || ch.normalize('NFKC') !== ch) n++;
  return n;
}

/** The spellings of one category in a catalog: how many items use each, in order of first use. */
export interface CategorySpellings {
  /** The most common spelling (of equals, the tidiest, then the first): the one a group is shown by and `fix` unifies to. */
  name: string;
  spellings: Map<string, number>;
}

/** Every category of a list of items by its normalised key. */
export function categorySpellings(items: readonly Item[]): Map<string, CategorySpellings> {
  const out = new Map<string, CategorySpellings>();
  for (const item of items) {
    const text = item.category.text;
    const key = normaliseName(text);
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { name: text, spellings: new Map() }));
    entry.spellings.set(text, (entry.spellings.get(text) ?? 0) + 1);
  }
  for (const entry of out.values()) {
    let best = -1;
    let untidy = Infinity;
    for (const [text, n] of entry.spellings) {
      const u = untidiness(text);
      if (n > best || (n === best && u < untidy)) {
        best = n;
        untidy = u;
        entry.name = text;
      }
    }
  }
  return out;
}

/** An item as messages name it: 一级事项 / 名称, or the name alone when the item has no category. */
export function itemTitle(category: string, name: string): string {
  return category.trim() ? `${category.trim()} / ${name.trim()}` : name.trim();
}
