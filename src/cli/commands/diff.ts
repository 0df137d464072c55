// zwgk diff <old> <new> [--to md|html|json] [-o path]: option declarations; the work is in ../run/diff.ts.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { choiceOption, outputOption } from '../options.js';

/** Register `diff`. */
export function registerDiff(program: Command, ctx: Context): Command {
  return program
    .command('diff')
    .description('比较同一目录的新旧两版，列出新增、删除和修改的事项（动态调整情况说明）')
    .argument('<旧文件>', '调整前的目录（.xlsx/.yaml 等）')
    .argument('<新文件>', '调整后的目录')
    .addOption(choiceOption('--to <格式>', '输出格式；不给时按 -o 的扩展名，否则为 md', ['md', 'html', 'json']))
    .addOption(outputOption('输出文件（默认：输出到标准输出）'))
    .action(async (oldFile: string, newFile: string, _opts: unknown, cmd: Command) => {
      const { diffFiles } = await import('../run/diff.js');
      ctx.exitCode = await diffFiles(ctx, oldFile, newFile, cmd.optsWithGlobals() as never);
    });
}
