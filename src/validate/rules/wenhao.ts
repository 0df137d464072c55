// 文号 form (GB/T 9704): issuer code, the year in 六角括号 〔〕, the number, 号 — 国办发〔2019〕54号.
//
// Flagged (warning, with the corrected text as `fix`): other brackets around the year ([] () （） ﹝﹞ 【】 …),
// mismatched pairs (〔2016 ), 〔2018)23号〕 with a stray 〕 after 号), spaces inside the 文号 (PDF copies:
// 国 办 发 〔 2018 〕 37 号) and a doubled 号 (39号号). One finding per 文号, with the most important code
// (brackets > spacing > doubled 号) and a fix that corrects every problem of that 文号 at once.
//
// Not flagged: 国务院令第711号 / 主席令第N号 (no bracketed year: not a 文号 of this form), 【法律】《…》 (a type
// label, no year), a year in brackets that is not followed by a number and 号 (规划（2016—2020年）), laws
// cited without a 文号.
//
// Choice about 鲁政办发〔2017〕39 号 (the sample table's own text): the space before 号 is a PDF-copy artefact
// (Word's auto-spacing between digits and Chinese becomes a real space when the text is copied out of a PDF;
// the same table writes “2017 年” in a title). GB/T 9704 and the Rushan copy of the same table write
// 39号 without a space, so it IS reported as a `wenhao-spacing` warning with a safe fix — never an error, so the
// sample item stays valid, and `zwgk fix` removes it.
import type { Catalog, Cell } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { replaceRange } from '../../findings/fix.js';
import { defineRule } from '../rule.js';
import type { FieldKey } from '../../settings/columns.js';
import { label } from './util.js';

const HAN = '\\p{Script=Han}';
const SP = '[ \\t\\u3000\\u00a0]';
const D = '[0-9０-９]';
const OPEN = '[〔﹝\\[［(（【〖〘{｛﹙]';
const CLOSE = '[〕﹞\\]］)）】〗〙}｝﹚]';
// A spaced issuer (国 办 发) must not start inside a run of Han characters (依据 国 办 发 → 国 办 发 only).
const ISSUER = `(?:(?<!${HAN})${HAN}(?:${SP}+${HAN}){1,11}|${HAN}{2,12})`;
const YEAR = `(?:[1１]${SP}*[9９]|[2２]${SP}*[0０])${SP}*${D}${SP}*${D}`;
const NUMBER = `${D}(?:${SP}*${D})*`;

const WENHAO_SOURCE =
  `(${ISSUER})(${SP}*)(${OPEN})(${SP}*)(${YEAR})(${SP}*)(${CLOSE})(${SP}*)(第?)(${SP}*)(${NUMBER})(${SP}*)号` +
  `((?:${SP}*号)?)((?:${SP}*[〕﹞])?)`;

/** Words that end a title or a phrase; an issuer code starts after them (…的通知鲁政办发 → 鲁政办发, 参照国办发 → 国办发). */
const TITLE_END = /.*(?:通知|意见|办法|决定|规定|条例|方案|批复|报告|公告|通告|规划|要点|参照|依照|按照|根据|依据|详见|印发|转发|的|和|及|与|见)/u;

export type WenhaoProblem = 'brackets' | 'spacing' | 'double-hao';

export interface WenhaoHit {
  /** Offset of `found` in the text. */
  index: number;
  found: string;
  fixed: string;
  problems: WenhaoProblem[];
}

const SPACES = new RegExp(SP, 'gu');
// Compiled once: a catalog has tens of thousands of citations.
const WENHAO_G = new RegExp(WENHAO_SOURCE, 'gu');
const WENHAO_ONE = new RegExp(WENHAO_SOURCE, 'u');
/** A 文号 needs an opening bracket right before a 19xx/20xx year; texts without one skip the big pattern. */
const MAY_HOLD_YEAR = new RegExp(`${OPEN}${SP}*${YEAR}`, 'u');

/** What a 文号 needs to be reported (each problem below needs one): a space; without spaces, a bracket other
 * than 〔 right before a year's first digit or other than 〕 right after a digit; 号 doubled or followed by 〕
 * or ﹞. A text with none holds only well-formed 文号, and the big pattern (15 captures a 文号) is not run:
 * most 依据 cite （国办发〔2019〕54号） as they should. */
const MAY_BE_WRONG = /[ \t\u3000\u00a0]|[﹝\[［(（【〖〘{｛﹙][12１２]|[0-9０-９][﹞\]］)）】〗〙}｝﹚]|号[号〕﹞]/u;

/** Every 文号 with a bracketed year in a text, with its canonical form and what is wrong with it. */
export function findWenhao(text: string): WenhaoHit[] {
  return MAY_HOLD_YEAR.test(text) && MAY_BE_WRONG.test(text) ? wenhaoHits(text) : [];
}

/** findWenhao without its quick looks: the big pattern run on any text (what the looks must never change). */
export function wenhaoHits(text: string): WenhaoHit[] {
  const hits: WenhaoHit[] = [];
  const re = WENHAO_G;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let [, issuer = '', sp1 = '', open = '', sp2 = '', year = '', sp3 = '', close = '', sp4 = '', di = '', sp5 = '', num = '', sp6 = '', hao2 = '', stray = ''] = m;
    let index = m.index;
    // Drop a title that runs into the issuer code without a separator.
    const cut = TITLE_END.exec(issuer.replace(SPACES, ''));
    if (cut && !/\s/u.test(issuer) && cut[0].length < issuer.length) {
      index += cut[0].length;
      issuer = issuer.slice(cut[0].length);
    }
    const found = text.slice(index, m.index + m[0].length);
    const problems: WenhaoProblem[] = [];
    if (open !== '〔' || close !== '〕' || stray.trim() !== '') problems.push('brackets');
    const spaced = [issuer, sp1, sp2, year, sp3, sp4, sp5, num, sp6].some((s) => /[ \t\u3000\u00a0]/u.test(s));
    if (spaced || /[ \t\u3000\u00a0]/u.test(hao2) || /^[ \t\u3000\u00a0]/u.test(stray)) problems.push('spacing');
    if (hao2 !== '') problems.push('double-hao');
    if (problems.length === 0) continue;
    let strayFix = '';
    if (stray.trim() !== '') strayFix = closingFor(text.slice(0, index));
    const strip = (s: string) => s.replace(SPACES, '');
    const fixed = `${strip(issuer)}〔${strip(year)}〕${di}${strip(num)}号${strayFix}`;
    hits.push({ index, found, fixed, problems });
  }
  return hits;
}

/** The bracket a stray 〕 after 号 most likely stood for: the closer of an unclosed （ or ( before it, else none. */
function closingFor(before: string): string {
  const count = (s: string, ch: string) => s.split(ch).length - 1;
  if (count(before, '（') > count(before, '）')) return '）';
  if (count(before, '(') > count(before, ')')) return ')';
  return '';
}

/** An order number: 第711号 (made once, as the other patterns: hasWenhao runs for every citation). */
const ORDER_NUMBER = /第\s*[0-9０-９一二三四五六七八九十百千零〇]+\s*号/u;

/** True when a text holds a 文号 of any bracket form, or an order number such as 国务院令第711号. */
export function hasWenhao(text: string): boolean {
  if (MAY_HOLD_YEAR.test(text) && WENHAO_ONE.test(text)) return true;
  return ORDER_NUMBER.test(text);
}

/** A 号 written again after the bracket that closes an order number: (国令第711号) 号. Not 号召, 号码 …. */
const STRAY_HAO = /(\p{Script=Han}{0,8}第[ \t\u3000\u00a0]*[0-9０-９]+[ \t\u3000\u00a0]*号[)）])([ \t\u3000\u00a0]*号)(?![召码称角外])/gu;

/** Order numbers with a 号 repeated after their closing bracket, each with the text without it. */
export function findStrayHao(text: string): WenhaoHit[] {
  // Two 号 and a 第 before them, or no stray 号: most citations (国务院令第711号) have one 号.
  const hao = text.indexOf('号');
  if (hao < 0 || text.indexOf('号', hao + 1) < 0 || text.indexOf('第') < 0) return [];
  return [...text.matchAll(STRAY_HAO)].map((m) => ({ index: m.index!, found: m[0], fixed: m[1]!, problems: ['double-hao'] }));
}

/** Call `visit` on each cell that may hold a 文号: 依据 citations, 公开内容 / 公开标准 (a 文件 listed by number) and 备注. */
function eachWenhaoCell(item: Catalog['items'][number], visit: (key: FieldKey, c: Cell) => void): void {
  for (const c of item.basis.values) visit('basis', c);
  for (const p of item.pairs) {
    visit('content', p.content);
    if (p.standard) visit('standard', p.standard);
  }
  visit('remark', item.remark);
}

/** 文号 brackets, spaces and doubled 号 in 依据 citations, 公开内容/公开标准 and 备注. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  catalog.items.forEach((item, i) => {
    eachWenhaoCell(item, (key, c) => {
      if (c.carried) return;
      const hits = findWenhao(c.text);
      const stray = findStrayHao(c.text);
      if (hits.length + stray.length === 0) return;
      for (const hit of [...hits, ...stray].sort((a, b) => a.index - b.index)) {
        const code = hit.problems.includes('brackets')
          ? 'wenhao-brackets'
          : hit.problems.includes('spacing')
            ? 'wenhao-spacing'
            : 'wenhao-double-hao';
        out.push(
          finding(code, c.at, { found: hit.found, fixed: hit.fixed }, {
            field: label(catalog, key),
            item: i + 1,
            fix: replaceRange(c.text, hit.index, hit.index + hit.found.length, hit.fixed),
          }),
        );
      }
    });
  });
  return out;
}

/** 文号 not written as GB/T 9704 has them, with the corrected 文号 as fix. */
export const wenhaoRule = defineRule({ id: 'wenhao', codes: ['wenhao-brackets', 'wenhao-spacing', 'wenhao-double-hao'], fixable: true, check });
