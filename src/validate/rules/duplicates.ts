// The same (事项类别, 名称) twice — compared after normalising spaces, widths and brackets, as coverage does —
// is reported at the second item's 名称 cell, naming the first one's cell.
import type { Catalog, Item } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { normaliseName } from '../../model/names.js';
import { describeAt } from '../../findings/location.js';
import { isBlank, label } from './util.js';

/** Repeated (category, name) → item-duplicate warning at the later one. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, Item>();
  catalog.items.forEach((item, i) => {
    if (isBlank(item.name.text)) return;
    const key = `${normaliseName(item.category.text)}\u0000${normaliseName(item.name.text)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, item);
      return;
    }
    out.push(
      finding(
        'item-duplicate',
        item.name.at,
        { category: item.category.text.trim(), name: item.name.text.trim(), other: describeAt(first.name.at) },
        { field: label(catalog, 'name'), item: i + 1 },
      ),
    );
  });
  return out;
}

/** The same item listed twice. */
export const duplicatesRule = defineRule({ id: 'duplicates', codes: ['item-duplicate'], check });
