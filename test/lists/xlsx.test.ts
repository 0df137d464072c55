// The workbook of a list read back with exceljs (values at their cells, merges, widths, print setup, a
// formula-looking text a string cell) and with zwgk's own reader (the same values by column key), and
// LibreOffice printing one to PDF for a person to look at.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { renderListXlsx } from '../../src/render/list/xlsx.js';
import { readCatalogBytes } from '../../src/formats/index.js';
import { isList, type ListDoc } from '../../src/model/list.js';
import { pdfCompactText, pdfPageSize, pdfToPngs, sofficePdf } from '../helpers/pdf.js';
import { builtinDocs, HOSTILE, listDoc, SERVICES } from './helpers.js';
import { zipEntries } from '../render/zip.js';

const docs = builtinDocs();

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

/** A row's values (null for blank and merge-covered cells), columns 1..n. */
function rowValues(ws: ExcelJS.Worksheet, r: number, n: number): (string | number | null)[] {
  return Array.from({ length: n }, (_, i) => {
    const cell = ws.getCell(r, i + 1);
    if (cell.isMerged && cell.master.address !== cell.address) return null;
    const v = cell.value;
    return v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
  });
}
const mergesOf = (ws: ExcelJS.Worksheet) => [...(ws.model as unknown as { merges: string[] }).merges].sort();

/** Every value of a list by item and column key, as the readers give them (blank cells left out). */
function values(doc: ListDoc): string[] {
  const out: string[] = [];
  doc.items.forEach((item, i) => {
    const add = (k: string, text: string, mark?: string) => text.trim() && out.push(`${i + 1} ${k}: ${text}${mark !== undefined ? `=${mark}` : ''}`);
    for (const [k, c] of Object.entries(item.values)) add(k, c.text);
    item.rows.forEach((row, r) => Object.entries(row).forEach(([k, c]) => add(`${k}[${r}]`, c.text)));
    for (const [k, list] of Object.entries(item.ticks)) list.values.forEach((c) => add(k, c.text, c.mark));
    for (const [k, c] of Object.entries(item.extra)) add(`extra ${k}`, c.text);
  });
  return out.sort();
}

describe('renderListXlsx', () => {
  test('重大行政决策: title, meta, two header rows with 履行程序 over its √ columns, values in place, widths', async () => {
    const ws = await sheetOf(await renderListXlsx(docs['major-decisions']!));
    expect(ws.name).toBe('重大行政决策事项目录');
    expect(rowValues(ws, 1, 1)).toEqual(['某县人民政府2024年度重大行政决策事项目录']);
    expect(rowValues(ws, 2, 1)).toEqual(['编制单位：某县人民政府办公室\u3000\u3000日期：2024年3月1日']);
    expect(rowValues(ws, 3, 12)).toEqual(['序号', '决策事项', '承办单位', '决策依据', '决策时间', '是否听证', '履行程序', null, null, null, null, '备注']);
    expect(rowValues(ws, 4, 12)).toEqual([null, null, null, null, null, null, '公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定', null]);
    expect(rowValues(ws, 5, 12)).toEqual([1, '编制《某县国土空间总体规划（2021—2035年）》', '县自然资源局', '《中华人民共和国土地管理法》\n《重大行政决策程序暂行条例》（国务院令第713号）', '2024年6月', '否', '√', '√', '√', '√', '√', HOSTILE.script]);
    expect(rowValues(ws, 6, 12)).toEqual([2, '调整城区公共交通票价', '县交通运输局', '《政府制定价格听证办法》', '2024年第三季度', '是', '√', null, '委托第三方', '√', '√', HOSTILE.formula]);
    expect(rowValues(ws, 7, 1)).toEqual(['注：决策时间为计划时间，以实际为准。']);
    expect(mergesOf(ws)).toEqual(['A1:L1', 'A2:L2', 'A3:A4', 'A7:L7', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:K3', 'L3:L4'].sort());
    expect(ws.columns.map((c) => c.width)).toEqual([6, 30, 16, 30, 14, 8, 10, 10, 10, 12, 14, 12]);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getCell('G5').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('B5').border?.top?.style).toBe('thin');
  });

  test('a text starting with = + - @ is a string cell, never a formula', async () => {
    const bytes = await renderListXlsx(docs.powers!);
    const ws = await sheetOf(bytes);
    const texts = new Map<string, ExcelJS.CellValue>();
    ws.eachRow((row) => row.eachCell((cell) => void texts.set(String(cell.value), cell.type)));
    for (const t of [HOSTILE.plus, HOSTILE.at, HOSTILE.minus]) expect(texts.get(t)).toBe(ExcelJS.ValueType.String);
    const decisions = await sheetOf(await renderListXlsx(docs['major-decisions']!));
    expect(decisions.getCell('L6').type).toBe(ExcelJS.ValueType.String);
    const sheets = await zipEntries(bytes, /^xl\/worksheets\/.*\.xml$/);
    expect(Object.keys(sheets)).toHaveLength(1);
    for (const text of Object.values(sheets)) expect(text).not.toMatch(/<f[ >]/);
  });

  test('权责清单: one header row, extra columns after 备注, a column without a label gets a blank header', async () => {
    const ws = await sheetOf(await renderListXlsx(docs.powers!));
    expect(rowValues(ws, 3, 12)).toEqual(['序号', '事项编码', '事项名称', '子项名称', '事项类型', '设定依据', '实施主体', '责任事项', '追责情形', '备注', '联系电话', null]);
    expect(rowValues(ws, 4, 12)).toEqual([1, '330217001000', '建设工程规划许可证核发', null, '行政许可', '《中华人民共和国城乡规划法》第四十条', '县自然资源局', '1.受理阶段责任：公示应当提交的材料。\n2.审查阶段责任：对申请材料进行审查。', HOSTILE.plus, null, '0574-12345678', null]);
    expect(rowValues(ws, 5, 12)[11]).toBe(HOSTILE.minus);
    expect(mergesOf(ws)).toEqual(['A1:L1', 'A2:L2']);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
  });

  test('per-row columns: the item spans its rows, per-item cells merged down over them; portrait paper', async () => {
    const doc = listDoc(SERVICES, [
      { values: { serial: '1', name: '办理居住证', online: '是', channels: '■窗口 □网站 ■自助机' }, rows: [{ material: '身份证', copies: '1' }, { material: '居住证明', copies: '2' }] },
      { values: { serial: '2', name: '查询社保', online: '否' }, rows: [{ material: '身份证' }] },
    ]);
    const ws = await sheetOf(await renderListXlsx(doc));
    expect(rowValues(ws, 2, 6)).toEqual(['序号', '服务事项', '办理材料', '份数', '是否网办', '办理渠道']);
    expect(rowValues(ws, 3, 6)).toEqual([1, '办理居住证', '身份证', '1', '是', '■窗口 □网站 ■自助机']);
    expect(rowValues(ws, 4, 6)).toEqual([null, null, '居住证明', '2', null, null]);
    expect(rowValues(ws, 5, 6)).toEqual([2, '查询社保', '身份证', null, '否', null]);
    expect(mergesOf(ws)).toEqual(['A1:F1', 'A3:A4', 'B3:B4', 'E3:E4', 'F3:F4']);
    expect(ws.pageSetup.orientation).toBe('portrait');
  });

  for (const [id, doc] of Object.entries(docs)) {
    test(`${id}: read back by zwgk's reader, the same layout and values`, async () => {
      const back = await readCatalogBytes(await renderListXlsx(doc), `${id}.xlsx`, { layouts: [doc.layout] });
      expect(isList(back)).toBe(true);
      const list = back as ListDoc;
      expect(list.layout.id).toBe(id);
      expect(values(list)).toEqual(values(doc));
      // A list without a title prints the layout's, which is not read back as a title of its own.
      expect([list.title, list.unit, list.date, list.note]).toEqual([doc.title, doc.unit, doc.date, doc.note]);
    });
  }

  test('per-row columns read back by the reader: the same rows of each item', async () => {
    const doc = listDoc(SERVICES, [
      { values: { serial: '1', name: '办理居住证', online: '是', channels: '■窗口 □网站 ■自助机' }, rows: [{ material: '身份证', copies: '1' }, { material: '居住证明', copies: '2' }, { material: '=HYPERLINK("x")', copies: '1' }] },
      { values: { serial: '2', name: '查询社保', online: '否' }, rows: [{ material: '身份证' }] },
    ], { unit: '某街道办事处', note: '材料均需原件。' });
    const back = (await readCatalogBytes(await renderListXlsx(doc), 'services.xlsx', { layouts: [SERVICES] })) as ListDoc;
    expect(back.layout.id).toBe('services');
    expect(values(back)).toEqual(values(doc));
    // A 注 that does not start like one is written after 注： (else it would read back as an item).
    expect(back.note).toBe('注：材料均需原件。');
  });

  test('LibreOffice opens and prints the workbooks (A4 landscape; PNG pages in test/artifacts)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-list-xlsx-'));
    try {
      const files = await Promise.all(Object.entries(docs).map(async ([id, doc]) => {
        const file = path.join(dir, `list-${id}.xlsx`);
        writeFileSync(file, await renderListXlsx(doc));
        return file;
      }));
      sofficePdf(files, dir);
      for (const [id, doc] of Object.entries(docs)) {
        const pdf = path.join(dir, `list-${id}.pdf`);
        const [w, h] = pdfPageSize(pdf);
        expect(w).toBeGreaterThan(h);
        const text = pdfCompactText(pdf);
        // Wrapped cells of neighbouring columns interleave in the PDF's text: the title and the page footer are whole.
        expect(text).toContain(`${doc.title ?? doc.layout.print.title}`);
        expect(text).toContain('第1页，共1页');
        pdfToPngs(pdf, `list-${id}-xlsx`, 70);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
