// The 审核意见 sheet put first in the reviewed workbook: a title, the summary line and the date, a legend
// of the fills, then one row per finding — its place as a link that jumps to the cell, the severity, the
// message and the fix — printable on A4 landscape with the header row repeated on every page. Written as
// SpreadsheetML directly (inline strings only: nothing a sheet holds can become a formula here).
import type { Severity } from '../findings/severity.js';
import { severityLabel } from '../findings/severity.js';
import { xlsxText } from '../render/xlsx/text.js';
import { rowHeight, PAGE_MARGINS } from '../render/xlsx/print.js';
import type { ListLook, StylePatch } from './styles.js';

/** The list sheet's name. */
export const LIST_SHEET = '审核意见';
/** The header row (1-based), repeated on every printed page. */
export const LIST_HEADER_ROW = 5;

/** One row of the list: a finding, or (with --since) one of the last round's that is now corrected. */
export interface ListRow {
  /** Where, in words (目录!B3, or the file when the finding has no cell). */
  place: string;
  /** The cell the place links to, when the workbook has it. */
  link?: { sheet: string; cell: string };
  severity: Severity;
  message: string;
  fix: string;
  /** With --since: 新问题, 仍未改正 or 已改正. */
  status?: string;
}

/** What the list sheet says above its rows. */
export interface ListHead {
  title: string;
  summary: string;
  date: string;
  /** With --since: the comparison in one line. */
  since?: string;
}

function esc(s: string): string {
  return xlsxText(s).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A sheet name quoted for a reference ('目录'!B3; a quote in the name doubled). */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

const COLS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** The list sheet's XML and the print-title reference for workbook.xml's defined names. */
export function listSheetXml(head: ListHead, rows: readonly ListRow[], styles: StylePatch): string {
  const withStatus = rows.some((r) => r.status !== undefined);
  const headers = ['序号', '位置', '级别', '问题', '修改建议', ...(withStatus ? ['与上轮相比'] : [])];
  const widths = [6, 18, 7, 64, 40, ...(withStatus ? [12] : [])];
  const last = COLS[headers.length - 1]!;
  const cell = (ref: string, text: string, look: ListLook) => `<c r="${ref}" s="${styles.look(look)}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
  const out: string[] = [];
  const row = (r: number, cells: string, ht: number) => out.push(`<row r="${r}" ht="${ht}" customHeight="1">${cells}</row>`);
  row(1, cell('A1', head.title, 'title'), 28);
  const total = widths.reduce((a, b) => a + b, 0);
  const line2 = `${head.summary}　审核日期：${head.date}`;
  row(2, cell('A2', line2, 'body'), rowHeight([line2], [total]));
  const since = head.since ?? '';
  row(3, since ? cell('A3', since, 'body') : '', since ? rowHeight([since], [total]) : 16);
  const legend = [cell('A4', '底色', 'body'), cell('B4', '错误：必须改正', 'legend-error'), cell('C4', '警告', 'legend-warning'), cell('D4', '提示（可不改）；有底色的单元格带批注，鼠标移到单元格上可查看', 'legend-info')];
  row(4, legend.join(''), 20);
  row(LIST_HEADER_ROW, headers.map((h, i) => cell(`${COLS[i]}${LIST_HEADER_ROW}`, h, 'header')).join(''), 20);
  const links: string[] = [];
  rows.forEach((f, i) => {
    const r = LIST_HEADER_ROW + 1 + i;
    const texts = [String(i + 1), f.place, severityLabel(f.severity), f.message, f.fix, ...(withStatus ? [f.status ?? ''] : [])];
    const cells = texts.map((t, k) => cell(`${COLS[k]}${r}`, t, k === 1 && f.link ? 'link' : k === 2 ? (`legend-${f.severity}` as ListLook) : 'body'));
    row(r, cells.join(''), rowHeight(texts, widths));
    if (f.link) links.push(`<hyperlink ref="B${r}" location="${esc(sheetRef(f.link.sheet, f.link.cell))}" display="${esc(f.place)}"/>`);
  });
  if (!rows.length) row(LIST_HEADER_ROW + 1, cell(`A${LIST_HEADER_ROW + 1}`, '没有发现问题。', 'body'), 20);
  const lastRow = LIST_HEADER_ROW + Math.max(1, rows.length);
  const m = PAGE_MARGINS;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="${LIST_HEADER_ROW}" topLeftCell="A${LIST_HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${out.join('')}</sheetData>` +
    `<mergeCells count="${since ? 3 : 2}"><mergeCell ref="A1:${last}1"/><mergeCell ref="A2:${last}2"/>${since ? `<mergeCell ref="A3:${last}3"/>` : ''}</mergeCells>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddFooter>${esc('&C第 &P 页，共 &N 页')}</oddFooter></headerFooter>` +
    '</worksheet>'
  );
}
