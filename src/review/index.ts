// zwgk review: the 科室's workbook sent back with the office's 审核意见 — each finding as a comment at its
// cell, the cell filled by severity, and a first sheet listing them all. A workbook is annotated in its
// own zip (annotate.ts); a catalog that came as YAML, a page or a Word file is first written as the
// 样表-style workbook (the xlsx renderer), read back to learn where each value landed, and annotated there.
import type { Finding } from '../findings/finding.js';
import { applyEdits } from '../findings/fix.js';
import { describeAt, locationKey, type SourceRef } from '../findings/location.js';
import { severityLabel } from '../findings/severity.js';
import { readCatalogBytes } from '../formats/index.js';
import type { Catalog, Item, ListField } from '../model/types.js';
import { render } from '../render/index.js';
import { summaryLine, type FileResult } from '../reports/report.js';
import { annotateWorkbook, worse, type Annotation, type CellNote } from './annotate.js';
import { LIST_SHEET, type ListRow } from './list-sheet.js';
import { SINCE_WORDS, compareRounds, sinceLine, type SinceResult } from './since.js';

/** A checked file as review needs it (core's Checked). */
export interface Reviewed {
  file: string;
  catalog: Catalog;
  findings: Finding[];
  result: FileResult;
}

export interface ReviewOptions {
  /** The review's date as printed (the core has no clock): 2026-12-03. */
  date: string;
  /** The last round (the annotated workbook sent back then, or the old version), checked. */
  since?: Reviewed;
  /** The file kind: 'xlsx' workbooks are annotated in place; anything else is written as the 样表 workbook first. */
  inPlace: boolean;
}

/** What review returns: the annotated workbook, the list's rows, and the comparison with the last round. */
export interface ReviewResult {
  data: Uint8Array;
  rows: ListRow[];
  /** The findings reviewed: the file's, without the note that zwgk's own list sheet is no catalog sheet. */
  findings: Finding[];
  since?: SinceResult;
}

/** Codes about the file or the header as a whole: they go to the list sheet only, never to a cell. */
const LIST_ONLY = new Set(['missing-column', 'catalog-empty']);
/** zwgk's own list sheet in a workbook it reviewed before (the 科室 may send that copy back corrected). */
const OWN_SHEET = new RegExp(`^${LIST_SHEET}(\\(\\d+\\))?$`);

/** Findings of a round without the ones about zwgk's own 审核意见 sheet in a workbook it reviewed before. */
function ownSheetAside(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !(f.location.sheet !== undefined && OWN_SHEET.test(f.location.sheet) && (f.code === 'sheet-ignored' || f.code === 'hidden-sheet-ignored')));
}

/** The corrected text a finding's fix gives, or ''. */
function fixText(f: Finding): string {
  if (!f.fix) return '';
  const fixed = applyEdits(f.fix.expected, f.fix.edits).text;
  const shown = fixed.length > 300 ? `${fixed.slice(0, 300)}…` : fixed;
  return `建议改为：“${shown}”`;
}

/** A place in the list sheet's words: 目录!C5 for a cell, else as messages say it (第 12 行, 第 2 个表格 …). */
function placeWords(at: SourceRef): string {
  if (at.cell) return `${at.sheet ? `${at.sheet}!` : ''}${at.range ?? at.cell}`;
  return at.line !== undefined || at.table !== undefined || at.row !== undefined ? describeAt(at) : '整个文件';
}

/** Each value's place in a catalog by a path that names it the same way in any catalog (item 3's 名称, its 2nd 公开内容 …). */
function valuePaths(catalog: Catalog): { byPlace: Map<string, string>; byPath: Map<string, SourceRef> } {
  const byPlace = new Map<string, string>();
  const byPath = new Map<string, SourceRef>();
  const put = (path: string, at: SourceRef | undefined) => {
    if (!at) return;
    const k = locationKey(at);
    if (!byPlace.has(k)) byPlace.set(k, path);
    if (!byPath.has(path)) byPath.set(path, at);
  };
  const list = (path: string, l: ListField | undefined) => {
    if (!l) return;
    put(path, l.at);
    for (const v of l.values) put(path, v.at);
  };
  catalog.items.forEach((item: Item, i) => {
    const base = `${i}.`;
    for (const key of ['serial', 'category', 'name', 'subject', 'deadline', 'remark', 'platform'] as const) put(base + key, item[key]?.at);
    list(base + 'basis', item.basis);
    list(base + 'channels', item.channels);
    for (const [group, l] of Object.entries(item.ticks ?? {})) list(`${base}ticks.${group}`, l);
    item.pairs.forEach((pair, p) => {
      put(`${base}content.${p}`, pair.content.at);
      put(`${base}standard.${p}`, pair.standard?.at);
    });
    for (const [label, cell] of Object.entries(item.extra)) put(`${base}extra.${label}`, cell.at);
    put(`${base}item`, item.at);
  });
  return { byPlace, byPath };
}

/** Where each finding goes in the annotated workbook: its own cell, or (rewritten) the cell its value landed in. */
function targetsOf(findings: readonly Finding[], source: Catalog, written: Catalog | undefined): (SourceRef | undefined)[] {
  if (!written) return findings.map((f) => (f.location.cell && f.location.sheet !== undefined ? f.location : undefined));
  const from = valuePaths(source);
  const to = valuePaths(written);
  return findings.map((f) => {
    const path = from.byPlace.get(locationKey(f.location));
    const at = path !== undefined ? to.byPath.get(path) : f.item !== undefined ? to.byPath.get(`${f.item - 1}.item`) : undefined;
    return at?.cell && at.sheet !== undefined ? at : undefined;
  });
}

/** The annotated workbook of a checked file (see the module comment). */
export async function reviewBytes(bytes: Uint8Array, checked: Reviewed, options: ReviewOptions): Promise<ReviewResult> {
  const findings = ownSheetAside(checked.findings);
  let workbook = bytes;
  let written: Catalog | undefined;
  if (!options.inPlace) {
    workbook = (await render(checked.catalog, 'xlsx')) as Uint8Array;
    written = (await readCatalogBytes(workbook, '审核意见.xlsx')) as Catalog;
  }
  const targets = targetsOf(findings, checked.catalog, written);
  const since = options.since ? compareRounds(findings, checked.catalog, ownSheetAside(options.since.findings), options.since.catalog) : undefined;
  const notes = new Map<string, Map<string, CellNote>>();
  const rows: ListRow[] = [];
  findings.forEach((f, i) => {
    const at = LIST_ONLY.has(f.code) ? undefined : targets[i];
    const fix = fixText(f);
    const status = since ? SINCE_WORDS[since.status[i]!] : undefined;
    rows.push({ place: placeWords(f.location), ...(at ? { link: { sheet: at.sheet!, cell: at.cell! } } : {}), severity: f.severity, message: f.message, fix, ...(status ? { status } : {}) });
    if (!at) return;
    const sheet = notes.get(at.sheet!) ?? new Map<string, CellNote>();
    notes.set(at.sheet!, sheet);
    const line = `【${severityLabel(f.severity)}${status ? `·${status}` : ''}】${f.message}${fix ? `\n${fix}` : ''}`;
    const note = sheet.get(at.cell!);
    if (note) {
      note.severity = worse(note.severity, f.severity);
      note.lines.push(line);
    } else sheet.set(at.cell!, { severity: f.severity, lines: [line] });
  });
  for (const f of since?.corrected ?? []) {
    rows.push({ place: placeWords(f.location), severity: f.severity, message: f.message, fix: fixText(f), status: SINCE_WORDS.corrected });
  }
  const result = { ...checked.result, findings };
  const annotation: Annotation = {
    notes,
    rows,
    head: {
      title: `${checked.file} 审核意见`,
      summary: summaryLine(result),
      date: options.date,
      ...(since && options.since ? { since: sinceLine(since, options.since.file) } : {}),
    },
  };
  const data = await annotateWorkbook(workbook, checked.file, annotation);
  return { data, rows, findings, ...(since ? { since } : {}) };
}
