// zwgk app [-o file.html]: option declarations; the work is in ../run/app.ts.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { outputOption } from '../options.js';

/** The file `app` writes when no -o is given (in the current folder). */
import { DEFAULT_APP_OUTPUT } from '../defaults.js';

/** Register `app`. */
export function registerApp(program: Command, ctx: Context): Command {
  return program
    .command('app')
    .description('生成离线网页版工具：一个 HTML 文件，用浏览器打开即可校验、修正、生成网页和 Excel，不需要安装任何软件，文件不会上传')
    .addOption(outputOption(`输出文件（默认：${DEFAULT_APP_OUTPUT}）`))
    .option('--force', '输出文件已存在时覆盖它')
    .action(async (_opts: unknown, cmd: Command) => {
      const { appFile } = await import('../run/app.js');
      ctx.exitCode = await appFile(ctx, cmd.optsWithGlobals() as never);
    });
}
