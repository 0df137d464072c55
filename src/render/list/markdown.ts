// A list of another layout as GitHub-flavoured Markdown: the title, the 编制单位/日期 line, one pipe table
// (a section and table per group when the layout groups its items), the 注. A tick column is one column
// listing the options ticked; per-row columns list each row's value, numbered when an item has several.
// Every text is escaped (escape.ts): a CommonMark parser reads it as text, never as markup or table syntax.
import type { ListDoc, ListItem } from '../../model/list.js';
import type { LayoutColumn } from '../../layouts/types.js';
import { escapeMarkdownCell, escapeMarkdownLine, escapeMarkdownParagraph } from '../escape.js';
import { groupItems, listGroupName, listTitle, ticksText } from './columns.js';
import { otherSheetsMarkdown } from '../other-sheets.js';

/** One column of the Markdown table: a layout column (a tick column whole) or an extra one. */
type MdColumn = { column: LayoutColumn; label: string } | { extra: string; label: string };

function mdColumns(doc: ListDoc): MdColumn[] {
  return [...doc.layout.columns.map((column) => ({ column, label: column.label })), ...doc.extraColumns.map((extra) => ({ extra, label: extra }))];
}

/** A column's texts in one item: one, or one per row of a per-row column (numbered （1）（2）… when several). */
function cellTexts(item: ListItem, col: MdColumn): string[] {
  if ('extra' in col) return [item.extra[col.extra]?.text ?? ''];
  const c = col.column;
  if (c.kind === 'ticks') return [ticksText(item, c)];
  if (c.per === 'item') return [item.values[c.key]?.text ?? ''];
  const texts = item.rows.map((r) => r[c.key]?.text ?? '');
  return texts.length > 1 ? texts.map((t, i) => `（${i + 1}）${t}`) : texts;
}

/** Render a list of another layout as GFM Markdown: title, meta line, the table (per group when grouped), 注. */
export function renderListMarkdown(doc: ListDoc): string {
  const cols = mdColumns(doc);
  const out: string[] = [`# ${escapeMarkdownLine(listTitle(doc))}`, ''];
  const meta: string[] = [];
  if (doc.unit?.trim()) meta.push(`编制单位：${escapeMarkdownCell(doc.unit)}`);
  if (doc.date?.trim()) meta.push(`日期：${escapeMarkdownCell(doc.date)}`);
  meta.push(`共 ${doc.items.length} 项`);
  out.push(meta.join('　'), '');
  if (doc.preface?.trim()) out.push(escapeMarkdownParagraph(doc.preface), '');
  // A column without a header label in its source (无表头列N) is named by its key here: a table needs a header.
  const header = `| ${cols.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`;
  const rule = `|${cols.map(() => ' --- |').join('')}`;
  const table = (items: readonly ListItem[]): string[] => [
    header,
    rule,
    ...items.map((item) => `| ${cols.map((c) => cellTexts(item, c).map(escapeMarkdownCell).join('<br>')).join(' | ')} |`),
    '',
  ];
  if (doc.layout.group === undefined) out.push(...table(doc.items));
  else for (const g of groupItems(doc)) out.push(`## ${escapeMarkdownLine(listGroupName(g.name))} (${g.items.length}项)`, '', ...table(g.items));
  if (doc.note?.trim()) out.push(escapeMarkdownParagraph(doc.note), '');
  const others = otherSheetsMarkdown(doc.otherSheets, escapeMarkdownLine, escapeMarkdownCell);
  if (others.length) out.push(...others.slice(1), '');
  return out.join('\n');
}
