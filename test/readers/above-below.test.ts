// Lines above the header and rows below the 注: read, or kept and reported at their cells (exact codes and cells).
import { describe, expect, it } from 'vitest';
import { arrayGrid } from '../../src/grid/grid.js';
import { assembleCatalog } from '../../src/grid/assemble.js';
import { readGrid } from '../../src/grid/read/index.js';
import { brief } from './helpers.js';

const HEADER = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注'];
const ITEM = (n: string) => [n, '财政', `事项${n}`, '《预算法》', '内容', '标准', '县财政局', '政府网站', '20个工作日内', ''];

function catalogOf(...grids: ReturnType<typeof arrayGrid>[]) {
  return assembleCatalog('t.xlsx', grids.map((g) => ({ name: g.name, hidden: false, hasContent: true, result: readGrid(g) })), undefined, false);
}

describe('above the header', () => {
  it('takes the title after an 附件 label and unit/date from the line below; the rest is kept as the 表前说明 and reported', () => {
    const c = catalogOf(arrayGrid('t.xlsx', 'S', [['附件 3'], ['某县财政局目录', undefined, undefined, undefined, undefined, undefined, undefined, undefined, '单位：元'], ['编制单位：某县财政局  联系人：张三  日期：2024年5月'], HEADER, ITEM('1')]));
    expect([c.title, c.unit, c.date]).toEqual(['某县财政局目录', '某县财政局', '2024年5月']);
    expect(brief(c.findings)).toEqual([
      ['text-above-header', 'S', 'A1', undefined, undefined],
      ['text-above-header', 'S', 'I2', undefined, undefined],
      ['text-above-header', 'S', 'A3', undefined, undefined],
    ]);
    expect(c.findings.map((f) => f.params!.text)).toEqual(['附件 3', '单位：元', '联系人：张三']);
    // Every one of those texts is in the catalog, one line each, in sheet order.
    expect(c.preface).toBe('附件 3\n单位：元\n联系人：张三');
    expect(c.sources!.filter((s) => s.role === 'preface').map((s) => [s.text, s.at.cell])).toEqual([['附件 3', 'A1'], ['单位：元', 'I2']]);
  });

  it('a later sheet whose title differs says so at its title cell', () => {
    const c = catalogOf(arrayGrid('t.xlsx', '县本级', [['县本级目录'], HEADER, ITEM('1')]), arrayGrid('t.xlsx', '乡镇', [['乡镇目录'], HEADER, ITEM('1')]));
    expect(c.title).toBe('县本级目录');
    expect(brief(c.findings)).toEqual([['sheet-heading-differs', '乡镇', 'A1', undefined, undefined]]);
    expect(c.findings[0]!.message).toBe('工作表“乡镇”的标题“乡镇目录”与前面工作表的“县本级目录”不同（一个目录只有一个标题），已作为“表前说明”的一行保留');
    expect(c.preface).toBe('工作表“乡镇”的标题：乡镇目录');
  });
});

describe('below the 注', () => {
  it('reads a further 注 line, an item, and reports a table row that is no item', () => {
    const c = catalogOf(
      arrayGrid(
        't.xlsx',
        'S',
        [
          HEADER,
          ITEM('1'),
          ['注：1. 时限以工作日计。'],
          ['2. 每年调整一次。'],
          ['填表人：张三', undefined, undefined, undefined, undefined, undefined, '审核人：李四', undefined, '2024-05-01'],
          ITEM('2'),
          [undefined, undefined, undefined, undefined, '第二项内容', '第二项标准'],
        ],
        [{ top: 3, left: 1, bottom: 3, right: 10 }],
      ),
    );
    expect(c.items.map((i) => [i.name.text, i.pairs.length])).toEqual([
      ['事项1', 1],
      ['事项2', 2],
    ]);
    expect(c.note).toBe('注：1. 时限以工作日计。\n2. 每年调整一次。\n填表人：张三 审核人：李四 2024-05-01');
    expect(brief(c.findings)).toEqual([
      ['row-below-note', 'S', 'A5', undefined, undefined],
      ['item-below-note', 'S', 'A6', 2, undefined],
      ['continuation-row', 'S', 'C7', 2, undefined],
    ]);
    expect(c.findings[0]!.location.range).toBe('A5:I5');
  });
});
