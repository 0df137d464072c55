// Section headings (一、政策文件) between items are not items, and are reported, not silently dropped.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { readCatalog as readXlsx } from '../../src/io/read.js';

it('skips merged and numbered section headings with an info finding', async () => {
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
    ['section-row', 'A3', '第 3 行“一、政策文件”是分组标题，不是事项，已跳过'],
    ['section-row', 'A5', '第 5 行“（二）依法行政”是分组标题，不是事项，已跳过'],
  ]);
});
