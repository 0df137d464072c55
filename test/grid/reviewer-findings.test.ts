// Findings a reviewer makes (issue 20 §3): one merged cell over several items that holds one value per item
// (merged-values at the merged range, once); channel lists read as a reviewer reads them — a wrapped name
// (政府 网站) is one channel, list numbering (①, 1.) and bullet dots (⠂) are not part of a name, a bracketed
// tail belongs to the name before it, and a standard channel written with / for 、 or with a note in
// brackets is not reported as unknown; a wrong √ is one finding at its cell.
import { describe, expect, it } from 'vitest';
import { arrayGrid, type MergeRange } from '../../src/grid/grid.js';
import { assembleCatalog } from '../../src/grid/assemble.js';
import { readGrid } from '../../src/grid/read/index.js';
import { isStandardChannel, parseChannels } from '../../src/grid/lists.js';
import { valueParts } from '../../src/grid/read/merged-values.js';
import { validateCatalog } from '../../src/validate/index.js';
import { wordBreaks } from '../../src/validate/rules/word-breaks.js';

function read(rows: string[][], merges: MergeRange[] = [], readOnce = false) {
  // readOnce: as a worksheet is read, each merge let go (and checked) as the reading leaves its rows.
  const grid = { ...arrayGrid('g.xlsx', '目录', rows, merges), readOnce };
  return assembleCatalog('g.xlsx', [{ name: '目录', hidden: false, hasContent: true, result: readGrid(grid) }], undefined, false);
}
const HEAD = ['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', ''];
const SUB = ['', '', '', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请'];
const HEAD_MERGES: MergeRange[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((c) => ({ top: 1, left: c, bottom: 2, right: c })),
  { top: 1, left: 9, bottom: 1, right: 10 },
  { top: 1, left: 11, bottom: 1, right: 12 },
];
const row = (n: string, deadline: string, subject: string, channels = '■政府网站', audience = '√'): string[] => [n, '政策文件', `规章${n}`, '内容', '《条例》', deadline, subject, channels, audience, '', '√', ''];
const brief = (c: ReturnType<typeof read>) => validateCatalog(c).map((f) => [f.code, f.location.range ?? f.location.cell]);

describe('one merged cell holding one value per item', () => {
  it.each([false, true])('two deadlines and a 公开主体 written twice, each merged over two items: one warning per merged range (read once: %s)', (readOnce) => {
    const c = read([HEAD, SUB, row('1', '信息形成之日起20个工作日内\n每年1月31日前', '县民政局\n县民政局'), row('2', '', ''), row('3', '20个工作日内', '县民政局')], [
      ...HEAD_MERGES,
      { top: 3, left: 6, bottom: 4, right: 6 },
      { top: 3, left: 7, bottom: 4, right: 7 },
    ], readOnce);
    expect(c.items.map((i) => i.deadline.text)).toEqual(['信息形成之日起20个工作日内\n每年1月31日前', '信息形成之日起20个工作日内\n每年1月31日前', '20个工作日内']);
    const merged = validateCatalog(c).filter((f) => f.code === 'merged-values');
    expect(merged.map((f) => [f.location.range, f.item, f.severity, f.params.parts])).toEqual([
      ['F3:F4', 1, 'warning', '“信息形成之日起20个工作日内”“每年1月31日前”'],
      ['G3:G4', 1, 'warning', '“县民政局”“县民政局”'],
    ]);
    expect(merged[0]!.message).toBe('“公开时限”的合并单元格跨 2 个事项，写的是“信息形成之日起20个工作日内 每年1月31日前”，像是每个事项各一个（“信息形成之日起20个工作日内”“每年1月31日前”），现在每个事项都读作整段文字。请拆分合并单元格，分别填写每个事项的“公开时限”');
    expect(brief(c)).toEqual([['merged-values', 'F3:F4'], ['merged-values', 'G3:G4']]);
  });

  it('a merge still open at the sheet’s end is checked too when the grid is read once', () => {
    const c = read([HEAD, SUB, row('1', '20个工作日内', '县民政局'), row('2', '信息形成之日起20个工作日内\n每年1月31日前', '县民政局'), row('3', '', '县民政局')], [
      ...HEAD_MERGES,
      { top: 4, left: 6, bottom: 5, right: 6 },
    ], true);
    expect(brief(c)).toEqual([['merged-values', 'F4:F5']]);
  });

  it('one value merged over items, or a value with a bracketed note, is no finding', () => {
    const c = read([HEAD, SUB, row('1', '20个工作日内\n（涉密信息除外）', '县民政局'), row('2', '', ''), row('3', '', '')], [
      ...HEAD_MERGES,
      { top: 3, left: 6, bottom: 5, right: 6 },
      { top: 3, left: 7, bottom: 5, right: 7 },
    ]);
    expect(brief(c)).toEqual([]);
  });

  it('parts of a cell', () => {
    expect(valueParts('县民政局县民政局')).toEqual(['县民政局', '县民政局']);
    expect(valueParts('县民政局；乡政府')).toEqual(['县民政局', '乡政府']);
    expect(valueParts('政府办')).toEqual(['政府办']);
    expect(valueParts('20个工作日内 公开')).toEqual(['20个工作日内 公开']);
  });
});

describe('channel lists as a reviewer reads them', () => {
  it('a wrapped name, numbering, bullet dots and a bracketed tail', () => {
    expect(parseChannels('政府 网站、政府公报').selected).toEqual(['政府网站', '政府公报']);
    expect(parseChannels('①政府网站②政务服务中心').selected).toEqual(['政府网站', '政务服务中心']);
    expect(parseChannels('1.政府网站 2.政府公报').selected).toEqual(['政府网站', '政府公报']);
    expect(parseChannels('⠂政府网站 ⠂便民服务站').selected).toEqual(['政府网站', '便民服务站']);
    expect(parseChannels('社区/企事业单位、村公示栏 (电子屏)').selected).toEqual(['社区/企事业单位、村公示栏(电子屏)']);
    expect(parseChannels('■1.政府网站 □2.政府公报').selected).toEqual(['政府网站']);
    // A standard name wrapped by a space inside a checklist (盖州): one unselected option, not a selected 栏(电子屏).
    const wrapped = parseChannels('■政府网站 □社区/企事业单位/村公示 栏(电子屏) □精准推送');
    expect([wrapped.selected, wrapped.options, wrapped.unmarked]).toEqual([['政府网站'], ['政府网站', '社区/企事业单位/村公示栏(电子屏)', '精准推送'], []]);
  });

  it('a standard channel with / for 、 or a note in brackets is standard; others are not', () => {
    expect(isStandardChannel('社区/企事业单位/村公示栏(电子屏)')).toBe(true);
    expect(isStandardChannel('社区/企事业单位、村公示栏（电子屏）')).toBe(true);
    expect(isStandardChannel('政府网站（县政府门户网站）')).toBe(true);
    expect(isStandardChannel('单位/村委会公示栏(电子屏)')).toBe(false);
    expect(isStandardChannel('办事窗口')).toBe(false);
  });

  it('in a sheet: numbered and dotted lists give no unknown channel; a wrong √ is one finding at its cell', () => {
    const c = read([HEAD, SUB, row('1', '20个工作日内', '县民政局', '1.政府网站 2.政府公报 ⠂两微一端', 'v'), row('2', '20个工作日内', '县民政局', '①政府 网站②社区/企事业单位/村公示栏 (电子屏)')], HEAD_MERGES);
    expect(c.items.map((i) => i.channels!.values.map((v) => v.text))).toEqual([
      ['政府网站', '政府公报', '两微一端'],
      ['政府网站', '社区/企事业单位/村公示栏(电子屏)'],
    ]);
    // The ⠂ left out of the names is still said, at its cell (a hint).
    expect(brief(c)).toEqual([['odd-char', 'H3'], ['tick-invalid', 'I3']]);
  });
});

describe('序号 merged down over the items of one 一级事项', () => {
  it('is one number for them all: no serial-duplicate, and the next 序号 is in order', () => {
    const c = read([HEAD, SUB, row('1', '20个工作日内', '县民政局'), row('', '20个工作日内', '县民政局'), row('2', '20个工作日内', '县民政局'), row('2', '20个工作日内', '县民政局')], [
      ...HEAD_MERGES,
      { top: 3, left: 1, bottom: 4, right: 1 },
    ]);
    expect(c.items.map((i) => [i.serial.text, i.serial.at.cell])).toEqual([['1', 'A3'], ['1', 'A3'], ['2', 'A5'], ['2', 'A6']]);
    // Two cells that each say 2 are still a duplicate, named at the second and pointing at the first.
    const dup = validateCatalog(c).filter((f) => f.code.startsWith('serial'));
    expect(dup.map((f) => [f.code, f.location.cell, f.message])).toEqual([["serial-duplicate", "A6", "序号 2 与工作表“目录”A5 单元格的序号重复。请重新编号"]]);
  });
});

describe('letter-spaced text', () => {
  it('every space of three or more spaced single characters is a break; ordinary words are left alone, and a span of time broken after its 个 is joined whole', () => {
    const text = '制 定 或 获 取 信 息之日起 10 个 工作日内';
    const joined = (t: string) => wordBreaks(t, 'deadline').reduceRight((acc, [s, e]) => acc.slice(0, s) + acc.slice(e), t);
    expect(joined(text)).toBe('制定或获取信息之日起10个工作日内');
    expect(wordBreaks('社会救助信访通讯地址 社会救助投诉举报电话', 'content')).toEqual([]);
    expect(wordBreaks('甲 乙', 'content')).toEqual([]);
  });
});
