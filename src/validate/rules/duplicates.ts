// The same item twice: the same (事项类别, 名称) — compared after normalising spaces, widths and brackets, as
// coverage does — and the same text in every other column (issue 20: two 二级事项 of one name that differ in
// 三级事项, 公开内容 or 公开主体 are two items). Reported at the second item's 名称 cell, naming the first
// one's cell — or, when both share one merged cell, the first item by its number (never the cell itself).
import type { Catalog, Cell, Item } from '../../model/types.js';
import { TICK_GROUPS } from '../../settings/columns.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { itemTitle, normaliseName } from '../../model/names.js';
import { describeAt } from '../../findings/location.js';
import { isBlank, label } from './util.js';

/** Every column but 序号, 事项类别 and 名称, as one text — folded like names, so that a stray space or a
 * half-width bracket does not make a repeat look like another item. */
function rest(item: Item): string {
  const n = (text: string | undefined) => normaliseName(text ?? '');
  const texts = (cells: readonly Cell[] | undefined) => (cells ?? []).map((c) => n(c.text) + '\u0001' + n(c.mark));
  return JSON.stringify([
    texts(item.basis.values),
    item.pairs.map((p) => [n(p.content.text), n(p.standard?.text)]),
    n(item.subject.text),
    n(item.deadline.text),
    n(item.remark.text),
    n(item.platform?.text),
    texts(item.channels?.values),
    TICK_GROUPS.map((g) => texts(item.ticks?.[g].values)),
    Object.keys(item.extra)
      .sort()
      .map((k) => [k, n(item.extra[k]!.text)]),
  ]);
}

/** Where the first one is: its 名称 cell, or its number when both names are one merged cell (never "另见" the
 * very cell being flagged). */
function otherOne(catalog: Catalog, first: Item, item: Item): string {
  const there = describeAt(first.name.at);
  return there === describeAt(item.name.at) ? `第 ${catalog.items.indexOf(first) + 1} 个事项` : there;
}

/** Repeated (category, name) → item-duplicate warning at the later one. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  // By (category, name) first: the rest of an item is folded only when another item has its name — most
  // have none, and folding every column of every item was most of this rule's time.
  const named = new Map<string, { item: Item; rest?: string }[]>();
  catalog.items.forEach((item, i) => {
    if (isBlank(item.name.text)) return;
    const key = `${normaliseName(item.category.text)}\u0000${normaliseName(item.name.text)}`;
    const earlier = named.get(key);
    if (!earlier) {
      named.set(key, [{ item }]);
      return;
    }
    const mine = rest(item);
    const first = earlier.find((e) => (e.rest ??= rest(e.item)) === mine)?.item;
    if (!first) {
      earlier.push({ item, rest: mine });
      return;
    }
    out.push(
      finding(
        'item-duplicate',
        item.name.at,
        { item: itemTitle(item.category.text, item.name.text), other: otherOne(catalog, first, item) },
        { field: label(catalog, 'name'), item: i + 1 },
      ),
    );
  });
  return out;
}

/** The same item listed twice. */
export const duplicatesRule = defineRule({ id: 'duplicates', codes: ['item-duplicate'], check });
