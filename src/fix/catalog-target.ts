// fix's container for sources zwgk does not rewrite (web pages, Word documents, files LibreOffice
// converted): a copy of the catalog, whose values are found by the place they were read from, then
// written anew as a workbook (sample-table style) or YAML.
//
// A place may hold several values: a merged cell is the value of each item it spans, and a 依据 cell is
// one value per citation line. A place's text is then its values joined by line breaks, one item's worth
// (the same as the cell read), and writing it sets each item's values again line by line. The workbook
// or YAML written carries the layout's own column names, so a header cell's new spelling is kept in the
// copy's sources only (where it was read), which is all there is to change.
import type { Catalog, Cell } from '../model/types.js';
import type { Doc, ListItem } from '../model/list.js';
import type { CellTarget, CellText, CellSkip, Edit } from '../findings/fix.js';
import { locationKey, type SourceRef } from '../findings/location.js';
import { TICK_GROUPS } from '../settings/columns.js';
import { clonePlain } from '../model/packed.js';

/** Something at a place that holds text: a value, or a source text (and the catalog field that is it). */
interface Slot {
  get(): string;
  set(text: string): void;
}

/** The values of a place, per item (a merged cell spans several), each item's in reading order. */
interface Place {
  perItem: Slot[][];
}

/** Every text value of an item with its location. */
function itemCells(item: Catalog['items'][number] | ListItem): Cell[] {
  if ('values' in item) return [...Object.values(item.values), ...item.rows.flatMap((r) => Object.values(r)), ...Object.values(item.ticks).flatMap((t) => t.values), ...Object.values(item.extra)];
  const out: Cell[] = [item.serial, item.category, item.name, item.subject, item.deadline, item.remark, ...item.basis.values];
  if (item.platform) out.push(item.platform);
  for (const p of item.pairs) {
    out.push(p.content);
    if (p.standard) out.push(p.standard);
  }
  if (item.channels) out.push(...item.channels.values);
  for (const g of TICK_GROUPS) if (item.ticks) out.push(...item.ticks[g].values);
  out.push(...Object.values(item.extra));
  return out;
}

const TOP_FIELDS = { title: ['title'], unit: ['unit'], date: ['date'], note: ['note'] } as const;

/** A copy of the catalog as a fix container, and the copy itself (to be rendered once committed). */
export function catalogTarget(catalog: Doc, render: (copy: Doc) => Promise<Uint8Array | string>): CellTarget & { copy: Doc } {
  const copy = clonePlain(catalog);
  const places = new Map<string, Place>();
  const add = (at: SourceRef, owner: number, slot: Slot) => {
    const key = locationKey(at);
    let place = places.get(key);
    if (!place) places.set(key, (place = { perItem: [] }));
    (place.perItem[owner] ??= []).push(slot);
  };
  copy.items.forEach((item, i) => {
    for (const cell of itemCells(item)) add(cell.at, i, { get: () => cell.text, set: (t) => (cell.text = t) });
  });
  // Catalog-level texts: the source as read, and the field that holds the same text (the title, a 注 of one row).
  const owner = copy.items.length;
  for (const src of copy.sources ?? []) {
    const fields = (Object.keys(TOP_FIELDS) as (keyof typeof TOP_FIELDS)[]).filter((k) => (TOP_FIELDS[k] as readonly string[]).includes(src.role) && copy[k] === src.text);
    add(src.at, owner, {
      get: () => src.text,
      set: (t) => {
        for (const k of fields) copy[k] = t;
        src.text = t;
      },
    });
  }
  const failed: { at: SourceRef; skip: CellSkip }[] = [];
  const owners = (place: Place) => place.perItem.filter((slots) => slots !== undefined);
  return {
    copy,
    async read(ats): Promise<(CellText | CellSkip)[]> {
      return ats.map((at) => {
        const place = places.get(locationKey(at));
        if (!place) return { skip: 'not-found' };
        return { text: owners(place)[0]!.map((s) => s.get()).join('\n') };
      });
    },
    write(at: SourceRef, text: string, _edits: readonly Edit[]): void {
      const place = places.get(locationKey(at))!;
      const lines = text.split('\n');
      for (const slots of owners(place)) {
        // One value: the whole text. Several (citation lines): one line each, or the write cannot be kept.
        if (slots.length === 1) slots[0]!.set(text);
        else if (lines.length === slots.length) slots.forEach((s, k) => s.set(lines[k]!));
        else {
          failed.push({ at, skip: { skip: 'unwritable' } });
          return;
        }
      }
    },
    async commit() {
      return { data: await render(copy), failed };
    },
  };
}
