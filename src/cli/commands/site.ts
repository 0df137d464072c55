// zwgk site <files or folders...> -o <folder>: option declarations; the work is in ../run/site.ts.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { outputOption } from '../options.js';

/** Register `site`. */
export function registerSite(program: Command, ctx: Context): Command {
  return program
    .command('site')
    .description('把本单位的多个目录生成为一个静态网站：首页列出全部目录并可跨目录搜索事项，每个目录一个网页')
    .argument('<文件...>', '目录文件（.xlsx/.yaml 等）；也可以是文件夹（其中所有目录文件）或 *.xlsx 这样的通配符')
    .addOption(outputOption('输出文件夹（写入 index.html 和每个目录的网页；文件夹中已有的其他文件保留，不是 zwgk 生成的同名文件不会被覆盖）', true))
    .option('--title <标题>', '网站首页的标题（默认：各目录的编制单位相同时为“<单位>政务公开事项目录”）')
    .option('--force', '输出文件夹中的同名文件不是 zwgk 生成的时也覆盖它们')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const { siteFiles } = await import('../run/site.js');
      ctx.exitCode = await siteFiles(ctx, files, cmd.optsWithGlobals() as never);
    });
}
