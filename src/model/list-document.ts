// A list of another layout as a plain document: the YAML a clerk edits by hand and `convert` writes. Keys are
// the layout's column labels (as the sheet's header), under the catalog's own top-level keys (版式 names the
// layout). A √ group is the list of options ticked ("公众参与", or "公众参与：已开展" for a text written in
// its √ cell); a per-row column is one text, or a list of texts when the item has several rows.
import { ITEM_EXTRA_KEY, ITEM_ORIGIN_KEY, otherSheetToDocument, TOP_KEYS } from './document.js';
import type { ListDoc, ListItem } from './list.js';

/** The separator between a ticked option and the text written in its cell. */
export const MARK_SEPARATOR = '：';

/** One item as plain data, in the layout's column order. */
export function listItemDocument(doc: ListDoc, item: ListItem): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of doc.layout.columns) {
    if (c.kind === 'ticks') {
      const values = item.ticks[c.key]?.values ?? [];
      out[c.label] = values.map((v) => (v.mark !== undefined ? `${v.text}${MARK_SEPARATOR}${v.mark}` : v.text));
    } else if (c.per === 'row') {
      const texts = item.rows.map((r) => r[c.key]?.text ?? '');
      out[c.label] = texts.length > 1 ? texts : (texts[0] ?? '');
    } else out[c.label] = item.values[c.key]?.text ?? '';
  }
  const extra = Object.entries(item.extra);
  if (extra.length) out[ITEM_EXTRA_KEY] = Object.fromEntries(extra.map(([k, v]) => [k, v.text]));
  if (item.origin) out[ITEM_ORIGIN_KEY] = item.origin;
  return out;
}

/** The whole list as plain data (top-level keys in the order the YAML writer emits them). */
export function toListDocument(doc: ListDoc): Record<string, unknown> {
  const out: Record<string, unknown> = { [TOP_KEYS.profile]: doc.layout.name };
  if (doc.title !== undefined) out[TOP_KEYS.title] = doc.title;
  if (doc.unit !== undefined) out[TOP_KEYS.unit] = doc.unit;
  if (doc.date !== undefined) out[TOP_KEYS.date] = doc.date;
  if (doc.preface !== undefined) out[TOP_KEYS.preface] = doc.preface;
  const options = Object.entries(doc.options ?? {});
  if (options.length) out[TOP_KEYS.options] = Object.fromEntries(options.map(([k, v]) => [doc.layout.columns.find((c) => c.key === k)?.label ?? k, v]));
  if (doc.extraColumns.length) out[TOP_KEYS.extraColumns] = [...doc.extraColumns];
  out[TOP_KEYS.items] = doc.items.map((item) => listItemDocument(doc, item));
  if (doc.note !== undefined) out[TOP_KEYS.note] = doc.note;
  if (doc.otherSheets?.length) out[TOP_KEYS.otherSheets] = doc.otherSheets.map(otherSheetToDocument);
  return out;
}
