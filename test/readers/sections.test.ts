// Section headings (一、政策文件) between items are not items, and are kept, not dropped: in a table
// without a category column they are the category of the items below them, else those items' 分组.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { readCatalog as readXlsx } from '../../src/node/read-file.js';
import { toDocument } from '../../src/model/document.js';
import { readCatalogBytes } from '../../src/formats/index.js';
import { renderHtml } from '../../src/render/html.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { renderYaml } from '../../src/render/yaml.js';
import { catalogValues } from '../helpers/values.js';

it('keeps merged and numbered section headings as the 分组 of the items below, through YAML and xlsx', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zwgk-sections-')), 'sections.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(['某县政务公开事项目录']);
  ws.mergeCells('A1:J1');
  ws.addRow(['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注']);
  ws.addRow(['一、政策文件']);
  ws.mergeCells('A3:J3');
  ws.addRow([1, '政策', '规范性文件', '《条例》', '文件全文', '全文', '县政府办', '县政府网站', '20个工作日内', '']);
  ws.addRow(['（二）依法行政']);
  ws.addRow([2, '执法', '行政处罚', '《条例》', '处罚决定', '全文', '县政府办', '县政府网站', '7个工作日内', '']);
  await wb.xlsx.writeFile(file);
  const c = await readXlsx(file, {});
  expect(c.items.map((i) => [i.serial.text, i.name.text, i.at.cell])).toEqual([
    ['1', '规范性文件', 'A4'],
    ['2', '行政处罚', 'A6'],
  ]);
  expect(c.findings.map((f) => [f.code, f.location.cell, f.message])).toEqual([
    ['section-row', 'A3', '第 3 行“一、政策文件”是分组标题，不是事项，已作为其下各事项的“分组”列保留'],
    ['section-row', 'A5', '第 5 行“（二）依法行政”是分组标题，不是事项，已作为其下各事项的“分组”列保留'],
  ]);
  expect(c.extraColumns).toEqual(['分组']);
  expect(c.items.map((i) => [i.extra['分组']?.text, i.extra['分组']?.at.cell])).toEqual([
    ['一、政策文件', 'A3'],
    ['（二）依法行政', 'A5'],
  ]);
  // Carried by convert and render: YAML, then a workbook, then read again.
  const yaml = path.join(path.dirname(file), 'sections.yaml');
  writeFileSync(yaml, renderYaml(c));
  const fromYaml = await readXlsx(yaml, {});
  const again = path.join(path.dirname(file), 'again.xlsx');
  writeFileSync(again, await renderXlsx(fromYaml));
  for (const back of [fromYaml, await readXlsx(again, {})]) {
    expect(back.items.map((i) => i.extra['分组']?.text)).toEqual(['一、政策文件', '（二）依法行政']);
    expect(catalogValues(back)).toEqual(catalogValues(c));
  }
  expect(renderHtml(c)).toContain('（二）依法行政');
});

it('a table without a category column grouped by headings: each heading is the category of the items below', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zwgk-sections-')), 'grouped.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(['序号', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限']);
  ws.addRow(['一、政策文件']);
  ws.mergeCells('A2:H2');
  ws.addRow([1, '规范性文件', '《条例》', '文件全文', '全文', '县政府办', '县政府网站', '20个工作日内']);
  ws.addRow(['行政执法 （2项）']);
  ws.mergeCells('A4:H4');
  ws.addRow([2, '行政处罚', '《条例》', '处罚决定', '全文', '县政府办', '县政府网站', '7个工作日内']);
  ws.addRow([3, '行政检查', '《条例》', '检查结果', '全文', '县政府办', '县政府网站', '7个工作日内']);
  await wb.xlsx.writeFile(file);
  const c = await readXlsx(file, {});
  expect(c.items.map((i) => [i.category.text, i.category.at.cell, i.name.text])).toEqual([
    ['政策文件', 'A2', '规范性文件'],
    ['行政执法', 'A4', '行政处罚'],
    ['行政执法', 'A4', '行政检查'],
  ]);
  expect(c.missingColumns).toEqual(['remark']); // 备注 is optional: absent, not missing
  expect(c.findings.map((f) => [f.code, f.location.cell, f.message])).toEqual([
    ['section-category', 'A2', '第 2 行“一、政策文件”是分组标题；表格中没有“事项类别”列，已把“政策文件”作为其下各事项的事项类别'],
    ['section-category', 'A4', '第 4 行“行政执法 （2项）”是分组标题；表格中没有“事项类别”列，已把“行政执法”作为其下各事项的事项类别'],
  ]);
});

it('items above the first heading have no category: the column is still missing', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zwgk-sections-')), 'partly.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(['序号', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限']);
  ws.addRow([1, '规范性文件', '《条例》', '文件全文', '全文', '县政府办', '县政府网站', '20个工作日内']);
  ws.addRow(['一、行政执法']);
  ws.mergeCells('A3:H3');
  ws.addRow([2, '行政处罚', '《条例》', '处罚决定', '全文', '县政府办', '县政府网站', '7个工作日内']);
  await wb.xlsx.writeFile(file);
  const c = await readXlsx(file, {});
  expect(c.items.map((i) => i.category.text)).toEqual(['', '行政执法']);
  expect(c.missingColumns).toEqual(['category', 'remark']);
  expect(c.findings.map((f) => f.code).sort()).toEqual(['missing-column', 'section-category']);
});

it('the page zwgk publishes reads back as the catalog it was made from (categories from its group headings)', async () => {
  for (const example of ['examples/county-catalog.yaml', 'examples/reference-anquan.yaml']) {
    const original = await readXlsx(example, {});
    const page = renderHtml(original);
    const back = await readCatalogBytes(new TextEncoder().encode(page), 'published.html');
    const items = (c: typeof original) => toDocument(c).事项;
    expect(items(back), example).toEqual(items(original));
    expect(back.findings.filter((f) => f.severity !== 'info'), example).toEqual([]);
    expect(back.findings.map((f) => f.code)).toContain('section-category');
  }
});
