// Cell accounting, checked from outside the reader: every non-empty cell of a workbook (enumerated with
// exceljs, not with our scanner) must be in the catalog — a value located at that cell whose text holds
// the cell's text, a header label, the title, the 编制单位 line, a 注 row — or be named by a finding
// (its cell, or a range containing it). Whatever is neither was dropped silently.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { isList, type Doc } from '../../src/model/list.js';
import type { Catalog, Cell } from '../../src/model/types.js';
import { a1, columnNumber, type SourceRef } from '../../src/findings/location.js';
import type { Finding } from '../../src/findings/finding.js';
import { cellText } from './exceljs-text.js';
import { openWorkbook } from '../../src/formats/xlsx/workbook.js';
import type { Grid } from '../../src/grid/grid.js';
import { CHANNELS, CHANNEL_SELECTED, CHANNEL_UNSELECTED, TICK_MARKS, UNTICK_MARKS } from '../../src/settings/vocab.js';
import { DEFAULT_TITLE, NOTE_2017 } from '../../src/settings/texts.js';
import { TICK_GROUPS } from '../../src/settings/columns.js';

/** One non-empty cell as the source holds it (merged ranges: their top-left cell only). */
export interface SourceCell {
  sheet: string;
  ref: string;
  row: number;
  col: number;
  text: string;
}

/**
 * Every non-empty cell of every sheet of a workbook, read with exceljs; a workbook exceljs refuses
 * (overlapping merges, merges past column XFD) is read cell by cell with the reader's own scanner.
 */
export async function workbookCells(file: string): Promise<SourceCell[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    return scannedCells(file);
  }
  const out: SourceCell[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const text = cellText(cell.value);
        if (text.trim() === '') return;
        out.push({ sheet: ws.name, ref: cell.address, row: Number(cell.row), col: Number(cell.col), text });
      }),
    );
  }
  return out;
}

async function scannedCells(file: string): Promise<SourceCell[]> {
  const workbook = await openWorkbook(readFileSync(file), file);
  const out: SourceCell[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.kind !== 'worksheet' || !sheet.part) continue;
    const { rows } = await workbook.scanSheet(sheet);
    // The scan's rows are walked once (grid/cell-store.ts).
    for (const { row, cells } of rows.rows()) {
      for (const [col, text] of cells) if (text.trim() !== '') out.push({ sheet: sheet.name, ref: a1(row, col), row, col, text });
    }
  }
  return out;
}

/** Where a location is for matching cells: [sheet, A1] for a sheet, [#table, R7C9] for a table of a page
 * or Word document (the two never meet). */
export function placeOf(at: SourceRef): [string | undefined, string | undefined] {
  if (at.table !== undefined) return [`#${at.table}`, at.row !== undefined && at.column !== undefined ? `R${at.row}C${at.column}` : undefined];
  return [at.sheet, at.cell];
}

/** The cells of a table (from the data it was made of: a sheet's texts by row and column), named as the table's. */
export function tableCells(table: number, rows: readonly (readonly string[])[], covered: (row: number, col: number) => boolean = () => false): SourceCell[] {
  const out: SourceCell[] = [];
  rows.forEach((line, r) =>
    line.forEach((text, c) => {
      if (text.trim() !== '' && !covered(r + 1, c + 1)) out.push({ sheet: `#${table}`, ref: `R${r + 1}C${c + 1}`, row: r + 1, col: c + 1, text });
    }),
  );
  return out;
}

/** Every non-empty cell of a grid (cells covered by a merge that starts elsewhere hold nothing). */
export function gridCells(grid: Grid): SourceCell[] {
  const out: SourceCell[] = [];
  for (const { row, cells } of grid.rows()) {
    for (const [col, text] of cells) {
      if (text.trim() === '') continue;
      const m = grid.merges.find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right);
      if (m && (m.top !== row || m.left !== col)) continue;
      const [sheet, ref] = placeOf(grid.at(row, col));
      out.push({ sheet: sheet ?? grid.name, ref: ref!, row, col, text });
    }
  }
  return out;
}

/** Text compared for "holds": full/half width folded, white space, punctuation and symbols dropped. */
function norm(s: string): string {
  return s.normalize('NFKC').replace(/[\s\p{P}\p{S}\p{Z}]+/gu, '');
}

function inRange(range: string, row: number, col: number): boolean {
  // A table's block: 第 3–9 行 第 1–11 列 (a single row or column without the dash).
  const t = /^第 (\d+)(?:–(\d+))? 行 第 (\d+)(?:–(\d+))? 列$/.exec(range);
  if (t) return row >= Number(t[1]) && row <= Number(t[2] ?? t[1]) && col >= Number(t[3]) && col <= Number(t[4] ?? t[3]);
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return false;
  return row >= Number(m[2]) && row <= Number(m[4]) && col >= columnNumber(m[1]!) && col <= columnNumber(m[3]!);
}

function named(findings: readonly Finding[], c: SourceCell): boolean {
  return findings.some((f) => {
    const l = f.location;
    const [sheet, cell] = placeOf(l);
    if (sheet !== c.sheet) return false;
    if (cell === c.ref) return true;
    return l.range !== undefined && inRange(l.range, c.row, c.col);
  });
}

/** Values of the model located at each cell ("sheet!A1" → texts). */
function valuesByCell(catalog: Doc): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (cell: Cell | undefined) => {
    const [sheet, ref] = cell ? placeOf(cell.at) : [undefined, undefined];
    if (!cell || sheet === undefined || !ref || cell.text === '') return;
    const key = `${sheet}!${ref}`;
    const texts = cell.mark !== undefined ? [cell.text, cell.mark] : [cell.text];
    const list = map.get(key);
    if (list) list.push(...texts);
    else map.set(key, texts);
  };
  // A sheet that holds no catalog is kept whole: each of its cells is a value at that cell.
  for (const sheet of catalog.otherSheets ?? []) for (const c of sheet.cells) add({ text: c.text, at: c.at });
  if (isList(catalog)) {
    for (const item of catalog.items) {
      Object.values(item.values).forEach(add);
      for (const r of item.rows) Object.values(r).forEach(add);
      for (const t of Object.values(item.ticks)) t.values.forEach(add);
      Object.values(item.extra).forEach(add);
    }
    return map;
  }
  for (const item of catalog.items) {
    for (const c of [item.serial, item.category, item.name, item.subject, item.deadline, item.remark, item.platform]) add(c);
    item.basis.values.forEach(add);
    for (const p of item.pairs) {
      add(p.content);
      add(p.standard);
    }
    item.channels?.values.forEach(add);
    for (const g of TICK_GROUPS) item.ticks?.[g].values.forEach(add);
    Object.values(item.extra).forEach(add);
  }
  return map;
}

const MARKS = new RegExp(`[\\s${[...CHANNEL_SELECTED, ...CHANNEL_UNSELECTED].join('')}]+`, 'u');
const META_WORDS = /(?:编制|填报|制表)?(?:单位|日期|时间)/gu;

/**
 * The cells a catalog neither holds nor names in a finding, as "工作表!A1“text”" strings (empty when
 * every cell is accounted for). `findings` defaults to the reader's own.
 */
export function unaccounted(catalog: Doc, cells: readonly SourceCell[], findings: readonly Finding[] = catalog.findings): string[] {
  const values = valuesByCell(catalog);
  const sources = new Map(
    (catalog.sources ?? [])
      .map((s) => [placeOf(s.at), s] as const)
      .filter(([[sheet, ref]]) => sheet !== undefined && ref)
      .map(([[sheet, ref], s]) => [`${sheet}!${ref}`, s]),
  );
  // Which column holds what: the header cell lowest in its column decides.
  const columns = new Map<string, { row: number; column: string }>();
  for (const s of catalog.sources ?? []) {
    const [sheet, ref] = placeOf(s.at);
    if (s.role !== 'header' || !ref || s.column === undefined) continue;
    const m = /^(?:R(\d+)C(\d+)|([A-Z]+)(\d+))$/.exec(ref)!;
    const key = `${sheet}!${m[3] ?? `C${m[2]}`}`;
    const row = Number(m[4] ?? m[1]);
    if ((columns.get(key)?.row ?? 0) <= row) columns.set(key, { row, column: s.column });
  }
  const title = catalog.title ?? (isList(catalog) ? catalog.layout.print.title : DEFAULT_TITLE);
  const note = norm(catalog.note ?? (catalog.profile === '2017' ? NOTE_2017 : ''));
  const channelWords = norm([...CHANNELS, ...((isList(catalog) ? undefined : catalog.options?.channels) ?? [])].join('|'));

  const held = (c: SourceCell): boolean => {
    const key = `${c.sheet}!${c.ref}`;
    const src = sources.get(key);
    if (src) {
      switch (src.role) {
        case 'header':
          return norm(src.text) === norm(c.text);
        case 'title':
          return norm(c.text) === norm(title);
        case 'note':
          return note.includes(norm(c.text));
        case 'preface':
          return norm(catalog.preface ?? '').includes(norm(c.text));
        case 'meta': {
          let rest = c.text;
          for (const v of [catalog.unit, catalog.date]) if (v) rest = rest.replace(v, '');
          return norm(rest.replace(META_WORDS, '')) === '';
        }
        default:
          return false;
      }
    }
    const here = values.get(key) ?? [];
    const letters = /^R\d+(C\d+)$/.exec(c.ref)?.[1] ?? /^[A-Z]+/.exec(c.ref)![0];
    const column = columns.get(`${c.sheet}!${letters}`)?.column ?? '';
    // A √ cell is held by its tick; a cell with text instead of √ only when that text is kept (issue 20).
    if (column.startsWith('tick:')) {
      const t = c.text.trim();
      return UNTICK_MARKS.includes(t) || (here.length > 0 && (TICK_MARKS.includes(t) || here.some((h) => norm(h) === norm(t))));
    }
    if (column.startsWith('ticks:')) return here.length > 0;
    if (here.length === 0) return false;
    if (column === 'channels') {
      const pool = norm(here.join('|')) + '|' + channelWords;
      return c.text
        .split(MARKS)
        .map((t) => norm(t.replace(/^口/u, '')))
        .every((t) => t === '' || pool.includes(t));
    }
    return norm(here.join('\n')).includes(norm(c.text));
  };

  return cells.filter((c) => !named(findings, c) && !held(c)).map((c) => `${c.sheet}!${c.ref}“${c.text.slice(0, 40)}”`);
}
