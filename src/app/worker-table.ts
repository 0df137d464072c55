// The catalog table the app shows, one page of items at a time, laid out as the published page lays it
// out; each cell carries the key of the place its value came from, so a finding there can mark it.
import { displayColumns, displayValue, isList, type Catalog, type Cell, type DisplayColumn, type Doc, type Item, type ListDoc, type Severity, type SourceRef } from '../core/index.js';
import { PAGE_ITEMS, type CellView, type PageView, type RowView } from './protocol.js';

/** The key that ties a finding to the table cell whose value came from the same place. */
export function refKey(at: SourceRef): string | undefined {
  if (at.cell) return `${at.sheet ?? ''}!${at.cell}`;
  if (at.table !== undefined) return at.row !== undefined ? `#${at.table}!${at.row}:${at.column ?? 0}` : undefined;
  if (at.line !== undefined) return `${at.line}:${at.column ?? 0}`;
  return undefined;
}

/** Where a displayed item-level value came from. */
function sourceOf(item: Item, col: DisplayColumn): SourceRef | undefined {
  switch (col.key) {
    case 'basis':
      return item.basis.at;
    case 'channels':
      return item.channels?.at;
    case 'audience':
    case 'mode':
    case 'level':
      return item.ticks?.[col.key]?.at;
    case 'extra':
      return col.extra !== undefined ? item.extra[col.extra]?.at : undefined;
    case 'serial':
    case 'category':
    case 'name':
    case 'subject':
    case 'deadline':
    case 'remark':
    case 'platform':
      return item[col.key]?.at;
    default:
      return undefined;
  }
}

/** The cells of one item's rows. */
function itemRows(catalog: Catalog, item: Item, index: number, cols: DisplayColumn[], marks: ReadonlyMap<string, Severity>): RowView[] {
  const n = Math.max(1, item.pairs.length);
  const rows: RowView[] = [];
  const mark = (cell: CellView): CellView => {
    const severity = cell.ref ? marks.get(cell.ref) : undefined;
    return severity ? { ...cell, severity } : cell;
  };
  for (let p = 0; p < n; p++) {
    const cells: CellView[] = [];
    for (const col of cols) {
      if (col.perPair) {
        const pair = item.pairs[p];
        const c = col.key === 'content' ? pair?.content : pair?.standard;
        const ref = c ? refKey(c.at) : undefined;
        cells.push(mark({ text: c?.text ?? '', ...(ref ? { ref } : {}) }));
      } else if (p === 0) {
        const v = displayValue(catalog, item, col);
        const at = sourceOf(item, col);
        const ref = at ? refKey(at) : undefined;
        const cell: CellView = Array.isArray(v) ? { text: v.join('\n'), list: v } : { text: v };
        if (ref) cell.ref = ref;
        if (n > 1) cell.rowspan = n;
        cells.push(mark(cell));
      }
    }
    rows.push({ item: index + 1, first: p === 0, cells });
  }
  return rows;
}

/** One page of the table (clamped to the pages there are). */
export function pageView(catalog: Doc, marks: ReadonlyMap<string, Severity>, file: number, pageNo: number): PageView {
  if (isList(catalog)) return listPageView(catalog, marks, file, pageNo);
  const cols = displayColumns(catalog, true);
  const pages = Math.max(1, Math.ceil(catalog.items.length / PAGE_ITEMS));
  const p = Math.min(Math.max(0, pageNo), pages - 1);
  const rows: RowView[] = [];
  for (let i = p * PAGE_ITEMS; i < Math.min(catalog.items.length, (p + 1) * PAGE_ITEMS); i++) {
    rows.push(...itemRows(catalog, catalog.items[i]!, i, cols, marks));
  }
  return { file, page: p, pages, columns: cols.map((c) => c.label), rows };
}

/** One page of a list of another layout: its columns in layout order (a √ group as the options ticked),
 * extra columns after, one row per row of an item with its per-item cells spanning them. */
function listPageView(doc: ListDoc, marks: ReadonlyMap<string, Severity>, file: number, pageNo: number): PageView {
  const pages = Math.max(1, Math.ceil(doc.items.length / PAGE_ITEMS));
  const p = Math.min(Math.max(0, pageNo), pages - 1);
  const view = (cell: Cell | undefined, rowspan = 1): CellView => {
    const ref = cell ? refKey(cell.at) : undefined;
    const severity = ref ? marks.get(ref) : undefined;
    return { text: cell?.text ?? '', ...(ref ? { ref } : {}), ...(severity ? { severity } : {}), ...(rowspan > 1 ? { rowspan } : {}) };
  };
  const rows: RowView[] = [];
  for (let i = p * PAGE_ITEMS; i < Math.min(doc.items.length, (p + 1) * PAGE_ITEMS); i++) {
    const item = doc.items[i]!;
    const n = Math.max(1, item.rows.length);
    for (let r = 0; r < n; r++) {
      const cells: CellView[] = [];
      for (const c of doc.layout.columns) {
        if (c.per === 'row') cells.push(view(item.rows[r]?.[c.key]));
        else if (r > 0) continue;
        else if (c.kind === 'ticks') {
          const list = item.ticks[c.key];
          const texts = (list?.values ?? []).map((v) => (v.mark !== undefined ? `${v.text}（${v.mark}）` : v.text));
          const ref = list ? refKey(list.at) : undefined;
          cells.push({ text: texts.join('\n'), list: texts, ...(ref ? { ref } : {}), ...(n > 1 ? { rowspan: n } : {}) });
        } else cells.push(view(item.values[c.key], n));
      }
      if (r === 0) for (const label of doc.extraColumns) cells.push(view(item.extra[label], n));
      rows.push({ item: i + 1, first: r === 0, cells });
    }
  }
  return { file, page: p, pages, columns: [...doc.layout.columns.map((c) => c.label), ...doc.extraColumns], rows };
}
