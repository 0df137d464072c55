// A final table cell is kept compact (grid/tables.ts compactCell, issue 19): its text worked out as
// readTables reads it, its place packed into two numbers and read back the same, read-only.
import { describe, expect, it } from 'vitest';
import { compactCell, type TableCell } from '../../src/grid/tables.js';
import { TABLE_LIMITS } from '../../src/settings/limits.js';

const cell = (row: number, col: number, bottom: number, right: number, parts: TableCell['parts']): TableCell => ({ row, col, bottom, right, parts });
const seen = (c: TableCell) => [c.row, c.col, c.bottom, c.right, c.text, c.parts.length];

describe('compact table cells', () => {
  it('keeps the place and the text as readTables reads it, at the edges of the limits too', () => {
    expect(seen(compactCell(cell(3, 2, 6, 4, ['\n预算', '\n公开\n'])))).toEqual([3, 2, 6, 4, '预算\n公开', 0]);
    expect(seen(compactCell(cell(1, 1, 1, 1, [])))).toEqual([1, 1, 1, 1, '', 0]);
    const max = TABLE_LIMITS.maxRows;
    const cols = TABLE_LIMITS.maxColumns;
    expect(seen(compactCell(cell(max, cols, max, cols, ['末'])))).toEqual([max, cols, max, cols, '末', 0]);
  });

  it('leaves a cell holding a nested table, or reaching past the limits (a rowspan="0" not yet cut), as it is', () => {
    const nested = cell(2, 1, 2, 1, ['前', { table: 3 }]);
    expect(compactCell(nested)).toBe(nested);
    expect(nested.parts).toEqual(['前', { table: 3 }]);
    const open = cell(2, 1, Number.MAX_SAFE_INTEGER, 1, ['甲']);
    expect(compactCell(open)).toBe(open);
    expect(seen(open)).toEqual([2, 1, Number.MAX_SAFE_INTEGER, 1, '甲', 0]);
  });

  it('is read-only, and compacting it again gives it back', () => {
    const c = compactCell(cell(5, 3, 5, 3, ['乙']));
    expect(compactCell(c)).toBe(c);
    expect(() => {
      c.bottom = 9;
    }).toThrow(TypeError);
    expect(() => c.parts.push('丙')).toThrow(TypeError);
  });
});
