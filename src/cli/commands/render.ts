// zwgk render <file> [--to xlsx|html|md] [-o path]: option declarations for publishable Excel, web page or Markdown.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { choiceOption, outputOption, profileOption, sheetOption } from '../options.js';

/** Register `render`. */
export function registerRender(program: Command, ctx: Context): Command {
  return program
    .command('render')
    .description('把目录生成为 Excel（样表格式）、可发布的网页或 Markdown')
    .argument('<文件>', '目录文件（.xlsx/.yaml 等）')
    .addOption(choiceOption('--to <格式>', '输出格式；不给时按 -o 的扩展名', ['xlsx', 'html', 'md']))
    .addOption(outputOption('输出文件；html/md 可用 - 输出到标准输出（默认：与输入同名、换扩展名）'))
    .addOption(profileOption())
    .addOption(sheetOption())
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { renderFile } = await import('../run/render.js');
      ctx.exitCode = await renderFile(ctx, file, cmd.optsWithGlobals() as never);
    });
}
