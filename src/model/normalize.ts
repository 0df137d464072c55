// Normalisation shared by every reader: 同上 ("same as above") carried down from the previous item.
import type { Catalog, Cell, Item, ListField } from './types.js';
import { finding } from '../report/finding.js';
import { fieldLabel, SAME_AS_ABOVE, TICK_GROUPS, type FieldKey } from '../settings.js';

function isSame(text: string): boolean {
  return SAME_AS_ABOVE.includes(text.trim());
}

/** Replace 同上 in any field by the previous item's value, marking it carried and reporting it (info). */
export function carryDown(catalog: Catalog): void {
  const { items, profile } = catalog;
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    const prev = items[i - 1]!;
    const report = (key: FieldKey, cell: Cell, value: string) =>
      catalog.findings.push(
        finding('same-as-above', cell.at, { field: fieldLabel(profile, key), value: shorten(value) }, {
          field: fieldLabel(profile, key),
          item: i + 1,
        }),
      );
    const text = (key: FieldKey, get: (it: Item) => Cell | undefined) => {
      const cell = get(item);
      const from = get(prev);
      if (!cell || !from || !isSame(cell.text)) return;
      report(key, cell, from.text);
      cell.text = from.text;
      cell.carried = true;
    };
    text('category', (it) => it.category);
    text('name', (it) => it.name);
    text('subject', (it) => it.subject);
    text('deadline', (it) => it.deadline);
    text('remark', (it) => it.remark);
    text('platform', (it) => it.platform);
    const pair = item.pairs[0];
    const prevPair = prev.pairs[prev.pairs.length - 1];
    if (pair && prevPair && isSame(pair.content.text)) {
      report('content', pair.content, prevPair.content.text);
      pair.content = { ...pair.content, text: prevPair.content.text, carried: true };
    }
    const list = (key: FieldKey, get: (it: Item) => ListField | undefined) => {
      const field = get(item);
      const from = get(prev);
      if (!field || !from || field.values.length !== 1 || !isSame(field.values[0]!.text)) return;
      const at = field.values[0]!.at;
      report(key, field.values[0]!, from.values.map((c) => c.text).join('；'));
      field.values = from.values.map((c) => ({ text: c.text, at, carried: true }));
    };
    list('basis', (it) => it.basis);
    list('channels', (it) => it.channels);
    for (const g of TICK_GROUPS) list(g, (it) => it.ticks?.[g]);
  }
}

function shorten(text: string): string {
  const one = text.replace(/\n/g, ' ');
  return one.length > 40 ? one.slice(0, 40) + '…' : one;
}
