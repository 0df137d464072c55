// zwgk validate <files...>: read, validate and report every file; the report as text or JSON.
import { Report, ZwgkError, terminalJson, terminalText, toJsonDiagnostic, validate } from '../../core/index.js';
import { paintFor, type Context } from '../context.js';
import { expandInputs, loadCatalog } from './shared.js';
import { EXIT } from '../exit.js';
import { refusalError, threadsFor, validateInThreads } from '../../node/validate-files.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  profile: string;
  sheet?: string;
  color?: boolean;
}

/** Validate files and print the report; returns the exit code. */
export async function validateFiles(ctx: Context, args: string[], opts: ValidateOptions): Promise<number> {
  const files = await expandInputs(args);
  const report = new Report();
  const failed: { file: string; error: ZwgkError }[] = [];
  const threads = await threadsFor(files);
  if (threads) {
    // Several large files (or many small ones): each read in a thread of its own, reported in the order given.
    for (const outcome of await validateInThreads(files, opts, threads, filesProgress(ctx, files.length))) {
      if ('internal' in outcome) throw new Error(outcome.internal);
      if ('refused' in outcome) failed.push({ file: outcome.file, error: refusalError(outcome.refused) });
      else report.add(outcome);
    }
  } else {
    for (const file of files) {
      try {
        const catalog = await loadCatalog(ctx, file, opts);
        report.add({ file, profile: catalog.profile, items: catalog.items.length, findings: validate(catalog) });
      } catch (err) {
        // With several files, one unreadable file must not hide the others' results; asked for JSON, a
        // program reads stdout, so a refused file is a JSON entry there with one file as with two.
        if (!(err instanceof ZwgkError) || (files.length === 1 && opts.format !== 'json')) throw err;
        failed.push({ file, error: err });
      }
    }
  }
  if (opts.format === 'json') {
    const doc = report.toJSON() as { valid: boolean; files: unknown[] };
    for (const { file, error } of failed) {
      doc.files.push({ file, profile: null, valid: false, items: 0, diagnostics: [toJsonDiagnostic(error.finding)] });
    }
    if (failed.length) doc.valid = false;
    ctx.stdout.write(terminalJson(doc, 2) + '\n');
  } else {
    ctx.stdout.write(report.toText(await paintFor(ctx, ctx.stdout, opts.color)));
  }
  for (const { error } of failed) ctx.stderr.write(`错误：${terminalText(error.message)}\n`);
  if (opts.format !== 'json' && files.length > 1) {
    const passed = report.files.filter((f) => !f.findings.some((d) => d.severity === 'error')).length;
    const unread = failed.length ? `，无法读取 ${failed.length} 个` : '';
    ctx.stdout.write(`共 ${files.length} 个文件：通过 ${passed} 个，未通过 ${report.files.length - passed} 个${unread}\n`);
  }
  if (failed.length) return EXIT.usage;
  return report.valid ? EXIT.ok : EXIT.findings;
}

/** A terminal's status line of files checked so far (none when not a terminal), cleared at the end. */
function filesProgress(ctx: Context, total: number): ((done: number) => void) | undefined {
  if (!ctx.stderr.isTTY || ctx.env.CI) return undefined;
  return (done) => ctx.stderr.write(done < total ? `\r已检查 ${done}/${total} 个文件…` : '\r\x1b[K');
}
