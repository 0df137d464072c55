// zwgk gap <file> [--against ref] [--to md|html|json|xlsx] [-o path]: option declarations; the work is in
// ../run/gap.ts, loaded on use.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { choiceOption, outputOption, profileOption, sheetOption } from '../options.js';

/** Register `gap`. */
export function registerGap(program: Command, ctx: Context): Command {
  return program
    .command('gap')
    .description('差距报告：各类别的完整情况、每个问题所在单元格，以及对照参考目录缺少和多出的事项')
    .argument('<文件>', '目录文件（.xlsx/.yaml 等）')
    .option('--against <参考目录>', '对照的参考目录（如上级主管部门的标准目录），列出缺少和多出的事项')
    .addOption(choiceOption('--to <格式>', '报告格式；不给时按 -o 的扩展名，没有 -o 时为 md', ['md', 'html', 'json', 'xlsx']))
    .addOption(outputOption('输出文件；- 为标准输出（默认：md/json 输出到标准输出，html/xlsx 写在输入文件旁边）'))
    .addOption(profileOption())
    .addOption(sheetOption())
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { gapFile } = await import('../run/gap.js');
      ctx.exitCode = await gapFile(ctx, file, cmd.optsWithGlobals() as never);
    });
}
