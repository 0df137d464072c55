import { describe, expect, it } from 'vitest';
import { findStrayHao, findWenhao, hasWenhao, wenhaoHits, wenhaoRule } from '../../src/validate/rules/wenhao.js';
import { makeCatalog, SAMPLE_ITEM } from './factory.js';
import { check } from './rule-tester.js';
import { fixSpan } from '../../src/findings/fix.js';

// [text, code expected, found, fixed]
const FLAGGED: [string, string, string, string][] = [
  ['《关于全面推进政务公开工作的意见》（中办发[2016]8号）', 'wenhao-brackets', '中办发[2016]8号', '中办发〔2016〕8号'],
  ['（中办发[2016]8号）', 'wenhao-brackets', '中办发[2016]8号', '中办发〔2016〕8号'],
  ['国办发(2019)54号', 'wenhao-brackets', '国办发(2019)54号', '国办发〔2019〕54号'],
  ['国办发（2019）54号', 'wenhao-brackets', '国办发（2019）54号', '国办发〔2019〕54号'],
  ['鲁政办发﹝2016﹞7号', 'wenhao-brackets', '鲁政办发﹝2016﹞7号', '鲁政办发〔2016〕7号'],
  ['应急厅函【2019】390号', 'wenhao-brackets', '应急厅函【2019】390号', '应急厅函〔2019〕390号'],
  ['鲁政办字［2020］12号', 'wenhao-brackets', '鲁政办字［2020］12号', '鲁政办字〔2020〕12号'],
  ['国发〔2016 )18号', 'wenhao-brackets', '国发〔2016 )18号', '国发〔2016〕18号'],
  ['（国办发〔2018)23号〕', 'wenhao-brackets', '国办发〔2018)23号〕', '国办发〔2018〕23号）'],
  ['国 办 发 〔 2018 〕 37 号', 'wenhao-spacing', '国 办 发 〔 2018 〕 37 号', '国办发〔2018〕37号'],
  ['依据 国 办 发 〔 2018 〕 37 号', 'wenhao-spacing', '国 办 发 〔 2018 〕 37 号', '国办发〔2018〕37号'],
  ['国办发 〔2018〕37号', 'wenhao-spacing', '国办发 〔2018〕37号', '国办发〔2018〕37号'],
  ['《2017 年山东省政务公开工作要点》（鲁政办发〔2017〕39 号）', 'wenhao-spacing', '鲁政办发〔2017〕39 号', '鲁政办发〔2017〕39号'],
  ['国办发〔2019〕54号号', 'wenhao-double-hao', '国办发〔2019〕54号号', '国办发〔2019〕54号'],
  ['鲁政办发〔2017〕39号 号', 'wenhao-spacing', '鲁政办发〔2017〕39号 号', '鲁政办发〔2017〕39号'],
  ['国办发[2018 ]37号号', 'wenhao-brackets', '国办发[2018 ]37号号', '国办发〔2018〕37号'],
  ['山东省人民政府办公厅关于印发的通知鲁政办发[2017]39号', 'wenhao-brackets', '鲁政办发[2017]39号', '鲁政办发〔2017〕39号'],
  ['鲁食药监综函(2017)15号', 'wenhao-brackets', '鲁食药监综函(2017)15号', '鲁食药监综函〔2017〕15号'],
  ['国办发〔１９９９〕５号', 'none', '', ''],
  // A 号 written again after the bracket that closes an order number (a real 涉农资金 catalog, issue 20).
  ['《中华人民共和国政府信息公开条例》(国令第711号) 号', 'wenhao-double-hao', '国令第711号) 号', '国令第711号)'],
  ['（国务院令第711号）号', 'wenhao-double-hao', '国务院令第711号）号', '国务院令第711号）'],
];

const NOT_FLAGGED: string[] = [
  '《中华人民共和国政府信息公开条例》（国务院令第711号）',
  '中华人民共和国主席令第37号',
  '【法律】《中华人民共和国安全生产法》',
  '【行政法规】《生产安全事故应急条例》（国务院令第708号）',
  '《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）',
  '国办发〔2019〕54号',
  '应急厅函〔2019〕390号',
  '《山东省“十三五”安全生产规划（2016—2020年）》',
  '《中华人民共和国安全生产法》',
  '《社会救助暂行办法》及各地配套政策法规文件',
  '《国家突发公共事件总体应急预案》(2006)',
  '山东省食品药品监督管理局关于进一步做好食品安全抽检及信息发布工作的意见（鲁食药〔2015〕32号）',
  '《关于推进安全生产领域改革发展的意见》',
  '国务院令（第711号）',
  '公告2019年第3号',
  '（2019年修订）',
  'GB/T 9704-2012',
  '《国务院办公厅关于印发2018年政务公开工作要点的通知》（国办发〔2018〕23号）',
  '民事判决书（2018）鲁0102民初123号',
  '应急管理部令第2号',
  '财预〔2017〕87号',
  '临政办发〔2019〕5号文件',
  '按《条例》（国务院令第711号）号召社会参与',
  '《山东省安全生产条例》（2017年1月18日山东省第十二届人民代表大会常务委员会第二十五次会议修订）',
];

/** What the rule looks for in one text: 文号 with a bracketed year, and a 号 repeated after an order number. */
const hitsOf = (text: string) => [...findWenhao(text), ...findStrayHao(text)];

/** A seeded generator of numbers in [0, 1) (mulberry32), so a failing text can be found again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters a 文号 is made of, and those its mistakes bring. */
const PIECES = [...'国办发鲁政食药第号令文〔〕()（）[]［］【】﹝﹞{}0123456789１２０９《》', ' ', '\u3000', '\t', '\u00a0', '2017', '2019', '〔2019〕', '(2016)', '(2019)', '［2019］', '﹝2009﹞', '号号', '𠀀'];

describe('findWenhao', () => {
  it('finds the same 文号 with its quick looks as the big pattern alone, in 4 000 seeded texts', () => {
    const next = random(19);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const seeds = FLAGGED.map((f) => f[0] as string);
    let flagged = 0;
    for (let n = 0; n < 4000; n++) {
      let text: string;
      if (n % 2 === 0) {
        // A real citation, edited a few times (a character put in, taken out or changed).
        const chars = [...pick(seeds)];
        for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
          const at = Math.floor(next() * (chars.length + 1));
          const op = next();
          if (op < 0.4) chars.splice(at, 0, pick(PIECES));
          else if (op < 0.7) chars.splice(at, 1);
          else chars[at] = pick(PIECES);
        }
        text = chars.join('');
      } else if (n % 4 === 1) {
        // A 文号 put together from its parts, each part right or wrong, between random pieces.
        const maybe = (s: string) => (next() < 0.2 ? pick([' ', '\u3000']) : '') + s;
        text =
          pick(['', '《条例》', '（', pick(PIECES)]) +
          maybe(pick(['国办发', '鲁政办发', '国 办 发', '临政发'])) +
          maybe(pick([...'〔〔〔﹝[［(（【〖〘{｛﹙'])) +
          maybe(pick(['2019', '2008', '1999', '２０１９', '2 0 1 9'])) +
          maybe(pick([...'〕〕〕﹞]］)）】〗〙}｝﹚'])) +
          pick(['', '第']) +
          maybe(pick(['54', '9', '１２'])) +
          maybe(pick(['号', '号', '号号', '号 号', '号〕', '号﹞', '号）'])) +
          pick(['', '）', '文件', pick(PIECES)]);
      } else {
        text = '';
        for (let k = 5 + Math.floor(next() * 25); k > 0; k--) text += pick(PIECES);
      }
      const all = wenhaoHits(text);
      if (all.length) flagged++;
      expect(findWenhao(text), text).toEqual(all);
    }
    // The texts reach the pattern's findings, not only texts it passes.
    expect(flagged).toBeGreaterThan(800);
  });

  it.each(FLAGGED)('%s → %s', (text, code, found, fixed) => {
    const hits = hitsOf(text);
    if (code === 'none') {
      expect(hits).toEqual([]);
      return;
    }
    expect(hits).toHaveLength(1);
    expect(hits[0]!.found).toBe(found);
    expect(hits[0]!.fixed).toBe(fixed);
    expect(text.slice(hits[0]!.index, hits[0]!.index + found.length)).toBe(found);
  });

  it.each(NOT_FLAGGED)('not flagged: %s', (text) => {
    expect(hitsOf(text)).toEqual([]);
  });

  it('finds several 文号 in one cell', () => {
    const hits = findWenhao('《条例》（国办发[2019]54号）、《意见》（中办发(2016)8号）');
    expect(hits.map((h) => h.fixed)).toEqual(['国办发〔2019〕54号', '中办发〔2016〕8号']);
  });

  it('recognises 文号 and order numbers as document numbers', () => {
    expect(hasWenhao('（鲁食药〔2017〕32 号）')).toBe(true);
    expect(hasWenhao('国务院令第711号')).toBe(true);
    expect(hasWenhao('主席令第十三号')).toBe(true);
    expect(hasWenhao('相关法律法规')).toBe(false);
  });
});

describe('wenhaoRule', () => {
  it('checks 公开内容 and 备注 as well as 依据 (a 文件 may be listed by its number anywhere)', () => {
    const catalog = makeCatalog('2019', [{ pairs: [['《意见》（民发 〔2012〕220号）全文']], remark: '见国办发(2019)54号' }]);
    expect(check(wenhaoRule, catalog).map((x) => [x.code, x.location.cell, x.field])).toEqual([
      ['wenhao-spacing', 'D4', '公开内容'],
      ['wenhao-brackets', 'O4', '备注'],
    ]);
  });

  it('reports at the exact citation cell with code, field and fix', () => {
    const catalog = makeCatalog('2019', [
      { basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）'] },
      { basis: ['《条例》', '《关于全面推进政务公开工作的意见》（中办发[2016]8号）'], remark: '参照 国 办 发 〔 2018 〕 37 号执行' },
    ]);
    const f = check(wenhaoRule, catalog);
    expect(f.map((x) => [x.code, x.location.cell, x.field, x.item, fixSpan(x.fix!)])).toEqual([
      ['wenhao-brackets', 'E5', '公开依据', 2, { from: '中办发[2016]8号', to: '中办发〔2016〕8号' }],
      ['wenhao-spacing', 'O5', '备注', 2, { from: '国 办 发 〔 2018 〕 37 号', to: '国办发〔2018〕37号' }],
    ]);
    // The fix is an edit at the 文号's own offset in the citation the rule saw.
    expect(f[0]!.fix).toEqual({ expected: '《关于全面推进政务公开工作的意见》（中办发[2016]8号）', edits: [{ start: 18, end: 29, text: '中办发〔2016〕8号' }] });
    expect(f[0]!.message).toBe('文号“中办发[2016]8号”的年份应使用六角括号〔〕，应写作“中办发〔2016〕8号”');
    expect(f[0]!.severity).toBe('warning');
  });

  it('uses the 2017 label 依据 and reports only spacing warnings on the sample item', () => {
    const f = check(wenhaoRule, makeCatalog('2017', [SAMPLE_ITEM]));
    expect(f.every((x) => x.severity === 'warning' && x.code === 'wenhao-spacing' && x.field === '依据')).toBe(true);
    expect(f.map((x) => fixSpan(x.fix!).to)).toEqual(['鲁政办发〔2017〕39号', '鲁食药〔2017〕32号', '鲁食药监综函〔2017〕15号']);
  });

  it('skips values carried down from 同上', () => {
    const catalog = makeCatalog('2019', [{ basis: ['国办发(2019)54号'], carried: { basis: true } }]);
    expect(check(wenhaoRule, catalog)).toEqual([]);
  });
});
