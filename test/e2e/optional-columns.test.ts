// A 2019 catalog without the 公开层级 group and without 备注 (both seen in real county catalogs) is
// valid, and stays without them through YAML and back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { renderYaml } from '../../src/render/yaml.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { validateCatalog } from '../../src/validate/index.js';
import { mergeCatalogs } from '../../src/draft/merge.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-optional-'));

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(['某县安全生产领域政务公开标准目录']);
  ws.addRow(['序号', '公开事项', null, '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', null, '公开方式', null]);
  ws.addRow([null, '一级事项', '二级事项', null, null, null, null, null, '全社会', '特定群体', '主动', '依申请']);
  for (const c of 'ADEFGH') ws.mergeCells(`${c}2:${c}3`);
  for (const r of ['B2:C2', 'I2:J2', 'K2:L2']) ws.mergeCells(r);
  ws.addRow([1, '政策文件', '法律法规', '与安全生产有关的法律、法规', '《中华人民共和国政府信息公开条例》（国务院令第711号）', '信息形成或变更之日起20个工作日内', '县应急管理局', '■政府网站 □政府公报 ■两微一端', '√', null, '√', null]);
  ws.addRow([2, '政策文件', '标准', '安全生产领域有关的国家标准、行业标准、地方标准等', '同上', '信息形成或变更之日起20个工作日内', '县应急管理局', '■政府网站', '√', null, '√', null]);
  const file = path.join(dir, 'no-level.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('optional columns left out', () => {
  it('validates without errors and renders without the absent columns', async () => {
    const catalog = await readCatalog(await workbook());
    expect(catalog.items).toHaveLength(2);
    expect(catalog.missingColumns.sort()).toEqual(['level', 'remark']);
    expect(validateCatalog(catalog).filter((f) => f.severity !== 'info')).toEqual([]);
    const md = renderMarkdown(catalog);
    expect(md).not.toContain('公开层级');
    expect(md).not.toContain('备注');
  });

  it('round-trips through YAML and xlsx without growing the columns back', async () => {
    const catalog = await readCatalog(await workbook());
    const yaml = renderYaml(catalog);
    expect(yaml).not.toContain('公开层级');
    expect(yaml).not.toContain('备注');
    const y1 = path.join(dir, 'a.yaml');
    writeFileSync(y1, yaml);
    const x = path.join(dir, 'b.xlsx');
    writeFileSync(x, await renderXlsx(await readCatalog(y1)));
    const again = await readCatalog(x);
    expect(again.missingColumns.sort()).toEqual(['level', 'remark']);
    expect(renderYaml(again)).toBe(yaml);
  });

  it('merging with a catalog that has 备注 keeps every 备注', async () => {
    const without = await readCatalog(await workbook());
    const withRemark = await readCatalog('examples/unit-anquan.yaml');
    const { catalog } = mergeCatalogs([without, withRemark], 'merged.yaml');
    expect(catalog.missingColumns).toEqual([]);
    expect(renderYaml(catalog)).toContain('备注');
  });
});
