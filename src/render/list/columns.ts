// What every output of a list (page, workbook, Markdown, the drafting template) prints, decided once: the
// layout's columns in order with a √ column per tick option (the options the sheet printed, then any ticked
// value that fits none of them, so that no value is lost), the extra columns after; each cell's text; the
// title; and the items grouped by the layout's group column.
import { normaliseLabel } from '../../settings/columns.js';
import { normaliseName } from '../../model/names.js';
import type { Cell } from '../../model/types.js';
import type { ListDoc, ListItem } from '../../model/list.js';
import type { LayoutColumn } from '../../layouts/types.js';

/** One printed column of a list. */
export interface ListPlanColumn {
  /** The layout column, or undefined for an extra column (one the layout does not have). */
  column?: LayoutColumn;
  /** Header text: the column's label, or the tick column's heading over its options. */
  label: string;
  /** A √ column: the option under the heading, and its index among the printed options. */
  option?: { label: string; index: number; labels: readonly string[] };
  /** extra: the header label (key into item.extra). */
  extra?: string;
  /** One value per row of the item (per: 'row'); the rest are one value per item. */
  perRow: boolean;
}

/** The title printed on every output of a list: the file's own, else the layout's. */
export function listTitle(doc: ListDoc): string {
  return doc.title?.trim() ? doc.title : doc.layout.print.title;
}

/** Which printed option a ticked value belongs to (its own label, or one that differs only in spacing, width or a (注) suffix); -1 for none. */
export function optionIndex(labels: readonly string[], text: string): number {
  const exact = labels.indexOf(text);
  if (exact >= 0) return exact;
  const n = normaliseLabel(text);
  return labels.findIndex((l) => normaliseLabel(l) === n);
}

/** The √ options printed for a tick column: the sheet's own labels (or the layout's), then ticked values that fit none. */
export function printedOptions(doc: ListDoc, column: LayoutColumn): string[] {
  const own = doc.options?.[column.key];
  const labels = own && own.length ? [...own] : [...column.options];
  const known = labels.length;
  for (const item of doc.items) {
    for (const v of item.ticks[column.key]?.values ?? []) {
      if (v.carried !== true && optionIndex(labels.slice(0, known), v.text) < 0 && !labels.includes(v.text)) labels.push(v.text);
    }
  }
  return labels;
}

/** The printed columns of a list: the layout's in order (ticks as one column per option), then the extra columns. */
export function listColumns(doc: ListDoc): ListPlanColumn[] {
  const out: ListPlanColumn[] = [];
  for (const column of doc.layout.columns) {
    if (column.kind === 'ticks') {
      const labels = printedOptions(doc, column);
      labels.forEach((label, index) => out.push({ column, label: column.label, option: { label, index, labels }, perRow: false }));
    } else out.push({ column, label: column.label, perRow: column.per === 'row' });
  }
  for (const extra of doc.extraColumns) out.push({ label: extra, extra, perRow: false });
  return out;
}

/** What the √ cell of an option shows: `mark` when ticked (or the text written there instead of √), else ''. */
export function tickText(item: ListItem, col: ListPlanColumn, mark: string): string {
  const option = col.option!;
  const hits = (item.ticks[col.column!.key]?.values ?? []).filter((v) => optionIndex(option.labels, v.text) === option.index);
  if (!hits.length) return '';
  return hits.find((v) => v.mark !== undefined)?.mark ?? mark;
}

/** The ticked options of a tick column as one text (公众参与、专家论证), a text written instead of √ after its option. */
export function ticksText(item: ListItem, column: LayoutColumn): string {
  return (item.ticks[column.key]?.values ?? []).map((v) => (v.mark !== undefined ? `${v.text}（${v.mark}）` : v.text)).join(column.separator || '、');
}

/** The cell of a per-item column (or of an extra column) of an item, if it has one. */
export function itemCell(item: ListItem, col: ListPlanColumn): Cell | undefined {
  return col.extra !== undefined ? item.extra[col.extra] : item.values[col.column!.key];
}

/** The text of a per-row column in row `r` of an item ('' past its rows). */
export function rowText(item: ListItem, col: ListPlanColumn, r: number): string {
  return item.rows[r]?.[col.column!.key]?.text ?? '';
}

/** How many rows an item prints on: one per record of its per-row columns, at least one. */
export function itemRowCount(item: ListItem): number {
  return Math.max(1, item.rows.length);
}

/** A group of items under one value of the layout's group column. */
export interface ListGroup {
  name: string;
  items: ListItem[];
}

/** The group column's text of an item (its per-item value, else its first row's). */
function groupText(item: ListItem, key: string): string {
  return item.values[key]?.text ?? item.rows[0]?.[key]?.text ?? '';
}

/**
 * The items grouped by the layout's group column (spellings that differ only in white space, width or
 * punctuation are one group, named by its first spelling), groups in order of first appearance; one
 * unnamed group of every item when the layout groups by nothing.
 */
export function groupItems(doc: ListDoc): ListGroup[] {
  const key = doc.layout.group;
  if (key === undefined) return [{ name: '', items: [...doc.items] }];
  const groups = new Map<string, ListGroup>();
  for (const item of doc.items) {
    const text = groupText(item, key);
    const k = normaliseName(text);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { name: text.trim(), items: [] }));
    g.items.push(item);
  }
  return [...groups.values()];
}

/** A group's heading; a blank group value still gets a visible name. */
export function listGroupName(name: string): string {
  return name.trim() ? name : '（未分类）';
}
