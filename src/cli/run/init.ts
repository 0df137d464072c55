// zwgk init: write an empty Excel template or a commented YAML skeleton, never over an existing file
// unless --force.
import path from 'node:path';
import { ZwgkError, skeleton, template, terminalText, type Profile } from '../../core/index.js';
import { exists } from '../../node/write.js';
import { DEFAULT_INIT_OUTPUT } from '../defaults.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit.js';
import { emit } from './shared.js';
import { usageError } from '../preflight.js';

export interface InitOptions {
  output?: string;
  profile: Profile;
  force?: boolean;
}

/** Write the template or skeleton; returns the exit code. */
export async function initFile(ctx: Context, opts: InitOptions): Promise<number> {
  const output = opts.output ?? DEFAULT_INIT_OUTPUT;
  const ext = output === '-' ? '.yaml' : path.extname(output).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.yaml' && ext !== '.yml') {
    throw usageError(ctx.help, `init 只能生成 .xlsx 模板或 .yaml/.yml 骨架，“${path.basename(output)}”的扩展名不对`, output);
  }
  if (output !== '-' && !opts.force && (await exists(output))) {
    throw new ZwgkError('output-exists', { file: output }, { output });
  }
  // exceljs is loaded only for the workbook, so `zwgk init -o x.yaml` and `--help` stay light.
  const { data } = ext === '.xlsx' ? await template(opts.profile) : await skeleton(opts.profile);
  await emit(ctx, output, data, []);
  if (output !== '-') {
    const what = ext === '.xlsx' ? '把标题改为本单位名称并逐行填写事项（选中单元格会显示该列的填写说明）' : '把示例事项改成本单位的事项';
    ctx.stderr.write(`${opts.profile} 版式。请${what}，然后运行：zwgk validate ${terminalText(output)}\n`);
  }
  return EXIT.ok;
}
