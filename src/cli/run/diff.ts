// zwgk diff: compare two versions of a catalog and print or write the change log. Always exit 0 when
// both files can be read: a diff is a report, not a verdict.
import { stat } from 'node:fs/promises';
import { diff, type Doc } from '../../core/index.js';
import { nativePath } from '../../node/read-file.js';
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
  const load = (file: string) => loadCatalog(ctx, file, { profile: 'auto', layout: opts.layout }, undefined, budget);
  // The larger file is read first: its read costs most memory, and then it is not made beside the other
  // catalog already held (a 100 000-item YAML file read after a workbook: 1.0–1.2 GB at the peak). An
  // unreadable old file is still the one reported when both are.
  let before: Doc;
  let after: Doc;
  if ((await sizeOf(newFile)) > (await sizeOf(oldFile))) {
    let refused: unknown;
    after = await load(newFile).catch((err: unknown) => ((refused = err), undefined as never));
    before = await load(oldFile);
    if (refused !== undefined) throw refused;
  } else {
    before = await load(oldFile);
    after = await load(newFile);
  }
  const { data } = await diff(before, after, format);
  await emit(ctx, opts.output ?? '-', data, [oldFile, newFile]);
  return EXIT.ok;
}

/** A file's size on disk, 0 when it cannot be told (its read then says why). */
function sizeOf(file: string): Promise<number> {
  return stat(nativePath(file)).then((s) => s.size, () => 0);
}
