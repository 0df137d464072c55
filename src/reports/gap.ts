// The gap report: how far a catalog is from complete — per 事项类别/一级事项 how many items have every
// required field filled, which columns are blank, every finding with its cell, and (against a reference
// catalog) which reference items are missing or extra. Renderers in src/render/gap-*.ts print it.
import type { Catalog, Item } from '../model/types.js';
import { COLUMNS, TICK_GROUPS, type Profile, type FieldKey } from '../settings/columns.js';
import type { SourceRef } from '../findings/location.js';
import type { Severity } from '../findings/severity.js';
import { computeCoverage, type CoverageEntry, type CoverageMatch } from './coverage.js';
import { normaliseName, categorySpellings } from '../model/names.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { countBySeverity, toJsonDiagnostic, type JsonDiagnostic } from './report.js';

export interface GapCategory {
  category: string;
  items: number;
  /** Items with no required field blank. */
  complete: number;
  /** Blank required fields: column label → number of items (only columns with blanks). */
  blanks: Record<string, number>;
}

export interface GapItem {
  /** 1-based index in the catalog. */
  item: number;
  serial: string;
  category: string;
  name: string;
  at: SourceRef;
  complete: boolean;
  /** Labels of the blank required columns. */
  blanks: string[];
  findings: JsonDiagnostic[];
}

export interface GapCoverage {
  matched: number;
  reference: number;
  matches: Omit<CoverageMatch, 'at'>[];
  missing: CoverageEntry[];
  extra: (CoverageEntry & { item: number })[];
}

export interface GapReport {
  file: string;
  profile: Profile;
  title?: string;
  items: number;
  complete: number;
  counts: Record<Severity, number>;
  findings: JsonDiagnostic[];
  summary: GapCategory[];
  /** Per category, per item: the findings with their cells (not part of the JSON output). */
  details: { category: string; items: GapItem[] }[];
  /** Findings that belong to no item (missing columns, ignored sheets). */
  general: JsonDiagnostic[];
  coverage?: GapCoverage;
  /** The reference catalog's file, when there is one. */
  reference?: string;
}

/** Placeholder for an item whose category cell is blank. */
export const NO_CATEGORY = '（未填类别）';

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** Whether a required field of an item is blank in the model (text white space only, list empty). */
export function isFieldBlank(item: Item, key: FieldKey): boolean {
  switch (key) {
    case 'basis':
      return item.basis.values.every((c) => blank(c.text));
    case 'content':
      return item.pairs.every((p) => blank(p.content.text));
    case 'standard':
      return item.pairs.every((p) => blank(p.standard?.text));
    case 'channels':
      return !item.channels || item.channels.values.every((c) => blank(c.text));
    case 'audience':
    case 'mode':
    case 'level':
      return !item.ticks || item.ticks[key].values.every((c) => blank(c.text));
    case 'platform':
      return blank(item.platform?.text);
    default:
      return blank(item[key].text);
  }
}

/** The labels of an item's blank required columns, in column order. */
export function blankRequired(catalog: Catalog, item: Item): string[] {
  // A √ group the sheet has must be ticked even where the column itself is optional (公开层级).
  const mustFill = (c: (typeof COLUMNS)[Profile][number]) =>
    (c.required && !(c.key === 'category' && catalog.ungrouped)) || ((TICK_GROUPS as readonly string[]).includes(c.key) && !catalog.missingColumns.includes(c.key));
  return COLUMNS[catalog.profile].filter((c) => mustFill(c) && isFieldBlank(item, c.key)).map((c) => c.label);
}

/** Build the gap report of a catalog from its findings (reader + schema + rules), optionally against a reference. */
export function buildGap(catalog: Catalog, findings: readonly Finding[], reference?: Catalog): GapReport {
  const all = [...findings];
  const coverage = reference ? computeCoverage(catalog, reference) : undefined;
  if (coverage) all.push(...coverage.findings);
  sortFindings(all);
  const json = all.map(toJsonDiagnostic);

  const byItem = new Map<number, JsonDiagnostic[]>();
  const general: JsonDiagnostic[] = [];
  for (const d of json) {
    if (d.item === undefined || d.item < 1 || d.item > catalog.items.length) general.push(d);
    else byItem.set(d.item, [...(byItem.get(d.item) ?? []), d]);
  }

  const summary: GapCategory[] = [];
  const details: GapReport['details'] = [];
  const index = new Map<string, number>();
  let complete = 0;
  const spellings = categorySpellings(catalog.items);
  catalog.items.forEach((item, i) => {
    const category = item.category.text.trim() || NO_CATEGORY;
    // 依法 行政 and 依法行政 are one category, named by its most common spelling.
    const key = normaliseName(item.category.text);
    let k = index.get(key);
    if (k === undefined) {
      // A catalog without 一级事项 (ungrouped) is one group of all its items.
      const name = catalog.ungrouped ? '全部事项' : spellings.get(key)!.name.trim() || NO_CATEGORY;
      index.set(key, (k = summary.length));
      summary.push({ category: name, items: 0, complete: 0, blanks: {} });
      details.push({ category: name, items: [] });
    }
    const s = summary[k]!;
    const blanks = blankRequired(catalog, item);
    s.items++;
    if (blanks.length === 0) {
      s.complete++;
      complete++;
    }
    for (const b of blanks) s.blanks[b] = (s.blanks[b] ?? 0) + 1;
    details[k]!.items.push({
      item: i + 1,
      serial: item.serial.text.trim(),
      category,
      name: item.name.text.trim(),
      at: item.at,
      complete: blanks.length === 0,
      blanks,
      findings: byItem.get(i + 1) ?? [],
    });
  });

  const report: GapReport = {
    file: catalog.file,
    profile: catalog.profile,
    items: catalog.items.length,
    complete,
    counts: countBySeverity(all),
    findings: json,
    summary,
    details,
    general,
  };
  if (catalog.title !== undefined) report.title = catalog.title;
  if (coverage && reference) {
    report.reference = reference.file;
    report.coverage = {
      matched: coverage.matched,
      reference: coverage.reference,
      matches: coverage.matches.map(({ at: _at, ...m }) => m),
      missing: coverage.missing,
      extra: coverage.extra,
    };
  }
  return report;
}

/** What a shell says beside the report about the reference itself (nothing in common, another layout):
 * the messages of those findings, which the report also lists. */
export function gapCautions(report: GapReport): string[] {
  return report.general.filter((d) => d.code === 'reference-unrelated' || d.code === 'reference-other-layout').map((d) => d.message);
}

/** The JSON document of `zwgk gap --format json`: file, items, findings, summary, coverage (+ counts). */
export function gapJson(report: GapReport): unknown {
  const out: Record<string, unknown> = {
    file: report.file,
    profile: report.profile,
    items: report.items,
    complete: report.complete,
    counts: report.counts,
    findings: report.findings,
    summary: report.summary,
  };
  if (report.coverage) out.coverage = { ...report.coverage, referenceFile: report.reference };
  return out;
}
