// The outputs of a list (issue 21): the workbook read back with the list reader and with exceljs, the page
// escaped, the Markdown golden, the template's drop-downs, and the worked example of the README run
// through the CLI with the definition found in examples/zwgk-版式.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinLayouts, diff, exportAs, layout, read, template, type ListDoc } from '../../src/core/index.js';
import { run } from '../../src/cli/index.js';

const F = 'test/fixtures/lists';
const bytes = (p: string) => new Uint8Array(readFileSync(p));
const own = () => layout(bytes('examples/zwgk-版式/公共服务事项清单.yaml'), '公共服务事项清单.yaml');

/** Every non-empty value of a list, by item and column. */
function values(d: ListDoc): unknown[] {
  const filled = (r: Record<string, { text: string }>) => Object.entries(r).filter(([, v]) => v.text !== '').map(([k, v]) => [k, v.text]);
  return d.items.map((i) => [filled(i.values), i.rows.map(filled), Object.entries(i.ticks).map(([k, t]) => [k, t.values.map((v) => [v.text, v.mark ?? ''])]), filled(i.extra)]);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stream = (add: (s: string) => void) => ({ write: (c: string | Uint8Array) => (add(typeof c === 'string' ? c : new TextDecoder().decode(c)), true) });
  const code = await run({ argv: args, stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), env: { NO_COLOR: '1' } });
  return { code, out, err };
}

describe('a list as a workbook', () => {
  it('every value comes back from the workbook zwgk writes (sheets, pages and YAML alike)', async () => {
    const layouts = [await own()];
    for (const file of [`${F}/decisions-ticks.html`, `${F}/decisions-issue.csv`, `${F}/powers.csv`, `${F}/inspections-issue.csv`, 'examples/major-decisions.yaml', 'examples/public-services.yaml']) {
      const first = (await read(bytes(file), file, { layouts })) as ListDoc;
      const xlsx = (await exportAs(first, 'xlsx')).data as Uint8Array;
      const again = (await read(xlsx, 'again.xlsx', { layouts })) as ListDoc;
      expect(again.layout.id, file).toBe(first.layout.id);
      expect(values(again), file).toEqual(values(first));
      expect([again.title, again.unit, again.date, again.extraColumns], file).toEqual([first.title, first.unit, first.date, first.extraColumns]);
    }
  });

  it('the sheet: title merged across, 履行程序 over its options, values as text (never a formula)', async () => {
    const doc = (await read(bytes(`${F}/decisions-ticks.html`), 'x.html')) as ListDoc;
    doc.items[0]!.values.remark = { text: '=1+1', at: doc.items[0]!.at };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await exportAs(doc, 'xlsx')).data as Uint8Array) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('重大行政决策事项目录');
    expect(ws.getCell('A1').value).toBe('某县人民政府2024年度重大行政决策事项目录');
    expect([ws.getCell('G2').value, ws.getCell('G3').value, ws.getCell('H3').value, ws.getCell('I3').value]).toEqual(['履行程序', '公众参与', '专家论证', '风险评估']);
    expect(ws.getCell('G2').isMerged && ws.getCell('I2').isMerged).toBe(true);
    expect([ws.getCell('G4').value, ws.getCell('H5').value, ws.getCell('I4').value ?? '']).toEqual(['√', '已完成', '']);
    const remark = ws.getCell('K4');
    expect(remark.value).toBe('=1+1');
    expect(remark.type).toBe(ExcelJS.ValueType.String);
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('the template: the list’s header, drop-downs from its vocabularies, and a 填表说明 naming every column', async () => {
    const l = builtinLayouts().find((x) => x.id === 'major-decisions')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await template(l)).data as Uint8Array) as never);
    const [sheet, help] = wb.worksheets;
    expect(sheet!.getCell('B2').value).toBe('决策事项');
    const dv = (cell: string) => (sheet as unknown as { dataValidations: { find(a: string): { type: string; formulae: string[] } | undefined } }).dataValidations.find(cell);
    expect(dv('F4')).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(dv('G4')).toMatchObject({ type: 'list', formulae: ['"√"'] });
    // 填表说明: one row per column — 列, 是否必填, 填写方式, 说明.
    const rows: string[] = [];
    help!.eachRow((row) => void rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
    expect(rows.some((t) => t.startsWith('决策时间|选填|'))).toBe(true);
    // Read back, the empty template is an empty list of its layout.
    const back = (await read((await template(l)).data as Uint8Array, '模板.xlsx')) as ListDoc;
    expect([back.layout.id, back.items.length]).toEqual(['major-decisions', 0]);
  });
});

describe('a list as a page and as Markdown', () => {
  it('the page escapes every value and prints each of them', async () => {
    const doc = (await read(bytes('examples/major-decisions.yaml'), 'x.yaml')) as ListDoc;
    doc.items[0]!.values.remark = { text: '<script>alert(1)</script>', at: doc.items[0]!.at };
    const html = (await exportAs(doc, 'html')).data as string;
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const item of doc.items) for (const v of Object.values(item.values)) if (v.text && !v.text.includes('<')) expect(html).toContain(v.text.replace(/&/g, '&amp;'));
    // 履行程序 is a heading over one √ column per option.
    expect(html).toContain('>集体讨论决定</th>');
    expect(html).toContain('>√</td>');
  });

  it('Markdown of the example matches its golden', async () => {
    const doc = await read(bytes('examples/major-decisions.yaml'), 'x.yaml');
    const md = (await exportAs(doc, 'md')).data as string;
    const golden = 'test/layouts/golden/major-decisions.md';
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, md);
    expect(md).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('a list’s change log', () => {
  it('a list grouped by no column is matched by its name alone: no empty 类别 column on the page', async () => {
    const before = await read(bytes(`${F}/decisions-ticks.html`), 'old.html');
    const after = await read(bytes('examples/major-decisions.yaml'), 'new.yaml');
    const html = (await diff(before, after, 'html')).data as string;
    expect(html).toContain('事项按“决策事项”对应');
    expect(html).not.toContain('<th scope="col">类别</th>');
    expect(html).not.toContain('<th scope="col"></th>');
  });
});

describe('the README’s worked example, through the CLI', () => {
  it('the definition beside the list is found; validate, fix, render, convert, diff, merge, site and init work', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'zwgk-list-'));
    const v = await cli(['validate', 'examples/public-services.yaml']);
    expect(v.code).toBe(0);
    expect(v.out).toContain('examples/public-services.yaml：通过（公共服务事项清单 版式，3 个事项；错误 0，警告 3，提示 1）');
    const fixed = path.join(tmp, '修正后.yaml');
    const f = await cli(['fix', 'examples/public-services.yaml', '-o', fixed, '--layout', 'examples/zwgk-版式/公共服务事项清单.yaml']);
    expect(f.err).toContain('已修正 2 处');
    expect(readFileSync(fixed, 'utf8')).toContain('国卫妇幼发〔2019〕3号');
    for (const ext of ['html', 'xlsx', 'md']) expect((await cli(['render', 'examples/public-services.yaml', '-o', path.join(tmp, `清单.${ext}`)])).code).toBe(0);
    expect((await cli(['convert', 'examples/public-services.yaml', '-o', path.join(tmp, '清单2.xlsx')])).code).toBe(0);
    const d = await cli(['diff', 'examples/public-services.yaml', fixed, '--to', 'md', '--layout', 'examples/zwgk-版式/公共服务事项清单.yaml']);
    expect(d.out).toContain('新增 0 项，删除 0 项，修改 2 项，未变 1 项。');
    const m = await cli(['merge', 'examples/public-services.yaml', 'examples/public-services.yaml', '-o', path.join(tmp, '合并.yaml')]);
    expect(m.out).toContain('已合并 2 个文件，共 6 个事项，重复 3 处');
    const s = await cli(['site', 'examples/public-services.yaml', 'examples/major-decisions.yaml', '-o', path.join(tmp, '网站')]);
    expect(s.code).toBe(0);
    expect(readFileSync(path.join(tmp, '网站', 'index.html'), 'utf8')).toContain('重大行政决策事项目录');
    const i = await cli(['init', '--layout', 'examples/zwgk-版式/公共服务事项清单.yaml', '-o', path.join(tmp, '模板.xlsx')]);
    expect(i.err).toContain('公共服务事项清单。请');
    const back = await cli(['validate', '--format', 'json', path.join(tmp, '模板.xlsx'), '--layout', 'examples/zwgk-版式/公共服务事项清单.yaml']);
    expect(JSON.parse(back.out).files[0]).toMatchObject({ layout: '公共服务事项清单', items: 0 });
  });
});
