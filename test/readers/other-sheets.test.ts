// A sheet without a catalog header (填表说明, a hidden drop-down list, a page's 索引号 table) is no part of
// the items, but every non-empty cell of a file is kept: through YAML, into a workbook as a sheet of its
// own (hidden if it was), onto the page (folded, escaped) and the Markdown, and through merge.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { parseYamlCatalog } from '../../src/formats/yaml/read.js';
import { renderYaml } from '../../src/render/yaml.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { mergeCatalogs } from '../../src/draft/merge.js';
import type { Catalog } from '../../src/model/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-other-'));
const book = path.join(dir, 'with-help.xlsx');

/** The kept sheets as plain values: name, hidden, A1 → text. */
const shape = (c: Catalog) => (c.otherSheets ?? []).map((s) => ({ name: s.name, hidden: s.hidden ?? false, cells: s.cells.map((x) => [x.row, x.col, x.text]) }));

const EXPECTED = [
  { name: '填表说明', hidden: false, cells: [[1, 1, '填表说明'], [2, 1, '1. 每个事项一行；<script>alert(1)</script>'], [3, 2, '=1+1 合并的格'], [5, 4, '联系人：张三\n电话 0000-1234567']] },
  { name: '选项', hidden: true, cells: [[1, 1, '政府网站'], [2, 1, '政务微博']] },
];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注']);
  ws.addRow([1, '政策文件', '规范性文件', '《条例》', '文件全文', '全文', '县政府办', '县政府网站', '20个工作日内', '']);
  const help = wb.addWorksheet('填表说明');
  help.getCell('A1').value = '填表说明';
  help.getCell('A2').value = '1. 每个事项一行；<script>alert(1)</script>';
  help.mergeCells('B3:C4');
  help.getCell('B3').value = '=1+1 合并的格';
  help.getCell('D5').value = '联系人：张三\n电话 0000-1234567';
  const options = wb.addWorksheet('选项', { state: 'hidden' });
  options.getCell('A1').value = '政府网站';
  options.getCell('A2').value = '政务微博';
  await wb.xlsx.writeFile(book);
});

describe('sheets that hold no catalog', () => {
  it('are read whole, each cell at its place, and said to be kept', async () => {
    const c = (await readCatalog(book)) as Catalog;
    expect(c.items).toHaveLength(1);
    expect(shape(c)).toEqual(EXPECTED);
    expect(c.otherSheets![0]!.cells[2]!.at).toMatchObject({ sheet: '填表说明', cell: 'B3' });
    expect(c.findings.map((f) => [f.code, f.location.sheet, f.message])).toEqual([
      ['sheet-ignored', '填表说明', '工作表“填表说明”中没有目录表头（如填表说明），不是事项；其中 4 个有内容的单元格原样保留（转换为 YAML、生成 Excel 时作为单独的工作表写出）。如果其中有事项，请把它们移到目录工作表中'],
      ['hidden-sheet-ignored', '选项', '隐藏的工作表“选项”中没有目录表头（可能是下拉选项清单），不是事项；其中 2 个有内容的单元格原样保留（转换为 YAML、生成 Excel 时照样写出）'],
    ]);
  });

  it('survive xlsx → YAML → xlsx → YAML, byte for byte, as sheets of their own in the workbook', async () => {
    const c = (await readCatalog(book)) as Catalog;
    const yaml = renderYaml(c);
    expect(yaml.slice(yaml.indexOf('其他工作表:'))).toBe(
      [
        '其他工作表:',
        '  - 名称: 填表说明',
        '    单元格:',
        '      A1: 填表说明',
        '      A2: 1. 每个事项一行；<script>alert(1)</script>',
        '      B3: =1+1 合并的格',
        '      D5: |-',
        '        联系人：张三',
        '        电话 0000-1234567',
        '  - 名称: 选项',
        '    隐藏: true',
        '    单元格:',
        '      A1: 政府网站',
        '      A2: 政务微博',
        '',
      ].join('\n'),
    );
    const y = path.join(dir, 'with-help.yaml');
    writeFileSync(y, yaml);
    const fromYaml = (await readCatalog(y)) as Catalog;
    expect(shape(fromYaml)).toEqual(EXPECTED);
    expect(fromYaml.otherSheets![0]!.cells[0]!.at).toMatchObject({ file: y, line: expect.any(Number) });
    const x = path.join(dir, 'again.xlsx');
    writeFileSync(x, await renderXlsx(fromYaml));
    // Read back with exceljs: the catalog first (the sheet a workbook opens on), then the kept sheets.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['目录', 'visible'],
      ['填表说明', 'visible'],
      ['选项', 'hidden'],
    ]);
    const help = wb.getWorksheet('填表说明')!;
    expect(['A1', 'A2', 'B3', 'D5'].map((a) => help.getCell(a).value)).toEqual(EXPECTED[0]!.cells.map((c) => c[2]));
    // A text that looks like a formula stays a text.
    expect(help.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    const back = (await readCatalog(x)) as Catalog;
    expect(shape(back)).toEqual(EXPECTED);
    expect(renderYaml(back)).toBe(yaml);
  });

  it('reach the page folded and escaped, and the Markdown after the catalog', async () => {
    const c = (await readCatalog(book)) as Catalog;
    const page = renderHtml(c);
    expect(page).toContain('<details class="other-sheets"><summary>附：原文件中的其他内容（不属于目录）</summary>');
    expect(page).toContain('<h2 class="other-name">选项（隐藏的工作表）</h2>');
    expect(page).toContain('<td>1. 每个事项一行；&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(page).not.toContain('<script>alert(1)');
    // Rows as the sheet has them: B3 one column in, D5 three in (= escaped as every page text is).
    expect(page).toContain('<tr><td></td><td>&#x3D;1+1 合并的格</td></tr><tr><td></td><td></td><td></td><td>联系人：张三<br>电话 0000-1234567</td></tr>');
    const md = renderMarkdown(c);
    expect(md.slice(md.indexOf('## 附：'))).toBe(
      [
        '## 附：原文件中的其他内容（不属于目录）',
        '',
        '### 填表说明',
        '',
        '- A1：填表说明',
        '- A2：1. 每个事项一行；&lt;script&gt;alert(1)&lt;/script&gt;',
        '- B3：=1+1 合并的格',
        '- D5：联系人：张三<br>电话 0000-1234567',
        '',
        '### 选项（隐藏的工作表）',
        '',
        '- A1：政府网站',
        '- A2：政务微博',
        '',
      ].join('\n'),
    );
  });

  it('are carried by merge, with every file’s own', async () => {
    const c = (await readCatalog(book)) as Catalog;
    const { catalog } = mergeCatalogs([c, c], 'merged.yaml');
    expect(catalog.otherSheets!.map((s) => s.name)).toEqual(['填表说明', '选项', '填表说明', '选项']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(catalog)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目录', '填表说明', '选项', '填表说明(2)', '选项(2)']);
  });

  it('in YAML: a cell named otherwise than A1 is kept below the others and said so', () => {
    const src = ['版式: "2017"', '事项: []', '其他工作表:', '  - 名称: 说明', '    单元格:', '      A1: 第一行', '      第二格: 还有这个', ''].join('\n');
    const c = parseYamlCatalog(src, 'x.yaml');
    expect(shape(c)).toEqual([{ name: '说明', hidden: false, cells: [[1, 1, '第一行'], [2, 1, '还有这个']] }]);
    expect(c.findings.map((f) => [f.code, f.location.line, f.message])).toEqual([
      ['invalid-value', 7, '“其他工作表.单元格”的值“第二格”不合规：应为单元格名称，如 A1、B12；这个值已放在该工作表最后一行之后'],
    ]);
  });
});
