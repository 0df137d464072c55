// The app's review loop, by mouse: a clerk picks the 科室's sheets, downloads a sheet with the 审核意见
// (the same workbook `zwgk review` writes), and with several files sees the roll-up table and downloads
// the 汇总 workbook (the same rows as `zwgk summary`).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';
import { cellText } from '../helpers/exceljs-text.js';

let browser: Browser;
let dir: string;
let appFile: string;

const sink = { write: () => true };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-app-review-'));
  appFile = path.join(dir, 'app.html');
  expect(await run({ argv: ['app', '-o', appFile], stdout: sink, stderr: sink })).toBe(0);
  copyFileSync('test/fixtures/messy/messy-2017.xlsx', path.join(dir, '应急科.xlsx'));
  copyFileSync('examples/unit-anquan.yaml', path.join(dir, '安全生产.yaml'));
  copyFileSync('test/fixtures/bad/truncated.xlsx', path.join(dir, '坏文件.xlsx'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(page: Page, button: ReturnType<Page['locator']>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const target = path.join(dir, `dl-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(target);
  return { name: dl.suggestedFilename(), bytes: readFileSync(target) };
}

/** Every sheet's values and every comment, as text. */
async function contents(bytes: Uint8Array): Promise<Record<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, string[]> = {};
  wb.eachSheet((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const note = c.note as ExcelJS.Comment | undefined;
        const text = cellText(c.value);
        if (text || note) cells.push(`${c.address}=${text}${note ? ` [${note.texts?.map((t) => t.text).join('')}]` : ''}`);
      }),
    );
    out[ws.name] = cells;
  });
  return out;
}

it('downloads a sheet with the 审核意见 and, for several files, the roll-up — the same as the CLI writes', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 900 } });
  const { page, log } = await watchedPage(context);
  await page.goto(`file://${appFile}`);
  await page.setInputFiles('#pick', ['应急科.xlsx', '安全生产.yaml', '坏文件.xlsx'].map((n) => path.join(dir, n)));
  await page.waitForFunction(() => document.querySelectorAll('article.file .summary, article.file .error-line').length >= 3, undefined, { timeout: 30_000 });

  const card = page.locator('article.file', { has: page.locator('h2', { hasText: '应急科.xlsx' }) });
  const reviewed = await download(page, card.getByRole('button', { name: '下载带审核意见的表格' }));
  expect(reviewed.name).toBe('应急科（审核意见）.xlsx');
  await expect.poll(() => card.locator('pre.note').textContent()).toContain('每个问题已作为批注写在所在单元格');
  const cliOut = path.join(dir, 'cli-review.xlsx');
  process.chdir(dir);
  try {
    expect(await run({ argv: ['review', '应急科.xlsx', '-o', cliOut], stdout: sink, stderr: sink })).toBe(1);
  } finally {
    process.chdir(path.resolve(__dirname, '../..'));
  }
  expect(await contents(reviewed.bytes)).toEqual(await contents(readFileSync(cliOut)));

  // The roll-up: one row a file, the unreadable one named.
  const rows = await page.locator('#rollup-body tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
  expect(rows.map((r) => r.slice(0, 7))).toEqual([
    ['某县应急管理局', '应急科.xlsx', '2017 版式', '3', '1', '0', '11'],
    ['沂河县应急管理局', '安全生产.yaml', '2019 版式', '9', '0', '1', '1'],
    ['坏文件', '坏文件.xlsx', '', '0', '1', '0', '0'],
  ]);
  expect(rows[2]![7]).toMatch(/^无法读取：文件已损坏/);
  expect(await page.locator('#rollup-total').textContent()).toBe('共 3 个文件：通过 1 个，未通过 2 个');
  const rollup = await download(page, page.getByRole('button', { name: '下载汇总表（Excel）' }));
  expect(rollup.name).toBe('政务公开事项目录汇总.xlsx');
  const sheets = await contents(rollup.bytes);
  expect(Object.keys(sheets)).toEqual(['汇总', '覆盖情况']);
  expect(sheets['汇总']!.filter((c) => /^[A-H]4=/.test(c))).toEqual(['A4=某县应急管理局', 'B4=应急科.xlsx', 'C4=2017 版式', 'D4=3', 'E4=1', 'F4=0', 'G4=11', 'H4=未通过']);
  expect(log.errors).toEqual([]);
  await context.close();
});
