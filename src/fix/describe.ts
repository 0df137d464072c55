// What a fix did, in the lines `zwgk fix` prints and the app shows: each change, each fix not made and
// why, and what the corrected copy still has when read back.
import { countBySeverity, formatFindingLine, terminalText } from '../reports/report.js';
import { describeAt } from '../findings/location.js';
import type { Finding } from '../findings/finding.js';
import type { FixChange, FixSkip } from './apply.js';

/** One change as a line for the terminal: 工作表“目录”C5 单元格（依据）：“…” → “…”. */
export function formatChange(c: FixChange): string {
  const where = c.location.cell || c.location.table !== undefined ? describeAt(c.location) : `第 ${c.location.line} 行`;
  // Cell texts, sheet names and fields as a terminal may show them (control characters escaped).
  return terminalText(`${where}${c.field ? `（${c.field}）` : ''}：“${c.from}” → “${c.to}”`);
}

/** What a fix did, as the lines `zwgk fix` prints (and the app shows): every change, what was skipped, and what the copy still has. */
export function describeFix(result: { changes: readonly FixChange[]; skipped: readonly FixSkip[]; remaining?: readonly Finding[]; rewritten?: boolean }): string[] {
  const lines: string[] = [];
  if (result.changes.length === 0) lines.push(result.rewritten ? '没有可以自动修正的问题。' : '没有可以自动修正的问题，已原样写出副本。');
  else {
    lines.push(`已修正 ${result.changes.length} 处：`);
    for (const c of result.changes) lines.push(`  ${formatChange(c)}`);
  }
  if (result.skipped.length) {
    lines.push(`未能修正 ${result.skipped.length} 处（请手工修改）：`);
    for (const s of result.skipped) lines.push(`  ${formatChange(s)}：${terminalText(s.reason)}`);
  }
  if (result.remaining) lines.push(...describeRemaining(result.remaining));
  return lines;
}

/** What the corrected copy still has, read back and validated: 修正后仍有 N 个问题, then one line per finding. */
export function describeRemaining(remaining: readonly Finding[]): string[] {
  if (remaining.length === 0) return ['修正后的副本经重新校验，没有发现问题。'];
  const n = countBySeverity(remaining);
  const lines = [`修正后仍有 ${remaining.length} 个问题（错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}）：`];
  for (const f of remaining) lines.push(`  ${formatFindingLine(f)}`);
  return lines;
}
