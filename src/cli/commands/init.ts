// zwgk init [-o path] [--profile 2017|2019] [--force]: option declarations; the work is in ../run/init.ts.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { choiceOption, outputOption } from '../options.js';

/** The file `init` writes when no -o is given (in the current folder). */
import { DEFAULT_INIT_OUTPUT } from '../defaults.js';

/** Register `init`. */
export function registerInit(program: Command, ctx: Context): Command {
  return program
    .command('init')
    .description('生成空白目录：带下拉选项的 Excel 模板（.xlsx），或带中文注释和示例事项的 YAML 骨架（.yaml）')
    .addOption(outputOption(`输出文件（.xlsx、.yaml 或 .yml；默认：${DEFAULT_INIT_OUTPUT}）`))
    .addOption(choiceOption('--profile <版式>', '表格版式：2017 样表，2019 标准目录', ['2017', '2019'], '2017'))
    .option('--force', '输出文件已存在时覆盖它')
    .action(async (_opts: unknown, cmd: Command) => {
      const { initFile } = await import('../run/init.js');
      ctx.exitCode = await initFile(ctx, cmd.optsWithGlobals() as never);
    });
}
