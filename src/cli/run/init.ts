// zwgk init: write an empty Excel template or a commented YAML skeleton, never over an existing file
// unless --force.
import path from 'node:path';
import { ZwgkError, listLayouts, requireLayoutNamed, skeleton, template, terminalText, type Layout, type Profile } from '../../core/index.js';
import { loadLayouts } from '../../node/layouts.js';
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
  layout?: string;
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
  // --layout: a list's template (a built-in list, or a unit's own definition), or a catalog layout by name.
  const chosen = await loadLayouts(opts.layout);
  const kind: Profile | Layout = chosen.layout !== undefined ? requireLayoutNamed(chosen.layout, listLayouts(chosen.layouts)) : (chosen.profile ?? opts.profile);
  // exceljs is loaded only for the workbook, so `zwgk init -o x.yaml` and `--help` stay light.
  const { data } = ext === '.xlsx' ? await template(kind) : await skeleton(kind);
  await emit(ctx, output, data, []);
  if (output !== '-') {
    const what = ext === '.xlsx' ? '把标题改为本单位名称并逐行填写事项（选中单元格会显示该列的填写说明）' : '把示例事项改成本单位的事项';
    ctx.stderr.write(`${typeof kind === 'string' ? `${kind} 版式` : kind.name}。请${what}，然后运行：zwgk validate ${terminalText(output)}\n`);
  }
  return EXIT.ok;
}
