// The two catalog layouts are layout definitions like the lists (issue 21): src/layouts/catalog/2017.yaml
// and 2019.yaml load with the same loader, and the column tables the catalog reader, rules and renderers
// use are those files' words — so a synonym added there reaches every command. A unit's own list cannot
// use what only the catalog reader reads; tick options have aliases, on lists too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogLayouts, check, layout, type ListDoc } from '../../src/core/index.js';
import { COLUMNS, HEADER_ALIASES, ITEM_GROUP_LABEL_2019, PRINTED_LABELS, PROFILE_2019_MARKERS, type Profile } from '../../src/settings/columns.js';
import { CHANNELS, LEVEL_LABELS, TICK_OPTIONS } from '../../src/settings/vocab.js';
import { refusal } from './helpers.js';

const PROFILES: Profile[] = ['2017', '2019'];


describe('the 2017 样表 and the 2019 标准目录 as layout definitions', () => {
  it('both load with the loader every layout goes through, with their columns in printed order', () => {
    const { '2017': l17, '2019': l19 } = catalogLayouts();
    expect([l17.id, l17.name, l17.group, l17.nameColumn]).toEqual(['catalog-2017', '政务公开事项目录（2017 样表）', 'category', 'name']);
    expect(l17.columns.map((c) => c.label)).toEqual(['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注']);
    expect([l19.id, l19.group]).toEqual(['catalog-2019', 'category']);
    expect(l19.columns.map((c) => [c.label, c.kind])).toEqual([
      ['序号', 'serial'], ['一级事项', 'text'], ['二级事项', 'text'], ['公开内容', 'text'], ['公开依据', 'text'], ['公开时限', 'text'], ['公开主体', 'text'],
      ['公开渠道和载体', 'checklist'], ['公开对象', 'ticks'], ['公开方式', 'ticks'], ['公开层级', 'ticks'], ['备注', 'text'],
    ]);
    // The name clash of the two layouts is two definitions of one label.
    expect(l17.columns.find((c) => c.label === '公开方式')!.key).toBe('platform');
    expect(l19.columns.find((c) => c.label === '公开方式')!.key).toBe('mode');
  });

  it('the catalog reader’s tables are the definitions’ words: labels, aliases, required, options, widths', () => {
    for (const p of PROFILES) {
      const def = catalogLayouts()[p];
      expect(COLUMNS[p].map((c) => [c.key, c.label, c.required, c.description, c.width])).toEqual(def.columns.map((c) => [c.key, c.label, c.required, c.description, c.width]));
      const aliases = def.columns.flatMap((c) => [c.label, ...c.aliases].map((l) => [l, c.key]));
      expect(Object.entries(HEADER_ALIASES[p]).sort()).toEqual(aliases.sort());
    }
    const l19 = catalogLayouts()['2019'];
    for (const g of ['audience', 'mode', 'level'] as const) {
      const c = l19.columns.find((x) => x.key === g)!;
      expect(TICK_OPTIONS[g]).toEqual(c.options.map((o) => [o, ...(c.optionAliases[o] ?? [])]));
    }
    expect(TICK_OPTIONS.audience[0]).toEqual(['全社会', '社会公众', '全体社会']);
    expect(CHANNELS).toEqual(l19.columns.find((c) => c.key === 'channels')!.options);
    expect(CHANNELS[0]).toBe('政府网站');
    expect(LEVEL_LABELS).toContain('村（社区）级');
    expect(PROFILE_2019_MARKERS).toEqual(l19.words);
    expect(ITEM_GROUP_LABEL_2019).toBe('公开事项');
    expect(PRINTED_LABELS['2019']).toEqual({ content: '公开内容（要素）' });
  });

  it('the shipped catalog schemas agree with the definitions: every column, required as the definition says', () => {
    for (const p of PROFILES) {
      const schema = JSON.parse(readFileSync(`schemas/catalog-${p}.schema.json`, 'utf8')) as { $defs: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
      const item = schema.$defs.item!;
      const props = new Set(Object.keys(item.properties ?? {}));
      const def = catalogLayouts()[p];
      // 公开内容/公开标准 are pairs of an item's rows in the model and the schema (公开内容 list).
      const top = def.columns.filter((c) => !['content', 'standard'].includes(c.key));
      for (const c of top) expect(props.has(c.label), `${p} ${c.label}`).toBe(true);
      for (const c of top.filter((x) => x.required && x.kind !== 'ticks' && x.kind !== 'checklist' && x.key !== 'serial')) {
        expect(item.required ?? [], `${p} ${c.label}`).toContain(c.label);
      }
    }
  });

  it('a unit’s own list cannot use what only the catalog reader reads, and option aliases must name an option', async () => {
    const base = 'id: my-list\nname: 我的清单\ncolumns:\n  - key: name\n    label: 名称\n';
    const heading = await refusal(base + '    heading: 事项\n');
    expect(heading).toMatchObject({ code: 'layout-invalid', line: 6 });
    expect(heading.message).toContain('“heading”只用于内置的政务公开事项目录版式');
    const ticks = '  - key: steps\n    label: 程序\n    kind: ticks\n    options: [甲, 乙]\n    optionAliases:\n';
    const wrong = await refusal(base + ticks + '      丙: [丁]\n');
    expect(wrong).toMatchObject({ code: 'layout-invalid', line: 11 });
    expect(wrong.message).toContain('“丙”不是“程序”的选项');
    const ok = await layout(new TextEncoder().encode(base + ticks + '      甲: [甲一]\n'), '我的清单.yaml');
    expect(ok.columns[1]!.optionAliases).toEqual({ 甲: ['甲一'] });
  });
});

describe('tick options written otherwise', () => {
  it('决策 steps as published lists write them (公开征求意见, 合法性审核, 集体决策) are known as the 条例’s, in headers and in cells', async () => {
    const file = 'test/fixtures/lists/decisions-step-words.html';
    const checked = await check(new Uint8Array(readFileSync(file)), 'decisions-step-words.html');
    const doc = checked.catalog as ListDoc;
    expect(doc.layout.id).toBe('major-decisions');
    // The √ columns head the 条例's options as the sheet printed them; each is that option.
    expect(doc.options).toEqual({ steps: ['公开征求意见', '合法性审核', '集体决策'] });
    // Kept as written (as a 2019 catalog's 区级/镇级 are), and known for the 条例's steps: no finding.
    expect(doc.items.map((i) => i.ticks.steps!.values.map((v) => v.text))).toEqual([
      ['公开征求意见', '合法性审核', '集体决策'],
      ['合法性审核', '集体决策'],
      ['征求公众意见', '专家论证', '集体讨论'],
    ]);
    expect(checked.findings.filter((f) => f.code === 'list-option-unknown')).toEqual([]);
  });
});

describe('a ■/□ checklist column of a list', () => {
  it('each name marked ■ or □ (or listed without marks) is one of the options or their aliases; others are named', async () => {
    const def = await layout(new TextEncoder().encode([
      'id: service-points', 'name: 便民服务事项清单', 'words: [服务事项名称, 办理渠道]', 'columns:',
      '  - { key: serial, label: 序号, kind: serial }',
      '  - { key: name, label: 服务事项名称, required: true }',
      '  - key: channels', '    label: 办理渠道', '    kind: checklist', '    options: [窗口办理, 网上办理, 自助终端]', '    optionAliases: { 网上办理: [网办] }', '',
    ].join('\n')), '便民服务事项清单.yaml');
    const html = '<table><tr><td>序号</td><td>服务事项名称</td><td>办理渠道</td></tr>'
      + '<tr><td>1</td><td>居住证办理</td><td>■窗口办理 □网上办理 ■自助终端</td></tr>'
      + '<tr><td>2</td><td>社保缴费记录查询</td><td>■网办、□窗口办理、■电话办理</td></tr>'
      + '<tr><td>3</td><td>老年优待证办理</td><td>窗口办理、上门办理</td></tr></table>';
    const checked = await check(new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body>${html}</body></html>`), 'points.html', { layouts: [def] });
    expect((checked.catalog as ListDoc).layout.id).toBe('service-points');
    expect(checked.findings.filter((f) => f.code === 'list-option-unknown').map((f) => [f.location.row, f.params!.value])).toEqual([[3, '电话办理'], [4, '上门办理']]);
    // Kept as written.
    expect((checked.catalog as ListDoc).items[1]!.values.channels!.text).toBe('■网办、□窗口办理、■电话办理');
  });
});
