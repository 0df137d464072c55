// zwgk merge <files...> -o <out>: option declarations; the work is in ../run/merge.ts, loaded on use.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { outputOption } from '../options.js';

/** Register `merge`. */
export function registerMerge(program: Command, ctx: Context): Command {
  return program
    .command('merge')
    .description('合并同一版式的多个目录（如各科室报来的表）：事项按文件顺序排列，序号重排，记录来源，提示重复事项')
    .argument('<文件...>', '要合并的目录文件（.xlsx/.yaml 等），按给出的顺序排列事项')
    .addOption(outputOption('合并后的目录文件（.yaml、.yml 或 .xlsx）', true))
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const { mergeFiles } = await import('../run/merge.js');
      ctx.exitCode = await mergeFiles(ctx, files, cmd.optsWithGlobals() as never);
    });
}
