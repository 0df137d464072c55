// One category, two spellings: 事项类别/一级事项 texts that differ only in white space, line breaks,
// full/half width or punctuation are one category everywhere (grouping uses model/names.ts); each cell
// holding a less common spelling gets a hint naming the spellings and cells, with the most common
// spelling as its fix.
import type { Catalog } from '../../model/types.js';
import { tableCellText, type SourceRef } from '../../findings/location.js';
import { categorySpellings, normaliseName } from '../../model/names.js';
import { finding, type Finding } from '../../findings/finding.js';
import { replaceRange } from '../../findings/fix.js';
import { defineRule } from '../rule.js';
import { label } from './util.js';
import { trimSpaces } from './whitespace.js';

/** A cell or line in a few characters, for listing several: B5, 第 7 行 第 2 列 (a table), 第 12 行. */
function shortAt(at: SourceRef): string {
  if (at.table !== undefined) return tableCellText(at);
  return at.cell ?? (at.line !== undefined ? `第 ${at.line} 行` : at.file);
}

/** A spelling as quoted in a message: line breaks shown, not performed. */
function shown(text: string): string {
  return text.replace(/\r?\n/g, '（换行）');
}

/** Spellings of one category other than its most common → category-spelling hint with fix. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const field = label(catalog, 'category');
  const all = categorySpellings(catalog.items);
  const several = new Set([...all].filter(([key, e]) => key !== '' && e.spellings.size > 1).map(([key]) => key));
  if (several.size === 0) return out;
  // The cells of each spelling, once each (a merged 一级事项 cell is shared by the items below it).
  const cells = new Map<string, { at: SourceRef; item: number }[]>();
  catalog.items.forEach((item, i) => {
    const c = item.category;
    if (c.carried || !several.has(normaliseName(c.text))) return;
    const list = cells.get(c.text) ?? [];
    const place = shortAt(c.at);
    if (!list.some((x) => shortAt(x.at) === place && x.at.sheet === c.at.sheet && x.at.table === c.at.table)) list.push({ at: c.at, item: i + 1 });
    cells.set(c.text, list);
  });
  for (const key of several) {
    const { name: common, spellings } = all.get(key)!;
    const commonCells = cells.get(common) ?? [];
    const where = commonCells.slice(0, 3).map((x) => shortAt(x.at)).join('、') + (commonCells.length > 3 ? ` 等 ${commonCells.length} 处` : '');
    for (const text of spellings.keys()) {
      // Spaces at the ends alone are the whitespace rule's to report and fix.
      if (text === common || trimSpaces(text) === common) continue;
      const lead = text.length - text.replace(/^[ \t\u3000\u00a0]+/u, '').length;
      for (const { at, item } of cells.get(text) ?? []) {
        out.push(
          finding('category-spelling', at, { field, value: shown(text), common: shown(common), cells: where || '其他事项' }, {
            field,
            item,
            // The spelling between the edge spaces (those are the whitespace rule's edits).
            fix: replaceRange(text, lead, lead + trimSpaces(text).length, common),
          }),
        );
      }
    }
  }
  return out;
}

/** 事项类别/一级事项 spelled in several ways. */
export const categoriesRule = defineRule({ id: 'categories', codes: ['category-spelling'], fixable: true, check });
