// The published page of a large catalog, and printing after a search. A browser lays a table out
// whole (25 000 items in one table took a minute to show and seconds per key), so above
// SECTIONS.over items the page comes in folded sections of at most SECTIONS.size items, one table
// each: a search opens the sections it finds something in, a link to an item opens its section, and
// printing opens what is to be printed. After a search the printout is the matches, said above the
// table, unless the reader ticks 打印时也打印未匹配的事项. Here the sizes are small (a page option);
// the real sizes are measured in bench/page-search.mjs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, SECTIONS } from '../../src/render/html.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';
import { ARTIFACTS, pdfCompactText, pdfToPngs } from '../helpers/pdf.js';
import { makeCatalog, type ItemSpec } from './fixtures.js';

let browser: Browser;
let dir: string;

/** 23 items in three categories (10, 8, 5), every name its own. */
function catalog() {
  const specs: ItemSpec[] = Array.from({ length: 23 }, (_, i) => ({
    serial: String(i + 1),
    category: i < 10 ? '政策文件' : i < 18 ? '行政许可' : '行政处罚',
    name: `事项${i + 1}号${i % 4 === 0 ? '抽检' : '公示'}`,
    basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）'],
    pairs: [{ content: `内容${i + 1}`, standard: `标准${i + 1}` }],
    subject: '县市场监管局',
    platform: '县政府门户网站',
    deadline: '20个工作日内',
  }));
  return makeCatalog('2017', specs, { title: '大目录' });
}

function write(name: string, html: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/** Type a search and wait until the table shows its answer. */
async function search(page: Page, q: string): Promise<void> {
  await page.fill('#q', q);
  await page.waitForFunction((want) => document.getElementById('count')!.getAttribute('data-query') === `${want}|`, q);
}

const openSections = async (page: Page) => (await page.locator('details.section[open] summary .group-count').allTextContents()).map((t) => t.slice(1, -1));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-html-large-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a large catalog’s page', () => {
  it('comes in folded sections of at most the section size above the threshold, one table as before below it', () => {
    expect(SECTIONS).toEqual({ over: 2000, size: 100 });
    const small = renderHtml(catalog());
    expect(small).not.toContain('<details class="section"');
    const large = renderHtml(catalog(), { sections: { over: 20, size: 4 } });
    // 政策文件 10 → 4 + 4 + 2, 行政许可 8 → 4 + 4, 行政处罚 5 → 4 + 1: seven sections, seven tables.
    const labels = [...large.matchAll(/<span class="group-count">（([^）]+)）<\/span><\/summary>/g)].map((m) => m[1]);
    expect(labels).toEqual(['第 1–4 项，共 10 项', '第 5–8 项，共 10 项', '第 9–10 项，共 10 项', '第 1–4 项，共 8 项', '第 5–8 项，共 8 项', '第 1–4 项，共 5 项', '第 5 项，共 5 项']);
    expect(large.match(/<table class="catalog/g)).toHaveLength(7);
    expect(large.match(/<tbody class="item"/g)).toHaveLength(23);
    expect(large).not.toMatch(/<details[^>]* open/);
  });

  it('a search opens the sections it finds something in and folds them again when cleared; a link opens its item’s section', async () => {
    const url = write('large.html', renderHtml(catalog(), { sections: { over: 20, size: 4 } }));
    const { page, log } = await watchedPage(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await page.goto(url);
    expect(await openSections(page)).toEqual([]);
    await search(page, '抽检');
    // 事项1, 5, 9 (政策文件), 13, 17 (行政许可), 21 (行政处罚): each in a section of its own; the last
    // section (事项23) has none and is hidden.
    expect(await page.locator('tbody.item:not(.off) td.col-name').allTextContents()).toEqual(['事项1号抽检', '事项5号抽检', '事项9号抽检', '事项13号抽检', '事项17号抽检', '事项21号抽检']);
    expect(await openSections(page)).toEqual(['第 1–4 项，共 10 项', '第 5–8 项，共 10 项', '第 9–10 项，共 10 项', '第 1–4 项，共 8 项', '第 5–8 项，共 8 项', '第 1–4 项，共 5 项']);
    expect(await page.locator('details.section.off').count()).toBe(1);
    expect(await page.locator('#count').textContent()).toBe('显示 6 项，共 23 项');
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-large-search.png'), fullPage: true });
    await search(page, '');
    expect(await openSections(page)).toEqual([]);
    expect(await page.locator('details.section.off').count()).toBe(0);
    await page.goto(`${url}#item-23`);
    await expect.poll(() => openSections(page)).toEqual(['第 5 项，共 5 项']);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('keeps a folded section’s rows as text until it is opened, and shows them as tables when scripts are off', async () => {
    const url = write('folded.html', renderHtml(catalog(), { sections: { over: 20, size: 4 } }));
    const { page, log } = await watchedPage(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await page.goto(url);
    // Nothing laid out or held as nodes until asked for.
    expect(await page.locator('tbody.item').count()).toBe(0);
    await page.locator('details.section summary').nth(1).click();
    expect(await page.locator('details.section').nth(1).locator('tbody.item td.col-name').allTextContents()).toEqual(['事项5号抽检', '事项6号公示', '事项7号公示', '事项8号公示']);
    expect(await page.locator('tbody.item').count()).toBe(4);
    expect(log.errors).toEqual([]);
    await page.close();
    const off = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const still = await off.newPage();
    await still.goto(url);
    expect(await still.locator('tbody.item').count()).toBe(23);
    await still.locator('details.section summary').first().click();
    expect(await still.locator('details.section').first().locator('tbody.item').count()).toBe(4);
    await off.close();
  });

  it('prints after a search only the matches, saying so, or everything when asked; a folded page prints whole', async () => {
    const url = write('small.html', renderHtml(catalog()));
    const { page } = await watchedPage(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await page.goto(url);
    await search(page, '抽检');
    const only = path.join(ARTIFACTS, 'html-print-matches.pdf');
    await page.pdf({ path: only, preferCSSPageSize: true });
    const text = pdfCompactText(only);
    expect(text).toContain('本打印件只含“抽检”的6项（共23项）');
    for (const n of [1, 5, 9, 13, 17, 21]) expect(text).toContain(`事项${n}号抽检`);
    expect(text).not.toContain('事项2号公示');
    pdfToPngs(only, 'html-print-matches');

    await page.getByLabel('打印时也打印未匹配的事项').check();
    const all = path.join(ARTIFACTS, 'html-print-all.pdf');
    await page.pdf({ path: all, preferCSSPageSize: true });
    const everything = pdfCompactText(all);
    expect(everything).not.toContain('本打印件只含');
    for (let n = 1; n <= 23; n++) expect(everything).toContain(`事项${n}号`);
    await page.close();

    // A folded page with nothing searched prints every section (opened for printing — the browser's
    // beforeprint, which page.pdf fires too — and folded after).
    const folded = await watchedPage(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await folded.page.goto(write('folded.html', renderHtml(catalog(), { sections: { over: 20, size: 4 } })));
    const whole = path.join(ARTIFACTS, 'html-print-folded.pdf');
    await folded.page.pdf({ path: whole, preferCSSPageSize: true });
    const printed = pdfCompactText(whole);
    for (let n = 1; n <= 23; n++) expect(printed).toContain(`事项${n}号`);
    pdfToPngs(whole, 'html-print-folded');
    expect(await openSections(folded.page)).toEqual([]);
    await folded.page.close();
  });
});
