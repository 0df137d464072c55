// Finding a list's header (a layout of src/layouts) in the first rows of a grid, and telling which kind of
// list a header is: each layout's columns matched by their labels and aliases, a √ group matched by its
// heading over option labels (履行程序 | 公众参与 专家论证 …) or by the option labels alone. What matches no
// column is kept as an extra column under its own label.
import { normaliseLabel } from '../settings/columns.js';
import type { Layout, LayoutColumn } from '../layouts/types.js';
import type { SourceText } from '../model/types.js';
import type { SourceRef } from '../findings/location.js';
import { cleanLabel, type HeaderCell, type HeaderRow } from './header.js';

interface RoleBase {
  col: number;
  at: SourceRef;
  /** The label as written (line breaks inside removed). */
  label: string;
}
/** What one column of a list's sheet holds. */
export type ListRole =
  | (RoleBase & { kind: 'field'; key: string })
  | (RoleBase & { kind: 'tick'; key: string; option: string })
  | (RoleBase & { kind: 'extra' });

/** A list's header as found. */
export interface ListHeader {
  layout: Layout;
  row: number;
  lastRow: number;
  firstAt: SourceRef;
  columns: ListRole[];
  /** Required columns (keys) the header lacks. */
  missing: string[];
  /** Recommended columns (keys) the header lacks. */
  absent: string[];
  /** Layout columns found, required ones among them. */
  found: number;
  requiredFound: number;
  /** Tick options as printed where they differ from the layout's (key → labels in column order). */
  options: Record<string, string[]>;
  cells: SourceText[];
}

/** How well a header row matches a layout: the part of its required columns found, then columns found. */
export interface ListMatch {
  layout: Layout;
  row: HeaderRow;
  sub?: HeaderRow;
  found: number;
  requiredFound: number;
  requiredTotal: number;
  missing: string[];
  /** Words of the layout (its own header words) the row has. */
  words: number;
}

/** Part of the required columns a match has (1 when the layout requires none). */
export function coverage(m: { requiredFound: number; requiredTotal: number }): number {
  return m.requiredTotal === 0 ? 1 : m.requiredFound / m.requiredTotal;
}

/** A layout's labels, normalised once (every file's header rows are held against every layout). */
interface LabelIndex {
  labels: Map<string, LayoutColumn>;
  /** Option label → the first tick column (in column order) that has it, and its position there. */
  options: Map<string, { column: LayoutColumn; option: number }>;
  words: Set<string>;
}

function labelIndex(layout: Layout): LabelIndex {
  const labels = new Map<string, LayoutColumn>();
  const options = new Map<string, { column: LayoutColumn; option: number }>();
  for (const c of layout.columns) {
    for (const l of [c.label, ...c.aliases]) labels.set(normaliseLabel(l), c);
    if (c.kind !== 'ticks') continue;
    c.options.forEach((o, option) => {
      // An option's other spellings (公开征求意见 for 公众参与) are that option.
      for (const n of [o, ...(c.optionAliases[o] ?? [])].map(normaliseLabel)) if (!options.has(n)) options.set(n, { column: c, option });
    });
  }
  return { labels, options, words: new Set(layout.words.map(normaliseLabel)) };
}
const INDEXES = new WeakMap<Layout, LabelIndex>();
function indexOf(layout: Layout): LabelIndex {
  let i = INDEXES.get(layout);
  if (!i) INDEXES.set(layout, (i = labelIndex(layout)));
  return i;
}

/** The tick column an option label belongs to, with the option's position. */
function optionOf(layout: Layout, text: string): { column: LayoutColumn; option: number } | undefined {
  return indexOf(layout).options.get(normaliseLabel(text));
}

/** The cells of the row below that stand under a header cell's columns. */
function under(cell: HeaderCell, sub: HeaderRow | undefined): HeaderCell[] {
  return (sub?.cells ?? []).filter((c) => c.col >= cell.col && c.col <= cell.right);
}

/** Whether the row below is a sub-header of this one: it has cells only under grouped (merged-across) cells. */
function subHeaderOf(row: HeaderRow, next: HeaderRow | undefined): HeaderRow | undefined {
  if (!next || next.row !== row.row + 1 || next.cells.length === 0) return undefined;
  const groups = row.cells.filter((c) => c.right > c.col);
  if (groups.length === 0) return undefined;
  return next.cells.every((c) => groups.some((g) => c.col >= g.col && c.col <= g.right)) ? next : undefined;
}

/** Match one header row (and its sub-header) against a layout. */
function matchRow(layout: Layout, row: HeaderRow, next: HeaderRow | undefined, label: (cell: HeaderCell) => string): ListMatch {
  const { labels, options, words } = indexOf(layout);
  const sub = subHeaderOf(row, next);
  const keys = new Set<string>();
  let wordCount = 0;
  for (const cell of row.cells) {
    const n = label(cell);
    if (words.has(n)) wordCount++;
    const column = labels.get(n) ?? options.get(n)?.column;
    if (column) keys.add(column.key);
    for (const s of under(cell, sub)) {
      const option = options.get(label(s))?.column;
      if (option) keys.add(option.key);
    }
  }
  const required = layout.columns.filter((c) => c.required);
  const missing = required.filter((c) => !keys.has(c.key)).map((c) => c.key);
  return { layout, row, ...(sub ? { sub } : {}), found: keys.size, requiredFound: required.length - missing.length, requiredTotal: required.length, missing, words: wordCount };
}

/** Whether a match is a list's header at all: two columns of the layout and half its required ones. */
export function qualifies(m: ListMatch): boolean {
  return m.found >= 2 && coverage(m) >= 0.5 && (m.words > 0 || coverage(m) === 1);
}

/** The best match of each layout among the first rows, best first (by coverage, then columns, then words). */
export function matchLayouts(rows: readonly HeaderRow[], layouts: readonly Layout[], searchRows: number): ListMatch[] {
  const best: ListMatch[] = [];
  // Each cell normalised once, not once per layout.
  const labels = new Map<HeaderCell, string>();
  const label = (cell: HeaderCell): string => {
    let n = labels.get(cell);
    if (n === undefined) labels.set(cell, (n = normaliseLabel(cell.text)));
    return n;
  };
  for (const layout of layouts) {
    let top: ListMatch | undefined;
    rows.forEach((row, i) => {
      if (row.row > searchRows || row.cells.length === 0) return;
      const m = matchRow(layout, row, rows[i + 1], label);
      if (!top || better(m, top)) top = m;
    });
    if (top) best.push(top);
  }
  return best.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

function better(a: ListMatch, b: ListMatch): boolean {
  if (coverage(a) !== coverage(b)) return coverage(a) > coverage(b);
  if (a.found !== b.found) return a.found > b.found;
  return a.words > b.words;
}

/** The header of a matched layout: every cell of its rows given its role. */
export function listHeader(match: ListMatch, at: (row: number, col: number) => SourceRef): ListHeader {
  const { layout, row, sub } = match;
  const index = indexOf(layout).labels;
  const columns: ListRole[] = [];
  const cells: SourceText[] = [];
  const used = new Set<string>();
  const extraLabels = new Set<string>();
  const options: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const extra = (cell: HeaderCell, col = cell.col): void => {
    let label = cleanLabel(cell.text);
    for (let i = 2; extraLabels.has(label); i++) label = `${cleanLabel(cell.text)}(${i})`;
    extraLabels.add(label);
    columns.push({ kind: 'extra', col, at: at(cell.row, cell.col), label });
    cells.push({ role: 'header', text: cell.text, at: at(cell.row, cell.col), column: 'extra' });
  };
  const tick = (column: LayoutColumn, cell: HeaderCell): void => {
    const label = cleanLabel(cell.text).replace(/\s+/gu, '');
    columns.push({ kind: 'tick', key: column.key, option: label, col: cell.col, at: at(cell.row, cell.col), label });
    cells.push({ role: 'header', text: cell.text, at: at(cell.row, cell.col), column: `tick:${column.key}` });
    (options[column.key] ??= []).push(label);
  };
  for (const cell of row.cells) {
    const column = index.get(normaliseLabel(cell.text));
    const below = under(cell, sub);
    if (column?.kind === 'ticks' && below.length > 0 && !used.has(column.key)) {
      // 履行程序 over its options: the heading names the group, each label below one √ column.
      used.add(column.key);
      cells.push({ role: 'header', text: cell.text, at: at(cell.row, cell.col), column: 'group' });
      for (const s of below) tick(column, s);
      continue;
    }
    const option = optionOf(layout, cell.text);
    if (!column && option && (!used.has(option.column.key) || options[option.column.key])) {
      // An option label as a column of its own (公众参与 | 专家论证 … with no heading over them).
      used.add(option.column.key);
      tick(option.column, cell);
      continue;
    }
    if (column && !used.has(column.key)) {
      used.add(column.key);
      columns.push({ kind: 'field', key: column.key, col: cell.col, at: at(cell.row, cell.col), label: cleanLabel(cell.text) });
      cells.push({ role: 'header', text: cell.text, at: at(cell.row, cell.col), column: column.key });
      for (const s of below) extra(s);
      continue;
    }
    if (below.length > 0) {
      // An unknown group: its heading is kept, each label below is a column of its own.
      cells.push({ role: 'header', text: cell.text, at: at(cell.row, cell.col), column: 'group' });
      for (const s of below) extra(s);
    } else extra(cell);
  }
  columns.sort((a, b) => a.col - b.col);
  // Options printed as the layout prints them need not be kept.
  for (const c of layout.columns) {
    const own = options[c.key];
    if (own && own.length === c.options.length && own.every((o, i) => normaliseLabel(o) === normaliseLabel(c.options[i]!))) delete options[c.key];
  }
  const first = row.cells[0]!;
  return {
    layout, row: row.row, lastRow: sub ? sub.row : row.row, firstAt: at(first.row, first.col), columns,
    missing: match.missing,
    absent: layout.columns.filter((c) => c.recommended && !used.has(c.key)).map((c) => c.key), found: match.found, requiredFound: match.requiredFound, options, cells,
  };
}
