// zwgk init: write an empty Excel template or a commented YAML skeleton, never over an existing file
// unless --force.
import path from 'node:path';
import { renderSkeletonYaml } from '../../draft/skeleton-yaml.js';
import { exists } from '../../node/write.js';
import { ZwgkError } from '../../findings/finding.js';
import { terminalText } from '../../reports/report.js';
import type { Profile } from '../../settings/columns.js';
import { DEFAULT_INIT_OUTPUT } from '../commands/init.js';
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
  let data: string | Uint8Array;
  if (ext === '.xlsx') {
    // exceljs is loaded only here, so `zwgk init -o x.yaml` and `--help` stay light.
    const { renderTemplateXlsx } = await import('../../draft/template-xlsx.js');
    data = await renderTemplateXlsx(opts.profile);
  } else {
    data = renderSkeletonYaml(opts.profile);
  }
  await emit(ctx, output, data, []);
  if (output !== '-') {
    const what = ext === '.xlsx' ? '把标题改为本单位名称并逐行填写事项（选中单元格会显示该列的填写说明）' : '把示例事项改成本单位的事项';
    ctx.stderr.write(`${opts.profile} 版式。请${what}，然后运行：zwgk validate ${terminalText(output)}\n`);
  }
  return EXIT.ok;
}
