// Coverage of a reference catalog (a domain guide's 标准目录) by a unit's catalog: which reference items the
// unit has, which it lacks, which it adds. Items match by (事项类别/一级事项, 名称/二级事项): exactly, after
// normalisation (spaces, line breaks, full/half width, brackets and other punctuation), or by similarity
// (character-bigram Dice) — and each match says how it was made.
import type { Catalog, Item } from '../model/types.js';
import type { SourceRef } from '../findings/location.js';
import { fieldLabel } from '../settings/columns.js';
import type { Code } from '../findings/codes.js';
import { finding, type Finding } from '../findings/finding.js';
import { itemTitle, normaliseName } from '../model/names.js';

/** The codes coverage reports (held against the code table by test/rules/meta.test.ts). */
export const COVERAGE_CODES = ['fuzzy-match', 'reference-unrelated', 'reference-other-layout'] as const satisfies readonly Code[];

export type MatchMethod = 'exact' | 'normalised' | 'similar';

export interface CoverageMatch {
  category: string;
  name: string;
  /** 1-based index in the catalog. */
  item: number;
  refCategory: string;
  refName: string;
  /** 1-based index in the reference. */
  refItem: number;
  method: MatchMethod;
  /** 1 for exact and normalised matches; the Dice score of the names for similar ones. */
  score: number;
  /** False when the match crossed categories (a distinctive name filed under another category). */
  sameCategory: boolean;
  at: SourceRef;
}

export interface CoverageEntry {
  category: string;
  name: string;
}

export interface Coverage {
  matched: number;
  /** Reference items of the reference catalog. */
  reference: number;
  matches: CoverageMatch[];
  missing: CoverageEntry[];
  extra: (CoverageEntry & { item: number })[];
  /** fuzzy-match infos, one per similar match, at the catalog item's name cell; reference-unrelated and
   * reference-other-layout at the file. */
  findings: Finding[];
}

/** Same-category similarity threshold: 重大政策解读 ~ 重大政策解读及回应 (0.77) passes, 行政许可 ~ 行政处罚 (0.33) does not. */
export const SIMILAR_SAME_CATEGORY = 0.6;
/** Across categories only long names that are unique in the reference and nearly equal. */
export const SIMILAR_OTHER_CATEGORY = 0.85;
const DISTINCTIVE_LENGTH = 4;

function grams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Dice coefficient of the character bigrams of two (normalised) strings, 0…1. */
export function dice(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const ga = grams(a);
  const gb = grams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of gb) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

interface Keyed {
  item: Item;
  index: number;
  category: string;
  name: string;
  nCategory: string;
  nName: string;
}

function keyed(items: Item[]): Keyed[] {
  return items
    .map((item, i) => ({
      item,
      index: i + 1,
      category: item.category.text.trim(),
      name: item.name.text.trim(),
      nCategory: normaliseName(item.category.text),
      nName: normaliseName(item.name.text),
    }))
    .filter((k) => k.nName !== '');
}

/** Match a catalog's items against a reference catalog's items. */
export function computeCoverage(catalog: Catalog, reference: Catalog): Coverage {
  const mine = keyed(catalog.items);
  const refs = keyed(reference.items);
  const usedMine = new Set<number>();
  const usedRef = new Set<number>();
  const matches: CoverageMatch[] = [];
  const take = (m: Keyed, r: Keyed, method: MatchMethod, score: number) => {
    usedMine.add(m.index);
    usedRef.add(r.index);
    matches.push({
      category: m.category,
      name: m.name,
      item: m.index,
      refCategory: r.category,
      refName: r.name,
      refItem: r.index,
      method,
      score,
      sameCategory: m.nCategory === r.nCategory,
      at: m.item.name.at,
    });
  };

  // Exact, then normalised: one pass each so that an exact pair is never taken by a looser one.
  for (const method of ['exact', 'normalised'] as const) {
    for (const m of mine) {
      if (usedMine.has(m.index)) continue;
      const r = refs.find(
        (r) =>
          !usedRef.has(r.index) &&
          (method === 'exact' ? r.category === m.category && r.name === m.name : r.nCategory === m.nCategory && r.nName === m.nName),
      );
      if (r) take(m, r, method, 1);
    }
  }

  // Similar: every candidate pair above its threshold, best first, one-to-one.
  const nameCount = new Map<string, number>();
  for (const r of refs) nameCount.set(r.nName, (nameCount.get(r.nName) ?? 0) + 1);
  const candidates: { m: Keyed; r: Keyed; score: number }[] = [];
  for (const m of mine) {
    if (usedMine.has(m.index)) continue;
    for (const r of refs) {
      if (usedRef.has(r.index)) continue;
      const score = dice(m.nName, r.nName);
      const same = m.nCategory === r.nCategory || dice(m.nCategory, r.nCategory) >= 0.8;
      const ok = same
        ? score >= SIMILAR_SAME_CATEGORY
        : score >= SIMILAR_OTHER_CATEGORY && [...r.nName].length >= DISTINCTIVE_LENGTH && nameCount.get(r.nName) === 1;
      if (ok) candidates.push({ m, r, score: same ? score : score - 0.001 });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.m.index - b.m.index || a.r.index - b.r.index);
  for (const c of candidates) {
    if (usedMine.has(c.m.index) || usedRef.has(c.r.index)) continue;
    take(c.m, c.r, 'similar', Math.round(dice(c.m.nName, c.r.nName) * 100) / 100);
  }

  matches.sort((a, b) => a.refItem - b.refItem);
  const findings = matches
    .filter((m) => m.method === 'similar')
    .map((m) =>
      finding(
        'fuzzy-match',
        m.at,
        { item: itemTitle(m.category, m.name), score: m.score.toFixed(2), refItem: itemTitle(m.refCategory, m.refName) },
        { item: m.item, field: fieldLabel(catalog.profile, 'name') },
      ),
    );
  // A reference that shares nothing, or is of the other layout, is most often the wrong file picked: said
  // once, at the file, so that "已覆盖 0 个" is not read as "the unit lacks everything".
  const file = { file: catalog.file };
  if (matches.length === 0 && refs.length > 0 && mine.length > 0) {
    findings.push(finding('reference-unrelated', file, { reference: reference.file, count: refs.length }));
  }
  if (reference.profile !== catalog.profile) {
    findings.push(finding('reference-other-layout', file, { reference: reference.file, theirs: reference.profile, ours: catalog.profile }));
  }
  return {
    matched: matches.length,
    reference: refs.length,
    matches,
    missing: refs.filter((r) => !usedRef.has(r.index)).map((r) => ({ category: r.category, name: r.name })),
    extra: mine.filter((m) => !usedMine.has(m.index)).map((m) => ({ category: m.category, name: m.name, item: m.index })),
    findings,
  };
}
