// `zwgk merge`: the catalogs the 科室 sent, combined into one of the same layout. Items keep file
// order, 序号 is renumbered 1..N, each item remembers where it came from (item.origin), and items
// with the same (category, name) are all kept but reported as 重复.
import type { Catalog, CatalogOptions, Item } from '../model/types.js';
import { originOf } from '../findings/location.js';
import { itemTitle, normaliseName } from '../model/names.js';
import { withText } from '../model/packed.js';
import type { Code } from '../findings/codes.js';
import { finding, ZwgkError, type Finding } from '../findings/finding.js';
import { optionalKeys, type FieldKey } from '../settings/columns.js';
import { tickColumn, tickLabels } from '../model/display.js';
import { mergeHeads } from './merge-heads.js';

/** The codes merge reports (held against the code table by test/rules/meta.test.ts). */
export const MERGE_CODES = ['merge-duplicate', 'merge-relabelled', 'merge-heading-differs'] as const satisfies readonly Code[];

export interface MergeResult {
  catalog: Catalog;
  /** merge-duplicate warnings, one per later occurrence of an item; merge-relabelled infos, one per √
   * column of a file printed under another file's label. */
  findings: Finding[];
  /** Per input: how many items it gave and their new 序号 range. */
  sources: { file: string; items: number; first: number; last: number }[];
}

/** The identity of an item for duplicate detection (same normalisation as coverage and diff). */
export function itemKey(item: Item): string {
  return `${normaliseName(item.category.text)}\u0000${normaliseName(item.name.text)}`;
}

function mergeOptions(catalogs: readonly Catalog[], notes: Finding[]): CatalogOptions | undefined {
  const out: CatalogOptions = {};
  // √ columns: the first catalog's own labels, plus any label of another that fits none of them (a
  // 科室's 村级 next to 县级/镇级/乡、村级); 县级 under 区级 fits, as when printing one catalog.
  for (const key of ['audience', 'mode', 'level'] as const) {
    const first = catalogs.find((c) => c.options?.[key]?.length);
    if (!first) continue;
    const labels = [...first.options![key]!];
    for (const c of catalogs) {
      for (const l of tickLabels(c, key)) {
        const at = tickColumn(labels, key, l);
        if (at < 0) labels.push(l);
        // 乡级 printed under 乡、村级: right by the layout, but the 科室 should hear of it.
        else if (labels[at] !== l) notes.push(finding('merge-relabelled', { file: c.file }, { label: l, into: labels[at]! }));
      }
    }
    out[key] = labels;
  }
  // Channel lists are unions: a channel one 科室 added must still print as a checkbox.
  const channels: string[] = [];
  for (const c of catalogs) for (const ch of c.options?.channels ?? []) if (!channels.includes(ch)) channels.push(ch);
  if (channels.length) out.channels = channels;
  return Object.keys(out).length ? out : undefined;
}

/** How to merge. */
export interface MergeOptions {
  /** The inputs are not used after the merge (the CLI): their items are renumbered in place and move into
   * the merged catalog, each input left without items, instead of being copied (a merge of 100 000 items
   * holds one set of them, not two). */
  consume?: boolean;
}

/** Merge catalogs of one layout; throws ZwgkError 'mixed-layouts' naming each file's layout otherwise. */
export function mergeCatalogs(catalogs: readonly Catalog[], output: string, options: MergeOptions = {}): MergeResult {
  if (catalogs.length === 0) throw new ZwgkError('usage', { file: output }, { detail: '没有要合并的文件', help: 'zwgk merge --help' });
  const profiles = new Set(catalogs.map((c) => c.profile));
  if (profiles.size > 1) {
    const detail = catalogs.map((c) => `${c.file} 是 ${c.profile} 版式`).join('，');
    const odd = catalogs.find((c) => c.profile !== catalogs[0]!.profile)!;
    throw new ZwgkError('mixed-layouts', { file: odd.file }, { detail });
  }
  const first = catalogs[0]!;
  const merged: Catalog = {
    profile: first.profile,
    file: output,
    items: [],
    extraColumns: [],
    missingColumns: [],
    findings: [],
  };
  const findings: Finding[] = [];
  const { heads, findings: headNotes } = mergeHeads(catalogs);
  Object.assign(merged, heads);
  findings.push(...headNotes);
  const tickOptions = mergeOptions(catalogs, findings);
  if (tickOptions) merged.options = tickOptions;

  const sources: MergeResult['sources'] = [];
  const seen = new Map<string, string>();
  for (const catalog of catalogs) {
    for (const col of catalog.extraColumns) if (!merged.extraColumns.includes(col)) merged.extraColumns.push(col);
    for (const col of catalog.missingColumns) {
      // A catalog without 一级事项 merged with one that has them: its items' 一级事项 are to be filled in.
      if (col === 'category' && catalog.ungrouped) continue;
      // An optional column (备注, 公开层级) is left out only when no input has it, or its values would be lost.
      const optional = optionalKeys(catalog.profile).includes(col as FieldKey);
      if (optional && catalogs.some((c) => !c.missingColumns.includes(col))) continue;
      if (!merged.missingColumns.includes(col)) merged.missingColumns.push(col);
    }
    merged.findings.push(...catalog.findings);
    if (catalog === catalogs.at(-1) && catalogs.every((c) => c.ungrouped)) {
      merged.ungrouped = true;
      if (!merged.missingColumns.includes('category')) merged.missingColumns.push('category');
    }
    const start = merged.items.length + 1;
    for (const item of catalog.items) {
      const n = merged.items.length + 1;
      // An item of an already merged file keeps the source it was first taken from.
      const origin = item.origin?.trim() ? item.origin : originOf(item.at);
      const serial = withText(item.serial, String(n));
      merged.items.push(options.consume ? Object.assign(item, { serial, origin }) : { ...item, serial, origin });
      const key = itemKey(item);
      if (normaliseName(item.name.text) === '') continue;
      const before = seen.get(key);
      if (before === undefined) seen.set(key, origin);
      else {
        findings.push(
          finding(
            'merge-duplicate',
            item.at,
            // An item without 一级事项 is named by its name alone (not “ / 政策文件”).
            { item: itemTitle(item.category.text, item.name.text), first: before, second: origin },
            { item: n },
          ),
        );
      }
    }
    sources.push({ file: catalog.file, items: catalog.items.length, first: start, last: merged.items.length });
    if (options.consume) catalog.items = [];
  }
  return { catalog: merged, findings, sources };
}

/** The summary of a merge as the CLI prints it and the app shows it: files, items, 序号 ranges, duplicates. */
export function mergeLines(result: Pick<MergeResult, 'findings' | 'sources'> & { catalog: { items: readonly unknown[] } }, files: number): string[] {
  const duplicates = result.findings.filter((f) => f.code === 'merge-duplicate').length;
  return [
    `已合并 ${files} 个文件，共 ${result.catalog.items.length} 个事项，重复 ${duplicates} 处：`,
    ...result.sources.map((s) => (s.items ? `  ${s.file}：${s.items} 个事项（序号 ${s.first === s.last ? s.first : `${s.first}–${s.last}`}）` : `  ${s.file}：没有事项`)),
  ];
}
