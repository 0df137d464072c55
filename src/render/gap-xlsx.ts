// The gap report as a workbook a clerk works through: 汇总 (the summary), 问题清单 (one row per finding, with
// a blank 处理情况 column to fill in), and with a reference 缺少的事项 / 多出的事项. Values are written as
// plain strings, never formulas, so a sheet text such as “=HYPERLINK(…)” stays inert.
import ExcelJS from 'exceljs';
import type { GapReport } from '../report/gap.js';
import { fieldLabel } from '../settings.js';
import { blanksText, cellText, methodText, SEVERITY_WORD, suggestion, summaryLines } from './gap-common.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function table(ws: ExcelJS.Worksheet, headers: string[], widths: number[], rows: (string | number)[][]): void {
  ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? 12 }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const values of rows) {
    const row = ws.addRow(values);
    for (let i = 1; i <= headers.length; i++) {
      const c = row.getCell(i);
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', paperSize: 9 };
}

/** Render the gap report as an .xlsx workbook (bytes). */
export async function renderGapXlsx(r: GapReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zwgk';
  const catLabel = fieldLabel(r.profile, 'category');
  const nameLabel = fieldLabel(r.profile, 'name');

  const summary = wb.addWorksheet('汇总');
  summary.columns = [{ width: 18 }, { width: 14 }, { width: 14 }, { width: 50 }];
  summary.addRow([`政务公开事项目录差距报告：${r.title ?? r.file}`]).font = { bold: true, size: 14 };
  summary.mergeCells(1, 1, 1, 4);
  for (const l of summaryLines(r)) {
    const row = summary.addRow([l.label, l.value]);
    row.getCell(1).font = { bold: true };
    summary.mergeCells(row.number, 2, row.number, 4);
  }
  summary.addRow([]);
  const head = summary.addRow([catLabel, '事项数', '必填项齐全', '空白的必填项（事项数）']);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = BORDER;
  });
  for (const s of r.summary) {
    summary.addRow([s.category, s.items, s.complete, blanksText(s.blanks)]).eachCell((c) => {
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  }
  const total = summary.addRow(['合计', r.items, r.complete, '']);
  total.font = { bold: true };
  total.eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));

  // Findings in report order: catalog-wide ones first, then per category and item.
  const items = new Map(r.details.flatMap((g) => g.items).map((it) => [it.item, it]));
  const ordered = [...r.general, ...r.details.flatMap((g) => g.items.flatMap((it) => it.findings))];
  const problems = wb.addWorksheet('问题清单');
  table(
    problems,
    ['序号', '事项类别', '名称', '工作表', '单元格', '字段', '级别', '问题', '建议改为', '处理情况'],
    [6, 14, 22, 12, 10, 12, 6, 60, 28, 20],
    ordered.map((d, i) => {
      const it = d.item !== undefined ? items.get(d.item) : undefined;
      return [i + 1, it?.category ?? '', it?.name ?? '', d.location.sheet ?? '', cellText(d.location), d.field ?? '', SEVERITY_WORD[d.severity], d.message, suggestion(d), ''];
    }),
  );

  if (r.coverage) {
    table(wb.addWorksheet('缺少的事项'), ['序号', catLabel, nameLabel], [6, 20, 36], r.coverage.missing.map((m, i) => [i + 1, m.category, m.name]));
    table(
      wb.addWorksheet('多出的事项'),
      ['序号', catLabel, nameLabel, '位置'],
      [6, 20, 36, 14],
      r.coverage.extra.map((m, i) => {
        const it = items.get(m.item);
        return [i + 1, m.category, m.name, it ? cellText(it.at) : ''];
      }),
    );
    const loose = r.coverage.matches.filter((m) => m.method !== 'exact');
    if (loose.length) {
      table(
        wb.addWorksheet('非完全一致的匹配'),
        ['序号', `本目录${catLabel}`, `本目录${nameLabel}`, `参考目录${catLabel}`, `参考目录${nameLabel}`, '匹配方式'],
        [6, 16, 26, 16, 26, 24],
        loose.map((m, i) => [i + 1, m.category, m.name, m.refCategory, m.refName, methodText(m)]),
      );
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
