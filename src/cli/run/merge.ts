// zwgk merge: read every input, merge (one layout, 序号 1..N, 来源 kept, duplicates warned), write
// the result by the output's extension, print the findings and a summary.
import path from 'node:path';
import { Report, exportPieces, merge, mergeLines, terminalText, validate, type Doc } from '../../core/index.js';
import { paintFor, type Context } from '../context.js';
import { EXIT } from '../exit.js';
import { emit, loadCatalog, sharedBudget } from './shared.js';
import { usageError } from '../preflight.js';

export interface MergeOptions {
  layout?: string;
  output: string;
  color?: boolean;
}

/** Merge files into one catalog; exit 1 when the merged catalog has error-level findings. */
export async function mergeFiles(ctx: Context, files: string[], opts: MergeOptions): Promise<number> {
  const ext = path.extname(opts.output).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.xlsx') {
    throw usageError(ctx.help, `merge 只能输出 .yaml、.yml 或 .xlsx 文件，“${path.basename(opts.output)}”的扩展名不对`, opts.output);
  }
  const catalogs: Doc[] = [];
  const budget = sharedBudget();
  for (const file of files) catalogs.push(await loadCatalog(ctx, file, { profile: 'auto', layout: opts.layout }, undefined, budget));
  const merged = merge(catalogs, opts.output, { consume: true });
  const { catalog, findings: notes } = merged;
  // The parts are not used after: their items move into the merged catalog (consume), and the parts go.
  catalogs.length = 0;

  const { data } = await exportPieces(catalog, ext === '.xlsx' ? 'xlsx' : 'yaml');
  await emit(ctx, opts.output, data, files);

  // merge-duplicate names both sources, so the validator's own item-duplicate would say it twice.
  const findings = [...notes, ...validate(catalog).filter((f) => f.code !== 'item-duplicate' && f.code !== 'list-item-duplicate')];
  const report = new Report();
  report.add({ file: opts.output, profile: catalog.profile, items: catalog.items.length, findings });
  ctx.stdout.write(report.toText(await paintFor(ctx, ctx.stdout, opts.color)));
  ctx.stdout.write(mergeLines(merged, files.length).map(terminalText).join('\n') + '\n');
  if (ext === '.xlsx') ctx.stdout.write('（Excel 输出不含来源列；需要逐项来源时请输出为 .yaml，来源记在“来源”键中）\n');
  return report.valid ? EXIT.ok : EXIT.findings;
}
