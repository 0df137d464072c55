// zwgk fix: apply the safe corrections that rules attach to findings (`fix: {from, to}`) to a copy of the
// input, keeping its layout and everything not fixed. A finding's `from` is a fragment of its cell's text
// (a 文号) or the whole text (whitespace); several fixes on one cell are applied to the same cell.
//
// Header spelling (xlsx only): the catalog model keeps no header cells, so the header rows are found again
// in the workbook — only among the rows just above the sheet's first item, and only the row holding at least
// three known labels and the rows under it. A spaced label (公 开 主 体) loses its spaces (line breaks and
// suffixes such as （要素） stay); a synonym (责任主体, 规定时限, 事项名称) becomes the layout's label. YAML keys
// are fixed by the format, so YAML has no header to fix.
import ExcelJS from 'exceljs';
import { isScalar, LineCounter, parseDocument, visit, type Scalar } from 'yaml';
import type { Catalog, Cell } from '../model/types.js';
import { compareLocations, describeAt, locationKey, type SourceRef } from '../findings/location.js';
import { fieldLabel, HEADER_ALIASES, normaliseLabel, TICK_GROUPS } from '../settings/columns.js';
import type { Code } from '../findings/codes.js';
import { ZwgkError, type Finding } from '../findings/finding.js';
import { terminalText } from '../reports/report.js';
import { extensionOf, fixedInPlaceFormat } from '../formats/index.js';
import { patchXlsx } from './xlsx-patch.js';
import { trimSpaces } from '../validate/rules/whitespace.js';
import { prepareYaml } from '../formats/yaml/lines.js';
import { splitItems } from '../formats/yaml/split.js';

export interface FixChange {
  location: SourceRef;
  field?: string;
  code: Code;
  from: string;
  to: string;
}

export interface FixSkip extends FixChange {
  /** Why the fix could not be applied (Chinese, for the user). */
  reason: string;
}

export interface FixResult {
  format: 'xlsx' | 'yaml';
  /** The corrected copy: a workbook's bytes or YAML text. */
  data: Uint8Array | string;
  changes: FixChange[];
  skipped: FixSkip[];
  /** Header cells rewritten to their standard label (xlsx with a catalog only). */
  headerChanges: FixChange[];
  /** The catalog was written anew (a page, Word document or converted file), not copied with edits. */
  rewritten?: boolean;
}

interface CellFixes {
  at: SourceRef;
  fixes: FixChange[];
}

/** Findings that carry a fix, grouped by the cell they apply to (in finding order). */
export function groupFixes(findings: readonly Finding[]): CellFixes[] {
  const groups = new Map<string, CellFixes>();
  for (const f of findings) {
    if (!f.fix || f.fix.from === f.fix.to) continue;
    const key = locationKey(f.location);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { at: f.location, fixes: [] }));
    const change: FixChange = { location: f.location, code: f.code, from: f.fix.from, to: f.fix.to };
    if (f.field !== undefined) change.field = f.field;
    g.fixes.push(change);
  }
  return [...groups.values()];
}

/**
 * Apply fixes to one cell's text: whole-text trims first (they only remove edge spaces, which no fragment
 * fix touches), then each fragment replaces its first remaining occurrence.
 */
export function applyTextFixes(text: string, fixes: readonly { from: string; to: string }[]): { text: string; applied: number[]; missed: number[] } {
  const order = fixes.map((f, i) => ({ f, i, trim: f.to === trimSpaces(f.from) }));
  order.sort((a, b) => Number(b.trim) - Number(a.trim) || a.i - b.i);
  const applied: number[] = [];
  const missed: number[] = [];
  let out = text;
  for (const { f, i } of order) {
    const at = out.indexOf(f.from);
    if (at < 0) {
      missed.push(i);
      continue;
    }
    out = out.slice(0, at) + f.to + out.slice(at + f.from.length);
    applied.push(i);
  }
  return { text: out, applied: applied.sort((a, b) => a - b), missed: missed.sort((a, b) => a - b) };
}

/** Fix a catalog's bytes (.xlsx/.xlsm or .yaml/.yml, by `file`'s extension): the corrected copy and what
 * changed. With the catalog, xlsx header labels are fixed too. A page, Word document or converted file is
 * never rewritten: its corrected catalog is written as `as` (a workbook unless YAML is asked for). */
export async function fixBytes(bytes: Uint8Array, file: string, findings: readonly Finding[], catalog?: Catalog, as?: 'xlsx' | 'yaml'): Promise<FixResult> {
  const ext = extensionOf(file);
  if (!fixedInPlaceFormat(file) && catalog) return fixCatalogAs(catalog, findings, as ?? 'xlsx');
  if (ext === '.yaml' || ext === '.yml') {
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/u, '');
    return fixYamlText(text, findings);
  }
  if (ext === '.xlsx' || ext === '.xlsm') return fixXlsxBuffer(bytes, findings, catalog, file);
  throw new ZwgkError('unsupported-format', { file }, { file, ext });
}

// ---------------------------------------------------------------- the catalog itself

/** Every text value of a catalog with its location (a merged cell is the value of several items). */
function catalogCells(catalog: Catalog): Cell[] {
  const out: Cell[] = [];
  for (const item of catalog.items) {
    out.push(item.serial, item.category, item.name, item.subject, item.deadline, item.remark, ...item.basis.values);
    if (item.platform) out.push(item.platform);
    for (const p of item.pairs) {
      out.push(p.content);
      if (p.standard) out.push(p.standard);
    }
    if (item.channels) out.push(...item.channels.values);
    for (const g of TICK_GROUPS) if (item.ticks) out.push(...item.ticks[g].values);
    out.push(...Object.values(item.extra));
  }
  return out;
}

/**
 * Apply the fixes to a copy of the catalog's values (every value read from the cell a finding names) and
 * write the corrected catalog as a workbook (sample-table style) or YAML: for sources zwgk does not
 * rewrite — web pages, Word documents, files LibreOffice converted.
 */
export async function fixCatalogAs(catalog: Catalog, findings: readonly Finding[], format: 'xlsx' | 'yaml'): Promise<FixResult> {
  const copy = structuredClone(catalog);
  const byPlace = new Map<string, Cell[]>();
  for (const cell of catalogCells(copy)) {
    const key = locationKey(cell.at);
    const list = byPlace.get(key);
    if (list) list.push(cell);
    else byPlace.set(key, [cell]);
  }
  const changes: FixChange[] = [];
  const skipped: FixSkip[] = [];
  for (const group of groupFixes(findings)) {
    const cells = byPlace.get(locationKey(group.at)) ?? [];
    const taken = new Set<number>();
    for (const cell of cells) {
      const result = applyTextFixes(cell.text, group.fixes);
      if (result.applied.length === 0) continue;
      cell.text = result.text;
      for (const i of result.applied) taken.add(i);
    }
    group.fixes.forEach((f, i) => {
      if (taken.has(i)) changes.push(f);
      else skipped.push({ ...f, reason: '在目录中找不到该处文本' });
    });
  }
  // The workbook or YAML written carries the layout's own column names: a header spelled otherwise is fixed too.
  const headerChanges: FixChange[] = [];
  for (const src of catalog.sources ?? []) {
    const to = src.role === 'header' ? headerSpelling(catalog, src.text) : undefined;
    if (to) headerChanges.push({ location: src.at, field: '表头', code: 'header-spelling', from: src.text, to });
  }
  let data: Uint8Array | string;
  if (format === 'yaml') data = (await import('../render/yaml.js')).renderYaml(copy);
  else data = await (await import('../render/xlsx.js')).renderXlsx(copy);
  return { format, data, changes: sortChanges(changes), skipped, headerChanges: sortChanges(headerChanges), rewritten: true };
}

// ---------------------------------------------------------------- YAML

interface YamlEdit {
  start: number;
  end: number;
  replacement: string;
  expected: string;
  quoted: boolean;
  group: CellFixes;
  applied: number[];
  missed: number[];
}

/** Scalars of a YAML text by "line:column" of their first character (what the YAML reader records). */
function scalarsByPosition(text: string): { nodes: Map<string, Scalar>; byOffset: Map<number, Scalar> } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, keepSourceTokens: true, uniqueKeys: false });
  const nodes = new Map<string, Scalar>();
  const byOffset = new Map<number, Scalar>();
  visit(doc, {
    Scalar(_key, node) {
      if (!node.range) return;
      const pos = lc.linePos(node.range[0]);
      nodes.set(`${pos.line}:${pos.col}`, node);
      byOffset.set(node.range[0], node);
    },
  });
  return { nodes, byOffset };
}

/** A piece of a YAML text parsed on its own: the whole text, or its head and each item (as the reader parses it). */
interface YamlUnit {
  /** Offset of the unit in the (compact) text, its first line there (1-based) and how many lines it has. */
  start: number;
  firstLine: number;
  lines: number;
  text: string;
  scalars?: ReturnType<typeof scalarsByPosition>;
}

/**
 * The units a YAML text is parsed in: for a large file its items one by one when the reader could split
 * it (splitItems), so a 30 MB catalog is never one document in memory; else the whole text.
 */
function yamlUnits(text: string): YamlUnit[] {
  // As the reader does: files under a megabyte are parsed whole.
  const split = text.length >= 1024 * 1024 ? splitItems(text) : undefined;
  const count = (t: string): number => t.split('\n').length;
  if (!split) return [{ start: 0, firstLine: 1, lines: count(text), text }];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // The head keeps every line (item lines blanked): its offsets are the text's own.
  const units: YamlUnit[] = [{ start: 0, firstLine: 1, lines: count(split.head), text: split.head }];
  for (const chunk of split.chunks) units.push({ start: lineStarts[chunk.lineOffset]!, firstLine: chunk.lineOffset + 1, lines: count(chunk.text), text: chunk.text });
  return units;
}

/** The item unit (after the head) whose lines include `line`, by binary search. */
function unitAt(units: readonly YamlUnit[], line: number): YamlUnit | undefined {
  let lo = 1;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid]!;
    if (line < u.firstLine) hi = mid - 1;
    else if (line >= u.firstLine + u.lines) lo = mid + 1;
    else return u;
  }
  return undefined;
}

/**
 * Apply fixes to YAML source text at the located scalars, keeping comments, order and styles. Runs of
 * comment and blank lines are set aside first (formats/yaml/lines.ts) and the rest parsed item by item, so a huge
 * file costs what its items cost; edits are placed back at the file's own offsets.
 */
export function fixYamlText(text: string, findings: readonly Finding[]): FixResult {
  const prepared = prepareYaml(text);
  const compact = prepared.text;
  const units = yamlUnits(compact);
  const changes: FixChange[] = [];
  const skipped: FixSkip[] = [];
  const edits: (YamlEdit & { unit: YamlUnit })[] = [];
  const scalarsOf = (u: YamlUnit) => (u.scalars ??= scalarsByPosition(u.text));
  for (const group of groupFixes(findings)) {
    const line = group.at.line !== undefined ? prepared.compactLine(group.at.line) : undefined;
    // The item holding the line; the head (the whole text, items blanked) holds the top-level keys.
    const owner = line === undefined ? units[0]! : (unitAt(units, line) ?? units[0]!);
    const node = line === undefined ? undefined : scalarsOf(owner).nodes.get(`${line - owner.firstLine + 1}:${group.at.column}`);
    if (!node || !isScalar(node) || typeof node.value !== 'string' || !node.range) {
      for (const f of group.fixes) skipped.push({ ...f, reason: '在文件中找不到该位置的文本' });
      continue;
    }
    const value = node.value;
    const result = applyTextFixes(value, group.fixes);
    for (const i of result.missed) skipped.push({ ...group.fixes[i]!, reason: '该处文本已与校验时不同' });
    if (result.applied.length === 0) continue;
    const [start, end] = node.range;
    const raw = owner.text.slice(start, end);
    // The fragments are plain text (no quotes, escapes or line breaks), so they appear verbatim in the source
    // of plain, quoted and block scalars alike; each edited item is re-parsed below to prove it.
    const rawFixed = applyTextFixes(raw, result.applied.map((i) => group.fixes[i]!));
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    edits.push({
      unit: owner,
      start,
      end,
      replacement: rawFixed.missed.length === 0 ? rawFixed.text : block ? raw : JSON.stringify(result.text),
      expected: result.text,
      quoted: rawFixed.missed.length !== 0,
      group,
      applied: result.applied,
      missed: [],
    });
  }
  edits.sort((a, b) => a.unit.start + a.start - (b.unit.start + b.start));

  /** A unit's text with its edits, and where each edited value now starts in it. */
  const build = (unit: YamlUnit, list: typeof edits) => {
    let out = '';
    let last = 0;
    const starts: number[] = [];
    for (const e of list) {
      out += unit.text.slice(last, e.start);
      starts.push(out.length);
      out += e.replacement;
      last = e.end;
    }
    return { out: out + unit.text.slice(last), starts };
  };
  const failing = (unit: YamlUnit, list: typeof edits): typeof edits => {
    const { out, starts } = build(unit, list);
    const { byOffset } = scalarsByPosition(out);
    return list.filter((e, k) => {
      const n = byOffset.get(starts[k]!);
      return !n || n.value !== e.expected;
    });
  };
  const bad: typeof edits = [];
  for (const unit of new Set(edits.map((e) => e.unit))) {
    const list = edits.filter((e) => e.unit === unit);
    let wrong = failing(unit, list);
    if (wrong.length) {
      // A fragment edit changed the meaning of the source (escapes, folding): write that value double-quoted.
      for (const e of wrong) if (!e.quoted && e.replacement !== unit.text.slice(e.start, e.end)) e.replacement = JSON.stringify(e.expected);
      wrong = failing(unit, list);
      for (const e of wrong) e.replacement = unit.text.slice(e.start, e.end);
    }
    bad.push(...wrong);
  }
  // The edits at the file's own offsets (the lines set aside are never inside a value).
  let out = '';
  let last = 0;
  for (const e of edits) {
    const from = prepared.offsetOf(e.unit.start + e.start);
    const to = prepared.offsetOf(e.unit.start + e.end - 1) + 1;
    out += text.slice(last, from) + e.replacement;
    last = to;
  }
  out += text.slice(last);
  for (const e of edits) {
    const ok = !bad.includes(e) && e.replacement !== e.unit.text.slice(e.start, e.end);
    for (const i of e.applied) {
      const f = e.group.fixes[i]!;
      if (ok) changes.push(f);
      else skipped.push({ ...f, reason: '无法在保持 YAML 格式的前提下修改该值，请手工修改' });
    }
  }
  return { format: 'yaml', data: out, changes: sortChanges(changes), skipped, headerChanges: [] };
}

// ---------------------------------------------------------------- xlsx

type RichText = { richText: { text: string; font?: unknown }[] };

function cellText(value: ExcelJS.CellValue): { text: string; rich?: RichText } | undefined {
  if (typeof value === 'string') return { text: value };
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) {
    return { text: value.richText.map((r) => r.text).join(''), rich: value as RichText };
  }
  return undefined;
}

/**
 * Apply fixes to a workbook's cells: patched at the zip level (xlsx-patch.ts), every part but the fixed
 * sheets copied byte for byte. A macro workbook (.xlsm) and a UTF-16 sheet go through exceljs instead: the
 * copy of an .xlsm must be a plain .xlsx (its VBA would make it unopenable under that name).
 */
export async function fixXlsxBuffer(input: Uint8Array, findings: readonly Finding[], catalog?: Catalog, file = 'workbook.xlsx'): Promise<FixResult> {
  if (extensionOf(file) !== '.xlsm') {
    const patched = await patchXlsx(input, findings, catalog, file);
    if (patched) return { format: 'xlsx', ...patched, changes: sortChanges(patched.changes) };
  }
  return fixXlsxWithExcelJS(input, findings, catalog);
}

/**
 * Apply fixes to a workbook's cells (exceljs document mode); other cells, styles and sheets stay as they were.
 * Known exceljs limits of the copy: an \r\n line break inside a cell is written as \n, and parts exceljs does
 * not model (charts, VBA) are not carried over.
 */
async function fixXlsxWithExcelJS(input: Uint8Array, findings: readonly Finding[], catalog?: Catalog): Promise<FixResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  const changes: FixChange[] = [];
  const skipped: FixSkip[] = [];
  for (const group of groupFixes(findings)) {
    const ws = group.at.sheet !== undefined ? wb.getWorksheet(group.at.sheet) : wb.worksheets[0];
    const cell = ws && group.at.cell ? ws.getCell(group.at.cell) : undefined;
    const current = cell ? cellText(cell.value) : undefined;
    if (!cell || !current) {
      for (const f of group.fixes) skipped.push({ ...f, reason: cell ? '该单元格不是文本（可能是公式），未修改' : '在工作簿中找不到该单元格' });
      continue;
    }
    const text = current.text.replace(/\r\n/gu, '\n');
    const result = applyTextFixes(text, group.fixes);
    for (const i of result.missed) skipped.push({ ...group.fixes[i]!, reason: '该单元格的文本已与校验时不同' });
    if (result.applied.length === 0) continue;
    cell.value = current.rich ? fixRich(current.rich, group.fixes, result) : result.text;
    for (const i of result.applied) changes.push(group.fixes[i]!);
  }
  const headerChanges = catalog ? fixHeaders(wb, catalog) : [];
  // exceljs writes xl/workbook.xml last; a streaming reader (ours included) that meets a second sheet after
  // sharedStrings.xml but before workbook.xml cannot name it. Inline strings avoid that order problem.
  const data = new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions));
  return { format: 'xlsx', data, changes: sortChanges(changes), skipped, headerChanges };
}

/** The standard spelling of a header label, or undefined when it is standard already or not a known label. */
export function headerSpelling(catalog: Catalog, raw: string): string | undefined {
  const key = HEADER_ALIASES[catalog.profile][normaliseLabel(raw)];
  if (!key) return undefined;
  const canonical = fieldLabel(catalog.profile, key);
  const fixed = normaliseLabel(raw) === normaliseLabel(canonical) ? raw.replace(/[ \t\u3000\u00a0]+/gu, '') : canonical;
  return fixed !== raw ? fixed : undefined;
}

function fixHeaders(wb: ExcelJS.Workbook, catalog: Catalog): FixChange[] {
  const changes: FixChange[] = [];
  const firstRows = new Map<string, number>();
  for (const item of catalog.items) {
    const row = item.at.row ?? (item.at.cell ? Number(/\d+/.exec(item.at.cell)?.[0]) : NaN);
    if (item.at.sheet === undefined || !Number.isInteger(row)) continue;
    firstRows.set(item.at.sheet, Math.min(firstRows.get(item.at.sheet) ?? Infinity, row));
  }
  for (const [sheet, firstRow] of firstRows) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const known = (r: number) => {
      let n = 0;
      ws.getRow(r).eachCell((c) => {
        if (typeof c.value === 'string' && HEADER_ALIASES[catalog.profile][normaliseLabel(c.value)]) n++;
      });
      return n;
    };
    let main = 0;
    for (let r = Math.max(1, firstRow - 3); r < firstRow; r++) if (known(r) >= 3 && (main === 0 || known(r) > known(main))) main = r;
    if (main === 0) continue;
    for (let r = main; r < firstRow; r++) {
      ws.getRow(r).eachCell((c) => {
        if (typeof c.value !== 'string' || (c.isMerged && c.master !== c)) return;
        const to = headerSpelling(catalog, c.value);
        if (!to) return;
        changes.push({ location: { file: catalog.file, sheet, cell: c.address, row: r }, field: '表头', code: 'header-spelling', from: c.value, to });
        c.value = to;
      });
    }
  }
  return changes;
}

/** Keep rich-text runs when every fix falls inside one run; otherwise the cell becomes plain text. */
function fixRich(rich: RichText, fixes: readonly FixChange[], result: { text: string; applied: number[] }): ExcelJS.CellValue {
  const runs = rich.richText.map((r) => ({ ...r, text: r.text.replace(/\r\n/gu, '\n') }));
  for (const i of result.applied) {
    const f = fixes[i]!;
    const run = runs.find((r) => r.text.includes(f.from));
    if (!run) return result.text;
    run.text = run.text.replace(f.from, f.to);
  }
  return runs.map((r) => r.text).join('') === result.text ? ({ richText: runs } as ExcelJS.CellValue) : result.text;
}

// ---------------------------------------------------------------- printing

function sortChanges(list: FixChange[]): FixChange[] {
  return list.sort((a, b) => compareLocations(a.location, b.location));
}

/** One change as a line for the terminal: 工作表“目录”C5 单元格（依据）：“…” → “…”. */
export function formatChange(c: FixChange): string {
  const where = c.location.cell || c.location.table !== undefined ? describeAt(c.location) : `第 ${c.location.line} 行`;
  // Cell texts, sheet names and fields as a terminal may show them (control characters escaped).
  return terminalText(`${where}${c.field ? `（${c.field}）` : ''}：“${c.from}” → “${c.to}”`);
}

/** What a fix did, as the lines `zwgk fix` prints (and the app shows): every change, then what was skipped. */
export function describeFix(result: FixResult): string[] {
  const lines: string[] = [];
  const all = [...result.headerChanges, ...result.changes];
  if (all.length === 0) lines.push(result.rewritten ? '没有可以自动修正的问题。' : '没有可以自动修正的问题，已原样写出副本。');
  else {
    lines.push(`已修正 ${all.length} 处：`);
    for (const c of all) lines.push(`  ${formatChange(c)}`);
  }
  if (result.skipped.length) {
    lines.push(`未能修正 ${result.skipped.length} 处（请手工修改）：`);
    for (const s of result.skipped) lines.push(`  ${formatChange(s)}：${terminalText(s.reason)}`);
  }
  return lines;
}
