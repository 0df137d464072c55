// 2019 layout: each √ group (公开对象, 公开方式, 公开层级) needs at least one tick, and 公开渠道和载体 at least
// one selected channel. A group whose column the sheet lacks entirely was reported once by the reader
// (missing-column), so it is not reported again per item.
import type { Catalog, Cell } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { TICK_GROUPS, type TickGroup } from '../../settings/columns.js';
import { SAME_AS_ABOVE, TICK_OPTIONS } from '../../settings/vocab.js';
import { label } from './util.js';
import { tickColumn, tickLabels } from '../../model/display.js';

/** No tick in a 2019 group → tick-missing; no selected channel → channel-missing. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  catalog.items.forEach((item, i) => {
    for (const group of TICK_GROUPS) {
      if (catalog.missingColumns.includes(group)) continue;
      const list = item.ticks?.[group];
      out.push(...writtenTicks(catalog, group, list?.values ?? [], i + 1));
      if (list && list.values.some((c) => c.text.trim() !== '')) continue;
      const names = catalog.options?.[group] ?? TICK_OPTIONS[group].map((o) => o[0]!);
      out.push(
        finding('tick-missing', list?.at ?? item.at, { field: label(catalog, group), options: names.map((n) => `“${n}”`).join('、') }, {
          field: label(catalog, group),
          item: i + 1,
        }),
      );
    }
    if (!catalog.missingColumns.includes('channels')) {
      const list = item.channels;
      if (!list || !list.values.some((c) => c.text.trim() !== '')) {
        out.push(finding('channel-missing', list?.at ?? item.at, {}, { field: label(catalog, 'channels'), item: i + 1 }));
      }
    }
  });
  return out;
}

/**
 * Ticks kept as written: text in a √ column instead of the mark (tick-invalid: read as ticked, the text
 * kept), and a written option that is none of the group's (tick-value-unknown: kept as written). Judged
 * here, on the model, so a workbook, its YAML and the workbook made from that YAML say the same.
 */
function writtenTicks(catalog: Catalog, group: TickGroup, values: readonly Cell[], item: number): Finding[] {
  const out: Finding[] = [];
  const field = label(catalog, group);
  const labels = tickLabels(catalog, group);
  for (const v of values) {
    if (v.carried || SAME_AS_ABOVE.includes(v.text.trim())) continue;
    if (v.mark !== undefined) out.push(finding('tick-invalid', v.at, { field, option: v.text, value: v.mark }, { field, item }));
    else if (tickColumn(labels, group, v.text) < 0) {
      out.push(finding('tick-value-unknown', v.at, { field, value: v.text, options: labels.join('、') }, { field, item }));
    }
  }
  return out;
}

/** √ groups without a tick, ticks written as text, and items without a channel (the 2019 layout). */
export const ticksRule = defineRule({ id: 'ticks', codes: ['tick-missing', 'tick-invalid', 'tick-value-unknown', 'channel-missing'], profiles: ['2019'], check });
