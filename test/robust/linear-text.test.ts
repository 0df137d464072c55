// Text helpers rewritten to run in linear time (issue 24: a cell of 32 000 spaces, digits or brackets between
// two words made regular expressions such as /[ …]+$/ try every position against the end). Each must
// give exactly what the expression it replaced gave: checked here against that expression on every short
// string over the characters that matter (exhaustively up to a length, then at random). How fast they are
// is the hostile corpus's and the bench's to show.
import { describe, expect, it } from 'vitest';
import { parseMetaLine } from '../../src/settings/texts.js';
import { normaliseLabel } from '../../src/settings/columns.js';
import { trimSpaces } from '../../src/validate/rules/whitespace.js';
import { trimLineBreaks } from '../../src/grid/tables.js';
import { classifyDeadline } from '../../src/validate/rules/deadline.js';

/** Every string over `alphabet` up to `max` characters, then `random` more of length `max + 1 … max + 8`. */
function* strings(alphabet: readonly string[], max: number, random = 3000): Generator<string> {
  let level = [''];
  yield '';
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    yield* level;
  }
  let seed = 7;
  const next = (k: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
  for (let i = 0; i < random; i++) {
    let s = '';
    for (let n = max + 1 + next(8); n > 0; n--) s += alphabet[next(alphabet.length)];
    yield s;
  }
}

/** parseMetaLine as it was, with the expressions this issue replaced. */
function oldMeta(text: string): { unit?: string; date?: string; rest: string } {
  const META_UNIT = /(?:编制单位|填报单位|制表单位|单位)\s*[:：]\s*(.+?)(?=\s{2,}|\u3000|(?:编制|填报|制表)?(?:日期|时间)\s*[:：]|$)/u;
  const META_DATE = /(?:编制|填报|制表)?(?:日期|时间)\s*[:：]\s*(.+?)\s*$/u;
  const MEASURE_UNIT = /^(?:[万亿千百]?元|个|项|件|人|次|%|％)$/u;
  const out: { unit?: string; date?: string; rest: string } = { rest: '' };
  let left = text;
  const unit = META_UNIT.exec(left);
  if (unit?.[1]?.trim() && !MEASURE_UNIT.test(unit[1].trim())) {
    out.unit = unit[1].trim();
    left = left.slice(0, unit.index) + ' ' + left.slice(unit.index + unit[0].length);
  }
  const date = META_DATE.exec(left);
  if (date?.[1]?.trim()) {
    out.date = date[1].trim();
    left = left.slice(0, date.index) + ' ' + left.slice(date.index + date[0].length);
  }
  out.rest = left.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  return out;
}

describe('linear text helpers give what the expressions they replace gave', () => {
  it('parseMetaLine (编制单位：…　日期：…)', () => {
    let n = 0;
    for (const s of strings(['日期', '：', ' ', '\n', 'a', '、', '\u3000', '单位：', '编制'], 5, 5_000)) {
      expect(parseMetaLine(s), JSON.stringify(s)).toEqual(oldMeta(s));
      n++;
    }
    expect(n).toBeGreaterThan(65_000);
  });

  it('normaliseLabel (a final （…） dropped)', () => {
    const old = (raw: string): string => raw.normalize('NFKC').replace(/\s+/g, '').replace(/\([^)]*\)$/u, '').replace(/[*:：]/g, '');
    for (const s of strings(['(', ')', '（', '）', 'a', ' ', '：'], 5)) expect(normaliseLabel(s), JSON.stringify(s)).toBe(old(s));
  });

  it('trimSpaces and trimLineBreaks', () => {
    for (const s of strings([' ', '\t', '\u3000', '\u00a0', '\n', 'a'], 5)) {
      expect(trimSpaces(s), JSON.stringify(s)).toBe(s.replace(/^[ \t\u3000\u00a0]+/u, '').replace(/[ \t\u3000\u00a0]+$/u, ''));
      expect(trimLineBreaks(s), JSON.stringify(s)).toBe(s.replace(/^\n+|\n+$/g, ''));
    }
  });

  it('公开时限 spans: the number is matched where the same expression without the look-behind matched it', () => {
    // The expressions of validate/rules/deadline.ts, as they were.
    const NUM = '([0-9]+|[零〇一二两三四五六七八九十百]+)';
    const NEW = '((?<![0-9])[0-9]+|(?<![零〇一二两三四五六七八九十百])[零〇一二两三四五六七八九十百]+)';
    for (const unit of ['个?工作日', '(?:个)?(自然日|日|天|周|星期|个月|月)(?:内|以内|之内)', '个?(?:小时|h)']) {
      const before = new RegExp(`${NUM}${unit}`, 'u');
      const after = new RegExp(`${NEW}${unit}`, 'u');
      for (const s of strings(['1', '0', '二', '十', '个', '工作日', '日内', '小时', 'a'], 4)) {
        const a = before.exec(s);
        const b = after.exec(s);
        expect(b && [b.index, b[0]], JSON.stringify(s)).toEqual(a && [a.index, a[0]]);
      }
    }
    expect(classifyDeadline('自信息形成之日起20个工作日内').days).toBe(20);
    expect(classifyDeadline('二十个工作日内').days).toBe(20);
  });
});
