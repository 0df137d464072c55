// A large list's page folds as a large catalog's does (a county's 权责清单 runs to thousands of powers):
// above SECTIONS.over items, one folded <details> table per section of at most SECTIONS.size items of a
// group, each with the list's own header; a search opens the sections it finds something in. Small sizes
// here (a page option); the real ones are the catalog's (bench/page-search.mjs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderListHtml } from '../../src/render/list/html.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';
import { ARTIFACTS } from '../helpers/pdf.js';
import { layout, listDoc } from './helpers.js';

/** 13 powers of two types (8 许可, 5 处罚), every name its own. */
function powers() {
  return listDoc(
    layout('powers'),
    Array.from({ length: 13 }, (_, i) => ({
      values: { serial: String(i + 1), name: `第${i + 1}项${i % 3 === 0 ? '规划' : '建设'}职权`, type: i < 8 ? '行政许可' : '行政处罚', basis: '《中华人民共和国城乡规划法》', subject: '县自然资源局', duty: `受理、审查、决定（${i + 1}）` },
    })),
    { title: '某县自然资源局权责清单' },
  );
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-list-large-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a large list’s page', () => {
  it('comes in folded sections by group above the threshold, each table with the list’s header; one table below it', () => {
    expect(renderListHtml(powers())).not.toContain('<details class="section"');
    const html = renderListHtml(powers(), { sections: { over: 10, size: 3 } });
    const labels = [...html.matchAll(/<span class="group-name">([^<]+)<\/span> <span class="group-count">（([^）]+)）<\/span><\/summary>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(labels).toEqual(['行政许可 第 1–3 项，共 8 项', '行政许可 第 4–6 项，共 8 项', '行政许可 第 7–8 项，共 8 项', '行政处罚 第 1–3 项，共 5 项', '行政处罚 第 4–5 项，共 5 项']);
    expect(html.match(/<table class="catalog list/g)).toHaveLength(5);
    expect(html.match(/<thead>/g)).toHaveLength(5);
    expect(html.match(/<tbody class="item"/g)).toHaveLength(13);
    // The group filter still lists the groups, with their counts.
    expect(html).toContain('<option value="1">行政处罚（5项）</option>');
  });

  it('a search opens the sections with matches, and the group filter narrows them', async () => {
    const file = path.join(dir, 'powers.html');
    writeFileSync(file, renderListHtml(powers(), { sections: { over: 10, size: 3 } }));
    const { page, log } = await watchedPage(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await page.goto(pathToFileURL(file).href);
    const open = async () => (await page.locator('details.section[open] summary').allTextContents()).map((t) => t.replace(/\s+/g, ''));
    expect(await open()).toEqual([]);
    await page.fill('#q', '规划职权');
    await page.waitForFunction(() => document.getElementById('count')!.getAttribute('data-query') === '规划职权|');
    // 第1, 4, 7 (许可), 10, 13 (处罚): every section holds one.
    expect(await page.locator('tbody.item:not(.off)').count()).toBe(5);
    expect(await page.locator('#count').textContent()).toBe('显示 5 项，共 13 项');
    expect(await open()).toHaveLength(5);
    await page.selectOption('#category', '1');
    await page.waitForFunction(() => document.getElementById('count')!.getAttribute('data-query') === '规划职权|1');
    expect(await page.locator('#count').textContent()).toBe('显示 2 项，共 13 项');
    expect(await open()).toEqual(['行政处罚（第1–3项，共5项）', '行政处罚（第4–5项，共5项）']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'list-large-search.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
