// Header labels a reviewer reads at a glance (issue 20 §2): a changed character (公开依椐, 公开主休) read as
// the field the sheet lacks in that place, with header-spelling saying which label was read as which; two
// options written in one cell over two columns (州级县级) read as both; a blank sub-header cell under a merged
// group named with the group; real columns of their own (责任科室, 咨询电话, 公开时长 …) never read as fields;
// and a refused sheet told the headers it has, each with the known label nearest to it.
import { describe, expect, it } from 'vitest';
import { arrayGrid, type MergeRange } from '../../src/grid/grid.js';
import { assembleCatalog } from '../../src/grid/assemble.js';
import { readGrid } from '../../src/grid/read/index.js';
import { damagedField, misspeltKeys } from '../../src/grid/header-fuzzy.js';
import { editDistance } from '../../src/grid/header-near.js';
import { validateCatalog } from '../../src/validate/index.js';
import { ZwgkError } from '../../src/findings/finding.js';

function read(rows: string[][], merges: MergeRange[] = []) {
  const grid = arrayGrid('g.xlsx', '目录', rows, merges);
  return assembleCatalog('g.xlsx', [{ name: '目录', hidden: false, hasContent: true, result: readGrid(grid) }], undefined, false);
}
const brief = (c: ReturnType<typeof read>) => validateCatalog(c).map((f) => [f.code, f.location.range ?? f.location.cell]);
const ROW = ['1', '政策文件', '法规', '内容', '《条例》', '20个工作日内', '县政府办', '■政府网站', '全社会', '主动'];

describe('a changed character in a header label', () => {
  it('公开依椐 and 公开主休 are read as 公开依据 and 公开主体, each said with its fix', () => {
    const c = read([['序号', '一级事项', '二级事项', '公开内容', '公开依椐', '公开时限', '公开主休', '公开渠道和载体', '公开对象', '公开方式'], ROW]);
    expect(c.missingColumns).toEqual(['level', 'remark']);
    expect(c.extraColumns).toEqual([]);
    expect([c.items[0]!.basis.values[0]!.text, c.items[0]!.subject.text]).toEqual(['《条例》', '县政府办']);
    const findings = validateCatalog(c);
    expect(findings.map((f) => [f.code, f.location.cell, f.params.label, f.params.fixed])).toEqual([
      ['header-spelling', 'E1', '公开依椐', '公开依据'],
      ['header-spelling', 'G1', '公开主休', '公开主体'],
    ]);
    expect(findings.every((f) => f.fix !== undefined)).toBe(true);
  });

  it('real columns of their own stay extra columns: 责任科室, 咨询电话, 公开时长, 事项类型, 三级事项', () => {
    const c = read([
      ['序号', '一级事项', '二级事项', '三级事项', '公开内容', '公开依据', '公开时长', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '事项类型', '责任科室', '咨询电话'],
      ['1', '政策文件', '法规', '规章', '内容', '《条例》', '长期', '县政府办', '■政府网站', '全社会', '主动', '主动公开', '办公室', '0591-1234567'],
    ]);
    expect(c.extraColumns).toEqual(['三级事项', '公开时长', '事项类型', '责任科室', '咨询电话']);
    expect(c.missingColumns).toEqual(['deadline', 'level', 'remark']);
    expect(c.items[0]!.extra['公开时长']!.text).toBe('长期');
    expect(brief(c).filter(([code]) => code === 'header-spelling')).toEqual([]);
    expect(brief(c).filter(([code]) => code === 'unknown-column').map(([, cell]) => cell)).toEqual(['D1', 'G1', 'L1', 'M1', 'N1']);
  });

  it('a changed character is read only as a missing field, only in its place among the columns', () => {
    // 公开依椐 after 公开时限 and 公开主体: 公开依据 belongs before them (2019 order), so it stays a column of its own.
    const c = read([['序号', '一级事项', '二级事项', '公开内容', '公开时限', '公开主体', '公开依椐', '公开渠道和载体', '公开对象', '公开方式'], ROW]);
    expect(c.extraColumns).toEqual(['公开依椐']);
    expect(c.missingColumns).toContain('basis');
    // Beside a 公开依据 already read, a second 公开依椐 is not a second 依据.
    expect(damagedField('2019', '公开依椐', new Set(['basis']), 'content', 'deadline')).toBeUndefined();
    expect(damagedField('2019', '公开依椐', new Set(), 'content', 'deadline')).toBe('basis');
  });

  it('a label that is some column alias (in either layout) is never another column misspelt', () => {
    expect(misspeltKeys('2019', '公开平台')).toEqual([]); // 2017's 公开方式, one character from 2019's 公开载体
    expect(misspeltKeys('2019', '公开时长')).toEqual([]);
    expect(misspeltKeys('2019', '责任科室')).toEqual([]);
    expect(misspeltKeys('2019', '公开主休')).toEqual(['subject']);
    expect(editDistance('开依据', '公开依据')).toBe(1);
    expect(editDistance('州级县级', '县级')).toBe(2);
  });
});

describe('header cells of a group', () => {
  const HEAD = ['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''];
  const SUB = ['', '', '', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '州级县级', ''];
  const DATA = ['1', '政策文件', '法规', '内容', '《条例》', '20个工作日内', '县政府办', '■政府网站', '√', '', '√', '', '', '√'];
  const MERGES: MergeRange[] = [
    { top: 1, left: 9, bottom: 1, right: 10 },
    { top: 1, left: 11, bottom: 1, right: 12 },
    { top: 1, left: 13, bottom: 1, right: 14 },
  ];

  it('州级县级 over two columns is read as the options 州级 and 县级, with a warning at the two cells', () => {
    const c = read([HEAD, SUB, DATA], MERGES);
    expect(c.options?.level).toEqual(['州级', '县级']);
    expect(c.items[0]!.ticks!.level!.values.map((v) => [v.text, v.at.cell])).toEqual([['县级', 'N3']]);
    expect(c.extraColumns).toEqual([]);
    const findings = validateCatalog(c);
    expect(findings.map((f) => [f.code, f.location.range, f.params.first, f.params.second])).toEqual([['header-fused', 'M2:N2', '州级', '县级']]);
    expect(findings[0]!.severity).toBe('warning');
  });

  it('the same text merged across the two sub-columns is read the same way', () => {
    const c = read([HEAD, SUB, DATA], [...MERGES, { top: 2, left: 13, bottom: 2, right: 14 }]);
    expect(c.options?.level).toEqual(['州级', '县级']);
    expect(brief(c)).toEqual([['header-fused', 'M2:N2']]);
  });

  it('a blank sub-header cell under a merged group is named with the group', () => {
    const sub = [...SUB];
    sub[12] = '县级';
    const c = read([HEAD, sub, DATA], MERGES);
    const blank = validateCatalog(c).find((f) => f.code === 'blank-header-column')!;
    expect(blank.location.cell).toBe('N2');
    expect(blank.message).toBe('N列没有表头，其中 1 个单元格有内容（如“√”），已作为“无表头列1”保留在“其他列”中。请在 M1:N1“公开层级”下方的 N2 填写这一列的名称');
  });
});

describe('a sheet still refused', () => {
  it('names the headers it found, the nearest known label of each, and only the columns it lacks', () => {
    let err: unknown;
    try {
      read([['目录'], ['序号', '事项', '开内容', '公开时间限', '经办科室'], ['1', '政策', '内容', '20日内', '办公室']]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZwgkError);
    const f = (err as ZwgkError).finding;
    expect(f.code).toBe('no-catalog-header');
    expect(f.message).toBe(
      'g.xlsx 的各工作表前 30 行中都没有找到目录表头（还缺“一级事项”“公开依据”“公开主体”“公开渠道和载体”“公开对象”“公开方式”等列）。工作表“目录”最接近表头的是第 2 行：“序号”“事项”（最接近“二级事项”）“开内容”（最接近“公开内容”）“公开时间限”（最接近“公开时限”）“经办科室”（不是目录的列名）。请确认表头文字与样表一致',
    );
  });
});
