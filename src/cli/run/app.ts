// zwgk app: write the offline app (built into dist/app by `npm run build`) where the clerk wants it.
import { readFile, stat } from 'node:fs/promises';
import { ZwgkError } from '../../core/text.js';
import { DEFAULT_APP_OUTPUT } from '../defaults.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit.js';
import { emit } from './shared.js';

export interface AppOptions {
  output?: string;
  force?: boolean;
}

/** dist/app/zwgk-app.html from src/cli/run (tests) and dist/cli/run (the installed CLI) alike. */
const BUILT = new URL('../../../dist/app/zwgk-app.html', import.meta.url);

/** Write the app's HTML file; returns the exit code. */
export async function appFile(ctx: Context, opts: AppOptions): Promise<number> {
  const output = opts.output ?? DEFAULT_APP_OUTPUT;
  if (output !== '-' && !opts.force && (await stat(output).then(() => true, () => false))) {
    throw new ZwgkError('output-exists', { file: output }, { output });
  }
  let html: string;
  try {
    html = await readFile(BUILT, 'utf8');
  } catch (cause) {
    throw new ZwgkError('internal-error', { file: output }, { file: output, detail: '网页版工具尚未构建，请在 zwgk 目录运行 npm run build' }, { cause });
  }
  await emit(ctx, output, html, []);
  if (output !== '-') ctx.stderr.write('用 Chrome、Edge、360 等浏览器打开这个文件即可使用；它不联网，可以通过邮件、内网或 U 盘分发给各科室。\n');
  return EXIT.ok;
}
