// zwgk gap: read the catalog (and the reference), validate, build the gap report and render it.
import { checkCatalog, gap, terminalText } from '../../core/index.js';
import type { Context } from '../context.js';
import { defaultOutput, emit, loadCatalog, resolveFormat, sharedBudget } from './shared.js';
import { reportErrors } from './render.js';

export interface GapOptions {
  against?: string;
  to?: 'md' | 'html' | 'json' | 'xlsx';
  output?: string;
  profile: string;
  sheet?: string;
}

/** Write the gap report of one catalog; returns the exit code (1 when the catalog has errors). */
export async function gapFile(ctx: Context, file: string, opts: GapOptions): Promise<number> {
  const format = resolveFormat(ctx, opts, ['md', 'html', 'json', 'xlsx'] as const, 'md');
  const budget = sharedBudget();
  const catalog = await loadCatalog(ctx, file, opts, undefined, budget);
  const reference = opts.against !== undefined ? await loadCatalog(ctx, opts.against, { profile: 'auto', layout: undefined }, undefined, budget) : undefined;
  const checked = checkCatalog(catalog, file);
  const findings = checked.findings;
  const { data, cautions } = await gap(checked, format, reference);
  for (const line of cautions) ctx.stderr.write(`注意：${terminalText(line)}\n`);
  const output = opts.output ?? (format === 'md' || format === 'json' ? '-' : defaultOutput(file, format, '-差距报告'));
  const inputs = opts.against !== undefined ? [file, opts.against] : [file];
  await emit(ctx, output, data, inputs);
  return reportErrors(ctx, file, findings);
}
