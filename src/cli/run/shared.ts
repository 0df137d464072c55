// Shared steps of the command implementations: reading inputs and writing outputs the same way
// everywhere, so each command is a thin wrapper over library functions.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  FOLDER_EXTENSIONS,
  READABLE_EXTENSIONS,
  ReadBudget,
  ZwgkError,
  outputKindOf,
  terminalText,
  type Doc,
  type ReadOptions,
} from '../../core/index.js';
import { folderEntries, nativePath, readCatalog } from '../../node/read-file.js';
import { layoutsByFolder, readOptionsOf } from '../../node/layouts.js';
import { writeOutput, type OutputData } from '../../node/write.js';
import { progress, type Context } from '../context.js';
import { usageError } from '../preflight.js';
import { watchHeap, watchingProgress } from '../../node/heap.js';

/** The layouts of a run, read once a folder (a folder of definitions is not read again for every file). */
const LAYOUTS = new WeakMap<Context, Map<string | undefined, ReturnType<typeof layoutsByFolder>>>();

/** The layouts a run reads a file with (--layout, the zwgk-版式 folders), as read options; read once per folder. */
export async function readLayouts(ctx: Context, option: string | undefined, file?: string): Promise<Pick<ReadOptions, 'layouts' | 'layout' | 'profile'>> {
  let byOption = LAYOUTS.get(ctx);
  if (!byOption) LAYOUTS.set(ctx, (byOption = new Map()));
  let layoutsOf = byOption.get(option);
  if (!layoutsOf) byOption.set(option, (layoutsOf = layoutsByFolder(option)));
  const got = await layoutsOf(file !== undefined ? path.dirname(file) : '.');
  return { layouts: got.layouts, ...(got.layout !== undefined ? { layout: got.layout } : {}), ...(got.profile ? { profile: got.profile } : {}) };
}

/** Read one input as the commands do: --profile and --sheet passed through, progress on a terminal. */
export async function loadCatalog(
  ctx: Context,
  file: string,
  opts: { profile?: string; sheet?: string; layout?: string },
  bytes?: Uint8Array,
  budget?: ReadBudget,
): Promise<Doc> {
  const options = readOptionsOf(await readLayouts(ctx, opts.layout, file), opts);
  if (budget) options.budget = budget;
  const onProgress = progress(ctx);
  // Every few hundred items the heap is looked at (node/heap.ts), whether or not progress is shown.
  options.onProgress = watchingProgress(onProgress);
  try {
    return await readCatalog(file, options, bytes);
  } finally {
    watchHeap();
    if (onProgress) ctx.stderr.write('\r\x1b[K');
  }
}

export { sharedBudget } from '../../core/index.js';

/** Write a command's output: `-` means stdout (text formats only); otherwise an atomic file write. */
export async function emit(ctx: Context, output: string, data: OutputData, inputs: readonly string[], written?: () => void): Promise<void> {
  if (output === '-') {
    // A workbook comes as bytes, or as its writer's pieces of bytes (an array; text pieces are made as taken).
    if (data instanceof Uint8Array || (Array.isArray(data) && data.some((p) => p instanceof Uint8Array))) {
      throw usageError(ctx.help, 'xlsx 是二进制文件，不能输出到标准输出；请用 -o 指定 .xlsx 文件名', '-');
    }
    if (typeof data === 'string') ctx.stdout.write(data);
    else for (const piece of data) ctx.stdout.write(piece);
    written?.();
    return;
  }
  const stale = await writeOutput(output, data, inputs);
  // The status line (if any) goes before the lines that report the write.
  written?.();
  reportStale(ctx, stale);
  ctx.stderr.write(`已写出：${terminalText(output)}\n`);
}

/** Say which temporary files of an earlier, interrupted run were removed from the output folder. */
export function reportStale(ctx: Context, names: readonly string[]): void {
  if (names.length) ctx.stderr.write(`已删除上次中断时留下的 ${names.length} 个临时文件：${names.map(terminalText).join('、')}\n`);
}

/**
 * A command's output format: --to when given, else the extension of -o, else `fallback`. An -o whose
 * extension says another format than --to is refused before anything is read or written (a web page
 * in a file named .xlsx would open as a broken workbook).
 */
export function resolveFormat<F extends string>(
  ctx: Context,
  opts: { to?: F; output?: string },
  formats: readonly F[],
  fallback?: F,
): F {
  const output = opts.output !== undefined && opts.output !== '-' ? opts.output : undefined;
  const ext = output ? path.extname(output).toLowerCase() : '';
  const byExt = outputKindOf(ext) as F | undefined;
  const list = formats.join('、');
  if (opts.to !== undefined) {
    if (ext && byExt !== opts.to) {
      const fixed = `${output!.slice(0, output!.length - ext.length)}.${opts.to}`;
      const other = byExt && formats.includes(byExt) ? `，或去掉 --to 按扩展名输出 ${byExt}` : '';
      throw usageError(ctx.help, `-o 的扩展名“${ext}”与 --to ${opts.to} 不符，没有写出任何文件。请改为 -o ${fixed}${other}`, output);
    }
    return opts.to;
  }
  if (byExt && formats.includes(byExt)) return byExt;
  if (output && ext) {
    throw usageError(ctx.help, `不能按 -o 的扩展名“${ext}”确定输出格式（可用：${list}）。请改用对应扩展名的文件名，或用 --to 指定格式`, output);
  }
  if (fallback !== undefined) return fallback;
  throw usageError(ctx.help, `请用 --to 指定输出格式（${list}），或用 -o 给出带扩展名的输出文件名，如 -o 目录.${formats[1] ?? formats[0]}`);
}

/** The default output path: beside the input, same base name, the format's extension. */
export function defaultOutput(input: string, ext: string, suffix = ''): string {
  const dir = path.dirname(input);
  const base = path.basename(input, path.extname(input));
  const candidate = path.join(dir, `${base}${suffix}.${ext}`);
  // Never default onto the input itself (render x.xlsx --to xlsx).
  return path.resolve(candidate) === path.resolve(input) ? path.join(dir, `${base}.zwgk.${ext}`) : candidate;
}

/** Catalog files in a folder: readable extensions (web pages only when a pattern names them), not Excel's
 * ~$ lock files or hidden files, by name. */
async function catalogFiles(dir: string, match: (name: string) => boolean = () => true, exts: readonly string[] = FOLDER_EXTENSIONS): Promise<string[]> {
  const names = (await folderEntries(dir)).filter(
    (n) => exts.includes(path.extname(n).toLowerCase()) && !n.startsWith('~$') && !n.startsWith('.') && match(n),
  );
  return names.sort((a, b) => a.localeCompare(b, 'zh-CN')).map((n) => path.join(dir, n));
}

/**
 * A file-name pattern with * (any run of characters) and ? (one character), case-insensitive, as a
 * test in time linear in the name for each part of the pattern: the parts between stars are found
 * leftmost in turn, which is exact for such patterns, and nothing is ever tried twice (a regular
 * expression backtracks exponentially on *a*a*a*…b against a long name of a's).
 */
export function wildcard(pattern: string): (name: string) => boolean {
  const chars = (s: string): string[] => [...s.toLowerCase()];
  const parts = pattern.split('*').map(chars);
  const same = (name: string[], at: number, part: string[]): boolean => {
    for (let k = 0; k < part.length; k++) if (part[k] !== '?' && part[k] !== name[at + k]) return false;
    return true;
  };
  return (raw: string) => {
    const name = chars(raw);
    const first = parts[0]!;
    if (parts.length === 1) return name.length === first.length && same(name, 0, first);
    const last = parts[parts.length - 1]!;
    if (name.length < first.length + last.length || !same(name, 0, first) || !same(name, name.length - last.length, last)) return false;
    let at = first.length;
    const end = name.length - last.length;
    for (let p = 1; p < parts.length - 1; p++) {
      const part = parts[p]!;
      let found = -1;
      for (let i = at; i + part.length <= end; i++) {
        if (same(name, i, part)) {
          found = i;
          break;
        }
      }
      if (found < 0) return false;
      at = found + part.length;
    }
    return true;
  };
}

/**
 * The files a command's arguments stand for: a folder means the catalog files in it (a clerk keeps
 * each 科室's sheet in one folder), and * or ? in a file name match names — Windows shells do not
 * expand them. Other arguments are kept as given, so a missing file is still reported by name.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const info = await stat(nativePath(arg)).catch(() => undefined);
    if (info?.isDirectory()) {
      const files = await catalogFiles(arg);
      if (!files.length) throw new ZwgkError('folder-empty', { file: arg }, { file: arg, exts: FOLDER_EXTENSIONS.join(' ') });
      out.push(...files);
    } else if (!info && /[*?]/.test(path.basename(arg))) {
      const match = wildcard(path.basename(arg));
      const dir = path.dirname(arg);
      const files = (await stat(dir).catch(() => undefined))?.isDirectory() ? await catalogFiles(dir, match, READABLE_EXTENSIONS) : [];
      if (!files.length) throw new ZwgkError('no-match', { file: arg }, { pattern: arg });
      out.push(...files);
    } else {
      out.push(arg);
    }
  }
  return out;
}
