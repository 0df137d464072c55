// Shared steps of the command implementations: reading inputs and writing outputs the same way
// everywhere, so each command is a thin wrapper over library functions.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog, Profile } from '../../model/types.js';
import { READABLE_EXTENSIONS, type ReadOptions } from '../../readers/index.js';
import { readCatalog } from '../../io/read.js';
import { writeOutput } from '../../io/write.js';
import { ZwgkError } from '../../report/finding.js';
import { progress, type Context } from '../context.js';

/** Read one input as the commands do: --profile and --sheet passed through, progress on a terminal. */
export async function loadCatalog(
  ctx: Context,
  file: string,
  opts: { profile?: string; sheet?: string },
  bytes?: Uint8Array,
): Promise<Catalog> {
  const options: ReadOptions = { profile: (opts.profile ?? 'auto') as Profile | 'auto' };
  if (opts.sheet !== undefined) options.sheet = opts.sheet;
  const onProgress = progress(ctx);
  if (onProgress) options.onProgress = onProgress;
  try {
    return await readCatalog(file, options, bytes);
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

/** Catalog files in a folder: readable extensions, not Excel's ~$ lock files or hidden files, by name. */
async function catalogFiles(dir: string, match: (name: string) => boolean = () => true): Promise<string[]> {
  const names = (await readdir(dir)).filter(
    (n) => READABLE_EXTENSIONS.includes(path.extname(n).toLowerCase()) && !n.startsWith('~$') && !n.startsWith('.') && match(n),
  );
  return names.sort((a, b) => a.localeCompare(b, 'zh-CN')).map((n) => path.join(dir, n));
}

/**
 * The files a command's arguments stand for: a folder means the catalog files in it (a clerk keeps
 * each 科室's sheet in one folder), and * or ? in a file name match names — Windows shells do not
 * expand them. Other arguments are kept as given, so a missing file is still reported by name.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      const files = await catalogFiles(arg);
      if (!files.length) throw new ZwgkError('folder-empty', { file: arg }, { file: arg, exts: READABLE_EXTENSIONS.join(' ') });
      out.push(...files);
    } else if (!info && /[*?]/.test(path.basename(arg))) {
      const pattern = new RegExp(
        '^' + path.basename(arg).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$',
        'iu',
      );
      const dir = path.dirname(arg);
      const files = (await stat(dir).catch(() => undefined))?.isDirectory() ? await catalogFiles(dir, (n) => pattern.test(n)) : [];
      if (!files.length) throw new ZwgkError('no-match', { file: arg }, { pattern: arg });
      out.push(...files);
    } else {
      out.push(arg);
    }
  }
  return out;
}
