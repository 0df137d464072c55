// `zwgk diff` of two versions of a list of another layout: items matched by the layout's duplicate columns
// (its name column by default) after the same normalisation as a catalog's, every differing column as
// before/after text; 序号 is not compared. The report is the catalog's DiffReport, so one renderer prints both.
import { ZwgkError } from '../findings/finding.js';
import { normaliseName } from '../model/names.js';
import { itemText, type ListDoc, type ListItem } from '../model/list.js';
import type { DiffReport, FieldChange } from './diff.js';

/** The text of a column of an item as compared: per-row values and ticks joined by line breaks. */
function columnText(doc: ListDoc, item: ListItem, key: string): string {
  const column = doc.layout.columns.find((c) => c.key === key);
  if (column?.kind === 'ticks') return (item.ticks[key]?.values ?? []).map((v) => v.text).sort().join('\n');
  if (column?.per === 'row') return item.rows.map((r) => r[key]?.text ?? '').join('\n');
  return item.values[key]?.text ?? '';
}

/** Diff two versions of one list layout. */
export function diffLists(before: ListDoc, after: ListDoc): DiffReport {
  if (before.layout.id !== after.layout.id) {
    throw new ZwgkError('diff-layouts', { file: after.file }, { detail: `${before.file} 是 ${before.layout.name}，${after.file} 是 ${after.layout.name}` });
  }
  const layout = after.layout;
  const keys = layout.rules.duplicates;
  const id = (doc: ListDoc, item: ListItem) => keys.map((k) => normaliseName(columnText(doc, item, k))).join('\u0000');
  const group = layout.group;
  const entry = (_doc: ListDoc, item: ListItem) => ({ category: group ? itemText(item, group) : '', name: itemText(item, layout.nameColumn) });
  const old = new Map<string, ListItem>();
  for (const item of before.items) if (!old.has(id(before, item))) old.set(id(before, item), item);
  const seen = new Set<string>();
  const report: DiffReport = {
    profile: layout.name, labels: { category: layout.columns.find((c) => c.key === group)?.label ?? '', name: layout.columns.find((c) => c.key === layout.nameColumn)!.label },
    oldFile: before.file, newFile: after.file, oldItems: before.items.length, newItems: after.items.length, added: [], removed: [], changed: [], unchanged: 0,
  };
  const extras = [...new Set([...before.extraColumns, ...after.extraColumns])];
  for (const item of after.items) {
    const key = id(after, item);
    const was = old.get(key);
    if (!was || seen.has(key)) {
      report.added.push(entry(after, item));
      continue;
    }
    seen.add(key);
    const fields: FieldChange[] = [];
    for (const c of layout.columns) {
      if (c.kind === 'serial') continue;
      const a = columnText(before, was, c.key);
      const b = columnText(after, item, c.key);
      if (a !== b) fields.push({ field: c.label, before: a, after: b });
    }
    for (const label of extras) {
      const a = was.extra[label]?.text ?? '';
      const b = item.extra[label]?.text ?? '';
      if (a !== b) fields.push({ field: label, before: a, after: b });
    }
    if (fields.length) report.changed.push({ ...entry(after, item), fields });
    else report.unchanged++;
  }
  for (const [key, item] of old) if (!seen.has(key)) report.removed.push(entry(before, item));
  return report;
}
