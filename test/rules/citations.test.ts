import { describe, expect, it } from 'vitest';
import { balancedTitles, citationsRule, namesDocument, unclosedParen } from '../../src/validate/rules/citations.js';
import { makeCatalog, SAMPLE_ITEM } from './factory.js';
import { check } from './rule-tester.js';

describe('balancedTitles / namesDocument', () => {
  it.each([
    ['《中华人民共和国政府信息公开条例》（国务院令第711号）', true],
    ['《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）', true],
    ['《国务院关于进一步加强和改进最低生活保障工作的意见》、《最低生活保障审核审批办法（试行）》', true],
    ['【法律】《中华人民共和国安全生产法》', true],
    ['山东省食品药品监督管理局关于进一步做好食品安全抽检及信息发布工作的意见（鲁食药〔2017〕32 号）', true],
    ['《中华人民共和国政府信息公开条例', false],
    ['中华人民共和国政府信息公开条例》', false],
    ['》条例《', false],
    ['《条例》》', false],
  ])('balanced %s → %s', (text, ok) => expect(balancedTitles(text)).toBe(ok));

  it.each([
    ['《社会救助暂行办法》及各地配套政策法规文件', true],
    ['山东省食品药品监督管理局关于进一步做好食品安全抽检及信息发布工作的意见（鲁食药〔2017〕32 号）', true],
    ['国务院令第711号', true],
    ['中办发[2016]8号', true],
    ['相关法律法规', false],
    ['中华人民共和国政府信息公开条例', false],
    ['《》', false],
  ])('namesDocument %s → %s', (text, ok) => expect(namesDocument(text)).toBe(ok));
});

describe('balancedTitles / unclosedParen by UTF-16 unit', () => {
  // What they were written as, character by character: the unit-by-unit versions must answer the same.
  const byChars = {
    balanced(text: string): boolean {
      let depth = 0;
      for (const ch of text) {
        if (ch === '《') depth++;
        else if (ch === '》' && --depth < 0) return false;
      }
      return depth === 0;
    },
    unclosed(text: string): string | undefined {
      const open: string[] = [];
      for (const ch of text) {
        if (ch === '(' || ch === '（') open.push(ch);
        else if ((ch === ')' || ch === '）') && open.length) open.pop();
      }
      return open[0];
    },
  };
  it('answer as the character-by-character versions for 3 000 seeded texts', () => {
    const pieces = [...'《》()（）条例办法号', '𠀀', '\ud83d', '1）', '（试行）'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const answers = new Set<string>();
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = Math.floor(next() * 12); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      expect(balancedTitles(text), text).toBe(byChars.balanced(text));
      expect(unclosedParen(text), text).toBe(byChars.unclosed(text));
      answers.add(`${balancedTitles(text)}|${unclosedParen(text)}`);
    }
    // Every answer was given: balanced or not, with a ( or a （ left open or none.
    expect([...answers].sort()).toEqual(['false|(', 'false|undefined', 'false|（', 'true|(', 'true|undefined', 'true|（']);
  });
});

describe('citationsRule', () => {
  it('flags unbalanced 《》 at the citation and a basis without title or 文号 at the 依据 cell', () => {
    const catalog = makeCatalog('2019', [
      { basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）'] },
      { basis: ['《中华人民共和国政府信息公开条例'] },
      { basis: ['相关法律法规', '上级文件要求'] },
      { basis: [] },
      { basis: ['同上'] },
      { basis: ['相关法律法规'], carried: { basis: true } },
    ]);
    const f = check(citationsRule, catalog);
    expect(f.map((x) => [x.code, x.location.cell, x.field, x.item])).toEqual([
      ['citation-unbalanced', 'E5', '公开依据', 2],
      ['citation-incomplete', 'E6', '公开依据', 3],
    ]);
    expect(f[1]!.message).toContain('列出文件名和文号');
  });

  it('accepts the sample item, whose 2nd citation has a 文号 but no 《》', () => {
    expect(check(citationsRule, makeCatalog('2017', [SAMPLE_ITEM]))).toEqual([]);
  });
});
