// What the cells of a catalog hold besides free text: the 2019 tick options and channel checklist,
// the marks read as ticked or not, 同上, list separators, notes rows, and the rules' default deadline.
import { TICK_GROUPS, definedColumns, type TickGroup } from './columns.js';

/** The 2019 definition's column of a key (src/layouts/catalog/2019.yaml). */
const column2019 = (key: string) => definedColumns('2019').find((c) => c.key === key)!;

/** Sub-column labels of each 2019 tick group, in header order; the first of each alias list is canonical
 * (the definition's `options`, each with its `optionAliases`). */
export const TICK_OPTIONS: Record<TickGroup, readonly (readonly string[])[]> = Object.fromEntries(
  TICK_GROUPS.map((g) => {
    const c = column2019(g);
    return [g, (c.options ?? []).map((o) => [o, ...(c.optionAliases?.[o] ?? [])])];
  }),
) as unknown as Record<TickGroup, readonly (readonly string[])[]>;

/** 公开层级 sub-labels seen in real catalogs (any number of them may head a sheet's √ columns): `otherOptions`. */
export const LEVEL_LABELS: readonly string[] = column2019('level').otherOptions ?? [];

/** Default 公开渠道和载体 checklist of the 2019 guides, in their printed order (the channels column's `options`). */
export const CHANNELS: readonly string[] = column2019('channels').options ?? [];

/** Marks read as "ticked" in a √ column. */
export const TICK_MARKS: readonly string[] = ['√', '✓', '✔', '●', '■', '☑', '✅', '是', 'Y', 'y', '▄'];
/** Marks read as "not ticked" (blank also counts). 口 is the CJK character scanned copies use for □. */
export const UNTICK_MARKS: readonly string[] = ['□', '口', '☐', '否', '×', '✗', '-', '—', '无'];
/** Channel checklist marks. */
export const CHANNEL_SELECTED: readonly string[] = ['■', '▄', '☑', '√', '✓', '✔', '●'];
export const CHANNEL_UNSELECTED: readonly string[] = ['□', '口', '☐'];
/** Written by renderers. */
export const TICK = '√';
export const CHANNEL_ON = '■';
export const CHANNEL_OFF = '□';

/** Text meaning "the same as the row above". */
export const SAME_AS_ABOVE: readonly string[] = ['同上', '同 上', '〃', '”', '""'];

/** First cell texts that mark a notes row (注：…, 说明：…, 填表说明) rather than an item. */
export const NOTE_ROW_PREFIX = /^\s*(注|说明|备注|填表说明|附注)\s*[:：]?/u;
/** Separators of a plain list of channels or of text-valued ticks (全社会、特定群体). */
export const LIST_SEPARATORS = /[\n、，,；;\s]+/u;

/** Default deadline (条例 第二十六条), the longest fixed span that needs no justification. */
export const DEFAULT_DEADLINE_DAYS = 20;
