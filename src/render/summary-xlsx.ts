// The roll-up as a workbook for the office above: 汇总 (one row per file, filterable, the headline on top)
// and 覆盖情况 (units × categories: each unit's items per category, with totals). A4 landscape, one page
// wide, header repeated. Values are plain strings and numbers, never formulas. Written through the one
// workbook door (render/xlsx/plan.ts → write.ts).
import { SUMMARY_COLUMNS, summaryCells, summaryHeadline, type Summary } from '../reports/summary.js';
import { domainMatrixCells } from '../reports/summary-domains.js';
import { PRINT_FOOTER } from '../settings/texts.js';
import { printSetup, rowHeight } from './xlsx/print.js';
import { columnLetter, type CellStyle, type RowPlan, type SheetPlan } from './xlsx/plan.js';
import { writeWorkbook } from './xlsx/write.js';

const FONT = { name: '宋体', size: 11 };
const BOLD = { ...FONT, bold: true };
const STYLES = {
  title: { font: { ...FONT, size: 14, bold: true }, alignment: { vertical: 'middle', wrapText: true } },
  line: { font: FONT, alignment: { vertical: 'top', wrapText: true } },
  header: { font: BOLD, fill: 'FFD9E2F3', border: {}, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } },
  text: { font: FONT, border: {}, alignment: { vertical: 'top', wrapText: true } },
  number: { font: FONT, border: {}, alignment: { vertical: 'top', horizontal: 'right' } },
  failed: { font: FONT, border: {}, fill: 'FFFFC7CE', alignment: { vertical: 'top', wrapText: true } },
  gap: { font: FONT, border: {}, fill: 'FFFDE8E8', alignment: { vertical: 'top', horizontal: 'right' } },
  total: { font: BOLD, border: {}, alignment: { vertical: 'top', horizontal: 'right' } },
  totalText: { font: BOLD, border: {}, alignment: { vertical: 'top', wrapText: true } },
} satisfies Record<string, CellStyle>;
type Style = keyof typeof STYLES;

/** A sheet: title and headline merged across, then the header row (frozen, filtered, repeated) and the rows. */
function sheet(name: string, title: string, headline: string, headers: string[], widths: number[], rows: RowPlan[]): SheetPlan {
  const whole = widths.reduce((a, b) => a + b, 0);
  const last = headers.length;
  return {
    name,
    widths,
    rows: [
      { values: [title], styles: ['title'], height: 28 },
      { values: [headline], styles: ['line'], height: rowHeight([headline], [whole]) },
      { values: headers, styles: headers.map(() => 'header'), height: rowHeight(headers, widths) },
      ...rows,
    ],
    merges: [
      { top: 1, left: 1, bottom: 1, right: last },
      { top: 2, left: 1, bottom: 2, right: last },
    ],
    frozenRows: 3,
    autoFilter: `A3:${columnLetter(last)}3`,
    print: printSetup('3:3'),
    footer: `&L&A&R${PRINT_FOOTER}`,
  };
}

/** 领域覆盖: units × domains, an empty cell (not published) filled light red. */
function domainSheet(s: Summary, title: string): SheetPlan {
  const { header, rows, totals } = domainMatrixCells(s.domains!);
  const widths = header.map((h, i) => (i === 0 ? 24 : Math.min(14, Math.max(7, [...h].length * 2 + 2))));
  const last = header.length - 2;
  const plans: RowPlan[] = rows.map((values) => ({
    values,
    styles: values.map((v, i): Style => (i === 0 ? 'text' : i < last && v === '' ? 'gap' : 'number')),
    height: rowHeight([String(values[0])], [widths[0]!]),
  }));
  for (const values of totals) plans.push({ values, styles: values.map((_, i): Style => (i === 0 ? 'totalText' : 'total')) });
  return sheet('领域覆盖', `${title}：各单位的领域目录`, '每格为该单位该领域目录的事项数，标红的空格表示该单位尚未发布这一领域的目录', header, widths, plans);
}

/** Render the roll-up as an .xlsx workbook (bytes). */
export async function renderSummaryXlsx(s: Summary, title: string): Promise<Uint8Array> {
  const headline = summaryHeadline(s);
  const widths = [24, 30, 10, 8, 7, 7, 7, 24, 17];
  const files = s.rows.map((r): RowPlan => {
    const values = summaryCells(r);
    const styles = values.map((v, i): Style => (i === 7 && !r.passed ? 'failed' : typeof v === 'number' ? 'number' : 'text'));
    return { values, styles, height: rowHeight(values.map(String), widths) };
  });
  const t = s.totals;
  files.push({ values: ['合计', `${t.files} 个文件`, '', t.items, t.errors, t.warnings, t.hints, `通过 ${t.passed} 个`, ''], styles: ['totalText', 'totalText', 'totalText', 'total', 'total', 'total', 'total', 'totalText', 'totalText'] });

  const cats = s.categories;
  const covWidths = [24, ...cats.map((c) => Math.min(14, Math.max(6, [...c].length * 2 + 2))), 8];
  const headers = ['单位', ...cats, '合计'];
  const matrix = s.rows.map((r): RowPlan => {
    const values: (string | number)[] = [r.unit, ...cats.map((c) => r.categories[c] ?? ''), r.items];
    return { values, styles: values.map((_, i) => (i === 0 ? 'text' : 'number')), height: rowHeight([r.unit], [covWidths[0]!]) };
  });
  matrix.push({ values: ['有此类别的单位数', ...cats.map((c) => s.coverage[c]!.units), s.rows.filter((r) => r.items > 0).length], styles: headers.map((_, i) => (i === 0 ? 'totalText' : 'total')) });
  matrix.push({ values: ['事项合计', ...cats.map((c) => s.coverage[c]!.items), t.items], styles: headers.map((_, i) => (i === 0 ? 'totalText' : 'total')) });
  return writeWorkbook({
    styles: STYLES,
    sheets: [
      sheet('汇总', title, headline, [...SUMMARY_COLUMNS], widths, files),
      ...(s.domains ? [domainSheet(s, title)] : []),
      sheet('覆盖情况', `${title}：各单位的事项类别`, '每格为该单位该类别的事项数，空白表示没有这一类别', headers, covWidths, matrix),
    ],
  });
}
