// A slow file does not hold up the clerk (issue 24): each file shows how far its read got and a 取消
// button, by mouse and by keyboard; cancelling a waiting file drops it, cancelling the file being read
// ends its read (the worker is ended and a new one handed every other file), and the files after it go
// on. The files read before keep their findings, table and every action (publish, merge, roll-up).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, article, cli, download, inDir, openApp, stage, useApp, values } from '../helpers/app-harness.js';
import type { Page } from 'playwright-core';

useApp();

/** A valid YAML catalog of `items` items, each text its own: seconds to read in the app. */
function slowCatalog(name: string, items: number): string {
  const lines = ['版式: "2017"', '标题: 慢目录', '事项:'];
  for (let i = 1; i <= items; i++) {
    lines.push(`  - 序号: ${i}`, `    事项类别: 类别${i % 40}`, `    名称: 第${i}项事项名称`, `    依据: 《第${i}号条例》`, '    公开内容与标准:');
    for (let k = 0; k < 4; k++) lines.push(`      - 公开内容: 第${i}项第${k}条内容`, `        公开标准: 第${i}项第${k}条标准`);
    lines.push(`    公开主体: 县政府办公室${i % 9}`, '    公开方式: 政府网站', `    公开时限: 信息形成之日起${(i % 20) + 1}个工作日内`);
  }
  writeFileSync(inDir(name), lines.join('\n') + '\n');
  return name;
}

/** Wait until the slow file's read has begun in the worker (its card says how far it got). */
async function reading(page: Page, name: string): Promise<void> {
  await expect.poll(() => article(page, name).locator('.reading-text').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^正在读取 ${name.replace('.', '\\.')}`));
}

const SLOW_ITEMS = 30_000;

describe('cancelling a slow file', () => {
  it('by mouse: 取消 on a waiting file and on the file being read; the next file is read, the earlier one keeps everything', async () => {
    const first = stage('examples/county-catalog.yaml', '先读的目录.yaml');
    const slow = slowCatalog('慢目录.yaml', SLOW_ITEMS);
    const next = stage('examples/sample-table.yaml', '后面的目录.yaml');
    const dropped = stage('test/fixtures/sample/sample-2017.xlsx', '不要了.xlsx');
    const { page, log } = await openApp();
    await page.setInputFiles('#pick', [inDir(first)]);
    const firstCard = article(page, first);
    await firstCard.locator('.summary').waitFor();
    const firstSummary = await firstCard.locator('.summary').textContent();

    await page.setInputFiles('#pick', [slow, next, dropped].map(inDir));
    // Every file waiting or being read has its line and its own 取消.
    await expect.poll(() => article(page, dropped).locator('.reading-text').textContent()).toBe('等待读取…');
    await article(page, dropped).getByRole('button', { name: `取消读取 ${dropped}` }).click();
    await expect.poll(() => article(page, dropped).locator('.cancelled-line').textContent()).toBe(`已取消读取 ${dropped}。其他文件不受影响；需要时可以重新选择这个文件。`);

    await reading(page, slow);
    await page.screenshot({ path: path.join(ARTIFACTS, 'app-reading-cancel.png') });
    await expect.poll(() => article(page, next).locator('.reading-text').textContent()).toBe('等待读取…');
    await article(page, slow).getByRole('button', { name: '取消' }).click();
    await expect.poll(() => article(page, slow).locator('.cancelled-line').textContent()).toBe(`已取消读取 ${slow}。其他文件不受影响；需要时可以重新选择这个文件。`);

    // The next file goes on; the cancelled ones are neither read nor counted.
    const nextCard = article(page, next);
    await nextCard.locator('.summary').waitFor({ timeout: 30_000 });
    expect(await nextCard.locator('.summary').textContent()).toBe((await cli('validate', next)).stdout.trim().split('\n').pop());
    await expect.poll(() => article(page, dropped).locator('.summary').count()).toBe(0);
    await expect.poll(() => page.locator('#rollup-total').textContent()).toBe('共 2 个文件：通过 2 个，未通过 0 个');

    // The file read before keeps its summary, findings and table — and the worker that replaced the
    // cancelled one still has it: publish, merge and the change log work on it.
    expect(await firstCard.locator('.summary').textContent()).toBe(firstSummary);
    await firstCard.locator('.catalog-table tbody tr').first().waitFor();
    const html = await download(page, firstCard.locator('button', { hasText: '下载发布网页' }));
    await cli('render', first, '--to', 'html', '-o', 'cli-first.html');
    expect(html.bytes.equals(readFileSync(inDir('cli-first.html')))).toBe(true);
    const merged = await download(page, page.locator('#merge'));
    await cli('merge', first, next, '-o', 'cli-merged.xlsx');
    expect(await values(merged.bytes)).toEqual(await values(readFileSync(inDir('cli-merged.xlsx'))));
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('by keyboard: Tab reaches 取消 of the file being read, Enter cancels it and the focus stays on its card; the reference stays in use', async () => {
    const slow = slowCatalog('慢目录二.yaml', SLOW_ITEMS);
    const next = stage('examples/unit-anquan.yaml', '排队的目录.yaml');
    const ref = stage('examples/reference-anquan.yaml');
    const { page, log } = await openApp();
    await page.setInputFiles('#pick-reference', inDir(ref));
    await expect.poll(() => page.locator('#reference-name').textContent()).toContain('reference-anquan.yaml（');
    await page.setInputFiles('#pick', [slow, next].map(inDir));
    await reading(page, slow);
    let label = '';
    for (let i = 0; i < 40 && label !== `取消读取 ${slow}`; i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(label).toBe(`取消读取 ${slow}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => article(page, slow).locator('.cancelled-line').textContent()).toBe(`已取消读取 ${slow}。其他文件不受影响；需要时可以重新选择这个文件。`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('移除');
    await article(page, next).locator('.summary').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await expect.poll(() => article(page, slow).count()).toBe(0);
    // The worker that replaced the cancelled one holds the reference picked before: the gap report is the CLI's.
    const gap = await download(page, article(page, next).locator('button', { hasText: '下载差距报告' }));
    await cli('gap', next, '--against', ref, '--to', 'html', '-o', 'cli-gap.html');
    expect(gap.bytes.toString()).toBe(readFileSync(inDir('cli-gap.html'), 'utf8'));
    expect(log.errors).toEqual([]);
    await page.context().close();
  });
});
