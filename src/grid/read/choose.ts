// Which layout a sheet is read with: the catalog header found (2017 样表 / 2019 标准目录) or a list layout
// (src/layouts) whose columns the header matches better — by the part of the required columns found, then
// by the columns found. A close second is said (layout-uncertain); a layout asked for is used or nothing is.
import { COLUMNS, fieldLabel } from '../../settings/columns.js';
import { HEADER_SEARCH_ROWS } from '../../settings/limits.js';
import type { Layout } from '../../layouts/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding, type Finding } from '../../findings/finding.js';
import type { Header, HeaderRow } from '../header.js';
import { coverage, listHeader, matchLayouts, qualifies, type ListHeader, type ListMatch } from '../list-header.js';

/** What the header search decided. */
export interface LayoutChoice {
  catalog?: Header;
  list?: ListHeader;
  finding?: Finding;
  /** No header: the layouts that came close, in words. */
  near?: string;
}

interface Candidate {
  name: string;
  coverage: number;
  found: number;
  missing: string[];
}

const PROFILE_NAMES = { '2017': '2017 样表', '2019': '2019 标准目录' } as const;

function catalogCandidate(h: Header): Candidate {
  const required = COLUMNS[h.profile].filter((c) => c.required).length;
  const found = new Set(h.columns.map((c) => (c.kind === 'field' ? c.key : c.kind === 'extra' ? '' : c.group)).filter((k) => k !== '')).size;
  return { name: PROFILE_NAMES[h.profile], coverage: (required - h.missing.length) / required, found, missing: h.missing.map((k) => fieldLabel(h.profile, k)) };
}

function listCandidate(m: ListMatch): Candidate {
  const label = (k: string) => m.layout.columns.find((c) => c.key === k)?.label ?? k;
  return { name: m.layout.name, coverage: coverage(m), found: m.found, missing: m.missing.map(label) };
}

function words(c: Candidate): string {
  return c.missing.length ? `${c.name}（缺${c.missing.map((l) => `“${l}”`).join('')}）` : `${c.name}（各必填列都有）`;
}

/** Choose the layout of one sheet from its header rows. */
export function chooseLayout(
  rows: readonly HeaderRow[],
  catalog: Header | undefined,
  layouts: readonly Layout[],
  forcedLayout: Layout | undefined,
  forcedProfile: string | undefined,
  at: (row: number, col: number) => SourceRef,
): LayoutChoice {
  if (forcedLayout) {
    const m = matchLayouts(rows, [forcedLayout], HEADER_SEARCH_ROWS)[0];
    if (m && qualifies(m)) return { list: listHeader(m, at) };
    return m && m.found > 0 ? { near: words(listCandidate(m)) } : {};
  }
  if (forcedProfile || layouts.length === 0) return catalog ? { catalog } : {};
  const matches = matchLayouts(rows, layouts, HEADER_SEARCH_ROWS);
  const lists = matches.filter(qualifies);
  const best = lists[0];
  const cat = catalog ? catalogCandidate(catalog) : undefined;
  const listWins = best !== undefined && (!cat || coverage(best) > cat.coverage || (coverage(best) === cat.coverage && best.found > cat.found));
  if (!catalog && !best) {
    const close = matches.filter((m) => m.found >= 2).slice(0, 3).map((m) => words(listCandidate(m)));
    return close.length ? { near: close.join('、') } : {};
  }
  const ranked: Candidate[] = [];
  if (listWins) ranked.push(listCandidate(best!), ...(cat ? [cat] : []), ...lists.slice(1).map(listCandidate));
  else ranked.push(cat!, ...lists.map(listCandidate));
  const [winner, second] = ranked;
  const choice: LayoutChoice = listWins ? { list: listHeader(best!, at) } : { catalog: catalog! };
  // Said only when another layout came close and the one chosen is not a full match.
  if (second && winner!.coverage < 1 && second.coverage >= 0.5 && winner!.coverage - second.coverage < 0.34) {
    const place = listWins ? choice.list!.firstAt : catalog!.firstAt;
    choice.finding = finding('layout-uncertain', place, { candidates: ranked.slice(0, 3).map(words).join('、'), chosen: winner!.name });
  }
  return choice;
}
