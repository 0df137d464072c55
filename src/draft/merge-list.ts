// `zwgk merge` of lists of one layout (the 科室's 重大行政决策事项 lists into the unit's): items in file order,
// 序号 renumbered 1..N, each item remembering where it came from, the same item twice kept and reported.
import { originOf } from '../findings/location.js';
import { finding, ZwgkError, type Finding } from '../findings/finding.js';
import { normaliseName } from '../model/names.js';
import { itemText, type ListDoc, type ListItem } from '../model/list.js';
import type { MergeResult } from './merge.js';
import { mergeHeads } from './merge-heads.js';

/** Merge lists of one layout into one named `output`; mixed-layouts when they are not of one layout. */
export function mergeLists(lists: readonly ListDoc[], output: string): Omit<MergeResult, 'catalog'> & { catalog: ListDoc } {
  const layout = lists[0]!.layout;
  const odd = lists.find((l) => l.layout.id !== layout.id);
  if (odd) throw new ZwgkError('mixed-layouts', { file: odd.file }, { detail: lists.map((l) => `${l.file} 是${l.layout.name}`).join('，') });
  const merged: ListDoc = { kind: 'list', layout, profile: layout.name, file: output, items: [], extraColumns: [], missingColumns: [], findings: [] };
  const findings: Finding[] = [];
  const { heads, findings: headNotes } = mergeHeads(lists);
  Object.assign(merged, heads);
  findings.push(...headNotes);
  const sources: MergeResult['sources'] = [];
  const seen = new Map<string, ListItem>();
  const serial = layout.columns.find((c) => c.kind === 'serial');
  for (const list of lists) {
    for (const c of list.extraColumns) if (!merged.extraColumns.includes(c)) merged.extraColumns.push(c);
    for (const [k, v] of Object.entries(list.options ?? {})) (merged.options ??= {})[k] ??= v;
    const first = merged.items.length + 1;
    for (const item of list.items) {
      const copy: ListItem = { ...item, values: Object.assign(Object.create(null), item.values), origin: item.origin ?? originOf(item.at) };
      const no = merged.items.length + 1;
      if (serial) copy.values[serial.key] = { text: String(no), at: item.values[serial.key]?.at ?? item.at };
      const key = layout.rules.duplicates.map((k) => normaliseName(itemText(item, k))).join('\u0000');
      const before = seen.get(key);
      const name = itemText(item, layout.nameColumn);
      if (before && name.trim() !== '') {
        findings.push(finding('merge-duplicate', item.at, { category: layout.group ? itemText(item, layout.group) : layout.name, name, first: before.origin ?? '', second: copy.origin ?? '' }, { item: no }));
      } else seen.set(key, copy);
      merged.items.push(copy);
    }
    sources.push({ file: list.file, items: list.items.length, first, last: merged.items.length });
  }
  return { catalog: merged, findings, sources };
}
