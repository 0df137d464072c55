// 公开时限: recognise how a deadline is expressed, and warn when a fixed span exceeds the 20 working days of
// 《政府信息公开条例》第二十六条. Texts are split at ，；。 and each part classified; the text is recognised
// when any part is (制定或获取信息之日起10个工作日内，公示7个工作日 = a 10-day span plus a 7-day 公示).
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { DEFAULT_DEADLINE_DAYS, SAME_AS_ABOVE } from '../../settings/vocab.js';
import { isBlank, label } from './util.js';

export type DeadlineKind =
  | 'working-days' // N个工作日内 (with or without a trigger such as 信息形成或者变更之日起)
  | 'days' // N日内 / N天内 / N周内 / N个月内 (calendar days)
  | 'hours' // N小时内
  | 'publicity' // 公示N个工作日: how long a 公示 lasts, not a delay
  | 'realtime' // 实时公开
  | 'timely' // 及时公开, 按进展情况及时公开, 重大决策作出后及时公开, 第一时间, 动态更新
  | 'event' // 提前一周发通知邀请, 会议召开前, 审批结束后, 当日
  | 'periodic' // 每周三…, 每月, 每季度, 半年至少更新1次, 每年, 次年3月底前, 原则上每周三公布上周抽检信息
  | 'permanent' // 长期公开, 永久公开, 常年公开
  | 'by-rule' // 按法定时限, 按照有关规定
  | 'same-as-above' // 同上 (the reader normally expands it)
  | 'blank'
  | 'unrecognized';

export interface DeadlinePart {
  kind: DeadlineKind;
  text: string;
  /** For fixed spans: the number as written, and its unit. */
  amount?: number;
  unit?: '工作日' | '日' | '小时';
  /** Calendar-day spans converted (周 = 7, 月 = 30), working days as written. */
  days?: number;
}

export interface DeadlineClass {
  /** The first recognised part's kind (a fixed span wins over a 公示 duration). */
  kind: DeadlineKind;
  /** The longest fixed span in working days, when there is one. */
  days?: number;
  /** The longest calendar-day span, when there is one. */
  calendarDays?: number;
  hours?: number;
  parts: DeadlinePart[];
}

// A number is tried only where a run of its digits starts (the match found is the same: a longer run
// only adds digits), else a run of 16 000 digits is tried from each of them (quadratic).
const NUM = '((?<![0-9])[0-9]+|(?<![零〇一二两三四五六七八九十百])[零〇一二两三四五六七八九十百]+)';

/** Parse 20 / 二十 / 十五 / 两 into a number. */
export function parseNumber(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  const digit: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = digit[ch] ?? 0;
  }
  return total + current;
}

const PUBLICITY = new RegExp(`公示(?:期|时间)?(?:为|不少于|不得少于|不低于)?${NUM}个?(工作日|自然日|日|天)`, 'u');
const WORKING = new RegExp(`${NUM}个?工作日`, 'u');
const CALENDAR = new RegExp(`${NUM}(?:个)?(自然日|日|天|周|星期|个月|月)(?:内|以内|之内)`, 'u');
// 每月10日前 and 次年3月底前 are dates in a cycle, not spans: recognised before the calendar spans.
const CYCLE = /每(?:周|月|季|半年|年|日|天|旬|学期)|按(?:月|季|季度|年|周)|逐月|定期|次年/u;
const CALENDAR_FROM = new RegExp(`(?:之日起|后|起)${NUM}(?:个)?(自然日|日|天|周|星期|个月)`, 'u');
const HOURS = new RegExp(`${NUM}个?(?:小时|h)`, 'u');

const SIMPLE: readonly [DeadlineKind, RegExp][] = [
  ['realtime', /实时/u],
  ['timely', /及时|第一时间|即时|立即|随时|动态(?:更新|调整|公开)|尽早/u],
  ['event', /提前|事前|事后|会前|会后|当日|当天|次日|届满|(?:召开|开始|实施|结束|完成|办结|作出|做出|批准|审批|审核|确定|公布|发布|生效|签订|受理|收到)(?:[^，]{0,8})?(?:前|后)/u],
  ['periodic', /每(?:周|月|季|半年|年|日|天|旬|学期)|按(?:月|季|季度|年|周)|逐月|定期|半年|季度|年度|月度|次年|年底|年初|年末|月底|上半年|下半年|至少更新|周[一二三四五六日天]/u],
  ['permanent', /长期|永久|常年|持续公开|常态化/u],
  ['by-rule', /法定时限|规定时限|规定的时限|按(?:照)?(?:有关|相关|国家|上级)?(?:法律法规|规定|要求)|依法(?:公开|办理)?/u],
];

function classifyPart(text: string): DeadlinePart {
  if (SAME_AS_ABOVE.includes(text)) return { kind: 'same-as-above', text };
  let m = PUBLICITY.exec(text);
  if (m) {
    const amount = parseNumber(m[1]!);
    return { kind: 'publicity', text, amount, unit: m[2] === '工作日' ? '工作日' : '日', days: amount };
  }
  // 提前一周 is an event-based notice, not a span.
  if (!/提前/u.test(text)) {
    m = WORKING.exec(text);
    if (m) {
      const amount = parseNumber(m[1]!);
      return { kind: 'working-days', text, amount, unit: '工作日', days: amount };
    }
    if (CYCLE.test(text)) return { kind: 'periodic', text };
    m = CALENDAR.exec(text) ?? CALENDAR_FROM.exec(text);
    if (m) {
      const amount = parseNumber(m[1]!);
      const unit = m[2]!;
      const factor = unit === '周' || unit === '星期' ? 7 : unit.includes('月') ? 30 : 1;
      return { kind: 'days', text, amount, unit: '日', days: amount * factor };
    }
    m = HOURS.exec(text);
    if (m) return { kind: 'hours', text, amount: parseNumber(m[1]!), unit: '小时' };
  }
  for (const [kind, re] of SIMPLE) if (re.test(text)) return { kind, text };
  return { kind: 'unrecognized', text };
}

/** Classify a 公开时限 text: its kind, and the fixed span in working days / calendar days / hours. */
export function classifyDeadline(raw: string): DeadlineClass {
  const text = raw.normalize('NFKC').replace(/\s+/gu, '');
  if (text === '') return { kind: 'blank', parts: [] };
  const parts = text
    .split(/[,，;；。]/u)
    .filter((p) => p !== '')
    .map(classifyPart);
  const recognised = parts.filter((p) => p.kind !== 'unrecognized');
  const result: DeadlineClass = {
    kind: (recognised.find((p) => p.kind !== 'publicity') ?? recognised[0])?.kind ?? 'unrecognized',
    parts,
  };
  for (const p of parts) {
    if (p.kind === 'working-days') result.days = Math.max(result.days ?? 0, p.days!);
    if (p.kind === 'days') result.calendarDays = Math.max(result.calendarDays ?? 0, p.days!);
    if (p.kind === 'hours') result.hours = Math.max(result.hours ?? 0, p.amount!);
  }
  return result;
}

/** A deadline that is only “timely”: 及时公开, 尽早发布, 随时更新. */
const BARE_TIMELY = /^(?:及时|尽早|随时|尽快)(?:予以)?(?:公开|发布|更新|公布)?$/u;

/** 20 working days are four calendar weeks. */
const MAX_CALENDAR_DAYS = (DEFAULT_DEADLINE_DAYS / 5) * 7;

/** Unrecognised 公开时限; fixed spans over 20 working days. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const field = label(catalog, 'deadline');
  // Most items of a catalog share a handful of 公开时限 (信息形成或变更之日起20个工作日内): each text judged once.
  const judged = new Map<string, Verdict | null>();
  catalog.items.forEach((item, i) => {
    const c = item.deadline;
    if (c.carried || isBlank(c.text)) return;
    const value = c.text.trim();
    let verdict = judged.get(value);
    if (verdict === undefined) {
      verdict = judge(value);
      // A bound on the table, not on what is judged: a catalog of distinct texts is judged text by text.
      if (judged.size < JUDGED_TEXTS) judged.set(value, verdict);
    }
    if (verdict) out.push(finding(verdict.code, c.at, { ...verdict.data }, { field, item: i + 1 }));
  });
  return out;
}

/** Distinct 公开时限 texts check keeps the verdict of. */
const JUDGED_TEXTS = 4096;

interface Verdict {
  code: 'deadline-unrecognized' | 'deadline-vague' | 'deadline-too-long';
  data: { value: string; span?: string; days?: number };
}

/** What is wrong with a 公开时限 text (trimmed); null when nothing is. */
function judge(value: string): Verdict | null {
  const cls = classifyDeadline(value);
  if (cls.kind === 'unrecognized') return { code: 'deadline-unrecognized', data: { value } };
  // 及时公开 alone says neither from when nor how soon (赛罕's reviewer asks for both); 按进展情况及时公开 and
  // 实时公开 (at once) do say.
  if (BARE_TIMELY.test(value.normalize('NFKC').replace(/[\s。.]/gu, ''))) return { code: 'deadline-vague', data: { value } };
  const long = cls.parts.find(
    (p) =>
      (p.kind === 'working-days' && p.days! > DEFAULT_DEADLINE_DAYS) ||
      (p.kind === 'days' && p.days! > MAX_CALENDAR_DAYS),
  );
  if (!long) return null;
  const span = `${long.amount}${long.unit === '工作日' ? '个工作日' : /月/u.test(long.text) ? '个月' : /周|星期/u.test(long.text) ? '周' : '日'}`;
  return { code: 'deadline-too-long', data: { value, span, days: long.days! } };
}

/** 公开时限 that cannot be read, that say only “及时”, or that exceed the 条例's 20 working days. */
export const deadlineRule = defineRule({ id: 'deadline', codes: ['deadline-unrecognized', 'deadline-vague', 'deadline-too-long'], check });
