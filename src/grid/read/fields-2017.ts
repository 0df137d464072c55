// The 2017 sample table's own fields: each row's 公开内容 with its 公开标准 (one pair), and the item's
// 公开方式, which in 2017 is the platform.
import type { Pair } from '../../model/types.js';
import { fieldCell, resolveField, startsHere, type LayoutFields } from './context.js';

/** How a 2017 row's own fields are read (items.ts picks it by the header's layout). */
export const FIELDS_2017: LayoutFields = {
  pair(ctx, row, cells, itemAt, onlyOwn): Pair | undefined {
    const c = resolveField(ctx, 'content', row, cells);
    const s = resolveField(ctx, 'standard', row, cells);
    if (onlyOwn && !startsHere(c) && !startsHere(s)) return undefined;
    return {
      content: c ? { text: c.text, at: c.at } : { text: '', at: itemAt },
      standard: s ? { text: s.text, at: s.at } : { text: '', at: itemAt },
    };
  },
  start(ctx, item, row, cells, itemAt): void {
    item.platform = fieldCell(ctx, 'platform', row, cells, itemAt);
  },
};
