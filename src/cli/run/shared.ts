// Shared steps of the command implementations: reading inputs and writing outputs the same way
// everywhere, so each command is a thin wrapper over library functions.
import path from 'node:path';
import type { Catalog, Profile } from '../../model/types.js';
import { readCatalog, type ReadOptions } from '../../readers/index.js';
import { writeOutput } from '../../io/write.js';
import { ZwgkError } from '../../report/finding.js';
import { progress, type Context } from '../context.js';

/** Read one input as the commands do: --profile and --sheet passed through, progress on a terminal. */
export async function loadCatalog(
  ctx: Context,
  file: string,
  opts: { profile?: string; sheet?: string },
): Promise<Catalog> {
  const options: ReadOptions = { profile: (opts.profile ?? 'auto') as Profile | 'auto' };
  if (opts.sheet !== undefined) options.sheet = opts.sheet;
  const onProgress = progress(ctx);
  if (onProgress) options.onProgress = onProgress;
  try {
    return await readCatalog(file, options);
  } finally {
    if (onProgress) ctx.stderr.write('\r\x1b[K');
  }
}

/** Write a command's output: `-` means stdout (text formats only); otherwise an atomic file write. */
export async function emit(ctx: Context, output: string, data: string | Uint8Array, inputs: readonly string[]): Promise<void> {
  if (output === '-') {
    if (typeof data !== 'string') {
      throw new ZwgkError('usage', { file: '-' }, { detail: 'xlsx 是二进制文件，不能输出到标准输出；请用 -o 指定 .xlsx 文件名' });
    }
    ctx.stdout.write(data);
    return;
  }
  await writeOutput(output, data, inputs);
  ctx.stderr.write(`已写出：${output}\n`);
}

/** The default output path: beside the input, same base name, the format's extension. */
export function defaultOutput(input: string, ext: string, suffix = ''): string {
  const dir = path.dirname(input);
  const base = path.basename(input, path.extname(input));
  const candidate = path.join(dir, `${base}${suffix}.${ext}`);
  // Never default onto the input itself (render x.xlsx --to xlsx).
  return path.resolve(candidate) === path.resolve(input) ? path.join(dir, `${base}.zwgk.${ext}`) : candidate;
}
