// The gap report as Markdown (GFM): summary, per category and item the findings with their cells,
// then missing and extra items. Every text from the sheet is escaped: no raw HTML, no table breakage.
import type { GapReport } from '../reports/gap.js';
import type { JsonDiagnostic } from '../reports/report.js';
import { blanksText, cellText, methodText, placeText, SEVERITY_WORD, sheetText, suggestion, summaryLines } from './gap-common.js';
import { fieldLabel } from '../settings/columns.js';
import { escapeMarkdownLine } from './escape.js';

/** Text for a GFM table cell, a heading or a list item: escape.ts's line escaping (no HTML, link, image, emphasis, heading or list marker). */
export function mdText(text: string): string {
  return escapeMarkdownLine(text);
}

function findingsTable(list: readonly JsonDiagnostic[], withSheet: boolean): string[] {
  const lines = [
    `| ${withSheet ? '位置' : '单元格'} | 字段 | 级别 | 问题 | 建议改为 |`,
    '| --- | --- | --- | --- | --- |',
  ];
  for (const d of list) {
    lines.push(
      `| ${mdText(withSheet ? placeText(d.location) : cellText(d.location))} | ${mdText(d.field ?? '')} | ${SEVERITY_WORD[d.severity]} | ${mdText(d.message)} | ${mdText(suggestion(d))} |`,
    );
  }
  return lines;
}

/** Render the gap report as Markdown. */
export function renderGapMarkdown(r: GapReport): string {
  const catLabel = fieldLabel(r.profile, 'category');
  const out: string[] = [];
  out.push(`# 政务公开事项目录差距报告：${mdText(r.title ?? r.file)}`, '');
  for (const l of summaryLines(r)) out.push(`- **${l.label}**：${mdText(l.value)}`);
  out.push('', `## 各${catLabel}概况`, '');
  out.push(`| ${catLabel} | 事项数 | 必填项齐全 | 空白的必填项（事项数） |`, '| --- | ---: | ---: | --- |');
  for (const s of r.summary) out.push(`| ${mdText(s.category)} | ${s.items} | ${s.complete} | ${mdText(blanksText(s.blanks))} |`);
  out.push(`| **合计** | ${r.items} | ${r.complete} |  |`, '');

  out.push('## 问题清单', '');
  if (r.findings.length === 0) out.push('没有发现问题。', '');
  if (r.general.length) {
    out.push('### 整体问题', '', ...findingsTable(r.general, true), '');
  }
  const withSheet = new Set(r.findings.map((d) => sheetText(d.location))).size > 1;
  for (const group of r.details) {
    const withFindings = group.items.filter((it) => it.findings.length > 0);
    if (withFindings.length === 0) continue;
    out.push(`### ${mdText(group.category)}`, '');
    for (const it of withFindings) {
      const where = placeText(it.at);
      out.push(`#### ${it.serial ? `${mdText(it.serial)}. ` : ''}${mdText(it.name || '（未填名称）')}${where ? `（${mdText(where)}）` : ''}`, '');
      if (it.blanks.length) out.push(`空白的必填项：${mdText(it.blanks.join('、'))}`, '');
      out.push(...findingsTable(it.findings, withSheet), '');
    }
  }

  if (r.coverage) {
    out.push('## 缺少的事项', '', `参考目录中有、本目录中没有的事项（${r.coverage.missing.length} 个）：`, '');
    if (r.coverage.missing.length) {
      out.push(`| ${catLabel} | ${fieldLabel(r.profile, 'name')} |`, '| --- | --- |');
      for (const m of r.coverage.missing) out.push(`| ${mdText(m.category)} | ${mdText(m.name)} |`);
    } else out.push('无。');
    out.push('', '## 多出的事项', '', `本目录中有、参考目录中没有的事项（${r.coverage.extra.length} 个）：`, '');
    if (r.coverage.extra.length) {
      out.push(`| ${catLabel} | ${fieldLabel(r.profile, 'name')} |`, '| --- | --- |');
      for (const m of r.coverage.extra) out.push(`| ${mdText(m.category)} | ${mdText(m.name)} |`);
    } else out.push('无。');
    const loose = r.coverage.matches.filter((m) => m.method !== 'exact');
    if (loose.length) {
      out.push('', '## 非完全一致的匹配', '', '| 本目录事项 | 参考目录事项 | 匹配方式 |', '| --- | --- | --- |');
      for (const m of loose) {
        out.push(`| ${mdText(`${m.category} / ${m.name}`)} | ${mdText(`${m.refCategory} / ${m.refName}`)} | ${mdText(methodText(m))} |`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}
