// The roll-up as Markdown: the headline, the file table and the coverage matrix, every text escaped.
import { SUMMARY_COLUMNS, summaryCells, summaryHeadline, type Summary } from '../reports/summary.js';
import { domainMatrixCells } from '../reports/summary-domains.js';
import { escapeMarkdownCell, escapeMarkdownLine } from './escape.js';

function table(headers: readonly string[], rows: readonly (string | number)[][], numeric: (i: number) => boolean): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((c) => escapeMarkdownCell(String(c))).join(' | ')} |`;
  return [line(headers), `|${headers.map((_, i) => (numeric(i) ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The units × domains matrix, for a roll-up of domain catalogs. */
function domainSection(s: Summary): string[] {
  if (!s.domains) return [];
  const { header, rows, totals } = domainMatrixCells(s.domains);
  return ['## 各单位的领域目录', '', '每格为该单位该领域目录的事项数，空白表示该单位尚未发布这一领域的目录。', '', table(header, [...rows, ...totals], (i) => i > 0), ''];
}

/** Render the roll-up as Markdown. */
export function renderSummaryMarkdown(s: Summary, title: string): string {
  const t = s.totals;
  const files = s.rows.map(summaryCells);
  files.push(['合计', `${t.files} 个文件`, '', t.items, t.errors, t.warnings, t.hints, `通过 ${t.passed} 个`, '']);
  const headers = ['单位', ...s.categories, '合计'];
  const matrix = s.rows.map((r) => [r.unit, ...s.categories.map((c) => r.categories[c] ?? ''), r.items]);
  matrix.push(['有此类别的单位数', ...s.categories.map((c) => s.coverage[c]!.units), s.rows.filter((r) => r.items > 0).length]);
  matrix.push(['事项合计', ...s.categories.map((c) => s.coverage[c]!.items), t.items]);
  return [
    `# ${escapeMarkdownLine(title)}`,
    '',
    escapeMarkdownLine(summaryHeadline(s)),
    '',
    '## 各文件',
    '',
    table(SUMMARY_COLUMNS, files, (i) => i >= 3 && i <= 6),
    '',
    ...domainSection(s),
    '## 各单位的事项类别',
    '',
    '每格为该单位该类别的事项数，空白表示没有这一类别。',
    '',
    table(headers, matrix, (i) => i > 0),
    '',
  ].join('\n');
}
