// Lists built by hand for the list renderers' tests: a ListDoc of a layout from plain values by column key.
import { readFileSync } from 'node:fs';
import { parseLayout, type Layout } from '../../src/layouts/index.js';
import { record, type ListDoc, type ListItem } from '../../src/model/list.js';
import type { Cell } from '../../src/model/types.js';

/** A layout of the renderers' tests by id: the built-in lists as they were defined when these tests were
 * written (test/lists/layouts/), so that the built-ins can learn new columns from real lists without
 * moving every expected cell of the renderers' tests; the layouts' own tests (test/layouts/) use the live ones. */
export function layout(id: string): Layout {
  return parseLayout(readFileSync(`test/lists/layouts/${id}.yaml`, 'utf8'), `test/lists/layouts/${id}.yaml`);
}

/** A tick written as text instead of √ (州级 under 县级): the option and the text. */
export interface Marked {
  option: string;
  mark: string;
}

/** One item by column key: per-item texts; for a tick column, the options ticked; per-row columns in `rows`. */
export interface ItemSpec {
  values?: Record<string, string>;
  ticks?: Record<string, (string | Marked)[]>;
  rows?: Record<string, string>[];
  extra?: Record<string, string>;
}

const at = (n: number) => ({ file: 'test.xlsx', sheet: 'Sheet1', row: n });
const cell = (text: string, n: number): Cell => ({ text, at: at(n) });

/** A ListDoc of `layout` holding these items (every tick column present, as the readers give it). */
export function listDoc(lay: Layout, items: ItemSpec[], meta: Partial<Pick<ListDoc, 'title' | 'unit' | 'date' | 'note' | 'extraColumns' | 'options'>> = {}): ListDoc {
  const built: ListItem[] = items.map((spec, i) => {
    const n = i + 4;
    const item: ListItem = { values: record(), rows: [], ticks: record(), extra: record(), at: at(n) };
    for (const [k, v] of Object.entries(spec.values ?? {})) item.values[k] = cell(v, n);
    for (const c of lay.columns) if (c.kind === 'ticks') item.ticks[c.key] = { values: [], at: at(n) };
    for (const [k, list] of Object.entries(spec.ticks ?? {})) {
      item.ticks[k] = { values: list.map((t) => (typeof t === 'string' ? cell(t, n) : { ...cell(t.option, n), mark: t.mark })), at: at(n) };
    }
    for (const row of spec.rows ?? []) {
      const r = record<Cell>();
      for (const [k, v] of Object.entries(row)) r[k] = cell(v, n);
      item.rows.push(r);
    }
    for (const [k, v] of Object.entries(spec.extra ?? {})) item.extra[k] = cell(v, n);
    // A value given for a per-row column goes to the item's first row, as the readers put it.
    for (const c of lay.columns) {
      if (c.per !== 'row' || item.values[c.key] === undefined) continue;
      (item.rows[0] ??= record<Cell>())[c.key] = item.values[c.key]!;
      delete item.values[c.key];
    }
    return item;
  });
  const extraColumns = meta.extraColumns ?? [...new Set(items.flatMap((s) => Object.keys(s.extra ?? {})))];
  return { kind: 'list', layout: lay, profile: lay.name, file: 'test.xlsx', items: built, missingColumns: [], findings: [], ...meta, extraColumns };
}

/** A small layout of our own with per-row columns (a 公共服务事项清单): one item spans several rows. */
export const SERVICES = parseLayout(
  `id: services
name: 公共服务事项清单
description: 公共服务事项及其办理材料
words: [服务事项, 办理材料]
columns:
  - { key: serial, label: 序号, kind: serial, width: 6 }
  - { key: name, label: 服务事项, required: true, width: 20 }
  - { key: material, label: 办理材料, per: row, width: 24 }
  - { key: copies, label: 份数, per: row, kind: number, width: 6 }
  - { key: online, label: 是否网办, kind: yesno, width: 8 }
  - { key: channels, label: 办理渠道, kind: checklist, options: [窗口, 网站, 自助机], width: 20 }
print: { orientation: portrait, title: 公共服务事项清单 }
`,
  'services.yaml',
);

/** Hostile texts every output must keep as text: markup, a formula, a Markdown table breaker. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  formula: '=1+1',
  plus: '+SUM(A1)',
  at: '@cmd',
  minus: '-2+3',
  pipe: 'a | b',
};

/** The three built-in layouts, each with a small list of realistic items (and one hostile value each). */
export function builtinDocs(): Record<string, ListDoc> {
  const decisions = listDoc(
    layout('major-decisions'),
    [
      {
        values: { serial: '1', matter: '编制《某县国土空间总体规划（2021—2035年）》', undertaker: '县自然资源局', basis: '《中华人民共和国土地管理法》\n《重大行政决策程序暂行条例》（国务院令第713号）', time: '2024年6月', hearing: '否', remark: HOSTILE.script },
        ticks: { steps: ['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定'] },
      },
      {
        values: { serial: '2', matter: '调整城区公共交通票价', undertaker: '县交通运输局', basis: '《政府制定价格听证办法》', time: '2024年第三季度', hearing: '是', remark: HOSTILE.formula },
        ticks: { steps: ['公众参与', { option: '风险评估', mark: '委托第三方' }, '合法性审查', '集体讨论决定'] },
      },
    ],
    { title: '某县人民政府2024年度重大行政决策事项目录', unit: '某县人民政府办公室', date: '2024年3月1日', note: '注：决策时间为计划时间，以实际为准。' },
  );
  const powers = listDoc(
    layout('powers'),
    [
      { values: { serial: '1', code: '330217001000', name: '建设工程规划许可证核发', item: '', type: '行政许可', basis: '《中华人民共和国城乡规划法》第四十条', subject: '县自然资源局', duty: '1.受理阶段责任：公示应当提交的材料。\n2.审查阶段责任：对申请材料进行审查。', accountability: HOSTILE.plus, remark: '' } },
      { values: { serial: '2', code: '330217002000', name: '对违反城乡规划行为的处罚', item: '未取得规划许可证进行建设', type: '行政处罚', basis: '《中华人民共和国城乡规划法》第六十四条', subject: '县自然资源局', duty: '立案、调查、审查、告知、决定、执行', accountability: '不履行或不正确履行职责的', remark: HOSTILE.at } },
      { values: { serial: '3', code: '330217003000', name: '乡村建设规划许可证核发', item: '', type: '行政许可', basis: '《中华人民共和国城乡规划法》第四十一条', subject: '县自然资源局', duty: '受理、审查、决定、送达', accountability: '', remark: '' } },
    ],
    { title: '某县自然资源局权责清单', unit: '某县自然资源局', extraColumns: ['联系电话', '无表头列1'] },
  );
  powers.items[0]!.extra['联系电话'] = { text: '0574-12345678', at: powers.items[0]!.at };
  powers.items[1]!.extra['无表头列1'] = { text: HOSTILE.minus, at: powers.items[1]!.at };
  const inspections = listDoc(
    layout('inspections'),
    [
      { values: { serial: '1', name: '对食品生产经营者的监督检查', type: '双随机抽查', basis: '《中华人民共和国食品安全法》第一百一十条', owner: '县市场监管局', subject: '县市场监管局', target: '食品生产经营者', manner: '现场检查', frequency: '每年不少于1次', remark: HOSTILE.pipe } },
      { values: { serial: '2', name: '特种设备安全监督检查', type: '日常检查、专项检查', basis: '《中华人民共和国特种设备安全法》第五十七条', owner: '县市场监管局', subject: '县市场监管局', target: '特种设备使用单位', manner: '现场检查\n书面检查', frequency: '按比例抽查', remark: '' } },
    ],
    { date: '2024年1月' },
  );
  return { 'major-decisions': decisions, powers, inspections };
}
