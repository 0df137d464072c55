// Issue 10, tried as a new user would: real published shapes (test/fixtures/wild, written by
// make-fixtures.mjs) read with exact findings and cells, through the CLI, and round trips read back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mergeCatalogs } from '../../src/draft/merge.js';
import { replaceAll } from '../../src/findings/fix.js';
import { renderTemplateXlsx } from '../../src/draft/template-xlsx.js';
import { readCatalog } from '../../src/node/read-file.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { renderYaml } from '../../src/render/yaml.js';
import { buildGap } from '../../src/reports/gap.js';
import { diffCatalogs } from '../../src/reports/diff.js';
import { validateCatalog } from '../../src/validate/index.js';
import { zwgk } from '../draft/cli.js';
import { brief, texts } from '../readers/helpers.js';

const W = 'test/fixtures/wild';
const tmp = mkdtempSync(path.join(tmpdir(), 'zwgk-wild-'));

/** xlsx → YAML → xlsx → YAML: both YAML texts, and the second catalog. */
async function roundTrip(file: string) {
  const name = path.basename(file, '.xlsx');
  const first = renderYaml(await readCatalog(file));
  const y1 = path.join(tmp, `${name}-1.yaml`);
  writeFileSync(y1, first);
  const x = path.join(tmp, `${name}-2.xlsx`);
  writeFileSync(x, await renderXlsx(await readCatalog(y1)));
  const back = await readCatalog(x);
  return { first, second: renderYaml(back), back, xlsx: x };
}

async function sheetValues(file: string, sheet = 0): Promise<{ cell: (ref: string) => unknown; merges: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet]!;
  return { cell: (ref) => ws.getCell(ref).value, merges: (ws.model as unknown as { merges: string[] }).merges };
}

describe('a published 清单 whose citations sit in a column with a blank header', () => {
  const file = `${W}/qingdan-blank-header.xlsx`;

  it('keeps the citations under 其他列 and says which column and what it seems to hold', async () => {
    const c = await readCatalog(file);
    expect(brief(c.findings)).toEqual([
      ['text-above-header', '清单', 'A1', undefined, undefined],
      ['missing-column', '清单', 'A4', undefined, '依据'],
      ['blank-header-column', '清单', 'D4', undefined, '无表头列1'],
    ]);
    const [attachment, missing, blank] = c.findings;
    expect(attachment!.message).toContain('“附件2”不是标题');
    expect(missing!.message).toBe('缺少必填列“依据”。请在表头中加上“依据”列并填写每个事项。D列没有表头，内容像是“依据”，可能就是这一列：在 D4 填写“依据”即可');
    expect(blank!.severity).toBe('warning');
    expect(blank!.message).toMatch(/^D列没有表头，其中 3 个单元格有内容（如“《中华人民共和国预算法》 .*”），内容像是“依据”，已作为“无表头列1”保留在“其他列”中。请在 D4 填写这一列的名称$/);
    expect(c.extraColumns).toEqual(['无表头列1']);
    expect(c.items.map((i) => [i.extra['无表头列1']?.text, i.extra['无表头列1']?.at.cell])).toEqual([
      ['《中华人民共和国预算法》\n《中华人民共和国政府信息公开条例》（国务院令第711号）', 'D5'],
      ['《中华人民共和国政府采购法》（主席令第68号）', 'D7'],
      ['《中华人民共和国城乡规划法》', 'D8'],
    ]);
    expect([c.title, c.unit, c.date]).toEqual(['某市本级政府信息公开事项清单', '某市人民政府办公室', '2017年9月']);
    expect(c.note).toBe('注：本清单根据《关于全面推进政务公开工作的意见》编制，动态调整。');
    // Periodic and progress deadlines are accepted as before: no deadline warning.
    expect(validateCatalog(c).filter((f) => f.code.startsWith('deadline'))).toEqual([]);
  });

  it('the citations survive into YAML and back, byte for byte; the rendered column has a blank header again', async () => {
    const { first, second, xlsx, back } = await roundTrip(file);
    expect(second).toBe(first);
    expect(first).toContain('其他列: [ 无表头列1 ]');
    expect(first).toContain('      无表头列1: |-\n        《中华人民共和国预算法》\n        《中华人民共和国政府信息公开条例》（国务院令第711号）');
    // 附件2, above the title, is kept as the 表前说明 and printed on its own row under the 编制单位 line.
    expect(first).toContain('表前说明: 附件2\n');
    const sheet = await sheetValues(xlsx);
    expect(sheet.cell('A3')).toBe('附件2');
    expect(sheet.cell('K4')).toBeNull();
    expect(sheet.cell('K5')).toBe('《中华人民共和国预算法》\n《中华人民共和国政府信息公开条例》（国务院令第711号）');
    expect(brief(back.findings)).toEqual([['text-above-header', '目录', 'A3', undefined, undefined], ['blank-header-column', '目录', 'K4', undefined, '无表头列1']]);
  });

  it('validate names the column (exit 1 for the missing 依据)', async () => {
    const r = await zwgk('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file} › 清单!D4  警告  D列没有表头`);
  });
});

describe('the init template of before, filled with 7 items, two below the 注 row', () => {
  const file = `${W}/template-overflow-2017.xlsx`;

  it('validate reads all 7 and reports the blank 公开时限 of item 7 at its cell', async () => {
    const r = await zwgk('validate', '--format', 'json', file);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout).files[0];
    expect(doc.items).toBe(7);
    expect(doc.diagnostics.map((d: any) => [d.code, d.severity, d.location.cell, d.item])).toEqual([
      ['item-below-note', 'warning', 'A9', 6],
      ['item-below-note', 'warning', 'A10', 7],
      ['required-blank', 'error', 'I10', 7],
    ]);
    expect(doc.diagnostics[2].field).toBe('公开时限');
  });

  it('the items below the 注 are items in every output; the 注 stays the 注', async () => {
    const c = await readCatalog(file);
    expect(c.items.map((i) => i.name.text)).toEqual(['食品经营许可', '特种设备检查', '产品质量抽查', '价格监督检查', '广告监测', '计量监督检查', '标准化管理']);
    expect(c.note).toBeUndefined(); // the sample table's standard 注, written back by every renderer
    expect(renderMarkdown(c)).toContain('| 7 | 标准化管理 |');
    const merged = mergeCatalogs([c, await readCatalog('examples/sample-table.yaml')], 'merged.yaml');
    expect(merged.catalog.items).toHaveLength(8);
    const { first, second } = await roundTrip(file);
    expect(second).toBe(first);
  });

  it('the new template has room: 50 rows and nothing below them; items typed past them are read too', async () => {
    const file2 = path.join(tmp, 'template-60.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderTemplateXlsx('2017')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('A1').value = '沂河县市场监督管理局政务公开事项标准目录';
    for (let n = 1; n <= 60; n++) ws.getRow(n + 2).values = [n, '市场监管', `事项${n}`, '《中华人民共和国政府信息公开条例》（国务院令第711号）', '结果', '名称、时间', '沂河县市场监督管理局', '政府网站', '自信息形成之日起20个工作日内'];
    writeFileSync(file2, Buffer.from(await wb.xlsx.writeBuffer()));
    const c = await readCatalog(file2);
    expect(c.items).toHaveLength(60);
    expect(validateCatalog(c).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('three 公开层级 columns, own sub-labels, channel lists', () => {
  const file = `${W}/levels-2019.xlsx`;

  it('reads the ticks under 公开层级 with the sheet’s own labels', async () => {
    const c = await readCatalog(file);
    expect(c.options).toEqual({
      audience: ['全社会', '特定群众'],
      mode: ['主动', '依申请公开'],
      level: ['县级', '镇级', '乡、村级'],
      // The sheet's own (partial) checklist, with every channel an item selects.
      channels: ['政府网站', '两微一端', '发布会', '政府公报', '山东政务服务网', '入户/现场'],
    });
    expect(c.items.map((i) => texts(i).ticks)).toEqual([
      { audience: ['全社会'], mode: ['主动'], level: ['县级', '镇级'] },
      { audience: ['全社会', '特定群众'], mode: ['依申请公开'], level: ['乡、村级'] },
      { audience: ['全社会'], mode: ['主动'], level: ['县级', '镇级', '乡、村级'] },
    ]);
    expect(c.items[1]!.ticks!.level.values[0]!.at.cell).toBe('O5');
    expect(c.findings.map((f) => f.code)).not.toContain('unknown-column');
  });

  it('keeps channel lists in their order, and names the channels a mixed list leaves unmarked', async () => {
    const c = await readCatalog(file);
    expect(c.items.map((i) => texts(i).channels)).toEqual([
      ['政府网站', '山东政务服务网', '入户/现场'],
      ['政府网站', '两微一端'],
      ['政府网站', '两微一端'],
    ]);
    expect(brief(c.findings)).toEqual([
      ['channel-unknown', '目录', 'H4', 1, '公开渠道和载体'],
      ['channel-unmarked', '目录', 'H5', 2, '公开渠道和载体'],
    ]);
    expect(c.findings[1]!.message).toBe('“公开渠道和载体”中“两微一端”前面没有 ■ 或 □（同一单元格中其他渠道有），已按选用读取。请在前面加 ■（选用）或 □（未选用）');
  });

  it('round-trips byte-identical, ticks under 公开层级 and channels in order', async () => {
    const { first, second, xlsx } = await roundTrip(file);
    expect(second).toBe(first);
    expect(first).toContain('  公开层级: [ 县级, 镇级, 乡、村级 ]');
    expect(first).toContain('    公开层级: [ 县级, 镇级 ]');
    expect(first).toContain('    公开渠道和载体:\n      - 政府网站\n      - 山东政务服务网\n      - 入户/现场');
    const sheet = await sheetValues(xlsx);
    expect(['M3', 'N3', 'O3'].map((r) => sheet.cell(r))).toEqual(['县级', '镇级', '乡、村级']);
    expect(['M4', 'N4', 'O4'].map((r) => sheet.cell(r))).toEqual(['√', '√', null]);
    // One checklist for all items; each item's selection takes the selected places in its own order.
    expect(sheet.cell('H4')).toBe('■政府网站 □两微一端 □发布会 □政府公报 ■山东政务服务网 ■入户/现场');
    expect(sheet.cell('H5')).toBe('■政府网站 ■两微一端 □发布会 □政府公报 □山东政务服务网 □入户/现场');
  });

  it('a list written without ■ in a sheet of plain lists keeps its order through xlsx (the issue’s case)', async () => {
    const y = path.join(tmp, 'plain.yaml');
    const item = (n: number, channels: string[]) =>
      `  - 序号: ${n}\n    一级事项: 社会救助\n    二级事项: 事项${n}\n    公开内容: 内容\n    公开依据: [《社会救助暂行办法》]\n    公开时限: 信息形成之日起20个工作日内\n    公开主体: 县民政局\n    公开渠道和载体: [${channels.join(', ')}]\n    公开对象: [全社会]\n    公开方式: [主动]\n    公开层级: [县级]\n    备注: ""\n`;
    writeFileSync(y, `版式: "2019"\n事项:\n${item(1, ['政府网站', '山东政务服务网', '入户/现场'])}${item(2, ['入户/现场', '政府网站'])}`);
    const x = path.join(tmp, 'plain.xlsx');
    writeFileSync(x, await renderXlsx(await readCatalog(y)));
    const back = await readCatalog(x);
    expect(back.items.map((i) => texts(i).channels)).toEqual([
      ['政府网站', '山东政务服务网', '入户/现场'],
      ['入户/现场', '政府网站'],
    ]);
    expect(back.options).toBeUndefined();
    const again = path.join(tmp, 'plain-again.xlsx');
    writeFileSync(again, await renderXlsx(back));
    expect(renderYaml({ ...(await readCatalog(again)), file: '' })).toBe(renderYaml({ ...back, file: '' }));
  });

  it('HTML, Markdown and merge keep the labels', async () => {
    const c = await readCatalog(file);
    expect(renderHtml(c)).toContain('县级、镇级、乡、村级');
    expect(renderMarkdown(c)).toContain('| 全社会、特定群众 | 依申请公开 | 乡、村级 |');
    const other = await readCatalog(`${W}/categories-2019.xlsx`);
    const merged = mergeCatalogs([other, c], 'm.yaml').catalog;
    // The labels of the catalog that has its own, plus any label of another that fits none of them
    // (the other's 县级/乡级 fit 县级/镇级).
    expect(merged.options?.level).toEqual(['县级', '镇级', '乡、村级']);
    const x = path.join(tmp, 'merged-levels.xlsx');
    writeFileSync(x, await renderXlsx(merged));
    const back = await readCatalog(x);
    expect(back.items.map((i) => texts(i).ticks.level)).toEqual([['县级'], ['县级'], ['县级'], ['县级'], ['县级'], ['县级', '镇级'], ['乡、村级'], ['县级', '镇级', '乡、村级']]);
    expect(renderYaml(back)).toContain('  公开层级: [ 县级, 镇级, 乡、村级 ]');
  });
});

describe('one category written three ways', () => {
  const file = `${W}/categories-2019.xlsx`;

  it('is one group in the page, its filter, Markdown, the workbook and the gap report, with a hint per other spelling', async () => {
    const c = await readCatalog(file);
    const f = validateCatalog(c).filter((x) => x.code === 'category-spelling');
    expect(f.map((x) => [x.location.cell, x.item, x.fix])).toEqual([
      ['B6', 3, replaceAll('依法 行政', '依法行政')],
      ['B7', 4, replaceAll('依法\n行政', '依法行政')],
    ]);
    expect(f[1]!.message).toBe('一级事项“依法（换行）行政”与“依法行政”（B4）只差空格、换行、全半角或标点，已按同一类别处理。可用 zwgk fix（网页版中为“下载修正后的表格”）统一为“依法行政”');
    const html = renderHtml(c);
    expect(html.match(/<option value="\d+">[^<]*<\/option>/g)).toEqual(['<option value="0">依法行政（4项）</option>', '<option value="1">政策文件（1项）</option>']);
    const md = renderMarkdown(c);
    expect(md.match(/^## .*$/gm)).toEqual(['## 依法行政 (4项)', '## 政策文件 (1项)']);
    const x = path.join(tmp, 'categories.xlsx');
    writeFileSync(x, await renderXlsx(c));
    const sheet = await sheetValues(x);
    expect(sheet.merges).toContain('B4:B7');
    expect(sheet.cell('B4')).toBe('依法行政');
    expect(buildGap(c, validateCatalog(c)).summary.map((s) => [s.category, s.items])).toEqual([
      ['依法行政', 4],
      ['政策文件', 1],
    ]);
  });

  it('diff does not count a respelt category as a change', async () => {
    const c = await readCatalog(file);
    const respelt = await readCatalog(file);
    for (const item of respelt.items) if (item.category.text !== '政策文件') item.category.text = '依法行政';
    const d = diffCatalogs(c, respelt);
    expect([d.added, d.removed, d.changed, d.unchanged]).toEqual([[], [], [], 5]);
  });

  it('zwgk fix unifies the spellings to the most common one', async () => {
    const out = path.join(tmp, 'categories-fixed.xlsx');
    const r = await zwgk('fix', file, '-o', out);
    expect(r.stderr).toContain('已修正 2 处：\n  工作表“目录”B6 单元格（一级事项）：“依法 行政” → “依法行政”\n  工作表“目录”B7 单元格（一级事项）：“依法\\n行政” → “依法行政”');
    const fixed = await readCatalog(out);
    expect(fixed.items.map((i) => i.category.text)).toEqual(['依法行政', '依法行政', '依法行政', '依法行政', '政策文件']);
    expect(validateCatalog(fixed).map((x) => x.code)).not.toContain('category-spelling');
  });
});

describe('unfinished text', () => {
  it('warns at each placeholder and at 序号 二 and 2a; periodic deadlines pass', async () => {
    const c = await readCatalog(`${W}/unfinished-2017.xlsx`);
    const f = validateCatalog(c);
    expect(f.map((x) => [x.code, x.location.cell, x.params?.found ?? x.params?.serial])).toEqual([
      ['placeholder', 'A1', 'XX'],
      ['placeholder', 'D3', '某某'],
      ['placeholder', 'G3', 'XX'],
      ['serial-invalid', 'A4', '二'],
      ['placeholder', 'J4', '请填写'],
      ['serial-invalid', 'A5', '2a'],
    ]);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
  });
});
