// The app as a clerk meets it, for the browser tests: the file `zwgk app` writes, opened from file:// in
// Debian's chromium; files staged in a folder of their own; the CLI run in-process in that folder (so
// file names agree) to hold what the page shows against what the CLI says.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { run } from '../../src/cli/index.js';
import { launchBrowser, watchedPage, type PageLog } from './browser.js';

export const ARTIFACTS = path.resolve('test/artifacts');

let browser: Browser;
let dir: string;
let appFile: string;

/** Write the app and start the browser before the file's tests, and clean up after them. */
export function useApp(): void {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-app-'));
    appFile = path.join(dir, '政务公开目录工具.html');
    const stderr: string[] = [];
    const code = await run({ argv: ['app', '-o', appFile], stdout: { write: () => true }, stderr: { write: (s) => (stderr.push(String(s)), true) } });
    expect(code, stderr.join('')).toBe(0);
    browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** The app file's path. */
export function appPath(): string {
  return appFile;
}

/** A file in the folder the files are staged in (where the CLI runs). */
export function inDir(name: string): string {
  return path.join(dir, name);
}

/** The CLI as a clerk runs it, in `dir`, on a file name without folders. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const home = process.cwd();
  process.chdir(dir);
  try {
    const code = await run({
      argv: args,
      stdout: { write: (s) => (out.push(String(s)), true) },
      stderr: { write: (s) => (err.push(String(s)), true) },
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(home);
  }
}

export function stage(fixture: string, name = path.basename(fixture)): string {
  copyFileSync(fixture, path.join(dir, name));
  return name;
}

export async function openApp(viewport = { width: 1366, height: 900 }): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport });
  const { page, log } = await watchedPage(context);
  await page.goto(`file://${appFile}`);
  return { page, log };
}

/** Pick files and wait until each has its summary or error line. */
export async function pick(page: Page, names: string[]): Promise<void> {
  const before = await page.locator('article.file').count();
  await page.setInputFiles('#pick', names.map((n) => path.join(dir, n)));
  await page.waitForFunction(
    (n) => document.querySelectorAll('article.file .summary, article.file .error-line, article.file .layout-summary').length >= n,
    before + names.length,
    { timeout: 30_000 },
  );
  // A read file's findings and table come after its summary (asked from the worker in that order).
  await page.waitForFunction(() => document.querySelectorAll('article.file .catalog-table').length >= document.querySelectorAll('article.file .summary').length, undefined, { timeout: 30_000 });
}

export function article(page: Page, name: string) {
  return page.locator('article.file', { has: page.locator('h2', { hasText: name }) });
}

/** Click a download button of a file's card (or of the page) and return the downloaded bytes and name. */
export async function download(page: Page, button: ReturnType<Page['locator']>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const target = path.join(dir, `dl-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(target);
  return { name: dl.suggestedFilename(), bytes: readFileSync(target) };
}

/** Every cell value of every sheet, as text, for comparing workbooks as values. */
export async function values(bytes: Uint8Array): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      rows[r - 1] = (row.values as unknown[]).slice(1).map((v) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)));
    });
    out[ws.name] = rows;
  });
  return out;
}

