// A resubmission against the last round: each finding of the new version is matched to one of the old
// by what it is about — its code, the item (by 类别 and 名称, since rows move when items are added or
// removed), the column and the text it names — never by cell alone. Matched: still open; new only: a
// new problem; old only: corrected.
import type { Finding } from '../findings/finding.js';
import type { Catalog } from '../model/types.js';
import { normaliseName } from '../model/names.js';

/** How one finding stands against the last round. */
export type SinceStatus = 'open' | 'new' | 'corrected';

/** The words of each status in the list sheet. */
export const SINCE_WORDS: Readonly<Record<SinceStatus, string>> = { open: '仍未改正', new: '新问题', corrected: '已改正' };

/** The comparison: the status of each new finding (by index) and the old findings no longer there. */
export interface SinceResult {
  status: SinceStatus[];
  corrected: Finding[];
  /** The last round's catalog, to say where a corrected finding was. */
  before: Catalog;
}

/** What a finding is about, independent of where the rows now are. */
function identity(f: Finding, catalog: Catalog): string {
  const item = f.item !== undefined ? catalog.items[f.item - 1] : undefined;
  const who = item ? `${normaliseName(item.category.text)}\u0000${normaliseName(item.name.text)}` : `\u0001${f.location.sheet ?? ''}`;
  const p = f.params ?? {};
  const what = p.found ?? p.value ?? p.label ?? p.content ?? p.standard ?? p.serial ?? p.sheet ?? p.text ?? '';
  return `${f.code}\u0000${who}\u0000${f.field ?? ''}\u0000${String(what)}`;
}

/** Compare the findings of the new version with the last round's (each old finding matches at most one new). */
export function compareRounds(after: readonly Finding[], afterCatalog: Catalog, before: readonly Finding[], beforeCatalog: Catalog): SinceResult {
  const pool = new Map<string, Finding[]>();
  for (const f of before) {
    const k = identity(f, beforeCatalog);
    pool.set(k, [...(pool.get(k) ?? []), f]);
  }
  const status = after.map((f): SinceStatus => {
    const list = pool.get(identity(f, afterCatalog));
    if (list?.length) {
      list.shift();
      return 'open';
    }
    return 'new';
  });
  const corrected = [...pool.values()].flat().sort((a, b) => before.indexOf(a) - before.indexOf(b));
  return { status, corrected, before: beforeCatalog };
}

/** The comparison in one line: 与上轮相比：已改正 3 个，仍未改正 2 个，新问题 1 个. */
export function sinceLine(r: SinceResult, file: string): string {
  const open = r.status.filter((s) => s === 'open').length;
  const fresh = r.status.length - open;
  return `与上轮（${file}）相比：已改正 ${r.corrected.length} 个，仍未改正 ${open} 个，新问题 ${fresh} 个`;
}
