// zwgk fix <input> -o <output>: option declarations; the work is in ../run/fix.ts, loaded on use.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { outputOption, profileOption, sheetOption } from '../options.js';

/** Register `fix`. */
export function registerFix(program: Command, ctx: Context): Command {
  return program
    .command('fix')
    .description('写出修正后的副本：文号括号改为〔〕、去掉文号中的空格和重复的“号”、去掉单元格首尾空格；原文件不变')
    .argument('<输入>', '目录文件（.xlsx/.yaml；网页、Word 文档等不会被改写，修正后的目录写成 .xlsx 或 .yaml）')
    .addOption(outputOption('修正后的副本（.xlsx/.yaml 与输入同一格式，网页和 Word 文档为 .xlsx 或 .yaml；YAML 可用 - 输出到标准输出）', true))
    .addOption(profileOption())
    .addOption(sheetOption())
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { fixCommand } = await import('../run/fix.js');
      ctx.exitCode = await fixCommand(ctx, file, cmd.optsWithGlobals() as never);
    });
}
