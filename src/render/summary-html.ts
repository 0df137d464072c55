// The roll-up as one self-contained page (templates/summary.hbs): the file table, sortable by any column
// and filterable by text and verdict, and the coverage matrix, sortable too; printable (A4 landscape, the
// controls left out). Under the same Content-Security-Policy as every other page: nothing may load, only
// its own CSS and script (by hash) apply. Handlebars escapes every value; the view holds plain strings.
import { SUMMARY_COLUMNS, summaryCells, summaryHeadline, type Summary } from '../reports/summary.js';
import { domainMatrixCells } from '../reports/summary-domains.js';
import { asset, loadTemplate, type TemplateDelegate } from './templates.js';

let compiled: TemplateDelegate | undefined;

function template(): TemplateDelegate {
  compiled ??= loadTemplate('summary', [], () => ({ inc: (n: unknown) => Number(n) + 1 }));
  return compiled;
}

const NUMERIC = new Set([3, 4, 5, 6]);

/** Render the roll-up as an HTML page. */
export function renderSummaryHtml(s: Summary, title: string): string {
  const css = asset('summary.css');
  const js = asset('summary.js');
  const t = s.totals;
  const cell = (v: string | number, i: number) => ({ text: String(v), num: NUMERIC.has(i) });
  const domains = s.domains ? domainMatrixCells(s.domains) : undefined;
  const last = (domains?.header.length ?? 0) - 2;
  return template()({
    css: css.text,
    js: js.text,
    csp: ["default-src 'none'", `style-src ${css.hash}`, `script-src ${js.hash}`, "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; '),
    title,
    headline: summaryHeadline(s),
    columns: SUMMARY_COLUMNS.map((label, i) => ({ label, num: NUMERIC.has(i) })),
    rows: s.rows.map((r) => ({ verdict: r.passed ? 'pass' : 'fail', cells: summaryCells(r).map(cell) })),
    totals: ['合计', `${t.files} 个文件`, '', t.items, t.errors, t.warnings, t.hints, `通过 ${t.passed} 个`, ''].map(cell),
    ...(domains
      ? {
          domains: {
            header: domains.header,
            rows: domains.rows.map((r) => r.map((v, i) => ({ text: String(v), num: i > 0, gap: i > 0 && i < last && v === '' }))),
            totals: domains.totals.map((r) => r.map(String)),
          },
        }
      : {}),
    categoryHeading: domains ? '三、各单位的事项类别' : '二、各单位的事项类别',
    categories: s.categories,
    totalCol: s.categories.length + 1,
    matrix: s.rows.map((r) => [r.unit, ...s.categories.map((c) => String(r.categories[c] ?? '')), String(r.items)]),
    matrixTotals: [
      ['有此类别的单位数', ...s.categories.map((c) => String(s.coverage[c]!.units)), String(s.rows.filter((r) => r.items > 0).length)],
      ['事项合计', ...s.categories.map((c) => String(s.coverage[c]!.items)), String(t.items)],
    ],
  });
}
