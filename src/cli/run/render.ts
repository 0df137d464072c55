// zwgk render <file> [--to xlsx|html|md] [-o path]: publishable Excel, web page or Markdown.
import { countBySeverity, exportPieces, terminalText, validate, type Finding, type OutputFormat } from '../../core/index.js';
import { status, type Context } from '../context.js';
import { defaultOutput, emit, loadCatalog, resolveFormat } from './shared.js';
import { EXIT } from '../exit.js';

export interface RenderOptions {
  to?: 'xlsx' | 'html' | 'md';
  output?: string;
  profile: string;
  sheet?: string;
}

/** Tell the user about errors in a catalog that was still rendered; returns the exit code. */
export function reportErrors(ctx: Context, file: string, findings: readonly Finding[]): number {
  const n = countBySeverity(findings);
  if (n.error === 0) return EXIT.ok;
  ctx.stderr.write(`注意：${terminalText(file)} 有 ${n.error} 个错误、${n.warning} 个警告，输出已生成但目录尚不完整。运行 zwgk validate ${terminalText(file)} 查看详情\n`);
  return EXIT.findings;
}

/** Render one catalog file to a format. */
export async function renderFile(ctx: Context, file: string, opts: RenderOptions): Promise<number> {
  const format = resolveFormat(ctx, opts, ['xlsx', 'html', 'md'] as const);
  const catalog = await loadCatalog(ctx, file, opts);
  const findings = validate(catalog);
  const done = status(ctx, `正在生成 ${format}（${catalog.items.length} 个事项）…`);
  // A page is made piece by piece as it is written: the status line stays until it is written.
  try {
    const { data } = await exportPieces(catalog, format as OutputFormat);
    await emit(ctx, opts.output ?? defaultOutput(file, format), data, [file], done);
  } finally {
    done();
  }
  return reportErrors(ctx, file, findings);
}

