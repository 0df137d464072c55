// The drafting template of a list layout: the list's own header, empty rows with a prompt on every column
// and drop-downs from the layout's vocabularies, the 填表说明 sheet, and the reader recognising the layout.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { renderListTemplateXlsx } from '../../src/draft/list-template.js';
import { HELP_SHEET, OPTIONS_SHEET } from '../../src/draft/template-xlsx.js';
import { readCatalogBytes } from '../../src/formats/index.js';
import type { ListDoc } from '../../src/model/list.js';
import { parseLayout } from '../../src/layouts/index.js';
import { pdfCompactText, pdfToPngs, sofficePdf } from '../helpers/pdf.js';
import { layout } from './helpers.js';

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
type Validation = { type: string; formulae?: string[]; errorStyle?: string; showErrorMessage?: boolean; prompt?: string; promptTitle?: string };
/** The validation of a range "G4:G503" as exceljs reads it back (one entry per cell): the first cell's, which the last cell shares and the cell below lacks. */
function validation(ws: ExcelJS.Worksheet, range: string): Validation | undefined {
  const model = (ws as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;
  const [first, last] = range.split(':') as [string, string];
  const below = last.replace(/\d+$/, (n) => String(Number(n) + 1));
  expect(model[last]).toEqual(model[first]);
  expect(model[below]).toBeUndefined();
  return model[first];
}
/** A row's texts, null for blank cells and cells a merge covers. */
function rowTexts(ws: ExcelJS.Worksheet, r: number): (string | null)[] {
  const out: (string | null)[] = [];
  ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => void out.push(cell.isMerged && cell.master.address !== cell.address ? null : cell.value == null ? null : String(cell.value)));
  return out;
}

describe('renderListTemplateXlsx', () => {
  test('重大行政决策: the header, 50 drawn rows, √ drop-downs under each 履行程序 option, 是/否 for 是否听证', async () => {
    const wb = await workbook(await renderListTemplateXlsx(layout('major-decisions')));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['重大行政决策事项目录', HELP_SHEET]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('XX单位重大行政决策事项目录');
    expect(rowTexts(ws, 2)).toEqual(['序号', '决策事项', '承办单位', '决策依据', '决策时间', '是否听证', '履行程序', null, null, null, null, '备注']);
    expect(rowTexts(ws, 3).slice(6, 11)).toEqual(['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定']);
    expect(ws.getRow(53).getCell(2).border?.top?.style).toBe('thin');
    expect(ws.getRow(54).getCell(2).border).toBeUndefined();
    expect(validation(ws, 'G4:G503')).toMatchObject({ type: 'list', formulae: ['"√"'], errorStyle: 'stop' });
    expect(validation(ws, 'K4:K503')).toMatchObject({ type: 'list', formulae: ['"√"'], promptTitle: '履行程序：集体讨论决定' });
    expect(validation(ws, 'F4:F503')).toMatchObject({ type: 'list', formulae: ['"是,否"'], errorStyle: 'stop' });
    expect(validation(ws, 'E4:E503')).toMatchObject({ type: 'any', prompt: '计划作出决策的时间，如 2024年6月、2024年第二季度。年月，如 2024年6月、2024.06、2024年第二季度（必填）' });
    expect((ws as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model.A4).toBeUndefined();
    const help = wb.getWorksheet(HELP_SHEET)!;
    const rows = Array.from({ length: help.rowCount }, (_, i) => rowTexts(help, i + 1));
    expect(rows).toContainEqual(['是否听证', '选填', '填“是”或“否”', '是否举行听证会（是/否）']);
    expect(rows).toContainEqual(['决策事项', '必填', '文字', '拟作出决策的事项名称，写明决策的对象和内容']);
    expect(rows).toContainEqual(['履行程序', '选填', '在适用的选项列下填 √，不适用留空（选项：公众参与、专家论证、风险评估、合法性审查、集体讨论决定）', '需履行的法定程序（条例第三章），打 √ 或在一格中列出']);
  });

  test('权责清单: the closed 事项类型 list warns on other values; the template is read as its layout', async () => {
    const bytes = await renderListTemplateXlsx(layout('powers'));
    const ws = (await workbook(bytes)).worksheets[0]!;
    expect(validation(ws, 'E3:E502')).toMatchObject({ type: 'list', formulae: ['"行政许可,行政处罚,行政强制,行政征收,行政征用,行政给付,行政检查,行政确认,行政奖励,行政裁决,其他行政权力,公共服务"'], errorStyle: 'warning', showErrorMessage: true });
    const back = (await readCatalogBytes(bytes, 'template.xlsx', { layouts: [layout('powers')] })) as ListDoc;
    expect(back.layout.id).toBe('powers');
    expect(back.items).toEqual([]);
    expect(back.missingColumns).toEqual([]);
  });

  test('a vocabulary with a comma or too long for the rule goes to the hidden 选项 sheet', async () => {
    const own = parseLayout(
      `id: own\nname: 自定义清单\ndescription: 测试\nwords: [事项]\ncolumns:\n  - { key: name, label: 事项, required: true }\n  - { key: kind, label: 类别, kind: list, options: ["甲,乙", 丙] }\n  - { key: long, label: 长, kind: list, options: [${Array.from({ length: 40 }, (_, i) => `选项第${i + 1}号`).join(', ')}] }\nprint: { orientation: portrait, title: 自定义清单 }\n`,
      'own.yaml',
    );
    const wb = await workbook(await renderListTemplateXlsx(own));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['自定义清单', 'visible'], [HELP_SHEET, 'visible'], [OPTIONS_SHEET, 'hidden']]);
    const ws = wb.worksheets[0]!;
    expect(validation(ws, 'B3:B502')!.formulae).toEqual([`'${OPTIONS_SHEET}'!$A$1:$A$2`]);
    expect(validation(ws, 'C3:C502')!.formulae).toEqual([`'${OPTIONS_SHEET}'!$B$1:$B$40`]);
    expect(wb.getWorksheet(OPTIONS_SHEET)!.getCell('A1').value).toBe('甲,乙');
    expect(ws.pageSetup.orientation).toBe('portrait');
  });

  test('LibreOffice opens the template and prints its 填表说明 (PNG pages in test/artifacts)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-list-template-'));
    try {
      const file = path.join(dir, 'list-template-major-decisions.xlsx');
      writeFileSync(file, await renderListTemplateXlsx(layout('major-decisions')));
      sofficePdf([file], dir);
      const pdf = file.replace(/\.xlsx$/, '.pdf');
      expect(pdfCompactText(pdf)).toContain('填表说明（重大行政决策事项目录）');
      pdfToPngs(pdf, 'list-template-major-decisions', 60);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
