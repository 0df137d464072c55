// PDFs the way the tests look at them: the text of each page (pdftotext), the page size (pdfinfo), PNG
// pages in test/artifacts/ for a person to look at (pdftoppm), and the two printers we prove output
// with: Chromium's own print-to-pdf at its default settings, and LibreOffice for workbooks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.js';

export const ARTIFACTS = path.resolve('test/artifacts');

/** The text of every page of a PDF, in order (pdftotext ends each page with a form feed). */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/** The whole text of a PDF in reading order with all white space removed (a cell's wrapped lines
 * join up again), for "is this text printed at all". */
export function pdfCompactText(pdf: string): string {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** Page size in points, [width, height], of the first page. */
export function pdfPageSize(pdf: string): [number, number] {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return [Number(m[1]), Number(m[2])];
}

/** Write the pages as PNGs to test/artifacts/<name>-<n>.png (to be looked at, not asserted). */
export function pdfToPngs(pdf: string, name: string, dpi = 60): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, path.join(ARTIFACTS, name)]);
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Print an HTML file with Chromium's own print-to-pdf and nothing else set: what Ctrl+P → 另存为 PDF
 * gives with the default paper, margins, headers and footers. */
export function chromiumPrint(html: string, pdf: string): void {
  const profile = mkdtempSync(path.join(tmpdir(), 'zwgk-chromium-'));
  try {
    execFileSync(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, `--print-to-pdf=${pdf}`, html], {
      stdio: 'pipe',
      timeout: 60_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Convert workbooks to PDF with LibreOffice (a private profile: no clash with another run). */
export function sofficePdf(files: string[], outdir: string): void {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${outdir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, ...files],
    { stdio: 'pipe', timeout: 120_000 },
  );
}

/** The first sheet of each workbook as CSV text, as LibreOffice reads it (UTF-8, comma-separated). */
export function sofficeCsv(files: string[], outdir: string): Record<string, string> {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${outdir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', outdir, ...files],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const out: Record<string, string> = {};
  for (const f of files) out[f] = readFileSync(path.join(outdir, path.basename(f).replace(/\.xlsx$/i, '.csv')), 'utf8');
  return out;
}
