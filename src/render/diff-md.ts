// The diff as a Markdown change log (动态调整情况说明) a clerk can attach to a report: counts, then
// 新增 / 删除 / 修改 sections. Every text from a sheet is escaped.
import type { DiffReport } from '../reports/diff.js';
import { fieldLabel, type Profile } from '../settings/columns.js';
import { escapeMarkdownCell, escapeMarkdownLine } from './escape.js';

/** Title of the change log (Markdown and HTML). */
export const DIFF_TITLE = '动态调整情况说明';

/** The summary sentence shared by the Markdown and HTML change logs. */
export function diffSummary(d: DiffReport): string {
  return `新增 ${d.added.length} 项，删除 ${d.removed.length} 项，修改 ${d.changed.length} 项，未变 ${d.unchanged} 项。`;
}

/** Render a diff as GFM Markdown. */
export function renderDiffMarkdown(d: DiffReport): string {
  const cat = (d.labels?.category ?? fieldLabel(d.profile as Profile, 'category'));
  const name = (d.labels?.name ?? fieldLabel(d.profile as Profile, 'name'));
  const cell = escapeMarkdownCell;
  const out: string[] = [`# ${DIFF_TITLE}`, ''];
  out.push(`- 原目录：${cell(d.oldFile)}（${d.oldItems} 个事项）`);
  out.push(`- 新目录：${cell(d.newFile)}（${d.newItems} 个事项）`);
  // A list grouped by no column is matched by its name alone.
  const grouped = cat !== '';
  out.push(`- 版式：${d.profile}；事项按“${grouped ? `${cat} + ` : ''}${name}”对应，序号变化不计为修改`, '');
  out.push(diffSummary(d), '');

  const list = (heading: string, entries: { category: string; name: string }[]) => {
    out.push(`## ${heading}（${entries.length} 项）`, '');
    if (!entries.length) {
      out.push('无。', '');
      return;
    }
    if (grouped) {
      out.push(`| 序号 | ${cat} | ${name} |`, '| --- | --- | --- |');
      entries.forEach((e, i) => out.push(`| ${i + 1} | ${cell(e.category)} | ${cell(e.name)} |`));
    } else {
      out.push(`| 序号 | ${name} |`, '| --- | --- |');
      entries.forEach((e, i) => out.push(`| ${i + 1} | ${cell(e.name)} |`));
    }
    out.push('');
  };
  list('一、新增事项', d.added);
  list('二、删除事项', d.removed);

  out.push(`## 三、修改事项（${d.changed.length} 项）`, '');
  if (!d.changed.length) out.push('无。', '');
  d.changed.forEach((c, i) => {
    out.push(`### ${i + 1}. ${grouped ? `${escapeMarkdownLine(c.category)} / ` : ''}${cell(c.name)}`, '');
    out.push('| 字段 | 修改前 | 修改后 |', '| --- | --- | --- |');
    for (const f of c.fields) out.push(`| ${cell(f.field)} | ${cell(f.before) || '（空）'} | ${cell(f.after) || '（空）'} |`);
    out.push('');
  });
  return out.join('\n');
}
