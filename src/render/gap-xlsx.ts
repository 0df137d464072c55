// The gap report as a workbook a clerk works through and hands in: 汇总 (the summary), 问题清单 (one row
// per finding, with a blank 处理情况 column to fill in), and with a reference 缺少的事项 / 多出的事项.
// Every sheet prints on A4 landscape, one page wide, its header row repeated, the report's title at
// the top of every page; rows are as tall as their wrapped text; headers use the catalog's own layout
// words (一级事项/二级事项 for 2019). Values are plain strings, never formulas, so a sheet text such as
// “=HYPERLINK(…)” stays inert. Built as a workbook plan (render/xlsx/plan.ts) and written by write.ts.
import type { GapReport } from '../reports/gap.js';
import { fieldLabel } from '../settings/columns.js';
import { PRINT_FOOTER } from '../settings/texts.js';
import { blanksText, cellText, methodText, SEVERITY_WORD, sheetText, suggestion, summaryLines } from './gap-common.js';
import { rowHeight, printSetup } from './xlsx/print.js';
import { columnLetter, type CellStyle, type RowPlan, type SheetPlan } from './xlsx/plan.js';
import { xmlSafe } from './xlsx/text.js';
import { writeWorkbook } from './xlsx/write.js';

const FONT = { name: '宋体', size: 11 };
const BOLD = { ...FONT, bold: true };
const BORDER = {};
const TOP_WRAP = { vertical: 'top', wrapText: true } as const;
const NUMBER_ALIGN = { vertical: 'top', horizontal: 'right' } as const;

/** The looks of the report's sheets, by the names their rows use. */
const STYLES = {
  header: { font: BOLD, fill: 'FFEFEFEF', border: BORDER, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } },
  text: { font: FONT, border: BORDER, alignment: TOP_WRAP },
  number: { font: FONT, border: BORDER, alignment: NUMBER_ALIGN },
  // 合计: the same alignment as the rows above it, in bold.
  totalText: { font: BOLD, border: BORDER, alignment: TOP_WRAP },
  totalNumber: { font: BOLD, border: BORDER, alignment: NUMBER_ALIGN },
  title: { font: { ...FONT, size: 14, bold: true }, alignment: { vertical: 'middle', wrapText: true } },
  label: { font: BOLD, alignment: { vertical: 'top' } },
  value: { font: FONT, alignment: TOP_WRAP },
} satisfies Record<string, CellStyle>;
type StyleName = keyof typeof STYLES;

type Value = string | number;

/** Page header and footer text: & is the codes' escape character, and Excel caps each at 255. */
function headerText(text: string): string {
  const safe = xmlSafe(text).replace(/&/g, '&&');
  return [...safe].length > 200 ? [...safe].slice(0, 199).join('') + '…' : safe;
}

/** What every sheet of the report shares: print setup with header row `headerRow`, the title on every page. */
function printed(headerRow: number, title: string): Pick<SheetPlan, 'print' | 'header' | 'footer'> {
  return { print: printSetup(`${headerRow}:${headerRow}`), header: `&C${headerText(title)}`, footer: `&L&A&R${PRINT_FOOTER}` };
}

/** One row: values, their styles, and the height their wrapped text needs. */
function row(values: Value[], widths: number[], style: (i: number) => StyleName): RowPlan {
  return { values, styles: values.map((_, i) => style(i)), height: rowHeight(values.map(String), widths) };
}

/** A list sheet: the header in row 1 (frozen, filterable, repeated on every printed page), then rows. */
function listSheet(name: string, title: string, headers: string[], widths: number[], rows: Value[][]): SheetPlan {
  return {
    name,
    widths,
    rows: [row(headers, widths, () => 'header'), ...rows.map((values) => row(values, widths, (i) => (typeof values[i] === 'number' ? 'number' : 'text')))],
    merges: [],
    frozenRows: 1,
    autoFilter: `A1:${columnLetter(headers.length)}1`,
    ...printed(1, title),
  };
}

/** The 汇总 sheet: the title, the summary lines, then the table of categories with its 合计 row. */
function summarySheet(r: GapReport, title: string, catLabel: string): SheetPlan {
  const widths = [24, 12, 14, 62];
  const whole = widths.reduce((a, b) => a + b, 0);
  const rows: (RowPlan | undefined)[] = [{ values: [title], styles: ['title'], height: Math.max(28, rowHeight([title], [whole / 1.3])) }];
  const merges = [{ top: 1, left: 1, bottom: 1, right: 4 }];
  for (const line of summaryLines(r)) {
    rows.push({ values: [line.label, line.value], styles: ['label', 'value'], height: rowHeight([line.label, line.value], [widths[0]!, whole - widths[0]!]) });
    merges.push({ top: rows.length, left: 2, bottom: rows.length, right: 4 });
  }
  rows.push(undefined);
  const headerRow = rows.length + 1;
  rows.push(row([catLabel, '事项数', '必填项齐全', '空白的必填项（事项数）'], widths, () => 'header'));
  const style = (i: number): StyleName => (i === 1 || i === 2 ? 'number' : 'text');
  for (const s of r.summary) rows.push(row([s.category, s.items, s.complete, blanksText(s.blanks)], widths, style));
  rows.push(row(['合计', r.items, r.complete, ''], widths, (i) => (style(i) === 'number' ? 'totalNumber' : 'totalText')));
  return { name: '汇总', widths, rows, merges, ...printed(headerRow, title) };
}

/** Render the gap report as an .xlsx workbook (bytes). */
export async function renderGapXlsx(r: GapReport): Promise<Uint8Array> {
  const catLabel = fieldLabel(r.profile, 'category');
  const nameLabel = fieldLabel(r.profile, 'name');
  const title = `政务公开事项目录差距报告：${r.title ?? r.file}`;

  const sheets = [summarySheet(r, title, catLabel)];

  // Findings in report order: catalog-wide ones first, then per category and item.
  const items = new Map(r.details.flatMap((g) => g.items).map((it) => [it.item, it]));
  const ordered = [...r.general, ...r.details.flatMap((g) => g.items.flatMap((it) => it.findings))];
  sheets.push(
    listSheet(
      '问题清单',
      title,
      // A page or Word document names its tables, not sheets.
      ['序号', catLabel, nameLabel, ordered.some((d) => d.location.table !== undefined) ? '表格' : '工作表', '单元格', '字段', '级别', '问题', '建议改为', '处理情况'],
      [6, 14, 20, 10, 10, 12, 7, 56, 26, 18],
      ordered.map((d, i) => {
        const it = d.item !== undefined ? items.get(d.item) : undefined;
        return [i + 1, it?.category ?? '', it?.name ?? '', sheetText(d.location), cellText(d.location), d.field ?? '', SEVERITY_WORD[d.severity], d.message, suggestion(d), ''];
      }),
    ),
  );

  if (r.coverage) {
    sheets.push(listSheet('缺少的事项', title, ['序号', catLabel, nameLabel], [6, 24, 40], r.coverage.missing.map((m, i) => [i + 1, m.category, m.name])));
    sheets.push(
      listSheet(
        '多出的事项',
        title,
        ['序号', catLabel, nameLabel, '位置'],
        [6, 24, 40, 14],
        r.coverage.extra.map((m, i) => {
          const it = items.get(m.item);
          return [i + 1, m.category, m.name, it ? cellText(it.at) : ''];
        }),
      ),
    );
    const loose = r.coverage.matches.filter((m) => m.method !== 'exact');
    if (loose.length) {
      sheets.push(
        listSheet(
          '非完全一致的匹配',
          title,
          ['序号', `本目录${catLabel}`, `本目录${nameLabel}`, `参考目录${catLabel}`, `参考目录${nameLabel}`, '匹配方式'],
          [6, 16, 26, 16, 26, 24],
          loose.map((m, i) => [i + 1, m.category, m.name, m.refCategory, m.refName, methodText(m)]),
        ),
      );
    }
  }
  return writeWorkbook({ styles: STYLES, sheets });
}
