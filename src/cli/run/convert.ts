// zwgk convert <in> -o <out>: .xlsx ⇄ .yaml/.yml, chosen by the output's extension.
import path from 'node:path';
import { exportPieces, formatFromPath, validate } from '../../core/index.js';
import type { Context } from '../context.js';
import { emit, loadCatalog } from './shared.js';
import { reportErrors } from './render.js';
import { usageError } from '../preflight.js';

export interface ConvertOptions {
  output: string;
  profile: string;
  sheet?: string;
}

/** Convert a catalog file to .xlsx or .yaml. */
export async function convertFile(ctx: Context, input: string, opts: ConvertOptions): Promise<number> {
  // `-o -` prints YAML (the text format) to stdout, for a quick look or a pipe.
  const format = opts.output === '-' ? 'yaml' : formatFromPath(opts.output);
  if (format !== 'xlsx' && format !== 'yaml') {
    throw usageError(
      ctx.help,
      `convert 只能输出 .xlsx、.yaml 或 .yml 文件，“${path.basename(opts.output)}”的扩展名不对（网页和 Markdown 请用 zwgk render）`,
      opts.output,
    );
  }
  const catalog = await loadCatalog(ctx, input, opts);
  const findings = validate(catalog);
  await emit(ctx, opts.output, (await exportPieces(catalog, format)).data, [input]);
  return reportErrors(ctx, input, findings);
}

