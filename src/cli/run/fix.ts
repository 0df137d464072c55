// zwgk fix: validate, apply the findings' safe fixes to a copy, list every change.
import path from 'node:path';
import { fixFile, formatChange } from '../../fix/index.js';
import { validateCatalog } from '../../validate/index.js';
import type { Context } from '../context.js';
import { emit, loadCatalog } from './shared.js';
import { usageError } from '../preflight.js';
import { reportErrors } from './render.js';

export interface FixOptions {
  output: string;
  profile: string;
  sheet?: string;
}

const KIND: Record<string, string> = { '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.yaml': 'yaml', '.yml': 'yaml' };

/** Write the fixed copy of one catalog; returns the exit code (1 when errors remain). */
export async function fixCommand(ctx: Context, file: string, opts: FixOptions): Promise<number> {
  const inKind = KIND[path.extname(file).toLowerCase()];
  const outKind = opts.output === '-' ? 'yaml' : KIND[path.extname(opts.output).toLowerCase()];
  if (path.extname(opts.output).toLowerCase() === '.xlsm') {
    // exceljs does not carry VBA over: an .xlsm copy without its macros would not open as .xlsm.
    throw usageError(ctx.help, 'fix 不能写出 .xlsm（宏不会保留）；请用 -o 指定 .xlsx 文件名', file);
  }
  if (inKind && outKind !== inKind) {
    throw usageError(ctx.help, `fix 的输出应与输入同一格式（${inKind === 'xlsx' ? '.xlsx' : '.yaml'}）；要转换格式请用 zwgk convert`, file);
  }
  const catalog = await loadCatalog(ctx, file, opts);
  const findings = validateCatalog(catalog);
  const result = await fixFile(file, findings, catalog);
  await emit(ctx, opts.output, result.data, [file]);
  const lines: string[] = [];
  const all = [...result.headerChanges, ...result.changes];
  if (all.length === 0) lines.push('没有可以自动修正的问题，已原样写出副本。');
  else {
    lines.push(`已修正 ${all.length} 处：`);
    for (const c of all) lines.push(`  ${formatChange(c)}`);
  }
  if (result.skipped.length) {
    lines.push(`未能修正 ${result.skipped.length} 处（请手工修改）：`);
    for (const s of result.skipped) lines.push(`  ${formatChange(s)}：${s.reason}`);
  }
  ctx.stderr.write(lines.join('\n') + '\n');
  return reportErrors(ctx, file, findings);
}
