// Finding the catalog header in the first rows of a sheet: which row, one or two header rows,
// which layout (2017 sample table or 2019 national catalog), and what each column holds.
import {
  COLUMNS,
  HEADER_ALIASES,
  PROFILE_2019_MARKERS,
  SUB_HEADER_LABELS,
  TICK_GROUPS,
  normaliseLabel,
  type FieldKey,
  type Profile,
  type TickGroup,
} from '../settings/columns.js';
import { HEADER_SEARCH_ROWS } from '../settings/limits.js';
import { LEVEL_LABELS, TICK_OPTIONS } from '../settings/vocab.js';
import type { CatalogOptions, SourceText } from '../model/types.js';
import type { SourceRef } from '../findings/location.js';
import { damagedField, damagedKeysOf } from './header-fuzzy.js';

/** A non-empty cell that starts in this row (unmerged, or the top-left of a merge). */
export interface HeaderCell {
  text: string;
  row: number;
  col: number;
  /** Last column of its merge (= col when not merged across). */
  right: number;
}

export interface HeaderRow {
  row: number;
  cells: HeaderCell[];
}

interface RoleBase {
  col: number;
  /** The header cell that names the column. */
  at: SourceRef;
  /** The label as written (spaces and line breaks inside removed). */
  label: string;
}
export type ColumnRole =
  | (RoleBase & { kind: 'field'; key: FieldKey })
  | (RoleBase & { kind: 'tick'; group: TickGroup; option: number })
  | (RoleBase & { kind: 'tickText'; group: TickGroup })
  | (RoleBase & { kind: 'extra' });

export interface Header {
  /** The layout the sheet is read with. */
  profile: Profile;
  /** The layout the header itself looks like. */
  looksLike: Profile;
  /** First and last header row (equal for a one-row header). */
  row: number;
  lastRow: number;
  /** The first (leftmost) header cell: where missing columns are reported. */
  firstAt: SourceRef;
  firstCol: number;
  columns: ColumnRole[];
  missing: FieldKey[];
  /** A 2019 header whose items are named by one 公开事项 column (no 一级/二级事项): the category is absent
   * by the sheet's design, not missing (德安's one-domain pages). */
  ungrouped: boolean;
  /** Optional columns (备注, 公开层级) the header does not have. */
  absentOptional: FieldKey[];
  /** Option labels that differ from settings (区级/镇级 …), for lossless rendering. */
  options: CatalogOptions;
  /** Every cell of the header rows, with what the column below it holds. */
  cells: SourceText[];
  /** Option labels written together in one cell over two columns (州级县级), read as two options. */
  /** Header cells merged across several columns (a group label, or one label over two columns). */
  spans: { row: number; left: number; right: number; label: string }[];
  fused: { row: number; label: string; options: [string, string]; cols: [number, number] }[];
}

const TICK_GROUP_SET = new Set<string>(TICK_GROUPS);
const MARKERS = new Set(PROFILE_2019_MARKERS.map(normaliseLabel));
const ITEM_GROUP = normaliseLabel('公开事项');
const TICK_OPTION_LABELS = new Set([...TICK_GROUPS.flatMap((g) => TICK_OPTIONS[g].flat()), ...LEVEL_LABELS].map(normaliseLabel));
const SUB_LABELS = new Set<string>([...SUB_HEADER_LABELS.map(normaliseLabel), ...TICK_OPTION_LABELS]);

/** Header text as it should be kept: trimmed, line breaks inside a label removed. */
export function cleanLabel(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, '');
}

function uniqueDamaged(profile: Profile, n: string): FieldKey | undefined {
  const keys = damagedKeysOf(profile, n);
  return keys.length === 1 ? keys[0] : undefined;
}

/** The fields a row's labels (normalised) name in a layout. */
function keysOf(labels: readonly string[], profile: Profile): Set<FieldKey> {
  const keys = new Set<FieldKey>();
  for (const n of labels) {
    const k = HEADER_ALIASES[profile][n] ?? (n.length >= 3 ? uniqueDamaged(profile, n) : undefined);
    if (k) keys.add(k);
    else if (profile === '2019' && n === ITEM_GROUP) keys.add('name');
  }
  return keys;
}

/** Column ranges of grouped header cells (merged across, or followed by empty cells with labels below). */
function groupsOf(row: HeaderRow, next: HeaderRow | undefined): { cell: HeaderCell; left: number; right: number }[] {
  const groups: { cell: HeaderCell; left: number; right: number }[] = [];
  const starts = new Set(row.cells.map((c) => c.col));
  const nextCols = new Set((next?.cells ?? []).map((c) => c.col));
  for (const cell of row.cells) {
    if (cell.right > cell.col) {
      groups.push({ cell, left: cell.col, right: cell.right });
      continue;
    }
    let right = cell.col;
    while (!starts.has(right + 1) && nextCols.has(right + 1)) right++;
    if (right > cell.col && nextCols.has(cell.col)) groups.push({ cell, left: cell.col, right });
    // A √ group of one column (公开层级 over 乡级 alone): the option label right under it makes it a group.
    else if (right === cell.col && oneOption(cell, next)) groups.push({ cell, left: cell.col, right });
  }
  return groups;
}

/** Extra columns whose label is a field's with a character lost or cut short (开依据, 公开) read as that field. */
function readDamaged(profile: Profile, columns: ColumnRole[], used: Set<FieldKey>, relabel: (at: SourceRef, key: FieldKey) => void): void {
  const fieldAt = (i: number, step: number): FieldKey | undefined => {
    for (let j = i + step; j >= 0 && j < columns.length; j += step) {
      const c = columns[j]!;
      if (c.kind === 'field') return c.key;
      if (c.kind !== 'extra') return c.group;
    }
    return undefined;
  };
  columns.forEach((c, i) => {
    if (c.kind !== 'extra' || SUB_LABELS.has(normaliseLabel(c.label))) return;
    const key = damagedField(profile, c.label, used, fieldAt(i, -1), fieldAt(i, 1));
    if (!key) return;
    used.add(key);
    columns[i] = { kind: 'field', key, col: c.col, at: c.at, label: c.label };
    relabel(c.at, key);
  });
}

/** Whether a √ group's label stands over a single option label (公开层级 | 乡级) in the row below. */
function oneOption(cell: HeaderCell, next: HeaderRow | undefined): boolean {
  const key = HEADER_ALIASES['2019'][normaliseLabel(cell.text)];
  const below = next?.cells.find((c) => c.col === cell.col);
  return key !== undefined && TICK_GROUP_SET.has(key) && below !== undefined && (TICK_OPTION_LABELS.has(normaliseLabel(below.text)) || fusedOptions(below.text) !== undefined);
}

function isSubHeader(row: HeaderRow, next: HeaderRow | undefined): boolean {
  if (!next || next.row !== row.row + 1 || next.cells.length === 0) return false;
  const groups = groupsOf(row, next);
  if (groups.length === 0) return false;
  let inGroup = 0;
  let subLabels = 0;
  for (const c of next.cells) {
    const n = normaliseLabel(c.text);
    const within = groups.some((g) => c.col >= g.left && c.col <= g.right);
    const known = SUB_LABELS.has(n) || HEADER_ALIASES['2017'][n] !== undefined || HEADER_ALIASES['2019'][n] !== undefined;
    if (!within && !known) return false;
    if (within) inGroup++;
    if (SUB_LABELS.has(n) || (within && fusedOptions(c.text))) subLabels++;
  }
  return inGroup > 0 && subLabels > 0;
}

/** Which layout a header row (and its sub-row) looks like. */
function layoutOf(row: HeaderRow, sub: HeaderRow | undefined): { looks: Profile; clearly2017: boolean } {
  const labels = row.cells.map((c) => normaliseLabel(c.text));
  const subLabels = (sub?.cells ?? []).map((c) => normaliseLabel(c.text));
  const strong = labels.some((l) => MARKERS.has(l) && l !== ITEM_GROUP) || subLabels.some((l) => MARKERS.has(l) || TICK_OPTION_LABELS.has(l));
  const scope = labels.some((l) => l === '公开范围');
  const looks: Profile = strong || scope ? '2019' : '2017';
  const clearly2017 = labels.some((l) => HEADER_ALIASES['2017'][l] === 'standard');
  return { looks, clearly2017 };
}

// A level the vocabulary may not list (州级, 盟级, 旗级) is still a level: a few characters and 级.
const LEVEL_LIKE = /^\p{Script=Han}{1,3}级$/u;
const optionLike = (t: string): boolean => TICK_OPTION_LABELS.has(normaliseLabel(t)) || LEVEL_LIKE.test(t);

/** Two option labels written as one (州级县级, 全社会特定群体), split; undefined when the text is not two of them. */
export function fusedOptions(text: string): [string, string] | undefined {
  const label = optionLabel(text);
  if (TICK_OPTION_LABELS.has(normaliseLabel(label))) return undefined;
  for (let i = 2; i <= label.length - 2; i++) {
    const a = label.slice(0, i);
    const b = label.slice(i);
    if (optionLike(a) && optionLike(b)) return [a, b];
  }
  return undefined;
}

/** A √ column's label as kept: the sub-header text without white space (村（社区）级 keeps its brackets). */
export function optionLabel(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * Find the header among the first rows. `rows` hold the cells that start in each row.
 * Returns undefined when no row looks like a catalog header.
 */
export function detectHeader(rows: readonly HeaderRow[], at: (row: number, col: number) => SourceRef, forced?: Profile): Header | undefined {
  let best: HeaderRow | undefined;
  let bestScore = 0;
  for (const row of rows) {
    if (row.row > HEADER_SEARCH_ROWS) break;
    const labels = row.cells.map((c) => normaliseLabel(c.text));
    const score = Math.max(keysOf(labels, '2017').size, keysOf(labels, '2019').size);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  if (!best || bestScore < 3) return undefined;
  const headerRow = best;
  const next = rows.find((r) => r.row === headerRow.row + 1);
  const sub = isSubHeader(headerRow, next) ? next : undefined;
  const { looks, clearly2017 } = layoutOf(headerRow, sub);
  const profile: Profile = forced ?? looks;
  const looksLike: Profile = forced === '2019' && looks === '2017' && !clearly2017 ? '2019' : looks;

  const aliases = HEADER_ALIASES[profile];
  const columns: ColumnRole[] = [];
  const used = new Set<FieldKey>();
  const extraLabels = new Set<string>();
  const cells: { cell: HeaderCell; text: SourceText }[] = [];
  const source = (cell: HeaderCell, column: string): void => {
    cells.push({ cell, text: { role: 'header', text: cell.text, at: at(cell.row, cell.col), column } });
  };
  const addExtra = (cell: HeaderCell): void => {
    let label = cleanLabel(cell.text);
    for (let i = 2; extraLabels.has(label); i++) label = `${cleanLabel(cell.text)}(${i})`;
    extraLabels.add(label);
    columns.push({ kind: 'extra', col: cell.col, at: at(cell.row, cell.col), label });
    source(cell, 'extra');
  };
  const addField = (cell: HeaderCell, key: FieldKey | undefined): void => {
    if (key && TICK_GROUP_SET.has(key) && profile === '2019') {
      if (used.has(key)) return addExtra(cell);
      used.add(key);
      columns.push({ kind: 'tickText', group: key as TickGroup, col: cell.col, at: at(cell.row, cell.col), label: cleanLabel(cell.text) });
      source(cell, `ticks:${key}`);
    } else if (key && !TICK_GROUP_SET.has(key) && !used.has(key)) {
      used.add(key);
      columns.push({ kind: 'field', key, col: cell.col, at: at(cell.row, cell.col), label: cleanLabel(cell.text) });
      source(cell, key);
    } else {
      addExtra(cell);
    }
  };
  const options: CatalogOptions = {};
  const fused: Header['fused'] = [];
  const groups = sub ? groupsOf(headerRow, sub) : [];
  let singleName = false;
  for (const cell of headerRow.cells) {
    const group = groups.find((g) => g.cell === cell);
    // 公开事项 alone, over no 一级/二级事项, is the item's name (a one-domain page lists 政策文件, 资金明细 …).
    const single = profile === '2019' && !group && normaliseLabel(cell.text) === ITEM_GROUP;
    const key = single ? 'name' : aliases[normaliseLabel(cell.text)];
    if (single && !used.has('name')) singleName = true;
    if (!group || !sub) {
      // 内容规范 over two columns and no 公开内容 (a 2017-era list): the content, then its standard.
      if (profile === '2017' && cell.right === cell.col + 1 && key === 'standard' && !used.has('content') && !headerRow.cells.some((c) => aliases[normaliseLabel(c.text)] === 'content')) {
        used.add('content').add('standard');
        columns.push({ kind: 'field', key: 'content', col: cell.col, at: at(cell.row, cell.col), label: cleanLabel(cell.text) });
        columns.push({ kind: 'field', key: 'standard', col: cell.right, at: at(cell.row, cell.col), label: cleanLabel(cell.text) });
        source(cell, 'standard');
        continue;
      }
      addField(cell, key);
      continue;
    }
    const subCells = sub.cells.filter((c) => c.col >= group.left && c.col <= group.right);
    source(cell, 'group');
    if (key && TICK_GROUP_SET.has(key) && profile === '2019' && !used.has(key)) {
      const g = key as TickGroup;
      used.add(g);
      // Every sub-column is an option with its own label (县级 | 镇级 | 乡、村级 …, as many as the sheet
      // has): ticks are kept under that label, so three 公开层级 columns come back as three.
      const written: string[] = [];
      for (const c of subCells) {
        const label = optionLabel(c.text);
        // 州级县级 over two columns (a merge, or itself and a blank one of the group): the two options.
        const pair = fusedOptions(c.text);
        const room = c.right === c.col + 1 || (c.right === c.col && c.col < group.right && !subCells.some((s) => s.col === c.col + 1));
        if (pair && room && !written.includes(pair[0]) && !written.includes(pair[1]) && pair[0] !== pair[1]) {
          for (const [i, part] of pair.entries()) {
            written.push(part);
            columns.push({ kind: 'tick', group: g, option: written.length - 1, col: c.col + i, at: at(c.row, c.col), label: part });
          }
          fused.push({ row: c.row, label: cleanLabel(c.text), options: pair, cols: [c.col, c.col + 1] });
          source(c, `tick:${g}`);
          continue;
        }
        const other = aliases[normaliseLabel(c.text)];
        if (other && !TICK_GROUP_SET.has(other)) {
          addField(c, other);
          continue;
        }
        if (label === '' || written.includes(label)) {
          addExtra(c);
          continue;
        }
        written.push(label);
        columns.push({ kind: 'tick', group: g, option: written.length - 1, col: c.col, at: at(c.row, c.col), label });
        source(c, `tick:${g}`);
      }
      const canonical = TICK_OPTIONS[g].map((a) => a[0]!);
      if (written.length !== canonical.length || written.some((w, i) => normaliseLabel(w) !== normaliseLabel(canonical[i]!))) {
        options[g] = written;
      }
    } else {
      for (const c of subCells) addField(c, aliases[normaliseLabel(c.text)]);
    }
  }
  // Labels written in the second header row outside any group (a single cell not merged down).
  for (const c of sub?.cells ?? []) {
    if (!groups.some((g) => c.col >= g.left && c.col <= g.right)) addField(c, aliases[normaliseLabel(c.text)]);
  }
  columns.sort((a, b) => a.col - b.col);
  readDamaged(profile, columns, used, (at, key) => {
    const place = JSON.stringify(at);
    const c = cells.find((x) => x.text.column === 'extra' && JSON.stringify(x.text.at) === place);
    if (c) c.text.column = key;
  });

  const present = new Set<FieldKey>(used);
  const ungrouped = singleName && !present.has('category');
  const missing = COLUMNS[profile].filter((spec) => spec.required && !present.has(spec.key) && !(ungrouped && spec.key === 'category')).map((spec) => spec.key);
  const absentOptional = COLUMNS[profile].filter((spec) => !spec.required && !present.has(spec.key)).map((spec) => spec.key);
  const first = headerRow.cells[0]!;
  return {
    profile,
    looksLike,
    row: headerRow.row,
    lastRow: sub ? sub.row : headerRow.row,
    firstAt: at(first.row, first.col),
    firstCol: first.col,
    columns,
    missing,
    ungrouped,
    absentOptional,
    options,
    cells: cells.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col).map((c) => c.text),
    spans: headerRow.cells.filter((c) => c.right > c.col).map((c) => ({ row: c.row, left: c.col, right: c.right, label: cleanLabel(c.text) })),
    fused,
  };
}
