// `zwgk init -o x.yaml` → a YAML skeleton: every field with a Chinese comment taken from the 注
// (settings.COLUMNS descriptions) and one example item to overwrite. It is plain text built line by
// line so the comments sit next to their keys; values go through the yaml library so quoting is right.
import { stringify } from 'yaml';
import { ITEM_ORIGIN_KEY, PAIRS_KEY, TOP_KEYS } from '../model/document.js';
import { CHANNELS, TICK_OPTIONS } from '../settings/vocab.js';
import { COLUMNS, type FieldKey, type Profile } from '../settings/columns.js';
import { NOTE_2017 } from '../settings/texts.js';
import { TEMPLATE_TITLE } from './words.js';

/** One scalar as YAML text (plain when safe, quoted otherwise). */
function scalar(value: string | number): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function spec(profile: Profile, key: FieldKey) {
  const col = COLUMNS[profile].find((c) => c.key === key)!;
  return { label: col.label, comment: `${col.description}${col.required ? '（必填）' : '（选填）'}` };
}

/** Example values of one item, per layout: the 2017 sample table's item and a 安全生产 guide row. */
const EXAMPLE_2017 = {
  category: '食品药品监管',
  name: '食品安全监督抽检信息',
  basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）', '《2017 年山东省政务公开工作要点》（鲁政办发〔2017〕39号）'],
  pairs: [
    { content: '本次抽检总体情况', standard: '对抽检产品品类、合格产品批次、不合格产品批次以及合格率等信息进行概要说明' },
    { content: '采取的措施', standard: '对不合格产品企业采取的主要风险防控措施' },
  ],
  subject: 'XX县市场监督管理局',
  platform: 'XX县人民政府门户网站',
  deadline: '自信息形成或者变更之日起20个工作日内',
};
const EXAMPLE_2019 = {
  category: '政策文件',
  name: '法律法规',
  content: '与安全生产有关的法律、法规',
  basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）'],
  deadline: '信息形成或变更之日起20个工作日内',
  subject: 'XX县应急管理局',
  channels: ['政府网站', '两微一端'],
  audience: ['全社会'],
  mode: ['主动'],
  level: ['县级', '乡级'],
};

function flow(values: readonly string[]): string {
  return `[${values.map(scalar).join(', ')}]`;
}

/** The YAML skeleton of a layout: comments from the 注, one example item. */
export function renderSkeletonYaml(profile: Profile): string {
  const L: string[] = [];
  const field = (key: FieldKey, value: string, extra = '') => {
    const s = spec(profile, key);
    L.push(`    # ${s.label}：${s.comment}${extra}`);
    L.push(`    ${s.label}:${value === '' ? '' : ' ' + value}`);
  };
  const list = (key: FieldKey, values: readonly string[], extra = '') => {
    const s = spec(profile, key);
    L.push(`    # ${s.label}：${s.comment}${extra}`);
    L.push(`    ${s.label}:`);
    for (const v of values) L.push(`      - ${scalar(v)}`);
  };

  L.push(`# zwgk 政务公开事项目录（${profile} 版式）骨架，由 zwgk init 生成。`);
  L.push('# 键名就是表格的列名。把示例事项改成本单位的事项，复制“- 序号:”开头的整段可以增加事项。');
  L.push('# 文本中含冒号加空格、# 或以引号、方括号开头时，请给整段文字加英文双引号。');
  L.push('# 填好后运行：zwgk validate <本文件>；生成 Excel：zwgk render <本文件> --to xlsx');
  L.push(`${TOP_KEYS.profile}: ${scalar(profile)}    # 2017：2017 年样表；2019：基层政务公开标准目录`);
  L.push(`${TOP_KEYS.title}: ${scalar(TEMPLATE_TITLE)}    # 改为本单位的目录标题`);
  L.push(`# ${TOP_KEYS.unit}、${TOP_KEYS.date}：选填，例如 ${TOP_KEYS.unit}: XX县市场监督管理局 / ${TOP_KEYS.date}: 2024年3月`);
  L.push(`${TOP_KEYS.items}:`);
  L.push(`  # ${spec(profile, 'serial').label}：${spec(profile, 'serial').comment}，从 1 起依次编号`);
  L.push(`  - ${spec(profile, 'serial').label}: 1`);
  if (profile === '2017') {
    const e = EXAMPLE_2017;
    field('category', scalar(e.category));
    field('name', scalar(e.name));
    list('basis', e.basis, '；每条依据一项，文号年份用六角括号〔〕');
    const c = spec(profile, 'content');
    const s = spec(profile, 'standard');
    L.push(`    # ${PAIRS_KEY}：每行一组（Excel 中每组占一行）`);
    L.push(`    #   ${c.label}：${c.comment}`);
    L.push(`    #   ${s.label}：${s.comment}`);
    L.push(`    ${PAIRS_KEY}:`);
    for (const p of e.pairs) {
      L.push(`      - ${c.label}: ${scalar(p.content)}`);
      L.push(`        ${s.label}: ${scalar(p.standard)}`);
    }
    field('subject', scalar(e.subject));
    field('platform', scalar(e.platform));
    field('deadline', scalar(e.deadline), '，例如“自信息形成或者变更之日起20个工作日内”');
    field('remark', '""');
  } else {
    const e = EXAMPLE_2019;
    field('category', scalar(e.category));
    field('name', scalar(e.name));
    field('content', scalar(e.content), '；多组内容时写成列表');
    list('basis', e.basis, '；每条依据一项，文号年份用六角括号〔〕');
    field('deadline', scalar(e.deadline));
    field('subject', scalar(e.subject));
    list('channels', e.channels, `；只列出选用的渠道，可选：${CHANNELS.join('、')}`);
    const tick = (key: 'audience' | 'mode' | 'level', values: string[]) =>
      field(key, flow(values), `；可选：${TICK_OPTIONS[key].map((a) => a[0]).join('、')}，可多选`);
    tick('audience', e.audience);
    tick('mode', e.mode);
    tick('level', e.level);
    field('remark', '""');
  }
  L.push(`    # ${ITEM_ORIGIN_KEY}：zwgk merge 合并时自动记录事项来自哪个文件，手工填写时不需要`);
  if (profile === '2017') {
    L.push('# 注：表格下方的说明（选填），生成 Excel 时写在表格下方');
    L.push(`${TOP_KEYS.note}: ${scalar(NOTE_2017)}`);
  }
  return L.join('\n') + '\n';
}
