// zwgk validate <files...>: option declarations; the work is in ../run/validate.ts, loaded on use.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { choiceOption, profileOption, sheetOption } from '../options.js';

/** Register `validate`. */
export function registerValidate(program: Command, ctx: Context): Command {
  return program
    .command('validate')
    .description('校验一个或多个目录文件（.xlsx/.yaml 等），列出问题及所在单元格或行')
    .argument('<文件...>', '要校验的目录文件；也可以是文件夹（校验其中所有 .xlsx/.yaml 等文件）或 科室*.xlsx 这样的通配符')
    .addOption(choiceOption('--format <格式>', '报告格式', ['text', 'json'], 'text'))
    .addOption(profileOption())
    .addOption(sheetOption())
    .addHelpText('after', '\n几个较大的文件（合计 4 MB 以上）或 24 个以上的文件同时用多个 CPU 核心校验，报告与逐个校验相同；\n设置环境变量 ZWGK_THREADS=1 则一次只读一个文件（内存较小的电脑）。')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const { validateFiles } = await import('../run/validate.js');
      ctx.exitCode = await validateFiles(ctx, files, cmd.optsWithGlobals() as never);
    });
}
