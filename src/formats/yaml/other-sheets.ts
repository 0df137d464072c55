// 其他工作表 of a YAML catalog: the sheets of the source that hold no catalog (填表说明, a drop-down list, a
// page's 索引号 table), kept whole by convert, read back cell by cell with the line of each value.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { OTHER_SHEET_KEYS, TOP_KEYS } from '../../model/document.js';
import type { OtherCell, OtherSheet } from '../../model/types.js';
import { columnNumber, type SourceRef } from '../../findings/location.js';
import { finding } from '../../findings/finding.js';
import { at, keyOf, kindOf, resolve, type Ctx } from './nodes.js';

const A1 = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/** A value's text as the catalog reader takes it (quoted or not, counted against the budget). */
export type TextOf = (node: Node | null, field: string, where: SourceRef) => string;

/** The kept sheets under 其他工作表 (`node` is its value), with findings for what does not fit. */
export function readOtherSheets(ctx: Ctx, node: Node | null, where: SourceRef, textOf: TextOf): OtherSheet[] {
  const field = TOP_KEYS.otherSheets;
  const wrong = (n: Node | null, what: string, expected: string) =>
    ctx.findings.push(finding('wrong-type', at(ctx, n, where), { field: what, expected, actual: kindOf(n) }, { field: what }));
  if (node === null) return [];
  if (!isSeq(node)) {
    wrong(node, field, '列表（每张工作表一项）');
    return [];
  }
  const out: OtherSheet[] = [];
  for (const raw of node.items) {
    const entry = resolve(ctx, raw);
    if (!isMap(entry)) {
      wrong(entry, field, '映射（名称、单元格）');
      continue;
    }
    const entryAt = at(ctx, entry, where);
    let name = '';
    let hidden = false;
    const cells: OtherCell[] = [];
    for (const pair of entry.items) {
      const key = keyOf(pair);
      const keyAt = at(ctx, pair.key as Node, entryAt);
      const value = resolve(ctx, pair.value);
      if (key === OTHER_SHEET_KEYS.name) name = textOf(value, `${field}.${key}`, keyAt);
      else if (key === OTHER_SHEET_KEYS.hidden) hidden = isScalar(value) && (value.value === true || value.value === '是');
      else if (key === OTHER_SHEET_KEYS.cells) {
        if (!isMap(value)) {
          if (value !== null) wrong(value, `${field}.${key}`, '映射（单元格名称: 文字）');
          continue;
        }
        for (const c of value.items) {
          const ref = keyOf(c);
          const cellAt = at(ctx, c.key as Node, keyAt);
          const found = A1.exec(ref);
          // Within Excel's sheet: 1 048 576 rows, columns to XFD.
          const m = found && Number(found[2]) <= 1048576 && columnNumber(found[1]!) <= 16384 ? found : null;
          const text = textOf(resolve(ctx, c.value), `${field}.${ref}`, cellAt);
          if (!m) {
            // Kept all the same, in a column of its own at the end: never dropped.
            ctx.findings.push(finding('invalid-value', cellAt, { field: `${field}.${key}`, value: ref, detail: '应为单元格名称，如 A1、B12；这个值已放在该工作表最后一行之后' }));
          }
          if (text !== '') cells.push({ row: m ? Number(m[2]) : 0, col: m ? columnNumber(m[1]!) : 1, text, at: at(ctx, resolve(ctx, c.value), cellAt) });
        }
      } else {
        ctx.findings.push(finding('invalid-value', keyAt, { field, value: key, detail: `可用的键：${Object.values(OTHER_SHEET_KEYS).join('、')}；这一项的内容没有读入` }));
      }
    }
    // A cell under a name that is no A1 goes below the others, so nothing it held is lost.
    const last = cells.reduce((n, c) => Math.max(n, c.row), 0);
    let extra = last;
    for (const c of cells) if (c.row === 0) c.row = ++extra;
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    if (cells.length) out.push({ name: name || `工作表${out.length + 1}`, ...(hidden ? { hidden: true } : {}), cells });
  }
  return out;
}
