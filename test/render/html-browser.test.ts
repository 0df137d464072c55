// The published page in a real browser (Debian chromium): no console errors, no network requests,
// search (文号 in any bracket) and category filter with steady columns, hostile text inert, phone cards
// in table order, and print: the table with one header row per page, items whole, at any paper size,
// orientation and margins — with Playwright's page.pdf and with Chromium's own print-to-pdf.
// Screenshots and PDF pages go to test/artifacts/ (gitignored) for a person to look at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Catalog } from '../../src/model/types.js';
import { readCatalog } from '../../src/node/read-file.js';
import { renderHtml } from '../../src/render/html.js';
import { guide2019, hostile2017, HOSTILE, makeCatalog, sample2017, type ItemSpec } from './fixtures.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';
import { ARTIFACTS, chromiumPrint, occurrences, pdfCompactText, pdfPages, pdfPageSize, pdfToPngs } from '../helpers/pdf.js';

let browser: Browser;
let desktop: BrowserContext;
let dir: string;
const urls: Record<string, string> = {};
const files: Record<string, string> = {};

/** 文号 written every way real sheets write them, one item each. */
function wenhao2017(): Catalog {
  const forms = ['国办发〔2018〕118号', '国办发[2018]17号', '国办发（2018）37号', '国办发﹝2018﹞44号', '国办发［2018］89号', '国办发(2019)5号', '国 办 发 〔 2020 〕 9 号'];
  return makeCatalog(
    '2017',
    forms.map((wenhao, i) => ({
      serial: String(i + 1),
      category: '政策文件',
      name: `事项${i + 1}`,
      basis: [`《某某意见》（${wenhao}）`],
      pairs: [{ content: '内容', standard: '标准' }],
      subject: '县政府办公室',
      platform: '政府网站',
      deadline: '20个工作日内',
    })),
    { title: '文号搜索' },
  );
}

/** Many tall items, each cell of pair p of item n marked K<n>-<p>, to see where pages break. */
function long2017(): Catalog {
  const specs: ItemSpec[] = Array.from({ length: 30 }, (_, i) => ({
    serial: String(i + 1),
    category: `类别${Math.floor(i / 7) + 1}`,
    name: `事项名称第${i + 1}项`,
    basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）'],
    pairs: [1, 2, 3].map((p) => ({
      content: `K${i + 1}-${p}`,
      standard: '办理依据、条件、程序、期限和申请材料目录，咨询方式'.repeat(1 + (i % 3 === 0 ? 2 : 0)),
    })),
    subject: '县应急管理局',
    platform: '县政府门户网站',
    deadline: '信息形成或变更之日起20个工作日内',
  }));
  return makeCatalog('2017', specs, { title: '长目录' });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-html-'));
  const catalogs: Record<string, Catalog> = {
    sample: sample2017(),
    guide: guide2019(),
    hostile: hostile2017(),
    wenhao: wenhao2017(),
    long: long2017(),
    county: await readCatalog('examples/county-catalog.yaml'),
    anquan: await readCatalog('examples/unit-anquan.yaml'),
    // One 公开事项 column, no 一级事项 (test/fixtures/real, 德安).
    dean: (await readCatalog('test/fixtures/real/dean-shenong.html')) as Catalog,
  };
  for (const [name, catalog] of Object.entries(catalogs)) {
    const file = path.join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(catalog));
    files[name] = file;
    urls[name] = pathToFileURL(file).href;
  }
  browser = await launchBrowser();
  desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const shownItems = (page: Page) => page.locator('tbody.item:not(.off)').count();

/** Type a search (or choose a category) and wait until the table shows its answer (the page answers
 * once typing pauses, a slice per frame). */
async function search(page: Page, q: string, category?: { label: string }): Promise<void> {
  await page.fill('#q', q);
  if (category) await page.selectOption('#category', category);
  await page.waitForFunction(
    (want) => document.getElementById('count')!.getAttribute('data-query') === `${want}|${(document.getElementById('category') as HTMLSelectElement).value}`,
    q,
  );
}
const headerWidths = (page: Page) => page.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));

describe('catalog page in chromium', () => {
  test('a catalog without 一级事项: one table under 公开事项, no group heading, no category choice; search works', async () => {
    const { page, log } = await watchedPage(desktop);
    await page.goto(urls.dean!);
    expect(await page.locator('thead th').allTextContents()).toEqual(['序号', '公开事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级']);
    expect(await page.locator('.group-heading').count()).toBe(0);
    expect(await page.locator('#category').isVisible()).toBe(false);
    await page.getByLabel('搜索事项').pressSequentially('资金明细');
    await search(page, '资金明细');
    expect(await page.locator('tbody.item:not(.off) td.col-name').allTextContents()).toEqual(['资金明细']);
    expect(await page.locator('#count').textContent()).toBe('显示 1 项，共 2 项');
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-ungrouped-search.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  });

  test('opens without console errors and without any network request', async () => {
    for (const name of ['sample', 'guide']) {
      const { page, log } = await watchedPage(desktop);
      await page.goto(urls[name]!);
      await page.waitForLoadState('load');
      expect(log.errors).toEqual([]);
      expect(log.requests).toEqual([urls[name]]);
      expect(await page.locator('#controls').isVisible()).toBe(true);
      expect(await page.title()).toBe(name === 'sample' ? '县应急管理局政务公开事项目录' : '某区应急管理领域基层政务公开标准目录 - 某区应急管理局');
      await page.screenshot({ path: path.join(ARTIFACTS, `html-${name}-desktop.png`), fullPage: true });
      await page.close();
    }
  });

  test('search hides non-matching items and updates the live count; category filter; empty message', async () => {
    const { page, log } = await watchedPage(desktop);
    await page.goto(urls.guide!);
    expect(await shownItems(page)).toBe(6);
    expect(await page.locator('#count').textContent()).toBe('共 6 项');
    expect(await page.locator('#count').getAttribute('aria-live')).toBe('polite');

    await page.locator('#q').pressSequentially('行政处罚');
    await search(page, '行政处罚');
    expect(await shownItems(page)).toBe(1);
    expect(await page.locator('#count').textContent()).toBe('显示 1 项，共 6 项');
    expect(await page.locator('tbody.group:not(.off)').count()).toBe(1);
    expect(await page.locator('tbody.item:not(.off) td.col-name').allTextContents()).toEqual(['行政处罚']);

    // Any field matches, the category too; several words must all match.
    await search(page, '依法行政 隐私');
    expect(await shownItems(page)).toBe(1);
    await search(page, '区融媒体中心');
    expect(await page.locator('tbody.item:not(.off) td.col-name').allTextContents()).toEqual(['重大决策草案']);
    // a two-pair item shows both of its rows
    expect(await page.locator('tbody.item:not(.off) tr').count()).toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-guide-filtered.png'), fullPage: true });

    await search(page, '没有这个词');
    expect(await shownItems(page)).toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    expect(await page.locator('#empty').textContent()).toBe('没有找到匹配的事项');

    await search(page, '', { label: '依法行政（2项）' });
    expect(await shownItems(page)).toBe(2);
    expect(await page.locator('#empty').isVisible()).toBe(false);
    expect(await page.locator('#count').textContent()).toBe('显示 2 项，共 6 项');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  test('search knows 文号: any bracket, full or half width, spaces ignored, both ways', async () => {
    const { page, log } = await watchedPage(desktop);
    await page.goto(urls.wenhao!);
    const names = async (q: string): Promise<string[]> => {
      await search(page, q);
      return page.locator('tbody.item:not(.off) td.col-name').allTextContents();
    };
    const all2018 = ['事项1', '事项2', '事项3', '事项4', '事项5'];
    for (const q of ['〔2018〕', '[2018]', '［2018］', '(2018)', '（2018）', '﹝2018﹞', '【2018】']) expect(await names(q), q).toEqual(all2018);
    for (const q of ['国办发〔2018〕118号', '国办发[2018]118号', '国办发(2018)118号', '国办发（２０１８）１１８号', '国办发 〔2018〕 118号']) {
      expect(await names(q), q).toEqual(['事项1']);
    }
    expect(await names('国办发〔2018〕17号')).toEqual(['事项2']);
    expect(await names('国办发〔2019〕5号')).toEqual(['事项6']);
    // spaces in the sheet (text copied from a PDF) and in the query are both ignored
    expect(await names('国办发〔2020〕9号')).toEqual(['事项7']);
    expect(await names('国 办 发 [ 2020 ] 9 号')).toEqual(['事项7']);
    // the real example sheet writes (中办发[2016]8号) once and （中办发〔2016〕8号） once
    await page.goto(urls.anquan!);
    expect(await names('中办发〔2016〕8号')).toEqual(['重大决策草案', '重大政策解读（及回应）']);
    expect(await names('中办发[2016]8号')).toEqual(['重大决策草案', '重大政策解读（及回应）']);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  test('column widths stay put while filtering', async () => {
    const { page } = await watchedPage(desktop);
    await page.goto(urls.county!);
    const before = await headerWidths(page);
    for (const q of ['(2018)', '抽检', '没有这个词', '']) {
      await search(page, q);
      expect(await headerWidths(page), q).toEqual(before);
    }
    await page.selectOption('#category', { index: 3 });
    await search(page, '');
    expect(await headerWidths(page)).toEqual(before);
    await page.selectOption('#category', { index: 0 });
    await search(page, '(2018)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-county-search-2018.png'), fullPage: true });
    await page.close();
  });

  test('a link to #item-N shows that item below the sticky header, marked', async () => {
    const { page } = await watchedPage(desktop);
    await page.goto(`${urls.county!}#item-8`);
    const item = page.locator('#item-8');
    expect(await item.locator('td.col-name').textContent()).toBe('产品质量监督抽查信息');
    const [itemTop, headBottom] = await Promise.all([
      item.evaluate((el) => el.getBoundingClientRect().top),
      page.locator('thead').evaluate((el) => el.getBoundingClientRect().bottom),
    ]);
    expect(itemTop).toBeGreaterThanOrEqual(headBottom - 1);
    expect(itemTop).toBeLessThan(900);
    expect(await item.locator('td').first().evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 246, 213)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-county-target.png') });
    await page.close();
  });

  test('hostile cells run nothing and show as text; the CSP blocks injected script', async () => {
    const { page, log } = await watchedPage(desktop);
    await page.goto(urls.hostile!);
    await page.waitForLoadState('load');
    const state = await page.evaluate(() => ({
      x: (window as unknown as { __x?: number }).__x,
      y: (window as unknown as { __y?: number }).__y,
      scripts: document.querySelectorAll('script').length,
      imgs: document.querySelectorAll('img').length,
      hrefs: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    }));
    expect(state).toEqual({ x: undefined, y: undefined, scripts: 1, imgs: 0, hrefs: ['http://evil.example', 'http://x.example/'] });
    expect(await page.locator('.group-name').textContent()).toBe(HOSTILE.script);
    expect(await page.locator('td.col-name').textContent()).toBe(HOSTILE.img);
    expect(await page.locator('td.col-basis li').first().textContent()).toBe(HOSTILE.js);
    expect(log.errors).toEqual([]);
    // An inline script added later (as an injection would be) does not match the CSP hash.
    await page.addScriptTag({ content: 'window.__z = 1' }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __z?: number }).__z)).toBeUndefined();
    expect(log.errors.some((e) => e.includes('Content Security Policy'))).toBe(true);
    expect(log.requests).toEqual([urls.hostile]);
    await page.close();
  });

  test('phone width 375 px: no page-level horizontal scrolling, items as labelled cards in table order', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    try {
      const { page, log } = await watchedPage(phone);
      for (const name of ['sample', 'guide', 'hostile']) {
        await page.goto(urls[name]!);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, name).toBeLessThanOrEqual(375);
        expect(await page.locator('td.col-name').first().evaluate((td) => getComputedStyle(td, '::before').content)).toMatch(/名称|二级事项/);
        if (name !== 'hostile') {
          // Viewport-sized shots (a full page 375 px wide is too thin to look at): the top, then the first item.
          await page.screenshot({ path: path.join(ARTIFACTS, `html-${name}-phone.png`) });
          await page.locator('tbody.item').first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(ARTIFACTS, `html-${name}-phone-items.png`) });
        }
      }
      // The labels of a card from top to bottom: every 公开内容/公开标准 pair in the 公开内容 column's place.
      const cardLabels = async (selector: string) =>
        page.locator(`${selector} td`).evaluateAll((tds) =>
          tds
            .filter((td) => td.getBoundingClientRect().height > 0)
            .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
            .map((td) => td.getAttribute('data-label')),
        );
      await page.goto(urls.sample!);
      expect(await cardLabels('#item-1')).toEqual([
        '序号', '名称', '依据',
        '公开内容', '公开标准', '公开内容', '公开标准', '公开内容', '公开标准', '公开内容', '公开标准',
        '公开主体', '公开方式', '公开时限',
      ]);
      expect(await cardLabels('#item-2')).toEqual(['序号', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注']);
      await page.goto(urls.guide!);
      expect(await cardLabels('#item-3')).toEqual([
        '序号', '二级事项', '公开内容（要素）', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级',
      ]);
      await page.locator('#item-3').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, 'html-guide-phone-two-pairs.png') });
      expect(log.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  test('print media at any printable width is the table, never cards, and fits the paper', async () => {
    const { page } = await watchedPage(desktop);
    // Printable widths in CSS px: A4/Letter portrait with wide and default margins, landscape.
    for (const width of [560, 640, 718, 740, 1047]) {
      await page.setViewportSize({ width, height: 900 });
      for (const name of ['county', 'guide']) {
        await page.goto(urls[name]!);
        await page.emulateMedia({ media: 'print' });
        const state = await page.evaluate(() => ({
          thead: getComputedStyle(document.querySelector('thead')!).display,
          td: getComputedStyle(document.querySelector('tbody.item td')!).display,
          label: getComputedStyle(document.querySelector('tbody.item td')!, '::before').content,
          right: document.querySelector('table.catalog')!.getBoundingClientRect().right,
          controls: getComputedStyle(document.querySelector('#controls')!).display,
        }));
        expect(state, `${name} at ${width}px`).toEqual({ thead: 'table-header-group', td: 'table-cell', label: 'none', right: expect.any(Number), controls: 'none' });
        expect(state.right, `${name} at ${width}px`).toBeLessThanOrEqual(width);
        await page.emulateMedia({ media: 'screen' });
      }
    }
    const pageRule = await page.evaluate(() =>
      [...document.styleSheets[0]!.cssRules].flatMap((r) => (r instanceof CSSMediaRule ? [...r.cssRules] : [])).find((r) => r instanceof CSSPageRule)?.cssText,
    );
    expect(pageRule).toMatch(/size: a4 landscape/i);
    await page.close();
  });

  /** Every page of a printed catalog: exactly one header row (公开时限 is a header label no cell uses). */
  function expectTablePages(pdf: string, label: string): string[] {
    const pages = pdfPages(pdf);
    expect(pages.length, label).toBeGreaterThan(0);
    pages.forEach((text, i) => expect(occurrences(text, '公开时限'), `${label}, page ${i + 1}`).toBe(1));
    return pages;
  }

  /** Each item of the long catalog on one page only. */
  function expectItemsWhole(pages: string[], label: string): void {
    const pageOf = new Map<string, Set<number>>();
    pages.forEach((text, p) => {
      for (const m of text.matchAll(/K(\d+)-\d/g)) {
        if (!pageOf.has(m[1]!)) pageOf.set(m[1]!, new Set());
        pageOf.get(m[1]!)!.add(p);
      }
    });
    expect(pageOf.size, label).toBe(30);
    for (const [item, set] of pageOf) expect([...set], `${label}: item ${item}`).toHaveLength(1);
  }

  test('page.pdf at A4 and Letter, default, wide and zero margins: the table, one header row a page, items whole', async () => {
    const settings: { name: string; pdf: Parameters<Page['pdf']>[0] }[] = [
      { name: 'a4-default', pdf: { format: 'A4' } },
      { name: 'letter-default', pdf: { format: 'Letter' } },
      { name: 'a4-landscape-zero', pdf: { format: 'A4', landscape: true, margin: { top: '0', bottom: '0', left: '0', right: '0' } } },
      { name: 'letter-1in', pdf: { format: 'Letter', margin: { top: '1in', bottom: '1in', left: '1in', right: '1in' } } },
      { name: 'css', pdf: { preferCSSPageSize: true } },
    ];
    const { page } = await watchedPage(desktop);
    for (const name of ['county', 'anquan', 'long']) {
      await page.goto(urls[name]!);
      for (const s of settings) {
        const pdf = path.join(dir, `${name}-${s.name}.pdf`);
        await page.pdf({ ...s.pdf, path: pdf, printBackground: true });
        const pages = expectTablePages(pdf, `${name} ${s.name}`);
        if (name === 'long') expectItemsWhole(pages, `long ${s.name}`);
        if (s.name === 'css') {
          // The page asks for A4 landscape.
          expect(pdfPageSize(pdf).map(Math.round)).toEqual([842, 595]);
          pdfToPngs(pdf, `print-${name}-a4-landscape`);
        }
      }
    }
    await page.close();
  }, 120_000);

  test('portrait paper (a browser or user that overrides the page size): still the table, items whole', async () => {
    // The override is a stylesheet the page's CSP would refuse, so this context bypasses the CSP.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      for (const [paper, margin] of [['A4', '25mm'], ['Letter', '0.4in'], ['A4', '0']] as const) {
        for (const name of ['county', 'anquan', 'long']) {
          await page.goto(urls[name]!);
          await page.addStyleTag({ content: `@page{size:${paper} portrait;margin:${margin}}` });
          const pdf = path.join(dir, `${name}-${paper}-portrait-${margin}.pdf`);
          await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
          const [w, h] = pdfPageSize(pdf);
          expect(w).toBeLessThan(h);
          const pages = expectTablePages(pdf, `${name} ${paper} portrait ${margin}`);
          if (name === 'long') expectItemsWhole(pages, `long ${paper} portrait ${margin}`);
          if (paper === 'A4' && margin === '25mm') pdfToPngs(pdf, `print-${name}-a4-portrait`);
        }
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  test('Chromium\'s own print-to-pdf at its default settings: a 2017 and a 2019 catalog print as the table', () => {
    for (const name of ['county', 'anquan']) {
      const pdf = path.join(dir, `${name}-chromium.pdf`);
      chromiumPrint(files[name]!, pdf);
      const pages = expectTablePages(pdf, `${name} chromium`);
      // no card labels: 公开主体 is printed once a page, in the header
      pages.forEach((text, i) => expect(occurrences(text, '公开主体'), `${name} page ${i + 1}`).toBe(1));
      expect(pdfPageSize(pdf).map(Math.round)).toEqual([842, 595]);
      pdfToPngs(pdf, `chromium-print-${name}`);
    }
    // every item of the county catalog is printed
    const text = pdfCompactText(path.join(dir, 'county-chromium.pdf'));
    for (const name of ['食品安全监督抽检信息', '收费目录清单', '产品质量监督抽查信息']) expect(text).toContain(name);
  }, 120_000);

  test('desktop: the header row sticks to the top while scrolling', async () => {
    const { page } = await watchedPage(desktop);
    await page.goto(urls.guide!);
    expect(await page.locator('thead th').first().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    await page.evaluate(() => window.scrollTo(0, 600));
    const top = await page.locator('thead th').first().evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBe(0);
    await page.close();
  });
});
