// zwgk review: check a 科室's file and write it back with the office's 审核意见 (comments, fills, a list
// sheet); with --since, against the last round. Exit codes as validate: 0, 1 with errors, 2 unreadable.
import path from 'node:path';
import { checkCatalog, countBySeverity, review, summaryLine, terminalText, type Checked } from '../../core/index.js';
import { readInputFile } from '../../node/read-file.js';
import { EXIT } from '../exit.js';
import type { Context } from '../context.js';
import { usageError } from '../preflight.js';
import { defaultOutput, emit, loadCatalog } from './shared.js';

export interface ReviewCommandOptions {
  output?: string;
  since?: string;
  profile: string;
  sheet?: string;
}

/** Today's date on this computer, as the 审核意见 sheet prints it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Write the reviewed copy of one file; returns the exit code. */
export async function reviewCommand(ctx: Context, file: string, opts: ReviewCommandOptions): Promise<number> {
  const output = opts.output ?? defaultOutput(file, 'xlsx', '（审核意见）');
  if (path.extname(output).toLowerCase() !== '.xlsx') {
    throw usageError(ctx.help, `审核意见写成 Excel 工作簿，请用 -o 指定 .xlsx 文件名（现在是“${output}”）`, file);
  }
  const bytes = await readInputFile(file);
  const checked = checkCatalog(await loadCatalog(ctx, file, opts, bytes), file);
  let since: Checked | undefined;
  if (opts.since !== undefined) {
    // The last round is read as it was then: its own layout, every sheet (the list sheet is set aside by review).
    since = checkCatalog(await loadCatalog(ctx, opts.since, { profile: opts.profile }), opts.since);
  }
  const result = await review(bytes, checked, { date: today(), ...(since ? { since } : {}) });
  await emit(ctx, output, result.data, [file, ...(opts.since ? [opts.since] : [])]);
  const lines = [summaryLine({ ...checked.result, findings: result.findings })];
  if (result.since && opts.since) {
    const open = result.since.status.filter((s) => s === 'open').length;
    lines.push(`与上轮（${terminalText(opts.since)}）相比：已改正 ${result.since.corrected.length} 个，仍未改正 ${open} 个，新问题 ${result.since.status.length - open} 个`);
  }
  ctx.stderr.write(lines.join('\n') + '\n');
  return countBySeverity(result.findings).error > 0 ? EXIT.findings : EXIT.ok;
}
