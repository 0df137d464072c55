// zwgk diff: compare two versions of a catalog and print or write the change log. Always exit 0 when
// both files can be read: a diff is a report, not a verdict.
import { diff } from '../../core/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit.js';
import { emit, loadCatalog, resolveFormat, sharedBudget } from './shared.js';

export interface DiffOptions {
  layout?: string;
  to?: 'md' | 'html' | 'json';
  output?: string;
}

/** Diff two files; returns the exit code. */
export async function diffFiles(ctx: Context, oldFile: string, newFile: string, opts: DiffOptions): Promise<number> {
  const format = resolveFormat(ctx, opts, ['md', 'html', 'json'] as const, 'md');
  const budget = sharedBudget();
  const before = await loadCatalog(ctx, oldFile, { profile: 'auto', layout: opts.layout }, undefined, budget);
  const after = await loadCatalog(ctx, newFile, { profile: 'auto', layout: opts.layout }, undefined, budget);
  const { data } = await diff(before, after, format);
  await emit(ctx, opts.output ?? '-', data, [oldFile, newFile]);
  return EXIT.ok;
}
