// The 2019 national layout's own fields: each row's 公开内容 (a pair without 公开标准), the ■/□ checklist
// of 公开渠道和载体, and the √ groups (公开对象, 公开方式, 公开层级) as tick columns or as a written value.
import { CHANNELS, TICK_OPTIONS } from '../../settings/vocab.js';
import { TICK_GROUPS, fieldLabel, type TickGroup } from '../../settings/columns.js';
import type { Cell, Item, ListField, Pair } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding } from '../../findings/finding.js';
import { oddCharWords, oddChars } from '../../settings/odd-chars.js';
import { isSameAsAbove, isStandardChannel, parseChannels, parseTickText, readTick } from '../lists.js';
import { resolveField, startsHere, type Cells, type ChannelsSeen, type LayoutFields, type ReadContext } from './context.js';

/** How a 2019 row's own fields are read (items.ts picks it by the header's layout). */
export const FIELDS_2019: LayoutFields = {
  pair(ctx, row, cells, itemAt, onlyOwn): Pair | undefined {
    const c = resolveField(ctx, 'content', row, cells);
    if (onlyOwn && !startsHere(c)) return undefined;
    return { content: c ? { text: c.text, at: c.at } : { text: '', at: itemAt } };
  },
  start(ctx, item, row, cells, itemAt): void {
    item.channels = readChannels(ctx, row, cells, itemAt);
    item.ticks = readTicks(ctx, row, cells, itemAt);
  },
};

/** A further row's own 公开渠道和载体 cell: the channels it selects that the item does not have yet. */
export function moreChannels(ctx: ReadContext, item: Item, row: number, cells: Cells): void {
  for (const x of readChannels(ctx, row, cells, item.at).values) if (!item.channels!.values.some((y) => y.text === x.text)) item.channels!.values.push(x);
}

/** A further row's own tick cells: the options it ticks that the item does not have yet. */
export function moreTicks(ctx: ReadContext, item: Item, row: number, cells: Cells): void {
  const more = readTicks(ctx, row, cells, item.at);
  for (const g of TICK_GROUPS) {
    for (const x of more[g].values) if (!item.ticks![g].values.some((y) => y.text === x.text)) item.ticks![g].values.push(x);
  }
}

/**
 * The sheet's own channel checklist, when it is not the standard one. Selected channels outside the
 * standard list are appended by our renderer; they alone do not make the sheet's checklist a custom one.
 * A sheet's own checklist also lists every channel its items select (plain lists included): the renderer
 * then prints each item's selection in its own order within the one list, and the list reads back the same.
 */
export function sheetChecklist(seen: ChannelsSeen): string[] | undefined {
  const options = seen.options;
  if (!options) return undefined;
  for (const c of seen.selected) if (!options.includes(c)) options.push(c);
  const core = options.filter((o) => !seen.unknown.has(o));
  return sameSet(core, CHANNELS) ? undefined : options;
}

/** The row's 公开渠道和载体: the selected channels; the checklist's options and unknown channels noted. */
function readChannels(ctx: ReadContext, row: number, cells: Cells, itemAt: SourceRef): ListField {
  const v = resolveField(ctx, 'channels', row, cells);
  if (!v) return { values: [], at: itemAt };
  const at = v.at;
  if (isSameAsAbove(v.text)) return { values: [{ text: v.text.trim(), at }], at };
  const list = parseChannels(v.text);
  // A ⠂ read as a bullet and left out of the names: still said, at the cell (the other texts' are the odd-chars rule's).
  const odd = oddChars(v.text);
  if (odd.length) ctx.result.findings.push(finding('odd-char', at, { field: fieldLabel('2019', 'channels'), chars: oddCharWords(odd) }, { field: fieldLabel('2019', 'channels'), item: ctx.result.items.length + 1 }));
  const seen = ctx.channels;
  if (list.options) {
    if (!seen.options) seen.options = [...list.options];
    else for (const o of list.options) if (!seen.options.includes(o)) seen.options.push(o);
  }
  const item = ctx.result.items.length;
  if (list.unmarked.length) {
    const field = fieldLabel('2019', 'channels');
    ctx.result.findings.push(finding('channel-unmarked', at, { field, unmarked: list.unmarked.join('、') }, { field, item }));
  }
  for (const s of list.selected) {
    seen.selected.add(s);
    // Reported at every cell that selects it: the clerk fixes cells, not the sheet's first mention.
    if (!isStandardChannel(s)) {
      seen.unknown.add(s);
      ctx.result.findings.push(finding('channel-unknown', at, { value: s }, { field: fieldLabel('2019', 'channels'), item }));
    }
  }
  return { values: list.selected.map((text) => ({ text, at })), at };
}

/** The row's √ groups: each from its tick columns, or from the one column that names the options. */
function readTicks(ctx: ReadContext, row: number, cells: Cells, itemAt: SourceRef): Record<TickGroup, ListField> {
  const out = {} as Record<TickGroup, ListField>;
  const item = ctx.result.items.length;
  const findings = ctx.result.findings;
  for (const group of TICK_GROUPS) {
    const field = fieldLabel('2019', group);
    const cols = ctx.header.columns.filter((c) => (c.kind === 'tick' || c.kind === 'tickText') && c.group === group);
    if (cols.length === 0) {
      out[group] = { values: [], at: itemAt };
      continue;
    }
    const firstCol = cols[0]!;
    if (firstCol.kind === 'tickText') {
      const v = ctx.resolve(row, firstCol.col, cells);
      const at = v.at;
      if (isSameAsAbove(v.text)) {
        out[group] = { values: [{ text: v.text.trim(), at }], at };
        continue;
      }
      // A word that names no option is kept as written, after the options, and becomes an option of the
      // sheet's own (as a third √ column would be), so the workbook written from it has a column for it.
      const { labels, unknown } = parseTickText(v.text, group);
      for (const value of unknown) {
        const defaults = TICK_OPTIONS[group].map((a) => a[0]!);
        const own = (ctx.result.options[group] ??= [...defaults]);
        if (!own.includes(value)) own.push(value);
        const options = defaults.join('、');
        findings.push(finding('tick-value-unknown', at, { field, value, options }, { field, item }));
      }
      out[group] = { values: [...labels, ...unknown].map((text) => ({ text, at })), at };
      continue;
    }
    const values: Cell[] = [];
    for (const c of cols) {
      if (c.kind !== 'tick') continue;
      const v = ctx.resolve(row, c.col, cells);
      const state = readTick(v.text, c.label);
      if (state === 'on') values.push({ text: c.label, at: v.at });
      // Text instead of √ (州级, 项目单位) says the option applies, and says more: kept with the tick.
      else if (state === 'invalid') values.push({ text: c.label, at: v.at, mark: v.text.trim() });
    }
    out[group] = { values, at: ctx.at(row, firstCol.col) };
  }
  return out;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
