// Catalogs built in code for the renderer tests: the sample-table item (2017), rows of the 安全生产
// and 救灾 guides (2019), a hostile catalog, and a generated large one. Every Cell carries a location
// the way a reader would set it (sheet cell, A1 style), so the model is the real shape.
import type { Catalog, Cell, Item, ListField, Pair } from '../../src/model/types.js';
import { COLUMNS, type Profile, type TickGroup } from '../../src/settings/columns.js';

const FILE = 'fixture.xlsx';
const SHEET = 'Sheet1';

function colLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A cell at (row, column) of the fixture sheet. */
export function cell(text: string, row: number, col: number): Cell {
  return { text, at: { file: FILE, sheet: SHEET, cell: `${colLetter(col)}${row}`, row } };
}

function list(texts: string[], row: number, col: number): ListField {
  return { values: texts.map((t) => cell(t, row, col)), at: { file: FILE, sheet: SHEET, cell: `${colLetter(col)}${row}`, row } };
}

function colOf(profile: Profile, key: string): number {
  return COLUMNS[profile].findIndex((c) => c.key === key) + 1;
}

export interface ItemSpec {
  serial: string;
  category: string;
  name: string;
  basis: string[];
  pairs: { content: string; standard?: string }[];
  subject: string;
  deadline: string;
  remark?: string;
  platform?: string;
  channels?: string[];
  ticks?: Partial<Record<TickGroup, string[]>>;
  extra?: Record<string, string>;
}

/** Build one item whose first row is `row`. */
export function makeItem(profile: Profile, row: number, spec: ItemSpec): Item {
  const c = (key: string): number => colOf(profile, key);
  const pairs: Pair[] = spec.pairs.map((p, i) => {
    const pair: Pair = { content: cell(p.content, row + i, c('content')) };
    if (p.standard !== undefined) pair.standard = cell(p.standard, row + i, c('standard'));
    return pair;
  });
  const item: Item = {
    serial: cell(spec.serial, row, c('serial')),
    category: cell(spec.category, row, c('category')),
    name: cell(spec.name, row, c('name')),
    basis: list(spec.basis, row, c('basis')),
    pairs,
    subject: cell(spec.subject, row, c('subject')),
    deadline: cell(spec.deadline, row, c('deadline')),
    remark: cell(spec.remark ?? '', row, c('remark')),
    extra: {},
    at: { file: FILE, sheet: SHEET, cell: `A${row}`, row },
  };
  if (profile === '2017') item.platform = cell(spec.platform ?? '', row, c('platform'));
  if (profile === '2019') {
    item.channels = list(spec.channels ?? [], row, c('channels'));
    item.ticks = {
      audience: list(spec.ticks?.audience ?? [], row, c('audience')),
      mode: list(spec.ticks?.mode ?? [], row, c('mode')),
      level: list(spec.ticks?.level ?? [], row, c('level')),
    };
  }
  let extraCol = COLUMNS[profile].length + 1;
  for (const [label, text] of Object.entries(spec.extra ?? {})) item.extra[label] = cell(text, row, extraCol++);
  return item;
}

/** A catalog of items laid out from row 3 (title row 1, header row 2). */
export function makeCatalog(
  profile: Profile,
  specs: ItemSpec[],
  more: Partial<Omit<Catalog, 'profile' | 'items'>> = {},
): Catalog {
  let row = profile === '2019' ? 4 : 3;
  const items = specs.map((spec) => {
    const item = makeItem(profile, row, spec);
    row += Math.max(1, spec.pairs.length);
    return item;
  });
  return { profile, file: FILE, items, extraColumns: [], missingColumns: [], findings: [], ...more };
}

/** The sample item of the 2017 table (Junan 附件4), plus a second item in another category. */
export function sample2017(): Catalog {
  return makeCatalog(
    '2017',
    [
      {
        serial: '1',
        category: '食品药品监管',
        name: '食品安全监督抽检信息',
        basis: [
          '《2017 年山东省政务公开工作要点》（鲁政办发〔2017〕39 号）',
          '山东省食品药品监督管理局关于进一步做好食品安全抽检及信息发布工作的意见（鲁食药〔2017〕32 号）',
          '《山东省食品药品监督管理局关于进一步规范食品安全监督抽检信息发布工作的通知》（鲁食药监综函〔2017〕15 号）',
        ],
        pairs: [
          { content: '本次抽检总体情况', standard: '对抽检产品品类、合格产品批次、不合格产品批次以及合格率等信息进行概要说明' },
          { content: '合格产品信息情况', standard: '标称生产企业名称、标称生产企业地址、被抽样单位名称、被抽样单位所在省份、食品名称、生产日期/批号、分类、项目来源、备注' },
          { content: '不合格产品信息情况', standard: '标称生产企业地址、被抽样单位名称、被抽样单位地址、食品名称、规格型号、商标、生产日期/批号、不合格项目、分类来源/项目、检验机构备' },
          { content: '采取的措施', standard: '对不合格产品企业采取的主要风险防控措施' },
        ],
        subject: '山东省食品药品监督管理局',
        platform: '山东省食品药品监督管理局门户网站',
        deadline: '原则上每周三公布上周抽检信息',
      },
      {
        serial: '2',
        category: '安全生产',
        name: '生产安全事故调查报告',
        basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）', '《生产安全事故报告和调查处理条例》（国务院令第493号）'],
        pairs: [{ content: '事故调查报告', standard: '事故发生经过、原因、性质、责任认定及处理建议\n详见 https://www.example.gov.cn/aqsc?id=1&t=2' }],
        subject: '县应急管理局',
        platform: '政府门户网站、政务新媒体',
        deadline: '自调查报告批复之日起20个工作日内',
        remark: '涉及国家秘密的除外',
      },
    ],
    { title: '县应急管理局政务公开事项目录', unit: '县应急管理局', date: '2024-05-01' },
  );
}

const ALL_CHANNELS_SAFE = ['政府网站', '两微一端', '公开查阅点', '政务服务中心'];

/** Rows of the 安全生产 and 救灾 guides in the 2019 layout, with 区级/镇级 sub-labels and an extra column. */
export function guide2019(): Catalog {
  const deadline = '信息形成或变更之日起20个工作日内';
  const tiaoli = '《中华人民共和国政府信息公开条例》（国务院令第711号）';
  const base = { subject: '区应急管理局', ticks: { audience: ['全社会'], mode: ['主动'], level: ['县级', '乡级'] } };
  const c = makeCatalog(
    '2019',
    [
      { ...base, serial: '1', category: '政策文件', name: '法律法规', basis: [tiaoli], pairs: [{ content: '与安全生产有关的法律、法规' }], deadline, channels: ALL_CHANNELS_SAFE, extra: { 责任科室: '办公室' } },
      { ...base, serial: '2', category: '政策文件', name: '部门和地方规章', basis: [tiaoli], pairs: [{ content: '与安全生产有关的部门和地方规章' }], deadline, channels: ['政府网站'] },
      {
        ...base,
        serial: '3',
        category: '政策文件',
        name: '重大决策草案',
        basis: [tiaoli, '《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）'],
        pairs: [{ content: '重大决策草案' }, { content: '决策依据' }],
        deadline: '按进展情况及时公开',
        channels: ['政府网站', '发布会', '区融媒体中心'],
      },
      { ...base, serial: '4', category: '依法行政', name: '行政许可', basis: [tiaoli], pairs: [{ content: '办理行政许可和其他对外管理服务事项的依据、条件、程序' }], deadline, channels: ALL_CHANNELS_SAFE, ticks: { audience: ['全社会', '特定群体'], mode: ['主动', '依申请'], level: ['县级'] } },
      { ...base, serial: '5', category: '依法行政', name: '行政处罚', basis: ['同上'], pairs: [{ content: '办理行政处罚的依据、条件、程序以及本级行政机关认为具有一定社会影响的行政处罚决定' }], deadline, channels: ALL_CHANNELS_SAFE, remark: '涉及个人隐私的除外' },
      { ...base, serial: '6', category: '灾后救助', name: '灾情信息', basis: [tiaoli], pairs: [{ content: '本行政区域内因自然灾害造成的损失情况（受灾时间、灾害种类、受灾范围、灾害造成的损失等）' }], deadline: '信息产生、变更之日起20个工作日内', channels: ['政府网站', '两微一端', '广播电视'], ticks: { audience: ['全社会'], mode: ['主动'], level: ['乡级'] } },
    ],
    {
      title: '某区应急管理领域基层政务公开标准目录',
      unit: '某区应急管理局',
      date: '2024年5月',
      options: { level: ['区级', '镇级'] },
      extraColumns: ['责任科室'],
      note: '注：■表示选用，□表示未选用。',
    },
  );
  return c;
}

/** Text that would run script, open a link or compute a formula if any renderer passed it through. */
export const HOSTILE = {
  script: '<script>window.__x=1</script>',
  img: '<img src=x onerror="window.__y=1">',
  js: 'javascript:alert(1)',
  formula: '=HYPERLINK("http://evil.example","点我")',
  plus: '+1+2',
  minus: '-3',
  at: '@SUM(A1)',
  pipe: 'a | b',
  amp: 'A&B <b>粗</b>',
};

/** One 2017 item of hostile text in every field. */
export function hostile2017(): Catalog {
  return makeCatalog('2017', [
    {
      serial: '1',
      category: HOSTILE.script,
      name: HOSTILE.img,
      basis: [HOSTILE.js, HOSTILE.formula, '详见 javascript:alert(2) 和 http://x.example/"onmouseover="alert(3)'],
      pairs: [
        { content: HOSTILE.plus, standard: HOSTILE.minus },
        { content: HOSTILE.at, standard: HOSTILE.pipe },
      ],
      subject: HOSTILE.amp,
      platform: '[链接](javascript:alert(4))',
      deadline: '=1+1',
      remark: '*强调* `代码` # 标题\n第二行',
    },
  ]);
}

const CATS = ['政策文件', '依法行政', '备灾管理', '灾后救助', '款物管理', '综合业务', '最低生活保障'];

/** A generated catalog: `n` items of `pairs` rows each (the benchmark shape). */
export function bigCatalog(profile: Profile, n: number, pairs = 4): Catalog {
  const specs: ItemSpec[] = [];
  for (let i = 0; i < n; i++) {
    specs.push({
      serial: String(i + 1),
      category: CATS[Math.floor(i / 7) % CATS.length]!,
      name: `事项名称${i + 1}`,
      basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）', `《某某管理办法》（某政发〔2020〕${i % 90}号）`],
      pairs: Array.from({ length: pairs }, (_, p) => ({
        content: `公开内容${i + 1}-${p + 1}：与本事项有关的具体要素`,
        ...(profile === '2017' ? { standard: `公开标准${i + 1}-${p + 1}：名称、时间、地点、对象、结果等要素` } : {}),
      })),
      subject: '县人民政府办公室',
      platform: '政府门户网站',
      deadline: '自信息形成或者变更之日起20个工作日内',
      channels: ['政府网站', '两微一端'],
      ticks: { audience: ['全社会'], mode: ['主动'], level: ['县级'] },
    });
  }
  return makeCatalog(profile, specs, { title: `生成的目录（${n} 项）` });
}
