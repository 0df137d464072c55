// Header labels as a reviewer reads them (issue 20): a character lost (开依据, 开内容, 开时限) or a label cut
// short (公开 where 公开主体 belongs, told by its place), reported as header-spelling with the fix; columns one
// character away from a field's label but not a loss of it (公开时长, 事项类型) stay columns of their own.
import { describe, expect, it } from 'vitest';
import { arrayGrid } from '../../src/grid/grid.js';
import { assembleCatalog } from '../../src/grid/assemble.js';
import { readGrid } from '../../src/grid/read/index.js';
import { damagedKeys } from '../../src/grid/header-fuzzy.js';
import { validateCatalog } from '../../src/validate/index.js';
import { brief } from './helpers.js';

function read(rows: string[][]) {
  const grid = arrayGrid('g.xlsx', '目录', rows, []);
  return assembleCatalog('g.xlsx', [{ name: '目录', hidden: false, hasContent: true, result: readGrid(grid) }], undefined, false);
}

describe('damaged header labels', () => {
  it('reads 开依据, 开内容, 开时限 and a bare 公开 between 公开标准 and 公开方式, and says which is which', () => {
    const c = read([
      ['序号', '事项类别', '名称', '开依据', '开内容', '公开标准', '公开', '公开方式', '开时限', '公开时长', '事项类型'],
      ['1', '政策文件', '法规', '《条例》', '内容', '标准', '县政府办', '政府网站', '20个工作日内', '长期', '主动'],
    ]);
    expect(c.missingColumns).toEqual(['remark']);
    expect(c.extraColumns).toEqual(['公开时长', '事项类型']);
    const item = c.items[0]!;
    expect([item.basis.values[0]!.text, item.pairs[0]!.content.text, item.subject.text, item.deadline.text]).toEqual(['《条例》', '内容', '县政府办', '20个工作日内']);
    const spelling = validateCatalog(c).filter((f) => f.code === 'header-spelling');
    expect(brief(spelling).map((b) => b[2])).toEqual(['D1', 'E1', 'G1', 'I1']);
    expect(spelling.map((f) => f.params.fixed)).toEqual(['依据', '公开内容', '公开主体', '公开时限']);
  });

  it('a header whose every label lost its 公 is still found (2019)', () => {
    const c = read([
      ['序号', '一级事项', '二级事项', '开内容', '开依据', '开时限', '开主体', '公开渠道和载体', '公开对象', '公开方式'],
      ['1', '政策文件', '法规', '内容', '《条例》', '20个工作日内', '县政府办', '■政府网站', '全社会', '主动'],
    ]);
    expect(c.profile).toBe('2019');
    expect(c.missingColumns).toEqual(['level', 'remark']);
    expect(c.items[0]!.subject.text).toBe('县政府办');
  });

  it('only losses count, never a changed character', () => {
    expect(damagedKeys('2019', '公开时长')).toEqual([]);
    expect(damagedKeys('2017', '事项类型')).toEqual([]);
    expect(damagedKeys('2019', '开时限')).toEqual(['deadline']);
    expect(damagedKeys('2019', '公开').length).toBeGreaterThan(3);
  });
});
