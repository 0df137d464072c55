// Header labels a reviewer reads at a glance though no alias spells them so: a character lost (开依据 for
// 公开依据, the 公 dropped by a scan or a narrow column) or a label cut short (公开 where 公开主体 belongs).
// Only losses count, never a changed character: 公开时长, 事项类型 and 三级事项 are other columns, one
// character away from 公开时限, 事项类别 and 二级事项. When a label could be several fields (公开), its
// place among the columns read decides: the one missing field the layout puts between its neighbours.
import { COLUMNS, HEADER_ALIASES, TICK_GROUPS, normaliseLabel, type FieldKey, type Profile } from '../settings/columns.js';

const TICKS = new Set<string>(TICK_GROUPS);

function oneLost(long: string, short: string): boolean {
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** Per layout, once: the aliases a damaged label may stand for, and the longest (a label as long is never damaged). */
const CANDIDATES = Object.fromEntries(
  (['2017', '2019'] as const).map((profile) => {
    const list = Object.entries(HEADER_ALIASES[profile]).filter(([alias, key]) => !TICKS.has(key) && alias.length >= 3);
    return [profile, { list, longest: Math.max(...list.map(([alias]) => alias.length)) }];
  }),
) as Record<Profile, { list: [string, FieldKey][]; longest: number }>;

/** The fields (not √ groups) a label may be a damaged spelling of: an alias with one character lost, or cut short. */
export function damagedKeys(profile: Profile, label: string): FieldKey[] {
  return damagedKeysOf(profile, normaliseLabel(label));
}

/** damagedKeys of a label normalised already (normaliseLabel). */
export function damagedKeysOf(profile: Profile, n: string): FieldKey[] {
  const { list, longest } = CANDIDATES[profile];
  // Most cells of the rows searched are data, as long as any alias or longer: no alias need be tried.
  if (n.length < 2 || n.length >= longest) return [];
  const out = new Set<FieldKey>();
  for (const [alias, key] of list) {
    if (alias === n) continue;
    const lost = n.length >= 3 && alias.length === n.length + 1 && oneLost(alias, n);
    const cut = alias.length > n.length && alias.length - n.length <= 2 && alias.startsWith(n);
    if (lost || cut) out.add(key);
  }
  return [...out];
}

/** The one field a damaged label stands for, given the fields read left and right of it; undefined if unclear. */
export function damagedField(profile: Profile, label: string, used: ReadonlySet<FieldKey>, left: FieldKey | undefined, right: FieldKey | undefined): FieldKey | undefined {
  const order = (k: FieldKey | undefined) => (k === undefined ? -1 : COLUMNS[profile].findIndex((c) => c.key === k));
  const candidates = damagedKeys(profile, label).filter((k) => !used.has(k));
  if (candidates.length <= 1) return candidates[0];
  const lo = order(left);
  const hi = right === undefined ? Infinity : order(right);
  const between = candidates.filter((k) => order(k) > lo && order(k) < hi);
  return between.length === 1 ? between[0] : undefined;
}
