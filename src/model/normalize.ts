// Normalisation shared by every reader: 同上 (“same as above”) is replaced by the value above it.
import { SAME_AS_ABOVE } from '../settings/vocab.js';
import { TICK_GROUPS, fieldLabel, type FieldKey } from '../settings/columns.js';
import { finding } from '../findings/finding.js';
import type { Catalog, Cell, Item, ListField } from './types.js';

const LONGEST = Math.max(...SAME_AS_ABOVE.map((s) => s.length));

/** Whether a cell's whole text says 同上 (the same as above). */
export function isSameAsAbove(text: string): boolean {
  return isSame(text);
}

function isSame(text: string): boolean {
  // Most cells are long texts: skip the trim for them (whitespace around 同上 is allowed, a little).
  if (text.length > LONGEST + 8) return false;
  const t = text.trim();
  return t !== '' && SAME_AS_ABOVE.includes(t);
}

const TEXT_KEYS = ['serial', 'category', 'name', 'subject', 'deadline', 'remark', 'platform'] as const satisfies readonly FieldKey[];

/**
 * Replace every whole-cell 同上 with the value above it: the previous item's value for item fields
 * and lists (依据, channels, ticks), the previous 公开内容/公开标准 row for pairs. The replaced cell keeps
 * its own location, gets `carried: true`, and one 'same-as-above' info finding is pushed per cell.
 * A 同上 with nothing above it (first item, or an empty value above) stays as written.
 */
export function carryDown(catalog: Catalog): void {
  const label = (key: FieldKey): string => fieldLabel(catalog.profile, key);
  const note = (cell: Cell, field: string, value: string, item: number): void => {
    catalog.findings.push(finding('same-as-above', cell.at, { field, value: shorten(value) }, { field, item }));
  };
  const carryCell = (cell: Cell | undefined, above: Cell | undefined, field: string, item: number): void => {
    if (!cell || !above || !isSame(cell.text) || above.text.trim() === '') return;
    cell.text = above.text;
    cell.carried = true;
    note(cell, field, above.text, item);
  };
  const carryList = (list: ListField | undefined, above: ListField | undefined, field: string, item: number): void => {
    if (!list || !above || list.values.length !== 1 || !isSame(list.values[0]!.text) || above.values.length === 0) return;
    const original = list.values[0]!;
    list.values = above.values.map((v) => ({ text: v.text, at: { ...original.at }, carried: true, ...(v.mark !== undefined ? { mark: v.mark } : {}) }));
    note(original, field, above.values.map((v) => v.text).join('；'), item);
  };

  let prevPair: Item['pairs'][number] | undefined;
  catalog.items.forEach((item, index) => {
    const no = index + 1;
    const prev = index > 0 ? catalog.items[index - 1] : undefined;
    if (prev) {
      for (const key of TEXT_KEYS) carryCell(item[key], prev[key], label(key), no);
      carryList(item.basis, prev.basis, label('basis'), no);
      carryList(item.channels, prev.channels, label('channels'), no);
      if (item.ticks && prev.ticks) for (const g of TICK_GROUPS) carryList(item.ticks[g], prev.ticks[g], label(g), no);
      for (const [key, cell] of Object.entries(item.extra)) carryCell(cell, prev.extra[key], key, no);
    }
    item.pairs.forEach((pair, j) => {
      const above = j > 0 ? item.pairs[j - 1] : prevPair;
      if (above) {
        carryCell(pair.content, above.content, label('content'), no);
        carryCell(pair.standard, above.standard, label('standard'), no);
      }
    });
    if (item.pairs.length) prevPair = item.pairs[item.pairs.length - 1];
  });
}

/** Long values are cut in messages (the cell itself keeps the whole text). */
export function shorten(text: string): string {
  const one = text.replace(/\n/g, ' ');
  return one.length > 40 ? one.slice(0, 40) + '…' : one;
}
