// `zwgk diff`: what changed between two versions of a catalog (动态调整): items added, removed and
// changed, matched by (category, name) after the same normalisation as coverage (spaces, width,
// punctuation), with every differing field as before/after text.
//
// Decisions (README “zwgk diff”): 序号 is not compared (renumbering is not a content change); list
// fields (依据, 公开渠道和载体, the √ groups) and the 2017 公开内容/公开标准 rows are compared and
// reported as text joined by "\n"; channels and ticks compare as sets (order is not a change).
import type { Catalog, Item } from '../model/types.js';
import { itemText } from '../model/display.js';
import { COLUMNS, fieldLabel, TICK_GROUPS, type FieldKey, type Profile, type TickGroup } from '../settings/columns.js';
import { normaliseName } from '../model/names.js';
import { ZwgkError } from '../findings/finding.js';
import { terminalJson } from './report.js';

export interface DiffEntry {
  category: string;
  name: string;
}

export interface FieldChange {
  /** The layout's own column name (公开时限, 依据 / 公开依据 …). */
  field: string;
  before: string;
  after: string;
}

export interface DiffResult {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: (DiffEntry & { fields: FieldChange[] })[];
}

/** A diff with the context the Markdown and HTML change logs print. */
export interface DiffReport extends DiffResult {
  /** The layout: 2017/2019, or a list layout's name. */
  profile: Profile | string;
  /** What the category and name columns are called (a list layout's own; the catalog's by default). */
  labels?: { category: string; name: string };
  oldFile: string;
  newFile: string;
  oldItems: number;
  newItems: number;
  /** Items matched and equal. */
  unchanged: number;
}

const SET_FIELDS = new Set<FieldKey>(['channels', ...TICK_GROUPS]);

/** The text of a field as compared and reported: lists joined by "\n". */
export function fieldText(item: Item, key: FieldKey | 'extra', extra?: string): string {
  if (key === 'channels') return (item.channels?.values ?? []).map((v) => v.text).join('\n');
  if ((TICK_GROUPS as readonly string[]).includes(key)) {
    return (item.ticks?.[key as TickGroup]?.values ?? []).map((v) => v.text).join('\n');
  }
  return itemText(item, key, extra);
}

function comparable(key: FieldKey | 'extra', text: string): string {
  // A category respelt (依法 行政 → 依法行政) is the same category: not a change.
  if (key === 'category') return normaliseName(text);
  return SET_FIELDS.has(key as FieldKey) ? [...new Set(text.split('\n'))].sort().join('\n') : text;
}

function entry(item: Item): DiffEntry {
  return { category: item.category.text, name: item.name.text };
}

function key(item: Item): string {
  return `${normaliseName(item.category.text)}\u0000${normaliseName(item.name.text)}`;
}

/** The fields that differ between two matched items, in column order (序号 left out). */
export function changedFields(profile: Profile, before: Item, after: Item, extraColumns: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  const compare = (k: FieldKey | 'extra', label: string, extra?: string) => {
    const b = fieldText(before, k, extra);
    const a = fieldText(after, k, extra);
    if (comparable(k, b) !== comparable(k, a)) out.push({ field: label, before: b, after: a });
  };
  for (const col of COLUMNS[profile]) {
    if (col.key === 'serial') continue;
    compare(col.key, fieldLabel(profile, col.key));
  }
  for (const extra of extraColumns) compare('extra', extra, extra);
  return out;
}

/** Compare two catalogs of one layout; throws ZwgkError 'diff-layouts' (exit 2) otherwise. */
export function diffCatalogs(oldCatalog: Catalog, newCatalog: Catalog): DiffReport {
  if (oldCatalog.profile !== newCatalog.profile) {
    throw new ZwgkError('diff-layouts', { file: newCatalog.file }, {
      detail: `${oldCatalog.file} 是 ${oldCatalog.profile} 版式，${newCatalog.file} 是 ${newCatalog.profile} 版式`,
    });
  }
  const profile = oldCatalog.profile;
  // Duplicates of one key are paired in order of appearance, so a second copy is added/removed, not changed.
  const pool = new Map<string, Item[]>();
  for (const item of oldCatalog.items) {
    const k = key(item);
    const list = pool.get(k);
    if (list) list.push(item);
    else pool.set(k, [item]);
  }
  const extras = [...oldCatalog.extraColumns, ...newCatalog.extraColumns.filter((c) => !oldCatalog.extraColumns.includes(c))];
  const result: DiffReport = {
    profile,
    oldFile: oldCatalog.file,
    newFile: newCatalog.file,
    oldItems: oldCatalog.items.length,
    newItems: newCatalog.items.length,
    unchanged: 0,
    added: [],
    removed: [],
    changed: [],
  };
  const matched = new Set<Item>();
  for (const item of newCatalog.items) {
    const before = pool.get(key(item))?.shift();
    if (!before) {
      result.added.push(entry(item));
      continue;
    }
    matched.add(before);
    const fields = changedFields(profile, before, item, extras);
    if (fields.length) result.changed.push({ ...entry(item), fields });
    else result.unchanged++;
  }
  for (const item of oldCatalog.items) if (!matched.has(item)) result.removed.push(entry(item));
  return result;
}

/** The JSON document of `diff --to json`: exactly added, removed, changed. */
export function diffToJson(diff: DiffResult): string {
  const doc: DiffResult = { added: diff.added, removed: diff.removed, changed: diff.changed };
  return terminalJson(doc, 2) + '\n';
}
