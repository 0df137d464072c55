// The catalog as people see it, whatever the output: the title and 注 printed, an item-level field's
// text, the 2019 ticks and ■/□ channel checklist, items grouped under their category, and the columns
// of a page or Markdown table. The renderers, the app, merge, diff and the gap report share it.
import { CHANNELS, CHANNEL_OFF, CHANNEL_ON, TICK_OPTIONS } from '../settings/vocab.js';
import { COLUMNS, ITEM_GROUP_LABEL_2019, PRINTED_LABELS, normaliseLabel, type FieldKey, type TickGroup } from '../settings/columns.js';
import { DEFAULT_TITLE, NOTE_2017 } from '../settings/texts.js';
import type { Catalog, Item } from './types.js';
import { absentOptional } from './document.js';
import { categorySpellings, normaliseName } from './names.js';

/** The title printed on every output. */
export function catalogTitle(catalog: Catalog): string {
  return catalog.title?.trim() ? catalog.title : DEFAULT_TITLE;
}

/** Option labels of a 2019 tick group as printed: the catalog's own (区级/镇级) or the defaults. */
export function tickLabels(catalog: Catalog, group: TickGroup): string[] {
  const own = catalog.options?.[group];
  return own && own.length ? [...own] : TICK_OPTIONS[group].map((aliases) => aliases[0]!);
}

/**
 * The column (index into the printed labels) a ticked value belongs to: its own label's column; else,
 * for a value written under the default words (县级 in a catalog printing 区级/镇级), the column at that
 * word's position; -1 when it fits none (it is then kept as text, never dropped from text outputs).
 */
export function tickColumn(labels: readonly string[], group: TickGroup, text: string): number {
  const exact = labels.indexOf(text);
  if (exact >= 0) return exact;
  const n = normaliseLabel(text);
  const same = labels.findIndex((l) => normaliseLabel(l) === n);
  if (same >= 0) return same;
  const position = TICK_OPTIONS[group].findIndex((aliases) => aliases.some((a) => normaliseLabel(a) === n));
  return position >= 0 && position < labels.length ? position : -1;
}

/** The √ columns a sheet of the catalog prints for a group: its labels, then every value written that fits
 * none of them (项目单位 under 公开对象), so that a sheet keeps every value a YAML file or a page had. */
export function printedTickLabels(catalog: Catalog, group: TickGroup): string[] {
  const labels = tickLabels(catalog, group);
  const known = labels.length;
  for (const item of catalog.items) {
    for (const v of item.ticks?.[group]?.values ?? []) {
      if (v.carried !== true && tickColumn(labels.slice(0, known), group, v.text) < 0 && !labels.includes(v.text)) labels.push(v.text);
    }
  }
  return labels;
}

/** What the cell of option `index` of `labels` shows: `mark` (√), the text written there instead (州级),
 * or '' when not ticked. */
export function tickCellText(item: Item, group: TickGroup, labels: readonly string[], index: number, mark: string): string {
  const hits = (item.ticks?.[group]?.values ?? []).filter((v) => tickColumn(labels, group, v.text) === index);
  if (!hits.length) return '';
  return hits.find((v) => v.mark !== undefined)?.mark ?? mark;
}

/**
 * The ■/□ checklist of 公开渠道和载体: the catalog's (or default) channels in order, the selected ones
 * marked, any selected channel the list lacks after them — with the selected channels placed in the
 * order the item lists them (they take the places of the selected options in turn), so that a list
 * read back from the checklist comes back in exactly its order, and no selected value is lost.
 */
export function channelChecklist(catalog: Catalog, item: Item): { name: string; on: boolean }[] {
  const base = catalog.options?.channels?.length ? catalog.options.channels : CHANNELS;
  const selected: string[] = [];
  for (const v of item.channels?.values ?? []) if (!selected.includes(v.text)) selected.push(v.text);
  const chosen = new Set(selected);
  const list = base.map((name) => ({ name, on: false }));
  const slots = base.flatMap((name, i) => (chosen.has(name) ? [i] : []));
  for (const name of selected) if (!base.includes(name)) slots.push(list.push({ name, on: true }) - 1);
  slots.forEach((slot, k) => (list[slot] = { name: selected[k]!, on: true }));
  return list;
}

/** The checklist as one cell's text: "■政府网站 □政府公报 …". The marks delimit the entries, so the
 * text reads back unambiguously; spaces let a spreadsheet wrap it into a compact paragraph. */
export function channelChecklistText(catalog: Catalog, item: Item): string {
  return channelChecklist(catalog, item)
    .map((c) => (c.on ? CHANNEL_ON : CHANNEL_OFF) + c.name)
    .join(' ');
}

/** The plain text of an item-level field (lists joined by line breaks), exactly as in the model. */
export function itemText(item: Item, key: FieldKey | 'extra', extra?: string): string {
  switch (key) {
    case 'serial':
      return item.serial.text;
    case 'category':
      return item.category.text;
    case 'name':
      return item.name.text;
    case 'basis':
      return item.basis.values.map((v) => v.text).join('\n');
    case 'subject':
      return item.subject.text;
    case 'deadline':
      return item.deadline.text;
    case 'remark':
      return item.remark.text;
    case 'platform':
      return item.platform?.text ?? '';
    case 'channels':
      return (item.channels?.values ?? []).map((v) => v.text).join('\n');
    case 'audience':
    case 'mode':
    case 'level':
      return (item.ticks?.[key]?.values ?? []).map((v) => (v.mark !== undefined ? `${v.text}（${v.mark}）` : v.text)).join('、');
    case 'extra':
      return extra !== undefined ? (item.extra[extra]?.text ?? '') : '';
    case 'content':
      return item.pairs.map((p) => p.content.text).join('\n');
    case 'standard':
      return item.pairs.map((p) => p.standard?.text ?? '').join('\n');
  }
}

export interface CategoryGroup {
  name: string;
  items: Item[];
}

/**
 * Items grouped by 事项类别 / 一级事项 — spellings that differ only in white space, line breaks, width or
 * punctuation are one group, shown by its most common spelling — groups in order of first appearance,
 * items in catalog order.
 */
export function groupByCategory(items: readonly Item[]): CategoryGroup[] {
  const spellings = categorySpellings(items);
  const groups = new Map<string, CategoryGroup>();
  for (const item of items) {
    const key = normaliseName(item.category.text);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name: spellings.get(key)!.name, items: [] }));
    g.items.push(item);
  }
  return [...groups.values()];
}

/** A group's heading text; a blank category still gets a visible name. */
export function groupName(name: string): string {
  return name.trim() ? name : '（未分类）';
}

/** A catalog's group heading: a catalog without 一级事项 (ungrouped) is one group of all its items. */
export function catalogGroupName(catalog: Catalog, name: string): string {
  return catalog.ungrouped ? '全部事项' : groupName(name);
}

/** The 注 printed under the table: the catalog's own, else the sample table's standard 注 (2017). */
export function noteText(catalog: Catalog): string | undefined {
  if (catalog.note?.trim()) return catalog.note;
  return catalog.profile === '2017' ? NOTE_2017 : undefined;
}

/** A column of the HTML page and the Markdown tables: 2019 ticks as one text column per group,
 * the category left out (it heads each group). */
export interface DisplayColumn {
  key: FieldKey | 'extra';
  label: string;
  extra?: string;
  perPair: boolean;
}

/** Columns of the page and Markdown tables, in layout order; extra columns after 备注. The category is a
 * heading there, not a column, unless asked for (the app's table of the file as read). */
export function displayColumns(catalog: Catalog, withCategory = false): DisplayColumn[] {
  const profile = catalog.profile;
  const absent = absentOptional(catalog);
  const out: DisplayColumn[] = COLUMNS[profile]
    .filter((spec) => (withCategory || spec.key !== 'category') && !absent.includes(spec.key))
    .map((spec) => ({
      key: spec.key,
      // Items named by one 公开事项 column are shown under that label, as the source had it.
      label: spec.key === 'name' && catalog.ungrouped ? ITEM_GROUP_LABEL_2019 : (PRINTED_LABELS[profile][spec.key] ?? spec.label),
      perPair: spec.key === 'content' || spec.key === 'standard',
    }));
  for (const extra of catalog.extraColumns) out.push({ key: 'extra', label: extra, extra, perPair: false });
  return out;
}

/** The ticked options of a 2019 group as text (全社会、特定群体), under the catalog's own labels
 * (区级 for a tick read as 县级); a value matching no option is kept verbatim. */
export function tickText(catalog: Catalog, item: Item, group: TickGroup): string {
  const labels = tickLabels(catalog, group);
  const values = item.ticks?.[group]?.values ?? [];
  // A text written instead of √ is shown with its option: 县级（州级）, 特定群体（项目单位）.
  const out = labels.flatMap((l, i) => {
    const hits = values.filter((v) => tickColumn(labels, group, v.text) === i);
    if (!hits.length) return [];
    const marks = hits.flatMap((v) => (v.mark !== undefined ? [v.mark] : []));
    return [marks.length ? `${l}（${marks.join('、')}）` : l];
  });
  for (const v of values) {
    if (tickColumn(labels, group, v.text) < 0 && !out.includes(v.text)) out.push(v.text);
  }
  return out.join('、');
}

/** An item-level value for display: a list (依据, the selected channels) or one text. */
export function displayValue(catalog: Catalog, item: Item, col: DisplayColumn): string | string[] {
  if (col.key === 'basis') return item.basis.values.map((v) => v.text);
  if (col.key === 'channels') return (item.channels?.values ?? []).map((v) => v.text);
  if (col.key === 'audience' || col.key === 'mode' || col.key === 'level') return tickText(catalog, item, col.key);
  return itemText(item, col.key, col.extra);
}
