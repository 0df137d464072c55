// The texts around a catalog's table: the title written when there is none, the standard 注 of the 2017
// sample table, the 编制单位/日期 line under the title, and the print footer of rendered workbooks.
import { trimWhere, unitIn } from './trim.js';

/** The standard 注 of the 2017 sample table, written under rendered sheets that carry none. */
export const NOTE_2017 =
  '注：事项类别为纳入试点的行业领域；名称为拟公开事项的规范提法，应做到指向准确，避免产生歧义；依据为对公开此类信息作出要求的政策法规名称，列出文件名和文号；公开内容为拟公开事项的组成要素；公开标准为公开内容应包括的具体要素；公开主体为承担此类信息公开任务的义务主体；公开方式包括在何种平台公开、如何公开；公开时限指相关信息形成或变更后多久公开；如需对信息进行解释说明，可在备注栏标注。';

/** Title written when a catalog carries none. */
export const DEFAULT_TITLE = '政务公开事项目录';
/** Page footer of rendered workbooks (Excel header/footer codes: &P page, &N pages). */
export const PRINT_FOOTER = '第 &P 页，共 &N 页';

/** Labels of the line under the title that names the unit and date ("编制单位：…　　日期：…"). */
export const META_LABELS = { unit: '编制单位', date: '日期' } as const;
const META_UNIT = /(?:编制单位|填报单位|制表单位|单位)\s*[:：]\s*(.+?)(?=\s{2,}|\u3000|(?:编制|填报|制表)?(?:日期|时间)\s*[:：]|$)/u;
const META_DATE_LABEL = /(?:编制|填报|制表)?(?:日期|时间)\s*[:：]/gu;
// A line break of the cell; U+2028/U+2029 are text in a cell (a 日期 holding one was lost).
const LINE_TERMINATOR = /[\n\r]/u;
const SPACE = /\s/u;
const EDGE_PUNCTUATION = unitIn(/[\s\p{P}]/u);

/**
 * The first “日期：…” that runs to the end of the text on one line (trailing white space aside), as
 * /(?:编制|填报|制表)?(?:日期|时间)\s*[:：]\s*(.+?)\s*$/u finds it (but a U+2028 is no line break), in
 * linear time (that expression tries every position of a long value against the end).
 */
function findDate(text: string): { index: number; date: string } | undefined {
  let last = text.length;
  while (last > 0 && SPACE.test(text[last - 1]!)) last--;
  if (last === 0) return undefined;
  let lastBreak = -1;
  for (let i = last - 1; i >= 0; i--) {
    if (LINE_TERMINATOR.test(text[i]!)) {
      lastBreak = i;
      break;
    }
  }
  META_DATE_LABEL.lastIndex = 0;
  for (let m = META_DATE_LABEL.exec(text); m; m = META_DATE_LABEL.exec(text)) {
    let start = m.index + m[0].length;
    while (start < last && SPACE.test(text[start]!)) start++;
    if (start < last && start > lastBreak) return { index: m.index, date: text.slice(start, last) };
  }
  return undefined;
}

const MEASURE_UNIT = /^(?:[万亿千百]?元|个|项|件|人|次|%|％)$/u;

/** Read unit and date from a line above the header; undefined parts were not there, `rest` is what
 * the line holds besides them (white space and punctuation dropped), so nothing is taken silently. */
export function parseMetaLine(text: string): { unit?: string; date?: string; rest: string } {
  const out: { unit?: string; date?: string; rest: string } = { rest: '' };
  let left = text;
  const unit = META_UNIT.exec(left);
  // “单位：万元” next to a title is a unit of measure, not the compiling unit.
  if (unit?.[1]?.trim() && !MEASURE_UNIT.test(unit[1].trim())) {
    out.unit = unit[1].trim();
    left = left.slice(0, unit.index) + ' ' + left.slice(unit.index + unit[0].length);
  }
  const date = findDate(left);
  if (date) {
    out.date = date.date;
    left = left.slice(0, date.index) + ' ';
  }
  out.rest = trimWhere(left, EDGE_PUNCTUATION);
  return out;
}

/** The line under the title that names the unit and date, or undefined when the catalog has neither. */
export function formatMetaLine(unit?: string, date?: string): string | undefined {
  const parts: string[] = [];
  if (unit) parts.push(`${META_LABELS.unit}：${unit}`);
  if (date) parts.push(`${META_LABELS.date}：${date}`);
  return parts.length ? parts.join('\u3000\u3000') : undefined;
}
/** The extra column a section heading row (一、行政许可类) is kept in when a category column already says
 * what the items are, so that convert, render and merge carry the heading. */
export const GROUP_COLUMN = '分组';
