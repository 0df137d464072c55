// zwgk site: read every catalog, render the site, write it into the output folder as one step, and
// say which catalogs have errors (published all the same: exit 1) or could not be read (exit 2).
import path from 'node:path';
import { writeFiles } from '../../node/write-files.js';
import { ZwgkError, countBySeverity, site, terminalText, validate, type Doc } from '../../core/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit.js';
import { expandInputs, loadCatalog, reportStale, sharedBudget } from './shared.js';

export interface SiteOptions {
  layout?: string;
  output: string;
  title?: string;
  force?: boolean;
}

/** Build the site of several catalogs; returns the exit code. */
export async function siteFiles(ctx: Context, args: string[], opts: SiteOptions): Promise<number> {
  const files = await expandInputs(args);
  const read: { file: string; catalog?: Doc; items: number; errors: number; warnings: number }[] = [];
  const failed: { file: string; error: ZwgkError }[] = [];
  const budget = sharedBudget();
  for (const file of files) {
    try {
      const catalog = await loadCatalog(ctx, file, { layout: opts.layout }, undefined, budget);
      const n = countBySeverity(validate(catalog));
      read.push({ file, catalog, items: catalog.items.length, errors: n.error, warnings: n.warning });
    } catch (err) {
      // One unreadable file must not keep the other catalogs off the site; it is named below.
      if (!(err instanceof ZwgkError)) throw err;
      failed.push({ file, error: err });
    }
  }
  for (const { error } of failed) ctx.stderr.write(`错误：${terminalText(error.message)}\n`);
  if (!read.length) {
    ctx.stderr.write('没有可以发布的目录，未写出网站。\n');
    return EXIT.usage;
  }

  const built = await site(
    read.map((r) => r.catalog!),
    opts.title !== undefined ? { title: opts.title } : {},
  );
  // Each page is rendered as it is written, and its catalog then let go (render/site.ts): hold none here.
  for (const r of read) delete r.catalog;
  reportStale(ctx, await writeFiles(opts.output, built.pages, files, { replaceable: (_name, head) => built.isOurs(head), force: opts.force === true }));

  const names = built.names;
  const items = read.reduce((n, r) => n + r.items, 0);
  const lines = [`已写出网站：${terminalText(path.join(opts.output, built.index))}（${read.length} 个目录，共 ${items} 个事项）`];
  read.forEach((r, i) => lines.push(`  ${terminalText(names[i]!)}  ← ${terminalText(r.file)}（${r.items} 个事项）`));
  ctx.stdout.write(lines.join('\n') + '\n');

  const withErrors = read.filter((r) => r.errors > 0);
  for (const r of withErrors) {
    ctx.stderr.write(`注意：${terminalText(r.file)} 有 ${r.errors} 个错误、${r.warnings} 个警告，已照常发布，但目录尚不完整。运行 zwgk validate ${terminalText(r.file)} 查看详情\n`);
  }
  if (failed.length) {
    ctx.stderr.write(`${failed.length} 个文件无法读取，未发布：${failed.map((f) => terminalText(f.file)).join('、')}\n`);
    return EXIT.usage;
  }
  return withErrors.length ? EXIT.findings : EXIT.ok;
}
