// zwgk summary <folders or files...> [-o output]: option declarations; the work is in ../run/summary.ts, loaded on use.
import { Option, type Command } from 'commander';
import type { Context } from '../context.js';
import { choiceOption, outputOption, profileOption } from '../options.js';

/** Register `summary`. */
export function registerSummary(program: Command, ctx: Context): Command {
  return program
    .command('summary')
    .description('汇总各单位的目录：每个文件一行（单位、版式、事项数、错误、警告、提示、是否通过、最后修改），以及各单位×事项类别的覆盖情况')
    .argument('<文件或文件夹...>', '目录文件，或存放各单位目录的文件夹（含各级子文件夹）')
    .addOption(outputOption('汇总表（.xlsx、.html、.md 或 .json，按扩展名；不给时在屏幕上列出）'))
    .addOption(choiceOption('--format <格式>', '不写文件时在屏幕上的格式', ['text', 'json'], 'text'))
    .addOption(new Option('--title <标题>', '汇总表的标题').default('政务公开事项目录汇总'))
    .addOption(profileOption())
    .action(async (inputs: string[], _opts: unknown, cmd: Command) => {
      const { summaryCommand } = await import('../run/summary.js');
      ctx.exitCode = await summaryCommand(ctx, inputs, cmd.optsWithGlobals() as never);
    });
}
