// zwgk convert <in> -o <out>: option declarations for .xlsx ⇄ .yaml/.yml, chosen by the output's extension.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { outputOption, profileOption, sheetOption } from '../options.js';

/** Register `convert`. */
export function registerConvert(program: Command, ctx: Context): Command {
  return program
    .command('convert')
    .description('在 Excel（.xlsx）与 YAML（.yaml/.yml）之间转换目录，按输出文件扩展名决定格式')
    .argument('<输入>', '目录文件')
    .addOption(outputOption('输出文件（.xlsx、.yaml 或 .yml；- 表示把 YAML 输出到标准输出）', true))
    .addOption(profileOption())
    .addOption(sheetOption())
    .action(async (input: string, _opts: unknown, cmd: Command) => {
      const { convertFile } = await import('../run/convert.js');
      ctx.exitCode = await convertFile(ctx, input, cmd.optsWithGlobals() as never);
    });
}
