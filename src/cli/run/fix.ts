// zwgk fix: validate, apply the findings' safe fixes to a copy, list every change, and say what the copy still has.
import path from 'node:path';
import { checkCatalog, countBySeverity, fix, fixedInPlaceFormat, formatOf, type Profile } from '../../core/index.js';
import { EXIT } from '../exit.js';
import { readInputFile } from '../../node/read-file.js';
import type { Context } from '../context.js';
import { emit, loadCatalog, readLayouts } from './shared.js';
import { usageError } from '../preflight.js';
import { reportErrors } from './render.js';

export interface FixOptions {
  layout?: string;
  output: string;
  profile: string;
  sheet?: string;
}

/** The format fix writes a file's copy in, when it writes it in the file's own format (xlsx, yaml). */
function inPlaceKind(file: string): string | undefined {
  const format = formatOf(file);
  return format?.fix === 'in-place' ? format.id : undefined;
}

/** Write the fixed copy of one catalog; returns the exit code (1 when errors remain). */
export async function fixCommand(ctx: Context, file: string, opts: FixOptions): Promise<number> {
  const inKind = inPlaceKind(file);
  const outKind = opts.output === '-' ? 'yaml' : inPlaceKind(opts.output);
  if (path.extname(opts.output).toLowerCase() === '.xlsm') {
    // exceljs does not carry VBA over: an .xlsm copy without its macros would not open as .xlsm.
    throw usageError(ctx.help, 'fix 不能写出 .xlsm（宏不会保留）；请用 -o 指定 .xlsx 文件名', file);
  }
  const ext = path.extname(file).toLowerCase();
  const format = formatOf(file);
  const source = format?.source === 'tables' ? format.words : '该格式的文件';
  const inPlace = fixedInPlaceFormat(file);
  if (!inPlace && outKind === undefined) {
    throw usageError(ctx.help, `zwgk 不改写${source}（${ext}）：修正后的目录写成 Excel 工作簿或 YAML，请用 -o 指定 .xlsx 或 .yaml 文件名`, file);
  }
  if (inPlace && inKind && outKind !== inKind) {
    throw usageError(ctx.help, `fix 的输出应与输入同一格式（${inKind === 'xlsx' ? '.xlsx' : '.yaml'}）；要转换格式请用 zwgk convert`, file);
  }
  const bytes = await readInputFile(file);
  const catalog = await loadCatalog(ctx, file, opts, bytes);
  const checked = checkCatalog(catalog, file);
  const findings = checked.findings;
  // The copy is read back as it was read (same layout, same sheet), under the name it is written to.
  const read = { ...(await readLayouts(ctx, opts.layout, file)), profile: (opts.profile ?? 'auto') as Profile | 'auto', ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}) };
  // Once the copy is made the catalog's items are not needed: let go of them while the copy is read back.
  const copied = (): void => void (catalog.items = []);
  const result = await fix(bytes, checked, outKind === 'yaml' ? 'yaml' : 'xlsx', { read, copied, ...(opts.output !== '-' ? { output: opts.output } : {}) });
  await emit(ctx, opts.output, result.data, [file]);
  const lines = [...result.lines];
  if (!inPlace) {
    const what = result.format === 'xlsx' ? 'Excel 工作簿（样表格式）' : 'YAML';
    lines.unshift(`${file} 是${source}，zwgk 不改写它（原文件未改动）：修正后的目录已写成 ${what}${opts.output === '-' ? '' : ` ${opts.output}`}。`);
  }
  ctx.stderr.write(lines.join('\n') + '\n');
  if (countBySeverity(result.remaining).error > 0) return EXIT.findings;
  // A copy written anew may no longer show an error of its input (a text cut at Excel's limit is just shorter there).
  return reportErrors(ctx, file, findings.filter((f) => !f.fix));
}
