// Every value of a catalog as one sorted list, to compare a catalog with what an output gives back.
import type { Catalog, Cell } from '../../src/model/types.js';
import { TICK_GROUPS } from '../../src/settings/columns.js';

/** Every value of a catalog as "field: text" (a tick written as text: "field: option=text"), sorted. */
export function catalogValues(catalog: Catalog): string[] {
  const out: string[] = [];
  const add = (field: string, c: Cell | undefined): void => {
    if (c && c.text.trim() !== '') out.push(`${field}: ${c.text}${c.mark !== undefined ? `=${c.mark}` : ''}`);
  };
  for (const item of catalog.items) {
    for (const k of ['serial', 'name', 'subject', 'deadline', 'remark', 'platform'] as const) add(k, item[k]);
    // A sheet prints one 一级事项 cell over a run of items, in the run's most common spelling (依法\n行政
    // and 依法行政 are one category, reported as category-spelling): compared without white space.
    add('category', { ...item.category, text: item.category.text.replace(/\s+/gu, '') });
    item.basis.values.forEach((c) => add('basis', c));
    for (const p of item.pairs) {
      add('content', p.content);
      add('standard', p.standard);
    }
    item.channels?.values.forEach((c) => add('channels', c));
    for (const g of TICK_GROUPS) item.ticks?.[g].values.forEach((c) => add(g, c));
    for (const [k, c] of Object.entries(item.extra)) add(`extra ${k}`, c);
  }
  // The 表前说明: what the sheet had above its header besides title and 编制单位, line by line.
  for (const line of (catalog.preface ?? '').split('\n')) add('preface', { text: line, at: { file: catalog.file } });
  return out.sort();
}

