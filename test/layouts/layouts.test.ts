// Layouts as data (issue 21): the definition format and its messages, recognition of a list among the
// catalog layouts, lists read from every grid source and from YAML, and checked by their declaration.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinLayouts, check, layout, layoutSchema, read, type ListDoc } from '../../src/core/index.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { renderListYaml } from '../../src/render/list/yaml.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { refusal } from './helpers.js';

const F = 'test/fixtures/lists';
const bytes = (p: string) => new Uint8Array(readFileSync(p));
const short = (f: { code: string; location: { cell?: string; line?: number; row?: number; column?: number } }) => [f.code, f.location.cell ?? f.location.line ?? `${f.location.row}/${f.location.column}`];


describe('layout definition files', () => {
  it('the built-in lists are definitions like any other: they load, each with a name column and ids', () => {
    const ids = builtinLayouts().map((l) => [l.id, l.name, l.nameColumn]);
    expect(ids).toEqual([
      ['inspections', '行政检查事项清单', 'name'],
      ['major-decisions', '重大行政决策事项目录', 'matter'],
      ['powers', '权责清单', 'name'],
    ]);
  });

  it('a malformed definition is refused at its line, in Chinese', async () => {
    const base = 'id: my-list\nname: 我的清单\ncolumns:\n  - key: name\n    label: 名称\n';
    expect(await refusal('name: 我的清单\ncolumns: []\n')).toMatchObject({ code: 'layout-invalid', line: 1 });
    expect((await refusal('name: 我的清单\ncolumns: []\n')).message).toContain('缺少“标识（id）”');
    const kind = await refusal(base + '    kind: 日期\n');
    expect(kind).toMatchObject({ code: 'layout-invalid', line: 6 });
    expect(kind.message).toContain('只能是 text、serial、number、date、month、yesno、ticks、checklist、list 之一');
    const twice = await refusal(base + '  - key: name\n    label: 名称2\n');
    expect(twice).toMatchObject({ line: 6 });
    expect(twice.message).toContain('列的键“name”用了两次');
    const rule = await refusal(base + 'rules:\n  wenhao: [basis]\n');
    expect(rule).toMatchObject({ line: 7 });
    expect(rule.message).toContain('“basis”不是本版式中任何一列的键（现有：name）');
    const ticks = await refusal(base + '  - key: steps\n    label: 程序\n    kind: ticks\n');
    expect(ticks.message).toContain('要在 options 中列出至少两个选项');
    const alias = await refusal(base + '  - key: other\n    label: 其他\n    aliases: [名称]\n');
    expect(alias.message).toContain('表头写法“名称”同时属于“name”和“other”两列');
    expect((await refusal('id: x\nname: [\n')).code).toBe('yaml-syntax');
    expect((await refusal('id: Bad Id\nname: 我的清单\ncolumns:\n  - {key: a, label: 甲}\n')).message).toContain('“标识（id）”的写法不对');
  });

  it('the JSON Schema shipped in schemas/lists/ is the one each definition gives, and accepts its example', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    for (const l of builtinLayouts()) {
      const file = path.join('schemas', 'lists', `${l.id}.schema.json`);
      const schema = await layoutSchema(l);
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      if (process.env.UPDATE_DOCS) writeFileSync(file, text);
      expect(readFileSync(file, 'utf8'), `${file} is stale: run UPDATE_DOCS=1`).toBe(text);
      const example = parse(readFileSync(path.join('examples', `${l.id}.yaml`), 'utf8'));
      const validate = ajv.compile(schema);
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
      // A required column left out is what the schema refuses too.
      const missing = structuredClone(example);
      delete missing.事项[0][l.columns.find((c) => c.required)!.label];
      expect(validate(missing)).toBe(false);
    }
  });
});

describe('recognition: a sheet is read with the layout its header matches best', () => {
  it('the issue’s 重大行政决策目录 (履行程序要求 as a list, 计划完成时间) is that list, not a refused catalog', async () => {
    const doc = (await read(bytes(`${F}/decisions-issue.csv`), 'decisions-issue.csv')) as ListDoc;
    expect(doc.kind).toBe('list');
    expect(doc.layout.id).toBe('major-decisions');
    expect(doc.title).toBe('某县2024年度重大行政决策目录');
    expect(doc.items.map((i) => [i.values.matter!.text, i.values.undertaker!.text, i.values.time!.text, i.ticks.steps!.values.map((v) => v.text).join('、')])).toEqual([
      ['制定县城区生活垃圾分类实施方案', '县城管局', '2024年9月', '公众参与、专家论证、合法性审查、集体讨论决定'],
      ['调整县城区公共停车场收费标准', '县发改局', '2024.11', '公众参与、风险评估、合法性审查'],
    ]);
  });

  it('the issue’s 执法检查事项清单 is a 行政检查事项清单 with every column its own, not a 2017 catalog missing seven', async () => {
    const checked = await check(bytes(`${F}/inspections-issue.csv`), 'inspections-issue.csv');
    const doc = checked.catalog as ListDoc;
    expect(doc.layout.id).toBe('inspections');
    expect(doc.extraColumns).toEqual([]);
    expect(doc.items[1]!.values.owner!.text).toBe('县市场监管局');
    expect(doc.items[1]!.values.remark!.text).toBe('双随机');
    expect(checked.findings).toEqual([]);
    expect(checked.result.profile).toBe('行政检查事项清单');
  });

  it('a √ group under its heading: ticks, a text written for √ kept as its mark, 同上 carried, 文号 checked in 决策依据', async () => {
    const checked = await check(bytes(`${F}/decisions-ticks.html`), 'decisions-ticks.html');
    const doc = checked.catalog as ListDoc;
    expect(doc.options).toEqual({ steps: ['公众参与', '专家论证', '风险评估'] });
    expect(doc.items[1]!.ticks.steps!.values.map((v) => [v.text, v.mark])).toEqual([['公众参与', undefined], ['专家论证', '已完成'], ['风险评估', undefined]]);
    expect(checked.findings.map(short)).toEqual([
      // Most published lists have no 是否听证 column; the 2020 work plans ask for one: a warning.
      ['column-absent', '2/1'],
      ['wenhao-brackets', '4/4'],
      ['same-as-above', '5/4'],
      ['tick-invalid', '5/6'],
      ['list-value-invalid', '5/8'],
    ]);
  });

  it('the catalogs are still catalogs (no list layout claims the 2017 sample table or a 2019 catalog)', async () => {
    for (const file of ['examples/sample-table.yaml', 'examples/county-catalog.yaml', 'test/fixtures/real/dean-shenong.html']) {
      const doc = await read(bytes(file), file);
      expect('kind' in doc, file).toBe(false);
    }
  });

  it('--layout asks for one layout: a sheet of another is refused saying what is needed and what was close', async () => {
    const err = await read(bytes(`${F}/inspections-issue.csv`), 'x.csv', { layout: 'major-decisions' }).catch((e: ZwgkError) => e);
    expect(err).toBeInstanceOf(ZwgkError);
    expect((err as ZwgkError).finding.code).toBe('no-list-header');
    expect((err as ZwgkError).message).toContain('需要“决策事项”“承办单位”等列');
    const unknown = await read(bytes(`${F}/inspections-issue.csv`), 'x.csv', { layout: '公共服务事项清单' }).catch((e: ZwgkError) => e);
    expect((unknown as ZwgkError).finding.code).toBe('layout-unknown');
  });
});

describe('a list in YAML and back', () => {
  it('sheet → YAML → list keeps every value (ticks with their marks, 同上 carried, options as printed)', async () => {
    for (const file of ['decisions-ticks.html', 'decisions-issue.csv', 'powers.csv', 'inspections-issue.csv']) {
      const first = (await read(bytes(`${F}/${file}`), file)) as ListDoc;
      const yaml = renderListYaml(first);
      const again = (await read(new TextEncoder().encode(yaml), 'again.yaml')) as ListDoc;
      // Every value written (a column the sheet lacks is an empty value in YAML: the same nothing).
      const filled = (r: Record<string, { text: string }>) => Object.entries(r).filter(([, v]) => v.text !== '').map(([k, v]) => [k, v.text]);
      const values = (d: ListDoc) => d.items.map((i) => [
        filled(i.values),
        i.rows.map(filled),
        Object.entries(i.ticks).map(([k, t]) => [k, t.values.map((v) => [v.text, v.mark ?? ''])]),
        Object.entries(i.extra).map(([k, v]) => [k, v.text]),
      ]);
      expect(values(again), file).toEqual(values(first));
      expect([again.title, again.options, again.extraColumns]).toEqual([first.title, first.options, first.extraColumns]);
      expect(renderListYaml(again)).toBe(yaml);
    }
  });

  it('a unit’s own layout: the example list is checked by its definition (kinds, yes/no, 文号, spaces)', async () => {
    const own = await layout(bytes('examples/zwgk-版式/公共服务事项清单.yaml'), 'examples/zwgk-版式/公共服务事项清单.yaml');
    const checked = await check(bytes('examples/public-services.yaml'), 'public-services.yaml', { layouts: [own] });
    expect(checked.result.profile).toBe('公共服务事项清单');
    expect(checked.findings.map((f) => [f.code, f.location.line, f.field])).toEqual([
      ['wenhao-brackets', 10, '服务依据'],
      ['list-value-invalid', 21, '办理时限'],
      ['whitespace', 29, '承办科室'],
      ['list-value-invalid', 31, '是否收费'],
    ]);
    // Without the definition the file is not taken for a catalog: its 版式 is named as unknown.
    const err = await read(bytes('examples/public-services.yaml'), 'public-services.yaml').catch((e: ZwgkError) => e);
    expect((err as ZwgkError).finding.code).toBe('layout-unknown');
  });

  it('an item key the layout does not have is kept as an extra column, never dropped', async () => {
    const text = '版式: 重大行政决策事项目录\n事项:\n  - 决策事项: 甲\n    承办单位: 乙\n    决策时间: 2024年5月\n    联系电话: "0731-1234"\n';
    const checked = await check(new TextEncoder().encode(text), 'x.yaml');
    const doc = checked.catalog as ListDoc;
    expect(doc.items[0]!.extra['联系电话']!.text).toBe('0731-1234');
    expect(checked.findings.map((f) => [f.code, f.location.line])).toEqual([['column-absent', 1], ['unknown-column', 6]]);
    expect(renderListYaml(doc)).toContain('其他列:\n      联系电话: 0731-1234');
  });

  it('a word broken by a space in a list is a hint whose fix joins it', async () => {
    const text = '版式: 重大行政决策事项目录\n事项:\n  - 决策事项: 编制乡镇人民政 府规划\n    承办单位: 县水利局\n    决策时间: 2024年5月\n    是否听证: 否\n';
    const checked = await check(new TextEncoder().encode(text), 'x.yaml');
    expect(checked.findings.map((f) => [f.code, f.location.line, f.fix?.edits])).toEqual([['space-in-word', 3, [{ start: 7, end: 8, text: '' }]]]);
  });

  it('a text written under an option ticked on a row above is kept with the tick, never dropped', async () => {
    const doc = (await read(bytes(`${F}/decisions-two-rows.html`), 'two-rows.html')) as ListDoc;
    expect(doc.items.length).toBe(1);
    expect(doc.items[0]!.ticks.steps!.values.map((v) => [v.text, v.mark])).toEqual([['公众参与', '已于5月完成'], ['专家论证', undefined]]);
    expect(renderListYaml(doc)).toContain('履行程序: [ 公众参与：已于5月完成, 专家论证 ]');
  });
});
