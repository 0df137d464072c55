#!/usr/bin/env node
// The app at 100 000 findings (`node bench/app-findings.mjs [items]`, after `npm run build`): a YAML
// catalog of 25 000 items (default), each with four required columns blank — four findings an item,
// every text its own — opened in the offline app (dist/app/zwgk-app.html, file://, Debian's chromium).
// Measured from the page's own clock: the time from picking the file to its summary, and the longest
// gap between animation frames (a) while it opens and (b) while a clerk uses the list — the 错误 filter,
// 下一页, a go-to-page, a search — and the table's go-to-page. Goal (issue 23): no gap over 200 ms while
// using the list. Prints one JSON line; exits 1 when the goal is missed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, watchFrames } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const items = Number(process.argv[2] ?? 25_000);
const app = path.join(ROOT, 'dist', 'app', 'zwgk-app.html');
const dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-bench-app-'));
const file = path.join(dir, '大目录.yaml');
const lines = ['版式: "2017"', '标题: 测试目录', '事项:'];
for (let i = 1; i <= items; i++) {
  lines.push(`  - 序号: ${i}`, `    事项类别: 类别${i % 40}`, `    名称: 第${i}项事项名称`, '    公开内容与标准:', `      - 公开内容: 第${i}项的公开内容`, `        公开标准: 第${i}项的公开标准`);
}
writeFileSync(file, lines.join('\n') + '\n');

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`file://${app}`);
  let stop = await watchFrames(page);
  const t0 = Date.now();
  await page.setInputFiles('#pick', file);
  await page.waitForSelector('article.file .summary', { timeout: 600_000 });
  await page.waitForSelector('.catalog-table', { timeout: 60_000 });
  const seconds = (Date.now() - t0) / 1000;
  const openGapMs = await stop();
  const list = page.locator('section.findings');
  const findings = Number(/\d+/.exec(await list.locator('button.level-filter').first().textContent())[0]);
  await page.waitForTimeout(300);

  stop = await watchFrames(page);
  const status = list.locator('.pager span');
  await list.getByRole('button', { name: /^错误（/ }).click();
  await list.getByRole('button', { name: '下一页' }).click();
  // Pages far in (500 of the errors and 400 of the table at 25 000 items; nearer for a smaller catalog).
  const far = String(Math.max(2, Math.min(500, Math.floor(items / 50))));
  const farTable = String(Math.max(2, Math.min(400, Math.floor(items / 62))));
  await list.getByLabel('跳到第几页').fill(far);
  await list.getByLabel('跳到第几页').press('Enter');
  await page.waitForFunction((n) => new RegExp(`第 ${n} /`).test(document.querySelector('section.findings .pager span')?.textContent ?? ''), far);
  await list.getByRole('button', { name: /^全部（/ }).click();
  await list.getByLabel('查找问题').fill('公开时限');
  await page.waitForFunction(() => /^\d+ 条，第 1 \//.test(document.querySelector('section.findings .pager span')?.textContent ?? ''));
  const table = page.locator('.catalog .pager').first();
  await table.getByLabel('跳到第几页').fill(farTable);
  await table.getByLabel('跳到第几页').press('Enter');
  await page.waitForFunction((n) => new RegExp(`第 ${n} /`).test(document.querySelector('.catalog .pager span')?.textContent ?? ''), farTable);
  await page.waitForTimeout(200);
  const useGapMs = await stop();
  const result = { items, findings, seconds, openGapMs, useGapMs, shown: await status.textContent(), goal: useGapMs <= 200 };
  console.log(JSON.stringify(result));
  process.exitCode = result.goal ? 0 : 1;
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
