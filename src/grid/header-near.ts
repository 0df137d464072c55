// When no row of a sheet is a catalog header, the refusal says what the sheet does have: the row that came
// closest, each of its labels with the known label nearest to it (by edit distance), and the required
// columns none of its labels is near — never a column the sheet has under a spelling zwgk did not read.
import { COLUMNS, HEADER_ALIASES, fieldLabel, normaliseLabel, type FieldKey, type Profile } from '../settings/columns.js';
import type { HeaderRow } from './header.js';
import { damagedKeys } from './header-fuzzy.js';

/** Edit distance (insert, delete, change one character), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

interface Reading {
  label: string;
  /** The alias it is, or the nearest one. */
  near?: { alias: string; key: FieldKey; exact: boolean };
}

/** The nearest alias of a label in one layout: a loss the reader accepts, or one character off (two from six on). */
function nearest(profile: Profile, label: string): Reading['near'] {
  const n = normaliseLabel(label);
  const exact = HEADER_ALIASES[profile][n];
  if (exact) return { alias: fieldLabel(profile, exact), key: exact, exact: true };
  const lost = damagedKeys(profile, label);
  if (lost.length === 1) return { alias: fieldLabel(profile, lost[0]!), key: lost[0]!, exact: false };
  if (n.length < 3) return undefined;
  const limit = n.length >= 6 ? 2 : 1;
  let best: Reading['near'];
  let bestD = limit + 1;
  for (const [alias, key] of Object.entries(HEADER_ALIASES[profile])) {
    const d = editDistance(n, alias, limit);
    if (d < bestD) {
      bestD = d;
      best = { alias: fieldLabel(profile, key), key, exact: false };
    }
  }
  return best;
}

/**
 * In words, the header row that came closest (at least two labels near a known one) and the required
 * columns missing from it, for the refusal: `第 2 行的表头“序号”“开依据”（最接近“依据”）…；缺“公开内容”`.
 */
export function nearestHeader(rows: readonly HeaderRow[], maxRow: number): { near: string; needed: string } | undefined {
  let best: { row: HeaderRow; profile: Profile; readings: Reading[]; score: number } | undefined;
  for (const row of rows) {
    if (row.row > maxRow) break;
    for (const profile of ['2019', '2017'] as const) {
      const readings = row.cells.map((c) => ({ label: c.text.replace(/\s+/gu, ''), near: nearest(profile, c.text) }));
      const score = readings.filter((r) => r.near).length;
      if (score >= 2 && (!best || score > best.score)) best = { row, profile, readings, score };
    }
  }
  if (!best) return undefined;
  const found = new Set(best.readings.flatMap((r) => (r.near ? [r.near.key] : [])));
  const words = best.readings.map((r) => (!r.near ? `“${r.label}”（不是目录的列名）` : r.near.exact ? `“${r.label}”` : `“${r.label}”（最接近“${r.near.alias}”）`));
  const missing = COLUMNS[best.profile].filter((c) => c.required && !found.has(c.key)).map((c) => `“${c.label}”`);
  return {
    near: `最接近表头的是第 ${best.row.row} 行：${words.join('')}。`,
    needed: missing.length ? `还缺${missing.join('')}等列` : '各列名都未能确认',
  };
}
