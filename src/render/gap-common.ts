// What the gap renderers share: location and severity words, the report's ordered sections.
import { tableCellText, tableName, type SourceRef } from '../findings/location.js';
import type { Severity } from '../findings/severity.js';
import type { GapReport } from '../reports/gap.js';
import type { JsonDiagnostic } from '../reports/report.js';

export const SEVERITY_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The cell of a location as a clerk looks for it: C5, 第 7 行 第 9 列 (a table), or 第 12 行 (YAML). */
export function cellText(at: SourceRef): string {
  if (at.cell) return at.cell;
  if (at.table !== undefined) return tableCellText(at);
  if (at.line !== undefined) return `第 ${at.line} 行`;
  if (at.row !== undefined) return `第 ${at.row} 行`;
  return '';
}

/** The sheet (or table) of a location: 目录, 第 2 个表格; '' for YAML. */
export function sheetText(at: SourceRef): string {
  return at.sheet ?? (at.table !== undefined ? tableName(at.table) : '');
}

/** Sheet and cell together: 目录!C5, 第 2 个表格 第 7 行 第 9 列, or 第 12 行. */
export function placeText(at: SourceRef): string {
  const cell = cellText(at);
  if (at.table !== undefined) return `${tableName(at.table)} ${cell}`;
  return at.sheet && at.cell ? `${at.sheet}!${cell}` : cell;
}

/** The suggested replacement of a finding, when it has one. */
export function suggestion(d: JsonDiagnostic): string {
  return d.fix ? d.fix.to : '';
}

/** Layout name for headings. */
export function profileText(profile: string): string {
  return profile === '2019' ? '2019 标准目录版式' : '2017 样表版式';
}

/** The lines of the report's opening summary, shared by Markdown and HTML. */
export function summaryLines(r: GapReport): { label: string; value: string }[] {
  const lines = [
    { label: '文件', value: r.file },
    { label: '版式', value: profileText(r.profile) },
    { label: '事项', value: `${r.items} 个，其中必填项齐全 ${r.complete} 个，有空白 ${r.items - r.complete} 个` },
    { label: '问题', value: `错误 ${r.counts.error} 个，警告 ${r.counts.warning} 个，提示 ${r.counts.info} 个` },
  ];
  if (r.coverage) {
    lines.push({
      label: '参考目录覆盖',
      value: `参考目录 ${r.reference ?? ''} 共 ${r.coverage.reference} 个事项，已覆盖 ${r.coverage.matched} 个，缺少 ${r.coverage.missing.length} 个，多出 ${r.coverage.extra.length} 个`,
    });
  }
  return lines;
}

/** Blank columns of a category as text: 公开依据 2、公开层级 1 (or 无). */
export function blanksText(blanks: Record<string, number>): string {
  const parts = Object.entries(blanks).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join('、') : '无';
}

/** How a coverage match was made, in words. */
export function methodText(m: { method: string; score: number; sameCategory: boolean }): string {
  const how = m.method === 'exact' ? '完全一致' : m.method === 'normalised' ? '忽略空格、括号等后一致' : `相似度 ${m.score.toFixed(2)}`;
  return m.sameCategory ? how : `${how}（类别不同）`;
}
