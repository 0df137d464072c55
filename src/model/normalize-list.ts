// 同上 in a list of another layout: a whole-cell 同上 takes the value of the item above (the row above for
// per-row columns), keeps its own place, is marked carried and said once (same-as-above), as in a catalog.
import { finding } from '../findings/finding.js';
import type { Cell, ListField } from './types.js';
import type { ListDoc } from './list.js';
import { isSameAsAbove, shorten } from './normalize.js';

/** Replace every whole-cell 同上 of a list with the value above it. */
export function carryDownList(doc: ListDoc): void {
  const label = (key: string) => doc.layout.columns.find((c) => c.key === key)?.label ?? key;
  const carry = (cell: Cell | undefined, above: Cell | undefined, field: string, item: number): void => {
    if (!cell || !above || !isSameAsAbove(cell.text) || above.text.trim() === '') return;
    cell.text = above.text;
    cell.carried = true;
    doc.findings.push(finding('same-as-above', cell.at, { field, value: shorten(above.text) }, { field, item }));
  };
  const carryList = (list: ListField | undefined, above: ListField | undefined, field: string, item: number): void => {
    if (!list || !above || list.values.length !== 1 || !isSameAsAbove(list.values[0]!.text) || above.values.length === 0) return;
    const original = list.values[0]!;
    list.values = above.values.map((v) => ({ text: v.text, at: { ...original.at }, carried: true }));
    doc.findings.push(finding('same-as-above', original.at, { field, value: shorten(above.values.map((v) => v.text).join('、')) }, { field, item }));
  };
  let prevRow: Record<string, Cell> | undefined;
  doc.items.forEach((item, i) => {
    const no = i + 1;
    const prev = i > 0 ? doc.items[i - 1] : undefined;
    if (prev) {
      for (const [key, cell] of Object.entries(item.values)) carry(cell, prev.values[key], label(key), no);
      for (const [key, list] of Object.entries(item.ticks)) carryList(list, prev.ticks[key], label(key), no);
      for (const [key, cell] of Object.entries(item.extra)) carry(cell, prev.extra[key], key, no);
    }
    for (const row of item.rows) {
      if (prevRow) for (const [key, cell] of Object.entries(row)) carry(cell, prevRow[key], label(key), no);
      prevRow = row;
    }
  });
}
