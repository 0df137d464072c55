#!/usr/bin/env node
// One measured run of the offline app (dist/app/zwgk-app.html, opened from file:// in Debian's chromium)
// validating a workbook: the time from picking the file to its summary line on the page, and the longest
// gap between animation frames meanwhile (the page must never block for long). Prints one JSON line:
// {"seconds": …, "maxGapMs": …, "summary": "…", "longFrames": [frames over 100 ms: layout share, scripts], "load": […]}. Used by bench/run.mjs (row app-validate).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, watchFrames, watchLongFrames } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? '');
const app = path.join(ROOT, 'dist', 'app', 'zwgk-app.html');

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`file://${app}`);
  await page.waitForTimeout(300);
  const stop = await watchFrames(page);
  const frames = await watchLongFrames(page);
  const t0 = Date.now();
  await page.setInputFiles('#pick', file);
  await page.waitForSelector('article.file .summary, article.file .error-line', { timeout: 600_000 });
  const seconds = (Date.now() - t0) / 1000;
  // The table's first page is drawn right after the summary; include it in the gap watch.
  await page.waitForSelector('.catalog-table', { timeout: 60_000 });
  await page.waitForTimeout(300);
  const maxGapMs = await stop();
  const summary = await page.locator('article.file .summary, article.file .error-line').first().textContent();
  const longFrames = (await frames()).slice(0, 8);
  console.log(JSON.stringify({ seconds, maxGapMs, summary, longFrames, load: os.loadavg().map((x) => +x.toFixed(2)) }));
} finally {
  await browser.close();
}
