// The office's roll-up for the office above (zwgk summary): one row per catalog file — the unit, its layout,
// items, findings by severity, pass or not, when it was last changed — and a coverage matrix of units ×
// categories (事项类别 / 一级事项) with totals, so that it shows at a glance which unit has which.
// Rows are small plain data: the CLI builds them in worker threads and only they cross back.
import type { Finding } from '../findings/finding.js';
import type { Catalog } from '../model/types.js';
import { isList, itemText, type Doc, type ListDoc } from '../model/list.js';
import { categorySpellings, normaliseName } from '../model/names.js';
import { countBySeverity, isValid } from './report.js';
import { domainMatrix, domainOf, folderOf, type DomainMatrix } from './summary-domains.js';

/** One file of the roll-up. */
export interface SummaryRow {
  file: string;
  /** 编制单位, else taken from the title, else the most common 公开主体, else the file's name. */
  unit: string;
  /** 2017 or 2019; '' when the file could not be read. */
  layout: string;
  items: number;
  errors: number;
  warnings: number;
  hints: number;
  passed: boolean;
  /** Last modified, as the shell gives it (the core has no clock): 2026-12-03 08:15. */
  modified: string;
  /** Items per category, by the category's most common spelling. */
  categories: Record<string, number>;
  /** The 领域 of a domain catalog (from its title or file name): 安全生产, 户籍管理 …; absent for other catalogs. */
  domain?: string;
  /** Why the file could not be read (the finding's message); then it does not pass. */
  unreadable?: string;
}

/** The roll-up: its rows, the categories in column order, and the totals. */
export interface Summary {
  rows: SummaryRow[];
  /** Categories, those most units have first. */
  categories: string[];
  /** Per category: how many units have it, and their items. */
  coverage: Record<string, { units: number; items: number }>;
  /** Units × domains, when most files are domain catalogs. */
  domains?: DomainMatrix;
  totals: { files: number; passed: number; unreadable: number; items: number; errors: number; warnings: number; hints: number };
}

const TITLE_TAIL = /(?:政务公开)?(?:事项)?(?:标准)?(?:目录|清单)(?:[（(].*[）)])?$/;

/** The most common 公开主体 of a catalog's items. */
function commonSubject(catalog: Catalog): string | undefined {
  const subjects = new Map<string, number>();
  for (const item of catalog.items) {
    const s = item.subject.text.trim();
    if (s) subjects.set(s, (subjects.get(s) ?? 0) + 1);
  }
  return [...subjects].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The unit a catalog is of, as the roll-up names it. A domain catalog's title names the unit before the
 * domain (XX县 of XX县安全生产领域…); without it the folder the file is in — a unit's folder of domain
 * catalogs — comes before 公开主体, which in these is most often another office (县应急管理局). */
export function unitOf(catalog: Catalog, file: string, domain?: { unit?: string }): string {
  if (catalog.unit?.trim()) return catalog.unit.trim();
  if (domain) return domain.unit || folderOf(file) || commonSubject(catalog) || file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const fromTitle = catalog.title?.trim().replace(TITLE_TAIL, '').trim();
  if (fromTitle) return fromTitle;
  return commonSubject(catalog) ?? file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** The roll-up row of a checked file. */
export function summaryRow(file: string, catalog: Doc, findings: readonly Finding[], modified: string): SummaryRow {
  const n = countBySeverity(findings);
  if (isList(catalog)) return listRow(file, catalog, n, findings, modified);
  const spellings = categorySpellings(catalog.items);
  const categories: Record<string, number> = {};
  for (const item of catalog.items) {
    const raw = item.category.text.trim();
    if (!raw) continue;
    const name = spellings.get(normaliseName(raw))?.name.trim() || raw;
    categories[name] = (categories[name] ?? 0) + 1;
  }
  const domain = domainOf(catalog.title, file);
  return {
    file, unit: unitOf(catalog, file, domain), layout: catalog.profile, items: catalog.items.length, errors: n.error, warnings: n.warning, hints: n.info, passed: isValid(findings), modified, categories,
    ...(domain ? { domain: domain.domain } : {}),
  };
}

/** A list's row: its unit from 单位 or the title, its groups (the layout's group column) as categories. */
function listRow(file: string, doc: ListDoc, n: ReturnType<typeof countBySeverity>, findings: readonly Finding[], modified: string): SummaryRow {
  const categories: Record<string, number> = {};
  if (doc.layout.group) {
    for (const item of doc.items) {
      const g = itemText(item, doc.layout.group).trim();
      if (g) categories[g] = (categories[g] ?? 0) + 1;
    }
  }
  const unit = doc.unit?.trim() || doc.title?.trim().replace(doc.layout.name, '').replace(TITLE_TAIL, '').trim() || file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return { file, unit, layout: doc.layout.name, items: doc.items.length, errors: n.error, warnings: n.warning, hints: n.info, passed: isValid(findings), modified, categories };
}

/** The row of a file that could not be read: named, with the reason, never left out. */
export function unreadableRow(file: string, reason: string, modified: string): SummaryRow {
  const unit = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return { file, unit, layout: '', items: 0, errors: 1, warnings: 0, hints: 0, passed: false, modified, categories: {}, unreadable: reason };
}

/** The roll-up of rows (in the order given: the CLI sorts them by path). */
export function buildSummary(given: readonly SummaryRow[]): Summary {
  // One column per category across units too: 依法 行政 in one file and 依法行政 in another are one, shown
  // in the spelling most units use.
  const spellings = new Map<string, Map<string, number>>();
  for (const r of given) {
    for (const c of Object.keys(r.categories)) {
      const k = normaliseName(c);
      const m = spellings.get(k) ?? new Map<string, number>();
      spellings.set(k, m.set(c, (m.get(c) ?? 0) + 1));
    }
  }
  const canon = new Map<string, string>();
  for (const m of spellings.values()) {
    const best = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))[0]![0];
    for (const c of m.keys()) canon.set(c, best);
  }
  const rows = given.map((r) => {
    const categories: Record<string, number> = {};
    for (const [c, n] of Object.entries(r.categories)) categories[canon.get(c)!] = (categories[canon.get(c)!] ?? 0) + n;
    return { ...r, categories };
  });
  const coverage: Summary['coverage'] = {};
  for (const r of rows) {
    for (const [c, n] of Object.entries(r.categories)) {
      const cov = (coverage[c] ??= { units: 0, items: 0 });
      cov.units += 1;
      cov.items += n;
    }
  }
  const categories = Object.keys(coverage).sort((a, b) => coverage[b]!.units - coverage[a]!.units || a.localeCompare(b, 'zh-CN'));
  const sum = (k: 'items' | 'errors' | 'warnings' | 'hints') => rows.reduce((s, r) => s + r[k], 0);
  const domains = domainMatrix(rows);
  return {
    rows,
    categories,
    coverage,
    ...(domains ? { domains } : {}),
    totals: { files: rows.length, passed: rows.filter((r) => r.passed).length, unreadable: rows.filter((r) => r.unreadable).length, items: sum('items'), errors: sum('errors'), warnings: sum('warnings'), hints: sum('hints') },
  };
}

/** The roll-up's headline: 共 N 个文件：通过 a 个，未通过 b 个（其中无法读取 c 个）；事项 n 个. */
export function summaryHeadline(s: Summary): string {
  const t = s.totals;
  const unread = t.unreadable ? `（其中无法读取 ${t.unreadable} 个）` : '';
  return `共 ${t.files} 个文件：通过 ${t.passed} 个，未通过 ${t.files - t.passed} 个${unread}；事项 ${t.items} 个，错误 ${t.errors}，警告 ${t.warnings}，提示 ${t.hints}`;
}

/** The columns of the file table, in order, as every output labels them. */
export const SUMMARY_COLUMNS = ['单位', '文件', '版式', '事项数', '错误', '警告', '提示', '结论', '最后修改'] as const;

/** One row's cells for the file table, in SUMMARY_COLUMNS order. */
export function summaryCells(r: SummaryRow): (string | number)[] {
  const verdict = r.unreadable ? `无法读取：${r.unreadable}` : r.passed ? '通过' : '未通过';
  return [r.unit, r.file, r.layout ? `${r.layout} 版式` : '', r.items, r.errors, r.warnings, r.hints, verdict, r.modified];
}
