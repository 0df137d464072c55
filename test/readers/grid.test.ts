// The grid model: the sheet reader runs on any grid, named by the grid's own naming function — here a
// table as an HTML or Word reader would give it (row and column numbers, no A1 cells).
import { describe, expect, it } from 'vitest';
import type { Grid, GridRow, MergeRange } from '../../src/grid/grid.js';
import { assembleCatalog } from '../../src/grid/assemble.js';
import { readGrid } from '../../src/grid/read/index.js';
import { gridCells, unaccounted } from '../helpers/accounting.js';

/** A table of a web page: cells named “表格1 第 r 行第 c 列”. */
function tableGrid(values: (string | undefined)[][], merges: MergeRange[]): Grid {
  const rows: GridRow[] = values.map((line, r) => ({ row: r + 1, cells: new Map(line.flatMap((t, c) => (t ? [[c + 1, t] as [number, string]] : []))) }));
  return {
    name: '表格1',
    merges,
    rows: () => rows.filter((r) => r.cells.size > 0),
    at: (row, col) => ({ file: 'page.html', sheet: '表格1', row, column: col }),
    rangeAt: (top, left, bottom, right) => ({ file: 'page.html', sheet: '表格1', row: top, column: left, range: `第${top}行第${left}列至第${bottom}行第${right}列` }),
    columnName: (col) => `第${col}列`,
  };
}

const HEADER = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注', undefined];
const ITEM = (n: string, name: string, deadline: string) => [n, '财政', name, '《预算法》', `${name}内容`, `${name}标准`, '县财政局', '政府网站', deadline, '', '《政府信息公开条例》'];

describe('a grid that is not a worksheet', () => {
  const grid = tableGrid(
    [
      ['某县财政局政务公开事项目录'],
      HEADER,
      ITEM('1', '预算公开', '20个工作日内'),
      [undefined, undefined, undefined, undefined, '第二项内容', '第二项标准'],
      ['注：以上为主动公开事项。'],
      ITEM('2', '决算公开', ''),
    ],
    [
      { top: 1, left: 1, bottom: 1, right: 11 },
      ...[1, 2, 3, 4, 7, 8, 9, 10, 11].map((c) => ({ top: 3, left: c, bottom: 4, right: c })),
      { top: 5, left: 1, bottom: 5, right: 11 },
    ],
  );

  it('is read by the same code: items, merges, the column without a label, rows below the 注 — located by the grid', () => {
    const result = readGrid(grid);
    expect(result.items.map((i) => [i.name.text, i.pairs.length, i.extra['无表头列1']?.text])).toEqual([
      ['预算公开', 2, '《政府信息公开条例》'],
      ['决算公开', 1, '《政府信息公开条例》'],
    ]);
    expect(result.items[0]!.deadline.at).toEqual({ file: 'page.html', sheet: '表格1', row: 3, column: 9 });
    expect(result.items[0]!.pairs[1]!.content.at).toEqual({ file: 'page.html', sheet: '表格1', row: 4, column: 5 });
    expect(result.findings.map((f) => [f.code, f.location.row, f.location.column])).toEqual([
      ['item-below-note', 6, 1],
      ['blank-header-column', 2, 11],
    ]);
    expect(result.findings[1]!.message).toBe('第11列没有表头，其中 2 个单元格有内容（如“《政府信息公开条例》”），内容像是“依据”，已作为“无表头列1”保留在“其他列”中。请在 第11列的表头 填写这一列的名称');
    expect(result.note).toBe('注：以上为主动公开事项。');
  });

  it('keeps every cell: read into the catalog or named in a finding', () => {
    const catalog = assembleCatalog('page.html', [{ name: '表格1', hidden: false, hasContent: true, result: readGrid(grid) }], undefined, false);
    // The accounting check matches cells by their A1 names; name this grid's locations the same way to use it.
    const a1 = (row: number, col: number) => `${String.fromCharCode(64 + col)}${row}`;
    const relabel = <T extends { sheet?: string; row?: number; column?: number; cell?: string }>(at: T): T => (at.row && at.column ? { ...at, cell: a1(at.row, at.column) } : at);
    for (const item of catalog.items) {
      for (const cell of [item.serial, item.category, item.name, item.subject, item.deadline, item.remark, item.platform!, ...item.basis.values, ...Object.values(item.extra), ...item.pairs.flatMap((p) => [p.content, p.standard!])]) {
        cell.at = relabel(cell.at);
      }
    }
    for (const s of catalog.sources!) s.at = relabel(s.at);
    for (const f of catalog.findings) f.location = relabel(f.location);
    const cells = gridCells({ ...grid, at: (row, col) => ({ file: 'page.html', sheet: '表格1', cell: a1(row, col), row }) });
    expect(cells.length).toBe(1 + 10 + 10 + 2 + 1 + 9);
    expect(unaccounted(catalog, cells)).toEqual([]);
  });
});
