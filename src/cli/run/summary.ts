// zwgk summary: every catalog file of the given folders (every level) or files, read and checked (in worker
// threads when there are many), as the roll-up table for the office above; a progress line on a terminal.
// Exit codes as validate: 0 all pass, 1 some have errors, 2 some could not be read (each is still a row).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FOLDER_EXTENSIONS, summary, summaryHeadline, terminalJson, terminalText, ZwgkError, type Profile, type SummaryFormat } from '../../core/index.js';
import { nativePath } from '../../node/read-file.js';
import { catalogFilesUnder, summarizeFiles } from '../../node/summary-files.js';
import { EXIT } from '../exit.js';
import type { Context } from '../context.js';
import { usageError } from '../preflight.js';
import { emit, expandInputs, resolveFormat } from './shared.js';

export interface SummaryCommandOptions {
  output?: string;
  format: 'text' | 'json';
  title: string;
  profile: string;
  layout?: string;
}

/** The files the arguments stand for: a folder, every catalog file under it at any depth. */
async function inputsOf(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(nativePath(arg)).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = await catalogFilesUnder(arg, FOLDER_EXTENSIONS);
      if (!found.length) throw new ZwgkError('folder-empty', { file: arg }, { file: arg, exts: FOLDER_EXTENSIONS.join(' ') });
      files.push(...found);
    } else files.push(...(await expandInputs([arg])));
  }
  return [...new Set(files)];
}

/** Write or print the roll-up of the inputs; returns the exit code. */
export async function summaryCommand(ctx: Context, args: string[], opts: SummaryCommandOptions): Promise<number> {
  const format = opts.output !== undefined && opts.output !== '-' ? resolveFormat<SummaryFormat>(ctx, { output: opts.output }, ['xlsx', 'html', 'md', 'json']) : undefined;
  if (opts.output === '-') throw usageError(ctx.help, '汇总表请用 -o 指定文件名（.xlsx、.html、.md 或 .json），或不给 -o 在屏幕上列出');
  const files = await inputsOf(args);
  const tty = ctx.stderr.isTTY && !ctx.env.CI;
  let last = 0;
  const rows = await summarizeFiles(files, {
    profile: (opts.profile ?? 'auto') as Profile | 'auto',
    ...(opts.layout !== undefined ? { layout: opts.layout } : {}),
    onProgress: tty
      ? (done, total) => {
          const now = Date.now();
          if (now - last < 200 && done < total) return;
          last = now;
          ctx.stderr.write(`\r已读取 ${done}/${total} 个文件…`);
        }
      : undefined,
  });
  if (tty) ctx.stderr.write('\r\x1b[K');
  const result = await summary(rows, format ?? 'json', opts.title);
  if (format) await emit(ctx, opts.output!, result.data, files);
  else if (opts.format === 'json') ctx.stdout.write(terminalJson({ title: opts.title, ...result.summary }, 2) + '\n');
  else {
    for (const r of result.summary.rows) {
      const verdict = r.unreadable ? `无法读取：${r.unreadable}` : `${r.passed ? '通过' : '未通过'}（${r.layout} 版式，${r.items} 个事项；错误 ${r.errors}，警告 ${r.warnings}，提示 ${r.hints}）`;
      ctx.stdout.write(`${terminalText(r.unit)}  ${terminalText(path.normalize(r.file))}：${terminalText(verdict)}\n`);
    }
  }
  ctx.stderr.write(summaryHeadline(result.summary) + '\n');
  const t = result.summary.totals;
  return t.unreadable ? EXIT.usage : t.passed < t.files ? EXIT.findings : EXIT.ok;
}
