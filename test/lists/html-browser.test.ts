// The page of a list in a real browser (Debian chromium): no console error (a style or script the CSP
// refused would be one), no request, search and the group filter, phone cards, and print on the layout's
// paper. Screenshots and PDF pages go to test/artifacts/ for a person to look at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { renderListHtml } from '../../src/render/list/html.js';
import { launchBrowser, watchedPage, type PageLog } from '../helpers/browser.js';
import { ARTIFACTS, chromiumPrint, pdfCompactText, pdfPageSize, pdfToPngs } from '../helpers/pdf.js';
import { builtinDocs, listDoc, SERVICES } from './helpers.js';

let browser: Browser;
let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-list-html-'));
  const docs = {
    ...builtinDocs(),
    services: listDoc(SERVICES, [
      { values: { serial: '1', name: '办理居住证', online: '是', channels: '■窗口 □网站 ■自助机' }, rows: [{ material: '居民身份证', copies: '1' }, { material: '居住证明（房屋租赁合同等）', copies: '2' }] },
      { values: { serial: '2', name: '查询社会保险缴费记录', online: '是', channels: '□窗口 ■网站 ■自助机' }, rows: [{ material: '居民身份证', copies: '1' }] },
    ], { title: '某街道公共服务事项清单' }),
  };
  for (const [name, doc] of Object.entries(docs)) {
    files[name] = path.join(dir, `${name}.html`);
    writeFileSync(files[name]!, renderListHtml(doc));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, viewport = { width: 1400, height: 900 }): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport });
  const watched = await watchedPage(context);
  await watched.page.goto(pathToFileURL(files[name]!).href);
  await watched.page.waitForSelector('#controls:not([hidden])');
  return watched;
}

/** Type a search (or choose a group) and wait until the table shows its answer. */
async function search(page: Page, q: string, group?: { label: string }): Promise<void> {
  await page.fill('#q', q);
  if (group) await page.selectOption('#category', group);
  await page.waitForFunction(
    (want) => document.getElementById('count')!.getAttribute('data-query') === `${want}|${(document.getElementById('category') as HTMLSelectElement).value}`,
    q,
  );
}
const shown = (page: Page) => page.locator('tbody.item:not(.off)').count();

describe('list page in chromium', () => {
  test('opens without console errors or requests; the hostile 备注 is text; search and count', async () => {
    const { page, log } = await open('major-decisions');
    await page.screenshot({ path: path.join(ARTIFACTS, 'list-major-decisions-desktop.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    expect(log.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(await page.locator('td', { hasText: '<script>alert(1)</script>' }).count()).toBe(1);
    // The two header rows: 履行程序 spans its five options, which sit in the second row.
    const th = await page.locator('thead th', { hasText: '履行程序' }).boundingBox();
    const options = await page.locator('thead th.option').evaluateAll((ths) => ths.map((t) => t.getBoundingClientRect()));
    expect(options).toHaveLength(5);
    expect(Math.abs(options[0]!.left - th!.x)).toBeLessThan(1);
    expect(Math.abs(options[4]!.right - (th!.x + th!.width))).toBeLessThan(1);
    await search(page, '票价');
    expect(await shown(page)).toBe(1);
    expect(await page.locator('#count').textContent()).toBe('显示 1 项，共 2 项');
    await page.context().close();
  });

  test('权责清单: the 事项类型 filter shows one group', async () => {
    const { page, log } = await open('powers');
    await search(page, '', { label: '行政处罚（1项）' });
    expect(await shown(page)).toBe(1);
    expect(await page.locator('tbody.item:not(.off) td.col-name').textContent()).toBe('对违反城乡规划行为的处罚');
    await search(page, '', { label: '全部（3项）' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'list-powers-desktop.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  test('per-row columns: the item spans two rows; on a phone it is a card with labelled cells', async () => {
    const { page, log } = await open('services', { width: 390, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'list-services-phone.png'), fullPage: true });
    const labels = await page.locator('#item-1 td').evaluateAll((tds) => tds.filter((t) => getComputedStyle(t).display !== 'none').map((t) => getComputedStyle(t, '::before').content));
    expect(labels).toContain('"办理材料"');
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  test('prints on the layout paper: A4 landscape for 重大行政决策, portrait for the services list', () => {
    for (const [name, landscape] of [['major-decisions', true], ['services', false]] as const) {
      const pdf = path.join(dir, `${name}.pdf`);
      chromiumPrint(files[name]!, pdf);
      const [w, h] = pdfPageSize(pdf);
      expect(w > h).toBe(landscape);
      expect(pdfCompactText(pdf)).toContain(name === 'services' ? '居住证明（房屋租赁合同等）' : '调整城区公共交通票价');
      pdfToPngs(pdf, `list-${name}-print`, 70);
    }
  });
});
