// A list of another layout → GitHub-flavoured Markdown: title, 编制单位/日期, one table (a √ group as the
// options ticked, per-row values on lines of their cell), the 注.
import { formatMetaLine } from '../../settings/texts.js';
import type { ListDoc, ListItem } from '../../model/list.js';
import { escapeMarkdownCell, escapeMarkdownLine } from '../escape.js';

function cell(doc: ListDoc, item: ListItem, key: string): string {
  const c = doc.layout.columns.find((x) => x.key === key)!;
  if (c.kind === 'ticks') return (item.ticks[key]?.values ?? []).map((v) => (v.mark !== undefined ? `${v.text}（${v.mark}）` : v.text)).join('、');
  if (c.per === 'row') return item.rows.map((r) => r[key]?.text ?? '').join('\n');
  return item.values[key]?.text ?? '';
}

/** Render a list as Markdown. */
export function renderListMarkdown(doc: ListDoc): string {
  const out = [`# ${escapeMarkdownLine(doc.title?.trim() ? doc.title : doc.layout.print.title)}`, ''];
  const meta = formatMetaLine(doc.unit, doc.date);
  if (meta) out.push(escapeMarkdownLine(meta), '');
  const labels = [...doc.layout.columns.map((c) => c.label), ...doc.extraColumns];
  out.push(`| ${labels.map(escapeMarkdownCell).join(' | ')} |`, `|${labels.map(() => '---').join('|')}|`);
  for (const item of doc.items) {
    const values = [...doc.layout.columns.map((c) => cell(doc, item, c.key)), ...doc.extraColumns.map((e) => item.extra[e]?.text ?? '')];
    out.push(`| ${values.map(escapeMarkdownCell).join(' | ')} |`);
  }
  out.push('');
  if (doc.note?.trim()) out.push(`注：${escapeMarkdownLine(doc.note)}`, '');
  return out.join('\n');
}
