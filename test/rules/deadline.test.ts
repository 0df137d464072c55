import { describe, expect, it } from 'vitest';
import { classifyDeadline, deadlineRule } from '../../src/validate/rules/deadline.js';
import { makeCatalog } from './factory.js';
import { check } from './rule-tester.js';

// Real 公开时限 texts from the sample table, the 2019 domain guides and county catalogs.
const CLASSES: [string, string, number?][] = [
  ['信息形成或变更之日起20个工作日内', 'working-days', 20],
  ['自该政府信息形成或者变更之日起20个工作日内', 'working-days', 20],
  ['信息产生、变更之日起20个工作日内', 'working-days', 20],
  ['制定或获取信息之日起10个工作日内', 'working-days', 10],
  ['制定或获取信息之日起10个工作日内，公示7个工作日', 'working-days', 10],
  ['作出行政处罚决定之日起7个工作日内', 'working-days', 7],
  ['收到申请之日起20个工作日内予以答复', 'working-days', 20],
  ['自信息形成之日起 二十 个工作日内', 'working-days', 20],
  ['自信息形成之日起１５个工作日内', 'working-days', 15],
  ['20个工作日内', 'working-days', 20],
  ['公示7个工作日', 'publicity'],
  ['公示期不少于5个工作日', 'publicity'],
  ['5小时内发布权威信息', 'hours'],
  ['24小时内', 'hours'],
  ['实时公开', 'realtime'],
  ['实时更新', 'realtime'],
  ['及时公开', 'timely'],
  ['按进展情况及时公开', 'timely'],
  ['重大决策作出后及时公开', 'timely'],
  ['第一时间发布', 'timely'],
  ['动态更新', 'timely'],
  ['提前一周发通知邀请', 'event'],
  ['会议召开前公布议题', 'event'],
  ['审批结束后公开', 'event'],
  ['原则上每周三公布上周抽检信息', 'periodic'],
  ['每周三', 'periodic'],
  ['每月10日前', 'periodic'],
  ['每季度', 'periodic'],
  ['半年至少更新1次', 'periodic'],
  ['每年', 'periodic'],
  ['每年1月31日前公布上一年度工作报告', 'periodic'],
  ['次年3月底前', 'periodic'],
  ['长期公开', 'permanent'],
  ['永久公开', 'permanent'],
  ['常年公开', 'permanent'],
  ['同上', 'same-as-above'],
  ['按法定时限公开', 'by-rule'],
  ['按照有关规定公开', 'by-rule'],
  ['15日内', 'days'],
  ['1个月内', 'days'],
  ['自受理之日起3个工作日内', 'working-days', 3],
  ['办结后7个工作日内', 'working-days', 7],
  ['行政处罚决定作出之日起7个工作日内', 'working-days', 7],
  ['依申请公开，自收到申请之日起20个工作日内答复', 'working-days', 20],
  ['会议召开3日前', 'event'],
  ['即时办结', 'timely'],
  ['常态化公开', 'permanent'],
  ['按季度更新', 'periodic'],
  ['每年3月31日前公布上一年度政府信息公开工作年度报告', 'periodic'],
  ['', 'blank'],
  ['尽快', 'unrecognized'],
  ['待定', 'unrecognized'],
  ['无', 'unrecognized'],
  ['20', 'unrecognized'],
  ['——', 'unrecognized'],
];

describe('classifyDeadline', () => {
  it.each(CLASSES)('%s → %s %s', (text, kind, days) => {
    const c = classifyDeadline(text);
    expect(c.kind).toBe(kind);
    if (days !== undefined) expect(c.days).toBe(days);
  });

  it('keeps both parts of a span plus 公示', () => {
    const c = classifyDeadline('制定或获取信息之日起10个工作日内，公示7个工作日');
    expect(c.parts.map((p) => [p.kind, p.days])).toEqual([
      ['working-days', 10],
      ['publicity', 7],
    ]);
  });

  it('converts calendar spans', () => {
    expect(classifyDeadline('1个月内').calendarDays).toBe(30);
    expect(classifyDeadline('两周内').calendarDays).toBe(14);
    expect(classifyDeadline('5小时内发布权威信息').hours).toBe(5);
  });
});

describe('deadlineRule', () => {
  it('warns on unrecognised and over-long deadlines at the 公开时限 cell', () => {
    const catalog = makeCatalog('2019', [
      { deadline: '信息形成或变更之日起20个工作日内' },
      { deadline: '尽快' },
      { deadline: '信息形成之日起30个工作日内' },
      { deadline: '2个月内' },
      { deadline: '制定或获取信息之日起10个工作日内，公示30个工作日' },
      { deadline: '' },
      { deadline: '原则上每周三公布上周抽检信息' },
      { deadline: '4周内' },
    ]);
    const f = check(deadlineRule, catalog);
    expect(f.map((x) => [x.code, x.location.cell, x.field, x.item])).toEqual([
      ['deadline-unrecognized', 'F5', '公开时限', 2],
      ['deadline-too-long', 'F6', '公开时限', 3],
      ['deadline-too-long', 'F7', '公开时限', 4],
    ]);
    expect(f[1]!.message).toBe(
      '公开时限“信息形成之日起30个工作日内”为30个工作日，超过《政府信息公开条例》第二十六条规定的20个工作日。请改为“自信息形成或者变更之日起20个工作日内”或更短，或在备注中说明依据',
    );
    expect(f[2]!.params!.span).toBe('2个月');
    expect(f.every((x) => x.severity === 'warning' && x.fix === undefined)).toBe(true);
  });

  it('judges a text shared by several items once, and reports it at each of their cells', () => {
    const catalog = makeCatalog('2019', [{ deadline: '尽快' }, { deadline: '20个工作日内' }, { deadline: '尽快' }, { deadline: ' 尽快 ' }, { deadline: '及时公开' }, { deadline: '及时公开' }]);
    const f = check(deadlineRule, catalog);
    expect(f.map((x) => [x.code, x.location.cell, x.item, x.params!.value])).toEqual([
      ['deadline-unrecognized', 'F4', 1, '尽快'],
      ['deadline-unrecognized', 'F6', 3, '尽快'],
      ['deadline-unrecognized', 'F7', 4, '尽快'],
      ['deadline-vague', 'F8', 5, '及时公开'],
      ['deadline-vague', 'F9', 6, '及时公开'],
    ]);
    // Each finding has its own params: changing one (a caller may) leaves the others as they were.
    f[0]!.params!.value = '改';
    expect(f[1]!.params!.value).toBe('尽快');
  });

  it('does not judge a value carried down from 同上', () => {
    expect(check(deadlineRule, makeCatalog('2017', [{ deadline: '尽快', carried: { deadline: true } }]))).toEqual([]);
  });
});
