// Header labels a reviewer reads at a glance though no alias spells them so: a character lost (开依据 for
// 公开依据, the 公 dropped by a scan or a narrow column), a label cut short (公开 where 公开主体 belongs), or
// one character changed or added (公开依椐, 公开主体体 — a slip of the input method). Losses are read when
// one field fits, or when the place among the columns read decides (公开: the one missing field the layout
// puts between its neighbours). A changed or added character is weaker evidence: it is read only as a field
// the sheet lacks and only where the layout puts that field between the neighbours. Never read so: a label
// that is some column's alias in either layout (名称, 公开平台), and the labels of real columns of their own
// that catalogs add (公开时长, 事项类型, 三级事项, 责任科室 …), one character away from 公开时限, 事项类别,
// 二级事项 but other columns.
import { COLUMNS, HEADER_ALIASES, TICK_GROUPS, normaliseLabel, type FieldKey, type Profile } from '../settings/columns.js';

const TICKS = new Set<string>(TICK_GROUPS);

/** Columns catalogs add under their own labels (issue 20's corpus): never a damaged spelling of a field. */
export const OWN_COLUMNS: readonly string[] = [
  '公开时长', '公开期限', '公开周期', '更新时限', '事项类型', '事项类别码', '三级事项', '四级事项', '一级目录', '二级目录', '三级目录',
  '责任科室', '责任股室', '责任人', '联系人', '联系电话', '咨询电话', '监督电话', '监督举报电话', '投诉电话', '办理时限', '承诺时限',
  '公开范围说明', '事项编码', '具体事项',
].map(normaliseLabel);
const OWN = new Set(OWN_COLUMNS);

function oneLost(long: string, short: string): boolean {
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

function oneChanged(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** Whether a label is some column's own alias, in either layout: it is that column, never another's misspelling. */
export function isAnyAlias(label: string): boolean {
  const n = normaliseLabel(label);
  return HEADER_ALIASES['2017'][n] !== undefined || HEADER_ALIASES['2019'][n] !== undefined;
}

/** Whether a label is that of a column catalogs add under its own name (公开时长, 责任科室 …). */
export function isOwnColumn(label: string): boolean {
  return OWN.has(normaliseLabel(label));
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
  if (n.length < 2 || n.length >= longest || OWN.has(n)) return [];
  const out = new Set<FieldKey>();
  for (const [alias, key] of list) {
    if (alias === n) continue;
    const lost = n.length >= 3 && alias.length === n.length + 1 && oneLost(alias, n);
    const cut = alias.length > n.length && alias.length - n.length <= 2 && alias.startsWith(n);
    if (lost || cut) out.add(key);
  }
  return [...out];
}

/** The fields (not √ groups) a label is one changed or added character away from (公开依椐, 公开主体体). */
export function misspeltKeys(profile: Profile, label: string): FieldKey[] {
  const n = normaliseLabel(label);
  if (n.length < 4 || OWN.has(n) || isAnyAlias(n)) return [];
  const out = new Set<FieldKey>();
  for (const [alias, key] of Object.entries(HEADER_ALIASES[profile])) {
    if (TICKS.has(key) || alias.length < 4) continue;
    if (oneChanged(alias, n) || (n.length === alias.length + 1 && oneLost(n, alias))) out.add(key);
  }
  return [...out];
}

/** The one field a damaged label stands for, given the fields read left and right of it; undefined if unclear. */
export function damagedField(profile: Profile, label: string, used: ReadonlySet<FieldKey>, left: FieldKey | undefined, right: FieldKey | undefined): FieldKey | undefined {
  if (isAnyAlias(label)) return undefined;
  const order = (k: FieldKey | undefined) => (k === undefined ? -1 : COLUMNS[profile].findIndex((c) => c.key === k));
  const lo = order(left);
  const hi = right === undefined ? Infinity : order(right);
  const fits = (k: FieldKey) => order(k) > lo && order(k) < hi;
  const candidates = damagedKeys(profile, label).filter((k) => !used.has(k));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    const between = candidates.filter(fits);
    return between.length === 1 ? between[0] : undefined;
  }
  // A changed character: only a field the sheet lacks, only in its place.
  const changed = misspeltKeys(profile, label).filter((k) => !used.has(k) && fits(k));
  return changed.length === 1 ? changed[0] : undefined;
}
