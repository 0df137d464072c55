// A √ column holding text (issue 20): 州级 written in the 县级 column, 项目单位 under 特定群体. The text is
// kept with the tick (read as ticked, warned once at its cell) and every output carries it: YAML as
// `{县级: 州级}`, the workbook written back with 州级 in that cell, the page as 县级（州级）.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { renderHtml } from '../../src/render/html.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { renderYaml } from '../../src/render/yaml.js';
import { validateCatalog } from '../../src/validate/index.js';
import { brief } from './helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zwgk-tick-text-'));

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  const head = ['序号', '公开事项', '', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''];
  const sub = ['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级'];
  ws.addRow(head);
  ws.addRow(sub);
  for (const r of ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2', 'I1:J1', 'K1:L1', 'M1:N1']) ws.mergeCells(r);
  const law = '《中华人民共和国政府信息公开条例》（国务院令第711号）';
  ws.addRow(['1', '项目管理', '项目审批', '审批结果', law, '20个工作日内', '州发展改革委', '■政府网站', '√', '', '√', '', '州级', '']);
  ws.addRow(['2', '项目管理', '项目资金', '资金拨付', law, '20个工作日内', '县财政局', '■政府网站', '', '项目单位', '', '√', '√', '']);
  const file = path.join(tmp, 'tick-text.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('text in a √ column', () => {
  it('is read as ticked, kept with the tick, and warned once at its cell', async () => {
    const c = await readCatalog(await workbook());
    expect(c.items[0]!.ticks!.level.values).toMatchObject([{ text: '县级', mark: '州级', at: { cell: 'M3' } }]);
    expect(c.items[1]!.ticks!.audience.values).toMatchObject([{ text: '特定群体', mark: '项目单位', at: { cell: 'J4' } }]);
    const ticks = validateCatalog(c).filter((f) => f.code.startsWith('tick'));
    expect(brief(ticks)).toEqual([
      ['tick-invalid', '目录', 'M3', 1, '公开层级'],
      ['tick-invalid', '目录', 'J4', 2, '公开对象'],
    ]);
    expect(ticks[1]!.message).toBe('“公开对象”的“特定群体”列写的是“项目单位”而不是 √，已按勾选“特定群体”读取，“项目单位”原样保留。勾选请写 √（要说明的话写进备注），不选请留空');
  });

  it('survives xlsx → YAML → xlsx → YAML byte for byte, and is on the page', async () => {
    const c = await readCatalog(await workbook());
    const yaml = renderYaml(c);
    expect(yaml).toContain('    公开层级: [ { 县级: 州级 } ]');
    expect(yaml).toContain('    公开对象: [ { 特定群体: 项目单位 } ]');
    const y1 = path.join(tmp, 'one.yaml');
    writeFileSync(y1, yaml);
    const fromYaml = await readCatalog(y1);
    // The YAML form is valid against the schema and warns the same, at its line.
    const findings = validateCatalog(fromYaml);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.code === 'tick-invalid').map((f) => [f.location.line, f.params.value])).toEqual([
      [21, '州级'],
      [32, '项目单位'],
    ]);
    const x = path.join(tmp, 'two.xlsx');
    writeFileSync(x, await renderXlsx(fromYaml));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(x) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = (r: number) => ['I', 'J', 'K', 'L', 'M', 'N'].map((col) => ws.getCell(`${col}${r}`).value ?? '');
    expect([row(4), row(5)]).toEqual([
      ['√', '', '√', '', '州级', ''],
      ['', '项目单位', '', '√', '√', ''],
    ]);
    expect(renderYaml(await readCatalog(x))).toBe(yaml);
    const page = renderHtml(c);
    expect(page).toContain('>县级（州级）</td>');
    expect(page).toContain('>特定群体（项目单位）</td>');
  });
});
