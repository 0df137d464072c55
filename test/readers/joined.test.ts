// An item's unmerged item-level cell with a second value on a later row: kept, joined, and said.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { readCatalog as readXlsx } from '../../src/node/read-file.js';
import { copyCell } from '../../src/model/packed.js';

it('joins a second 公开时限 of the same item with a line break and reports where it came from', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zwgk-joined-')), 'joined.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注']);
  ws.addRow([1, '食品', '抽检信息', '《法》', '总体情况', '概要', '县市场监管局', '县政府网站', '每周三', '']);
  ws.addRow([null, null, null, null, '不合格产品', '企业名称', null, null, '每月', null]);
  for (const c of 'ABCDGHJ') ws.mergeCells(`${c}2:${c}3`);
  await wb.xlsx.writeFile(file);
  const c = await readXlsx(file, {});
  expect(c.items).toHaveLength(1);
  // A cell read is packed (model/packed.ts): compared as the plain cell it stands for.
  expect(copyCell(c.items[0]!.deadline)).toEqual({ text: '每周三\n每月', at: { file, sheet: '目录', cell: 'I2', row: 2 } });
  expect(c.findings.map((f) => [f.code, f.location.cell, f.field, f.item])).toEqual([['row-value-joined', 'I3', '公开时限', 1]]);
  expect(c.findings[0]!.message).toContain('第 3 行的“公开时限”另有内容“每月”');
});
