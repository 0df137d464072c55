// A space or line break inside a word (乡镇人民政 府, 征收土 地信息, 工作\n日内): what a narrow column or a
// copy out of a PDF leaves behind. Info, with the break deleted as fix: the text reads the same either way,
// but a page's search does not find 土地 in 土 地.
//
// Telling a broken word from two words needs a dictionary; a short one does: the two characters on either
// side of the break form one of the words catalogs are written in (工作, 土地, 政府 …). Short labels (一级事项,
// 二级事项, 公开主体) are words themselves, so any space inside one of four to six characters (政策 文件,
// 依法 行政) is a break too, and so is every space of letter-spaced text (制 定 或 获 取), and a span of time
// broken after its 个 (10 个 工作日内: then the number's spaces too). Not flagged: other breaks next to a digit, a
// letter or punctuation (1、… 2、…, 10 个工作日), a line break in a label (依法\n行政 is how a clerk wraps a
// heading on purpose), and the channel list.
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { deleteRanges } from '../../findings/fix.js';
import type { FieldKey } from '../../settings/columns.js';
import { defineRule } from '../rule.js';
import { eachTextCell, label } from './util.js';

/** Words of catalog texts, as the pairs of characters a break may fall between. */
const WORDS = new Set(
  (
    '工作 作日 日内 政府 信息 公开 土地 采购 文件 行政 政策 事项 条例 安全 生产 人民 办法 规定 管理 服务 社会 保障 法律 法规 ' +
    '项目 建设 资金 单位 部门 审批 许可 处罚 监督 检查 标准 目录 公示 通知 意见 方案 计划 规划 报告 情况 结果 名单 程序 时限 ' +
    '变更 形成 街道 乡镇 社区 村民 居民 群众 救助 补贴 教育 卫生 健康 环境 保护 交通 水利 农业 林业 资源 应急 市场 统计 财政 ' +
    '预算 决算 收费 价格 就业 养老 医疗 住房 城乡 规章 文化 旅游 民政 残疾 公共 交易 招标 投标 中标 征收 补偿 安置 扶贫 涉农 ' +
    '实施 执行 办理 受理 申请 条件 材料 流程 指南 咨询 投诉 电话 地址 机构 职能 领导 企业 突发 事件 处理 调查 发布 更新 批准 ' +
    '职务 职责 姓名 简历 分工 年报 登记 注销 户籍 户口 身份'
  ).split(' '),
);

const HAN = /\p{Script=Han}/u;
/** Any white space a break is made of. (Patterns of functions run for every cell are made once: a literal
 * in the function is a new RegExp object at each call, 60 bytes each.) */
const WHITE = /[ \t\u3000\u00a0\n]/u;
const SHORT_LABELS: readonly FieldKey[] = ['category', 'name', 'subject'];
/** A run of spaces, or a line break with spaces around it, between two Han characters. Never empty: a
 * pattern that may match nothing matched between every two Han characters of a text, an array each. */
const BREAK = /(?<=\p{Script=Han})(?:[ \t\u3000\u00a0]+(?:\n[ \t\u3000\u00a0]*)?|\n[ \t\u3000\u00a0]*)(?=\p{Script=Han})/gu;

/** What nearly every text has: no break (one list for all, not a new one per cell). */
const NO_BREAKS: readonly [number, number][] = Object.freeze([]);

/** The breaks inside words of a text, as [start, end) ranges of the white space to delete. */
export function wordBreaks(text: string, key: FieldKey): readonly [number, number][] {
  if (!WHITE.test(text)) return NO_BREAKS;
  const han = [...text].filter((c) => HAN.test(c)).length;
  const short = SHORT_LABELS.includes(key) && han >= 4 && han <= 6;
  const out: [number, number][] = [];
  for (const m of text.matchAll(BREAK)) {
    const gap = m[0];
    const start = m.index!;
    const end = start + gap.length;
    const pair = text[start - 1]! + text[end]!;
    if (gap.includes('\n') && SHORT_LABELS.includes(key)) continue;
    if (WORDS.has(pair) || (short && !gap.includes('\n')) || inSpacedRun(text, start)) out.push([start, end]);
  }
  // A span broken after its measure word (10 个 工作日内, 3个 月): that break, and then the spaces around its
  // number as well — the whole span was spaced out; a number alone set off by spaces (10 个工作日) is not.
  for (const m of text.matchAll(SPAN)) {
    const spans = m.indices!;
    for (const g of [1, 3, 4]) {
      const r = spans[g];
      if (r && !out.some(([s]) => s === r[0])) out.push([r[0], r[1]]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** A number, 个 and a unit of time with a break after 个 (spaces before and after the number captured too). */
const SPAN = /(?<=\p{Script=Han})([ \u3000]+)?(\d+)([ \u3000]+)?个([ \u3000]+)(?=(?:工作|自然)?日|月|小时|星期|工作周|季度)/dgu;

/** Letter-spaced text (制 定 或 获 取 信 息之日起, a PDF's justified line): three or more single characters in a
 * row, each followed by one space; every space of the run is a break whatever the words. */
const SPACED_RUN = /(?<!\p{Script=Han})(?:\p{Script=Han}[ \u3000]){3,}(?=\p{Script=Han})/gu;

function inSpacedRun(text: string, gapStart: number): boolean {
  for (const m of text.matchAll(SPACED_RUN)) if (gapStart > m.index! && gapStart < m.index! + m[0].length) return true;
  return false;
}

const CHECKED: readonly FieldKey[] = ['category', 'name', 'content', 'standard', 'subject', 'deadline', 'remark'];

/** Spaces and line breaks inside words → space-in-word info with the breaks deleted as fix. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  // A cell merged down over several items (一级事项) is one cell to fix: reported once.
  const seen = new Set<string>();
  // A category also spelled without the break elsewhere is category-spelling's (one finding per problem).
  const categories = new Set(catalog.items.map((i) => i.category.text));
  eachTextCell(catalog, (cell, key, index) => {
    if (cell.carried || !CHECKED.includes(key)) return;
    // The breaks first: most cells have none, and a cell's place is built when asked (model/packed.ts).
    const ranges = wordBreaks(cell.text, key);
    if (!ranges.length) return;
    const place = JSON.stringify(cell.at);
    if (seen.has(place)) return;
    seen.add(place);
    const field = label(catalog, key);
    const fixed = without(cell.text, ranges);
    if (key === 'category' && categories.has(fixed)) return;
    out.push(finding('space-in-word', cell.at, { field, found: cell.text, fixed }, { field, item: index, fix: deleteRanges(cell.text, ranges) }));
  });
  // The sheet's own columns (三级事项, 事项类型, 责任科室 …): a label-like one is read as a name, the rest as text.
  catalog.items.forEach((item, i) => {
    for (const [column, cell] of Object.entries(item.extra)) {
      if (cell.carried) continue;
      const ranges = wordBreaks(cell.text, LABEL_COLUMN.test(column) ? 'name' : 'remark');
      if (!ranges.length) continue;
      const place = JSON.stringify(cell.at);
      if (seen.has(place)) continue;
      seen.add(place);
      const fixed = without(cell.text, ranges);
      out.push(finding('space-in-word', cell.at, { field: column, found: cell.text, fixed }, { field: column, item: i + 1, fix: deleteRanges(cell.text, ranges) }));
    }
  });
  return out;
}

/** A text with the given [start, end) ranges taken out (the breaks deleted): what the fix gives. */
function without(text: string, ranges: readonly [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s);
    at = e;
  }
  return out + text.slice(at);
}

/** Extra columns that hold labels (三级事项, 事项类型, 一级目录, 科室名称): short words, like 名称. */
const LABEL_COLUMN = /(?:事项|目录|类型|类别|名称|科室|部门|分组)$/u;

/** Spaces and line breaks that break a word in two, with their deletion as fix. */
export const wordBreaksRule = defineRule({ id: 'word-breaks', codes: ['space-in-word'], fixable: true, check });
