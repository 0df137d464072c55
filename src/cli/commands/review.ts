// zwgk review <input> [-o output] [--since last-round]: option declarations; the work is in ../run/review.ts, loaded on use.
import { Option, type Command } from 'commander';
import type { Context } from '../context.js';
import { outputOption, profileOption, sheetOption } from '../options.js';

/** Register `review`. */
export function registerReview(program: Command, ctx: Context): Command {
  return program
    .command('review')
    .description('写出带审核意见的工作簿：科室的原表原样保留，每个问题作为批注写在所在单元格并按级别加底色，第一张工作表“审核意见”列出全部问题；原文件不变')
    .argument('<输入>', '科室报来的目录文件（.xlsx 原表批注；.yaml、网页、Word 文档等写成样表格式的工作簿后批注）')
    .addOption(outputOption('带审核意见的工作簿（.xlsx，默认为输入文件名加“（审核意见）”）'))
    .addOption(new Option('--since <上轮文件>', '上一轮的审核意见工作簿或旧版目录：逐条标明已改正、仍未改正和新问题'))
    .addOption(profileOption())
    .addOption(sheetOption())
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { reviewCommand } = await import('../run/review.js');
      ctx.exitCode = await reviewCommand(ctx, file, cmd.optsWithGlobals() as never);
    });
}
