// Folded sections of a large page (catalog or list): each group cut into pieces of at most `size` items,
// one <details> table each, so that a browser lays out only what is opened or searched.
import type HandlebarsNS from 'handlebars';

type SafeString = HandlebarsNS.SafeString;

/** Above how many items a page is laid out in folded sections, and how many items a section holds at
 * most. A browser lays a table out whole: 25 000 items in one table took a minute to show and seconds per
 * search; folded sections of 100 are laid out only when opened (500 items took 0.5 s to lay out on opening). */
export interface SectionSplit {
  over: number;
  size: number;
}

/** The default split of every page. */
export const SECTIONS: SectionSplit = { over: 2000, size: 100 };

/** One folded section: its group's index and name, the label of its part, and its rows' HTML. */
export interface Section {
  index: string;
  group: string;
  name: string;
  label: string;
  rows: SafeString;
}

/** The sections of groups of items (every group cut into parts of `split.size`); `rowsOf` writes a part's rows. */
export function foldSections<T>(groups: readonly { name: string; items: readonly T[] }[], split: SectionSplit, rowsOf: (items: readonly T[], group: number) => SafeString): Section[] {
  return groups
    .flatMap((g, gi) => {
      const parts = Math.ceil(g.items.length / split.size);
      return Array.from({ length: parts }, (_, p) => {
        const items = g.items.slice(p * split.size, (p + 1) * split.size);
        const [first, last] = [p * split.size + 1, p * split.size + items.length];
        const label = parts > 1 ? `第 ${first === last ? first : `${first}–${last}`} 项，共 ${g.items.length} 项` : `${g.items.length}项`;
        return { group: String(gi), name: g.name, label, rows: rowsOf(items, gi) };
      });
    })
    .map((s, index) => ({ ...s, index: String(index) }));
}
