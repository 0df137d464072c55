import { describe, expect, it } from 'vitest';
import { duplicatesRule } from '../../src/validate/rules/duplicates.js';
import { pairsRule } from '../../src/validate/rules/pairs.js';
import { parseSerial, serialRule } from '../../src/validate/rules/serial.js';
import { ticksRule } from '../../src/validate/rules/ticks.js';
import { whitespaceRule } from '../../src/validate/rules/whitespace.js';
import { ruleFindings as runRules } from '../../src/validate/index.js';
import { makeCatalog, SAMPLE_ITEM, type ItemSpec } from './factory.js';
import { check } from './rule-tester.js';
import { fixSpan } from '../../src/findings/fix.js';

const summary = (f: { code: string; location: { cell?: string }; item?: number }[]) => f.map((x) => [x.code, x.location.cell, x.item]);

describe('ticksRule', () => {
  it('reports an empty group at its cell and a missing channel at the channels cell', () => {
    const catalog = makeCatalog('2019', [{}, { ticks: { audience: [], level: [] }, channels: [] }]);
    const f = check(ticksRule, catalog);
    expect(f.map((x) => [x.code, x.location.cell, x.field, x.severity])).toEqual([
      ['tick-missing', 'I5', '公开对象', 'error'],
      ['tick-missing', 'M5', '公开层级', 'error'],
      ['channel-missing', 'H5', '公开渠道和载体', 'error'],
    ]);
    expect(f[0]!.message).toBe('“公开对象”一项也没有勾选。请在 “全社会”、“特定群体” 中至少勾选一项（填 √）');
  });

  it('uses the catalog option names and skips groups whose column is missing', () => {
    const catalog = makeCatalog('2019', [{ ticks: { level: [], mode: [] }, channels: [] }], {
      missingColumns: ['level', 'channels'],
      options: { mode: ['主动公开', '依申请公开'] },
    });
    const f = check(ticksRule, catalog);
    expect(summary(f)).toEqual([['tick-missing', 'K4', 1]]);
    expect(f[0]!.message).toContain('“主动公开”、“依申请公开”');
  });

  it('does nothing for the 2017 layout', () => {
    expect(check(ticksRule, makeCatalog('2017', [{}]))).toEqual([]);
  });
});

describe('serialRule', () => {
  it.each([
    ['1', 1], ['12', 12], ['1.', 1], ['1、', 1], ['（一）', 1], ['(3)', 3], ['一', 1], ['十二', 12], ['１２', 12],
    ['1.1', undefined], ['1-2', undefined], ['A1', undefined],
  ])('parseSerial %s → %s', (s, n) => expect(parseSerial(s)).toBe(n));

  const serials = (list: string[], categories?: string[]) =>
    makeCatalog('2019', list.map((serial, i): ItemSpec => ({ serial, category: categories?.[i] ?? '政策文件' })));

  it('numbers each sheet on its own: two sheets both starting at 1 are not duplicates', () => {
    const catalog = serials(['1', '2', '1', '2']);
    for (const item of catalog.items.slice(2)) {
      for (const cell of [item.at, item.serial.at]) cell.sheet = '乡镇';
    }
    expect(check(serialRule, catalog)).toEqual([]);
    // Within one sheet the same numbers still clash.
    expect(summary(check(serialRule, serials(['1', '2', '1', '2'])))).toEqual([
      ['serial-duplicate', 'A6', 3],
      ['serial-duplicate', 'A7', 4],
    ]);
  });

  it('flags duplicates (error) and gaps or reversals (warning)', () => {
    const f = check(serialRule, serials(['1', '2', '2', '3', '5', '4']));
    expect(f.map((x) => [x.code, x.location.cell, x.severity])).toEqual([
      ['serial-duplicate', 'A6', 'error'],
      ['serial-order', 'A8', 'warning'],
      ['serial-order', 'A9', 'warning'],
    ]);
    expect(f[0]!.message).toBe('序号 2 与工作表“目录”A5 单元格的序号重复。请重新编号');
    expect(f[1]!.message).toBe('序号 5 应为 4（跳过了 4）。请按 1、2、3…顺序编号');
    expect(f[2]!.message).toBe('序号 4 应为 6（比上一事项的序号 5 小）。请按 1、2、3…顺序编号');
  });

  it.each([[['1', '2', '3']], [['1、', '2、', '3、']], [['(1)', '（2）', '3.']], [['15', '16', '17']], [['1', '', '3']]])('accepts %j', (list) => {
    expect(check(serialRule, serials(list.map(String)))).toEqual([]);
  });

  it.each([
    // Chinese numerals still count in order (no serial-order), but are not whole numbers in digits.
    [['一', '二', '三'], ['，应写作阿拉伯数字 1', '，应写作阿拉伯数字 2', '，应写作阿拉伯数字 3']],
    [['（一）', '（二）'], ['，应写作阿拉伯数字 1', '，应写作阿拉伯数字 2']],
    [['1.1', '1.2', '2.1'], ['', '', '']],
  ])('warns that %j are not positive whole numbers, and nothing else', (list, details) => {
    const f = check(serialRule, serials(list));
    expect(f.map((x) => [x.code, x.severity, x.params!.detail])).toEqual(details.map((d) => ['serial-invalid', 'warning', d]));
  });

  it('warns at 2a and 0, and counts on past them', () => {
    const f = check(serialRule, serials(['1', '2a', '3', '0']));
    expect(summary(f)).toEqual([
      ['serial-invalid', 'A5', 2],
      ['serial-invalid', 'A7', 4],
    ]);
    expect(f[0]!.message).toBe('序号“2a”不是正整数。请按 1、2、3…编号');
    expect(f[1]!.message).toBe('序号“0”不是正整数。请按 1、2、3…编号');
  });

  it('accepts numbering restarted under each category', () => {
    expect(check(serialRule, serials(['1', '2', '3', '1', '2'], ['政策文件', '政策文件', '政策文件', '依法行政', '依法行政']))).toEqual([]);
  });

  it('still flags a repeat inside one category block', () => {
    const f = check(serialRule, serials(['1', '2', '1', '1'], ['政策文件', '政策文件', '依法行政', '依法行政']));
    expect(summary(f)).toEqual([['serial-duplicate', 'A7', 4]]);
  });

  it('does not mistake a restart without category change for one', () => {
    const f = check(serialRule, serials(['1', '2', '1'], ['政策文件', '政策文件', '政策文件']));
    expect(summary(f)).toEqual([['serial-duplicate', 'A6', 3]]);
  });
});

describe('duplicatesRule', () => {
  it('flags the same (category, name) after normalisation, at the second, naming the first', () => {
    const catalog = makeCatalog('2019', [
      { category: '依法行政', name: '行政许可' },
      { category: '依法行政', name: '行政处罚' },
      { category: '依法 行政', name: '行政许可 ' },
      { category: '政策文件', name: '行政许可' },
    ]);
    const f = check(duplicatesRule, catalog);
    expect(summary(f)).toEqual([['item-duplicate', 'C6', 3]]);
    expect(f[0]!.message).toBe('事项“依法 行政 / 行政许可”重复，另见 工作表“目录”C4 单元格。请合并或删除其一');
    expect(f[0]!.field).toBe('二级事项');
  });

  it('names the first item by its number, not the flagged cell, when one merged 名称 cell covers both', () => {
    const catalog = makeCatalog('2019', [{ name: '行政许可' }, { name: '行政许可' }]);
    catalog.items[1]!.name.at = catalog.items[0]!.name.at;
    const f = check(duplicatesRule, catalog);
    expect(summary(f)).toEqual([['item-duplicate', 'C4', 2]]);
    expect(f[0]!.message).toBe('事项“政策文件 / 行政许可”重复，另见 第 1 个事项。请合并或删除其一');
  });
});

describe('pairsRule', () => {
  it('flags content without standard at the standard cell, and the reverse at the content cell', () => {
    const catalog = makeCatalog('2017', [
      { pairs: [['本次抽检总体情况', '概要说明'], ['合格产品信息情况', ''], ['', '对不合格产品企业采取的措施'], ['', '']] },
    ]);
    const f = check(pairsRule, catalog);
    expect(f.map((x) => [x.code, x.location.cell, x.field, x.severity])).toEqual([
      ['standard-missing', 'F5', '公开标准', 'error'],
      ['content-missing', 'E6', '公开内容', 'error'],
    ]);
    expect(f[0]!.message).toBe('公开内容“合格产品信息情况”没有对应的公开标准。请在同一行填写公开标准');
  });

  it('does nothing for 2019 or when the column is missing', () => {
    expect(check(pairsRule, makeCatalog('2019', [{ pairs: [['内容']] }]))).toEqual([]);
    expect(check(pairsRule, makeCatalog('2017', [{ pairs: [['内容', '']] }], { missingColumns: ['standard'] }))).toEqual([]);
  });
});

describe('whitespaceRule', () => {
  it('offers the trimmed text for leading/trailing spaces, ideographic ones included', () => {
    const catalog = makeCatalog('2019', [{ name: ' 行政许可', subject: '县应急管理局\u3000', remark: '第一行\n第二行\n' }]);
    const f = check(whitespaceRule, catalog);
    expect(f.map((x) => [x.code, x.location.cell, x.field, fixSpan(x.fix!)])).toEqual([
      ['whitespace', 'C4', '二级事项', { from: ' 行政许可', to: '行政许可' }],
      ['whitespace', 'G4', '公开主体', { from: '县应急管理局\u3000', to: '县应急管理局' }],
    ]);
    // The trim is the deletion of the edge spaces, so that other fixes of the same cell do not overlap it.
    expect(f[0]!.fix).toEqual({ expected: ' 行政许可', edits: [{ start: 0, end: 1, text: '' }] });
    expect(f[0]!.severity).toBe('info');
  });

  it('ignores inner spaces and blank cells', () => {
    expect(check(whitespaceRule, makeCatalog('2019', [{ name: '依法 行政', remark: '   ' }]))).toEqual([]);
  });
});

describe('RULES on the sample item', () => {
  it('raises no error and no warning except 文号 spacing', () => {
    const f = runRules(makeCatalog('2017', [SAMPLE_ITEM]));
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    expect([...new Set(f.map((x) => x.code))]).toEqual(['wenhao-spacing']);
  });

  it('raises nothing on the 安全生产 guide rows', () => {
    const rows: ItemSpec[] = [
      ['政策文件', '法律法规', '《中华人民共和国政府信息公开条例》（国务院令第711号）', '信息形成或变更之日起20个工作日内'],
      ['政策文件', '重大决策草案', '《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）', '按进展情况及时公开'],
      ['政策文件', '重要会议', '《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）', '提前一周发通知邀请'],
      ['依法行政', '行政许可', '《中华人民共和国政府信息公开条例》《关于推进安全生产领域改革发展的意见》', '信息形成或变更之日起20个工作日内'],
      ['最低生活保障', '审核信息', '《社会救助暂行办法》及各地配套政策法规文件', '制定或获取信息之日起10个工作日内，公示7个工作日'],
      ['救灾', '重大政策解读及回应', '《中华人民共和国政府信息公开条例》（国务院令第711号）', '重大决策作出后及时公开'],
    ].map(([category, name, basis, deadline], i) => ({ serial: String(i + 1), category, name, basis: [basis!], deadline }));
    expect(runRules(makeCatalog('2019', rows))).toEqual([]);
  });
});
