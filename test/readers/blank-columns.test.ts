// Columns without a header label are named 无表头列1, 2 … in column order once the grid has been read,
// so a finding about such a column made while reading (a second value joined into an item) must name the
// column by that final key, even when a blank-headed column further left turns up only later.
import { expect, it } from 'vitest';
import { arrayGrid } from '../../src/grid/grid.js';
import { readGrid } from '../../src/grid/read/index.js';

const HEADER = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注'];
const item = (n: string, name: string) => [n, '财政', name, '《预算法》', `${name}内容`, `${name}标准`, '县财政局', '政府网站', '20个工作日内', ''];

it('names a blank-headed column by its final key in the findings made before a column left of it was seen', () => {
  const grid = arrayGrid('t.xlsx', '目录', [
    ['某县财政局政务公开事项目录'],
    HEADER,
    [...item('1', '预算公开'), undefined, '甲'],
    [undefined, undefined, undefined, undefined, '第二项内容', '第二项标准', undefined, undefined, undefined, undefined, undefined, '乙'],
    [...item('2', '决算公开'), '丙'],
  ], [1, 2, 3, 4, 7, 8, 9, 10].map((c) => ({ top: 3, left: c, bottom: 4, right: c })));
  const result = readGrid(grid);
  expect(result.items.map((i) => Object.entries(i.extra).map(([k, v]) => [k, v.text]))).toEqual([[['无表头列2', '甲\n乙']], [['无表头列1', '丙']]]);
  expect(result.findings.map((f) => [f.code, f.location.cell, f.field, f.item, f.params?.field])).toEqual([
    ['row-value-joined', 'L4', '无表头列2', 1, '无表头列2'],
    ['blank-header-column', 'K2', '无表头列1', undefined, undefined],
    ['blank-header-column', 'L2', '无表头列2', undefined, undefined],
  ]);
  expect(result.findings[0]!.message).toContain('“无表头列2”另有内容“乙”');
});
