// The catalog as GitHub-flavoured Markdown: a heading per category with its item count and one table
// per category. Every text is escaped (escape.ts) so that no sheet text turns into HTML, a link, an
// image, a heading, a list, a quote, a rule or table syntax: a CommonMark parser reads it as text.
import type { Catalog, Item } from '../model/types.js';
import { catalogTitle, noteText, displayColumns, displayValue, groupByCategory, groupName, type DisplayColumn } from '../model/display.js';
import { escapeMarkdownCell, escapeMarkdownLine, escapeMarkdownParagraph } from './escape.js';
import { otherSheetsMarkdown } from './other-sheets.js';

/** The per-pair texts of a column; numbered （1）（2）… when an item has several, so each 公开内容
 * can be matched with its 公开标准 across the two cells. */
function pairTexts(item: Item, col: DisplayColumn): string[] {
  const texts = item.pairs.map((p) => (col.key === 'content' ? p.content.text : (p.standard?.text ?? '')));
  return texts.length > 1 ? texts.map((t, i) => `（${i + 1}）${t}`) : texts;
}

function cellText(catalog: Catalog, item: Item, col: DisplayColumn): string {
  const parts = col.perPair ? pairTexts(item, col) : ([] as string[]).concat(displayValue(catalog, item, col));
  return parts.map(escapeMarkdownCell).join('<br>');
}

/** Render a catalog as GFM Markdown: title, a `## 类别 (N项)` section and table per category. */
export function renderMarkdown(catalog: Catalog): string {
  return [...markdownParts(catalog)].join('');
}

/** The Markdown in pieces, one category's table at a time, each made as it is taken (written piece by
 * piece, a 100 000-item catalog's Markdown is never held whole). */
export function* markdownParts(catalog: Catalog): Generator<string> {
  const cols = displayColumns(catalog);
  let out: string[] = [`# ${escapeMarkdownLine(catalogTitle(catalog))}`, ''];
  // Lines are joined by line breaks across pieces too: each piece after the first begins with one.
  let first = true;
  const flush = (): string => {
    const piece = (first ? '' : '\n') + out.join('\n');
    first = false;
    out = [];
    return piece;
  };
  const meta: string[] = [];
  if (catalog.unit?.trim()) meta.push(`编制单位：${escapeMarkdownCell(catalog.unit)}`);
  if (catalog.date?.trim()) meta.push(`日期：${escapeMarkdownCell(catalog.date)}`);
  meta.push(`共 ${catalog.items.length} 项`);
  out.push(meta.join('　'), '');
  if (catalog.preface?.trim()) out.push(escapeMarkdownParagraph(catalog.preface), '');
  const header = `| ${cols.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`;
  const rule = `|${cols.map(() => ' --- |').join('')}`;
  for (const group of groupByCategory(catalog.items)) {
    // One 公开事项 column and no 一级事项: one table, under no heading.
    if (catalog.ungrouped) out.push(header, rule);
    else out.push(`## ${escapeMarkdownLine(groupName(group.name))} (${group.items.length}项)`, '', header, rule);
    for (const item of group.items) out.push(`| ${cols.map((c) => cellText(catalog, item, c)).join(' | ')} |`);
    out.push('');
    yield flush();
  }
  const note = noteText(catalog);
  if (note) out.push(escapeMarkdownParagraph(note), '');
  const others = otherSheetsMarkdown(catalog.otherSheets, escapeMarkdownLine, escapeMarkdownCell);
  if (others.length) out.push(...others.slice(1), '');
  if (out.length) yield flush();
}
