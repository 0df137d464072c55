// The gap report as a workbook a clerk works through and hands in: 汇总 (the summary), 问题清单 (one row
// per finding, with a blank 处理情况 column to fill in), and with a reference 缺少的事项 / 多出的事项.
// Every sheet prints on A4 landscape, one page wide, its header row repeated, the report's title at
// the top of every page; rows are as tall as their wrapped text; headers use the catalog's own layout
// words (一级事项/二级事项 for 2019). Values are plain strings, never formulas, so a sheet text such as
// “=HYPERLINK(…)” stays inert.
import ExcelJS from 'exceljs';
import type { GapReport } from '../reports/gap.js';
import { fieldLabel } from '../settings/columns.js';
import { PRINT_FOOTER } from '../settings/texts.js';
import { blanksText, cellText, methodText, SEVERITY_WORD, sheetText, suggestion, summaryLines } from './gap-common.js';
import { rowHeight, printSetup } from './xlsx-print.js';
import { xlsxText, xmlSafe } from './xlsx-text.js';

const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { ...FONT, bold: true },
  fill: HEADER_FILL,
  border: BORDER,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};
const TEXT_STYLE: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, alignment: { vertical: 'top', wrapText: true } };
const NUMBER_STYLE: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, alignment: { vertical: 'top', horizontal: 'right' } };

type Value = string | number;

/** Page header and footer text: & is the codes' escape character, and Excel caps each at 255. */
function headerText(text: string): string {
  const safe = xmlSafe(text).replace(/&/g, '&&');
  return [...safe].length > 200 ? [...safe].slice(0, 199).join('') + '…' : safe;
}

/** Print setup of a sheet whose header is row `headerRow`: A4 landscape, the title on every page. */
function preparePrint(ws: ExcelJS.Worksheet, headerRow: number, title: string): void {
  ws.pageSetup = printSetup(`${headerRow}:${headerRow}`);
  ws.headerFooter = { oddHeader: `&C${headerText(title)}`, oddFooter: `&L&A&R${PRINT_FOOTER}` };
}

/** Write one row: values, their styles, and the height their wrapped text needs. */
function writeRow(ws: ExcelJS.Worksheet, at: number, values: Value[], widths: number[], style: (i: number) => Partial<ExcelJS.Style>): ExcelJS.Row {
  const row = ws.getRow(at);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = typeof v === 'string' ? xlsxText(v) : v;
    cell.style = style(i);
  });
  row.height = rowHeight(values.map(String), widths);
  return row;
}

/** A list sheet: the header in row 1 (frozen, filterable, repeated on every printed page), then rows. */
function listSheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[], widths: number[], rows: Value[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  writeRow(ws, 1, headers, widths, () => HEADER_STYLE);
  rows.forEach((values, r) => writeRow(ws, r + 2, values, widths, (i) => (typeof values[i] === 'number' ? NUMBER_STYLE : TEXT_STYLE)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  preparePrint(ws, 1, title);
  return ws;
}

/** The 汇总 sheet: the title, the summary lines, then the table of categories with its 合计 row. */
function summarySheet(wb: ExcelJS.Workbook, r: GapReport, title: string, catLabel: string): void {
  const ws = wb.addWorksheet('汇总');
  const widths = [24, 12, 14, 62];
  const whole = widths.reduce((a, b) => a + b, 0);
  ws.columns = widths.map((width) => ({ width }));
  let at = 1;
  const titleRow = ws.getRow(at);
  titleRow.getCell(1).value = xlsxText(title);
  titleRow.getCell(1).style = { font: { ...FONT, size: 14, bold: true }, alignment: { vertical: 'middle', wrapText: true } };
  titleRow.height = Math.max(28, rowHeight([title], [whole / 1.3]));
  ws.mergeCells(at, 1, at, 4);
  for (const line of summaryLines(r)) {
    at++;
    const row = ws.getRow(at);
    row.getCell(1).value = xlsxText(line.label);
    row.getCell(1).style = { font: { ...FONT, bold: true }, alignment: { vertical: 'top' } };
    row.getCell(2).value = xlsxText(line.value);
    row.getCell(2).style = { font: FONT, alignment: { vertical: 'top', wrapText: true } };
    row.height = rowHeight([line.label, line.value], [widths[0]!, whole - widths[0]!]);
    ws.mergeCells(at, 2, at, 4);
  }
  at += 2;
  const headerRow = at;
  writeRow(ws, at, [catLabel, '事项数', '必填项齐全', '空白的必填项（事项数）'], widths, () => HEADER_STYLE);
  const style = (i: number) => (i === 1 || i === 2 ? NUMBER_STYLE : TEXT_STYLE);
  for (const s of r.summary) writeRow(ws, ++at, [s.category, s.items, s.complete, blanksText(s.blanks)], widths, style);
  // 合计: the same alignment as the rows above it, in bold. (New style objects: exceljs shares a
  // style object between the cells it was given to, so changing one cell's font would change all.)
  writeRow(ws, ++at, ['合计', r.items, r.complete, ''], widths, (i) => ({ ...style(i), font: { ...FONT, bold: true } }));
  preparePrint(ws, headerRow, title);
}

/** Render the gap report as an .xlsx workbook (bytes). */
export async function renderGapXlsx(r: GapReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zwgk';
  const catLabel = fieldLabel(r.profile, 'category');
  const nameLabel = fieldLabel(r.profile, 'name');
  const title = `政务公开事项目录差距报告：${r.title ?? r.file}`;

  summarySheet(wb, r, title, catLabel);

  // Findings in report order: catalog-wide ones first, then per category and item.
  const items = new Map(r.details.flatMap((g) => g.items).map((it) => [it.item, it]));
  const ordered = [...r.general, ...r.details.flatMap((g) => g.items.flatMap((it) => it.findings))];
  listSheet(
    wb,
    '问题清单',
    title,
    // A page or Word document names its tables, not sheets.
    ['序号', catLabel, nameLabel, ordered.some((d) => d.location.table !== undefined) ? '表格' : '工作表', '单元格', '字段', '级别', '问题', '建议改为', '处理情况'],
    [6, 14, 20, 10, 10, 12, 7, 56, 26, 18],
    ordered.map((d, i) => {
      const it = d.item !== undefined ? items.get(d.item) : undefined;
      return [i + 1, it?.category ?? '', it?.name ?? '', sheetText(d.location), cellText(d.location), d.field ?? '', SEVERITY_WORD[d.severity], d.message, suggestion(d), ''];
    }),
  );

  if (r.coverage) {
    listSheet(wb, '缺少的事项', title, ['序号', catLabel, nameLabel], [6, 24, 40], r.coverage.missing.map((m, i) => [i + 1, m.category, m.name]));
    listSheet(
      wb,
      '多出的事项',
      title,
      ['序号', catLabel, nameLabel, '位置'],
      [6, 24, 40, 14],
      r.coverage.extra.map((m, i) => {
        const it = items.get(m.item);
        return [i + 1, m.category, m.name, it ? cellText(it.at) : ''];
      }),
    );
    const loose = r.coverage.matches.filter((m) => m.method !== 'exact');
    if (loose.length) {
      listSheet(
        wb,
        '非完全一致的匹配',
        title,
        ['序号', `本目录${catLabel}`, `本目录${nameLabel}`, `参考目录${catLabel}`, `参考目录${nameLabel}`, '匹配方式'],
        [6, 16, 26, 16, 26, 24],
        loose.map((m, i) => [i + 1, m.category, m.name, m.refCategory, m.refName, methodText(m)]),
      );
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
