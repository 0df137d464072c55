// Helpers shared by the content rules: visiting the located text cells of a catalog and describing
// a location in words for messages that point at another cell.
import type { Catalog, Cell, Item } from '../../model/types.js';
import { fieldLabel, type FieldKey } from '../../settings/columns.js';

/** One located text value of an item, with the canonical key of its column. */
export interface ItemCell {
  item: Item;
  /** 1-based index in catalog.items. */
  index: number;
  key: FieldKey;
  cell: Cell;
}

/** Every scalar text cell of every item (citations and pairs included; ticks and channels excluded). */
export function* textCells(catalog: Catalog): Generator<ItemCell> {
  let index = 0;
  for (const item of catalog.items) {
    index++;
    yield { item, index, key: 'serial', cell: item.serial };
    yield { item, index, key: 'category', cell: item.category };
    yield { item, index, key: 'name', cell: item.name };
    for (const c of item.basis.values) yield { item, index, key: 'basis', cell: c };
    for (const p of item.pairs) {
      yield { item, index, key: 'content', cell: p.content };
      if (p.standard) yield { item, index, key: 'standard', cell: p.standard };
    }
    yield { item, index, key: 'subject', cell: item.subject };
    if (item.platform) yield { item, index, key: 'platform', cell: item.platform };
    yield { item, index, key: 'deadline', cell: item.deadline };
    yield { item, index, key: 'remark', cell: item.remark };
  }
}

/** The layout's label of a field, for `field` of findings. */
export function label(catalog: Catalog, key: FieldKey): string {
  return fieldLabel(catalog.profile, key);
}

/** True when a text is empty or white space only. */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
