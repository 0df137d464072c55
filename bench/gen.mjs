// Benchmark data: a 2017-layout catalog of N items × 4 content rows, as an .xlsx written the way a
// real office sheet looks (title row merged across, header, item-level columns merged down per item,
// borders on every cell, 注 row) and as the same catalog in YAML. Deterministic for a given N.
//
// The workbook is written with exceljs's streaming WorkbookWriter. Its mergeCells() compares every
// new range with all earlier ones (quadratic: 200 000 merges would take many minutes), so merges
// are added as src/render/xlsx.ts does: covered cells point at the master, the range is pushed to
// the writer's `_merges` list, which it writes out as <mergeCells> on commit.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { once } from 'node:events';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');
const Dimensions = require('exceljs/lib/doc/range.js');

export const PAIRS_PER_ITEM = 4;
export const HEADER = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注'];
/** Columns (1-based) merged down over an item's rows: all but 公开内容 and 公开标准. */
export const ITEM_COLUMNS = [1, 2, 3, 4, 7, 8, 9, 10];

const SECTORS = [
  '食品药品监管', '安全生产', '环境保护', '教育', '医疗卫生', '社会救助', '就业创业', '城乡规划',
  '重大建设项目', '公共资源交易', '税收管理', '征地补偿', '国有土地上房屋征收', '农村危房改造',
  '扶贫救灾', '市场监管', '公共文化服务', '户籍管理', '涉农补贴', '养老服务',
];
const OBJECTS = [
  '行政许可', '行政处罚', '监督抽检', '专项检查', '资金分配', '项目审批', '招标投标', '信用信息',
  '办事指南', '统计数据', '政策文件', '应急预案', '投诉举报处理', '年度报告', '收费标准',
];
const AGENCIES = [
  '沂河县市场监督管理局', '沂河县应急管理局', '沂河县生态环境分局', '沂河县教育和体育局', '沂河县卫生健康局',
  '沂河县民政局', '沂河县人力资源和社会保障局', '沂河县自然资源和规划局', '沂河县发展和改革局', '沂河县农业农村局',
];
const LAWS = [
  ['中华人民共和国政府信息公开条例', '国务院令第711号'],
  ['2017 年山东省政务公开工作要点', '鲁政办发〔2017〕39号'],
  ['关于全面推进政务公开工作的意见', '中办发〔2016〕8号'],
  ['关于全面推进基层政务公开标准化规范化工作的指导意见', '国办发〔2019〕54号'],
  ['食品安全抽样检验管理办法', '国家市场监督管理总局令第15号'],
  ['生产安全事故报告和调查处理条例', '国务院令第493号'],
  ['社会救助暂行办法', '国务院令第649号'],
  ['关于进一步做好食品安全抽检及信息发布工作的意见', '鲁食药〔2017〕32号'],
];
const CONTENTS = [
  ['办事指南', '事项名称、设定依据、申请条件、申请材料、办理流程、办理时限、收费标准、咨询电话、监督投诉渠道'],
  ['结果信息', '对象名称、统一社会信用代码、决定文书号、决定内容、决定日期、决定机关，并附有关文书'],
  ['总体情况', '对抽检产品品类、合格产品批次、不合格产品批次以及合格率等信息进行概要说明'],
  ['处置情况', '对不合格产品生产经营者采取的风险防控措施、处置结果和整改落实情况'],
  ['政策文件', '文件名称、文号、发布日期、全文及政策解读材料，做到文件与解读同步公开'],
  ['资金分配', '资金名称、分配依据、分配对象、分配金额、发放时间和监督电话'],
  ['监督检查', '检查计划、检查对象、检查内容、检查结果、发现问题及整改要求'],
  ['统计信息', '统计口径、统计周期、主要指标数据及其同比环比变化说明'],
];
const PLATFORMS = [
  '沂河县人民政府门户网站“政府信息公开”栏目',
  '沂河县人民政府门户网站、县政务服务中心窗口',
  '政府网站、政务新媒体（微博、微信、客户端）、公示栏',
  '县政务服务中心便民服务窗口、村（社区）公示栏',
];
const DEADLINES = [
  '自信息形成或者变更之日起20个工作日内',
  '自信息形成之日起15个工作日内',
  '自作出决定之日起7个工作日内',
  '原则上每周三公布上周抽检信息',
];

/** A small deterministic generator so that every run builds the same file. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The catalog's items as plain records: the same data for the workbook and the YAML. */
export function* items(n) {
  const r = rng(20170601);
  const pick = (list) => list[Math.floor(r() * list.length)];
  for (let i = 1; i <= n; i++) {
    const sector = SECTORS[Math.floor((i - 1) / Math.max(1, Math.ceil(n / SECTORS.length))) % SECTORS.length];
    const agency = pick(AGENCIES);
    const basis = [];
    const nb = 1 + Math.floor(r() * 3);
    for (let b = 0; b < nb; b++) {
      const [title, no] = LAWS[(i + b * 3) % LAWS.length];
      basis.push(`《${title}》（${no}）`);
    }
    const pairs = [];
    for (let p = 0; p < PAIRS_PER_ITEM; p++) {
      const [c, s] = CONTENTS[(i + p) % CONTENTS.length];
      pairs.push([`${c}（第${p + 1}项）`, s]);
    }
    yield {
      serial: i,
      category: sector,
      name: `${sector}${pick(OBJECTS)}信息（第${i}号）`,
      basis: basis.join('\n'),
      basisList: basis,
      pairs,
      subject: agency,
      platform: pick(PLATFORMS),
      deadline: pick(DEADLINES),
      remark: i % 7 === 0 ? '涉及国家秘密、商业秘密、个人隐私的除外' : '',
    };
  }
}

export const TITLE = '沂河县政务公开事项标准目录（基准测试数据）';
export const NOTE =
  '注：事项类别为纳入试点的行业领域；名称为拟公开事项的规范提法，应做到指向准确，避免产生歧义；依据为对公开此类信息作出要求的政策法规名称，列出文件名和文号；公开内容为拟公开事项的组成要素；公开标准为公开内容应包括的具体要素；公开主体为承担此类信息公开任务的义务主体；公开方式包括在何种平台公开、如何公开；公开时限指相关信息形成或变更后多久公开；如需对信息进行解释说明，可在备注栏标注。';

function mergeUnchecked(ws, top, left, bottom, right) {
  const master = ws.getCell(top, left);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (r !== top || c !== left) ws.getCell(r, c).merge(master);
    }
  }
  ws._merges.push(new Dimensions(top, left, bottom, right));
}

/** Write the workbook (to a temporary name first, so an interrupted run leaves no half file). */
export async function writeWorkbook(file, n) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('目录');
  ws.columns = [6, 12, 20, 34, 22, 34, 18, 20, 18, 12].map((width) => ({ width }));
  const thin = { style: 'thin', color: { argb: 'FF000000' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const font = { name: '宋体', size: 11 };
  const text = { font, border, alignment: { vertical: 'middle', wrapText: true } };
  const header = { font: { ...font, bold: true }, border, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  const title = { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };

  const t = ws.getRow(1);
  t.getCell(1).value = TITLE;
  t.getCell(1).style = title;
  t.height = 30;
  mergeUnchecked(ws, 1, 1, 1, HEADER.length);
  t.commit();
  const h = ws.getRow(2);
  HEADER.forEach((label, i) => {
    h.getCell(i + 1).value = label;
    h.getCell(i + 1).style = header;
  });
  h.commit();

  let next = 3;
  for (const it of items(n)) {
    const values = [it.serial, it.category, it.name, it.basis, null, null, it.subject, it.platform, it.deadline, it.remark];
    for (let p = 0; p < PAIRS_PER_ITEM; p++) {
      const row = ws.getRow(next + p);
      for (let c = 1; c <= HEADER.length; c++) {
        const cell = row.getCell(c);
        cell.style = text;
        if (p === 0 && values[c - 1] !== null && values[c - 1] !== '') cell.value = values[c - 1];
      }
      row.getCell(5).value = it.pairs[p][0];
      row.getCell(6).value = it.pairs[p][1];
    }
    for (const c of ITEM_COLUMNS) mergeUnchecked(ws, next, c, next + PAIRS_PER_ITEM - 1, c);
    next += PAIRS_PER_ITEM;
    ws.getRow(next - 1).commit();
  }
  const noteRow = ws.getRow(next);
  noteRow.getCell(1).value = NOTE;
  noteRow.getCell(1).style = { font, alignment: { wrapText: true, vertical: 'top' } };
  mergeUnchecked(ws, next, 1, next, HEADER.length);
  noteRow.commit();
  ws.commit();
  await wb.commit();
  await rename(tmp, file);
}

/** YAML scalar: plain when that is safe, otherwise JSON's double-quoted form (valid YAML). */
function scalar(s) {
  if (s === '') return '""';
  if (/^[\u4e00-\u9fff《（“][^\n#:]*$/.test(s) && !/: |\s$/.test(s)) return s;
  return JSON.stringify(s);
}

/** Write the same catalog as YAML in the documented layout. */
export async function writeYaml(file, n) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp);
  let buf = `版式: "2017"\n标题: ${TITLE}\n事项:\n`;
  const flush = async () => {
    if (!out.write(buf)) await once(out, 'drain');
    buf = '';
  };
  for (const it of items(n)) {
    buf += `  - 序号: ${it.serial}\n    事项类别: ${scalar(it.category)}\n    名称: ${scalar(it.name)}\n    依据:\n`;
    for (const b of it.basisList) buf += `      - ${scalar(b)}\n`;
    buf += '    公开内容与标准:\n';
    for (const [c, s] of it.pairs) buf += `      - 公开内容: ${scalar(c)}\n        公开标准: ${scalar(s)}\n`;
    buf += `    公开主体: ${scalar(it.subject)}\n    公开方式: ${scalar(it.platform)}\n    公开时限: ${scalar(it.deadline)}\n    备注: ${scalar(it.remark)}\n`;
    if (buf.length > 1 << 16) await flush();
  }
  buf += `注: ${scalar(NOTE)}\n`;
  await flush();
  out.end();
  await once(out, 'close');
  await rename(tmp, file);
}

/** Remove half-written files left by an interrupted generation. */
export async function cleanPartial(file) {
  await rm(`${file}.partial`, { force: true });
}
