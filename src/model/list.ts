// The model of a list of a layout other than the catalog's (重大行政决策事项目录, 权责清单, a unit's own):
// each item's values by column key, with their origin, as every reader of such a list produces and every
// rule, renderer and report consumes. A catalog (types.ts) and a list together are a Doc.
import type { Layout } from '../layouts/types.js';
import type { Catalog, Cell, ListField, OtherSheet, SourceText } from './types.js';
import type { Finding } from '../findings/finding.js';
import type { SourceRef } from '../findings/location.js';

/** One item of a list. Values are keyed by column key; objects are prototype-free (keys come from files). */
export interface ListItem {
  /** Per-item columns (text, serial, number, date, month, yesno, checklist, list), as written. */
  values: Record<string, Cell>;
  /** Per-row columns: one record per row of the item (at least one when the layout has such columns). */
  rows: Record<string, Cell>[];
  /** ticks columns: the options ticked (option label as text; `mark` keeps a text written for √). */
  ticks: Record<string, ListField>;
  /** Columns the layout does not have, by their header label, kept verbatim. */
  extra: Record<string, Cell>;
  /** Where merge took the item from ("file 工作表 单元格"). */
  origin?: string;
  /** The item's first row / YAML entry. */
  at: SourceRef;
}

/** A list read from a file. `profile` is the layout's name, so report lines say which layout was read. */
export interface ListDoc {
  kind: 'list';
  layout: Layout;
  profile: string;
  file: string;
  title?: string;
  unit?: string;
  date?: string;
  /** Lines above the header that are neither title nor 编制单位/日期, kept (as Catalog.preface). */
  preface?: string;
  note?: string;
  items: ListItem[];
  /** Header labels of columns the layout does not have, in sheet order. */
  extraColumns: string[];
  /** Tick options as the sheet prints them, where they differ from the layout's (column key → labels). */
  options?: Record<string, string[]>;
  /** Required columns (keys) the source lacks; reported once by the reader. */
  missingColumns: string[];
  findings: Finding[];
  sources?: SourceText[];
  /** Sheets of the source that hold no list, kept whole (as Catalog.otherSheets). */
  otherSheets?: OtherSheet[];
}

/** What a file is read into: a catalog of the 2017/2019 layouts, or a list of another layout. */
export type Doc = Catalog | ListDoc;

/** Whether a read document is a list of another layout (not a 政务公开事项目录). */
export function isList(doc: Doc): doc is ListDoc {
  return (doc as ListDoc).kind === 'list';
}

export { record } from './record.js';

/** A blank cell at a place (a value the source did not give). */
export function blankCell(at: SourceRef): Cell {
  return { text: '', at };
}

/** The text of a column of an item, per-item or first row's (empty when absent). */
export function itemText(item: ListItem, key: string): string {
  return item.values[key]?.text ?? item.rows[0]?.[key]?.text ?? item.ticks[key]?.values.map((v) => v.text).join('、') ?? '';
}
