// 2019 layout: each √ group (公开对象, 公开方式, 公开层级) needs at least one tick, and 公开渠道和载体 at least
// one selected channel. A group whose column the sheet lacks entirely was reported once by the reader
// (missing-column), so it is not reported again per item.
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { TICK_GROUPS } from '../../settings/columns.js';
import { TICK_OPTIONS } from '../../settings/vocab.js';
import { label } from './util.js';

/** No tick in a 2019 group → tick-missing; no selected channel → channel-missing. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  catalog.items.forEach((item, i) => {
    for (const group of TICK_GROUPS) {
      if (catalog.missingColumns.includes(group)) continue;
      const list = item.ticks?.[group];
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

/** √ groups without a tick and items without a channel (the 2019 layout). */
export const ticksRule = defineRule({ id: 'ticks', codes: ['tick-missing', 'channel-missing'], profiles: ['2019'], check });
