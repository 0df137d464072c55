// The published page in a real browser (Debian chromium): no console errors, no network requests,
// search and category filter, hostile text inert, phone width without page scrolling, print CSS.
// Screenshots go to test/artifacts/ (gitignored) for a person to look at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { renderHtml } from '../../src/render/html.js';
import { guide2019, hostile2017, HOSTILE, sample2017 } from './fixtures.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';

const ARTIFACTS = path.resolve('test/artifacts');
let browser: Browser;
let desktop: BrowserContext;
let dir: string;
const urls: Record<string, string> = {};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-html-'));
  for (const [name, catalog] of Object.entries({ sample: sample2017(), guide: guide2019(), hostile: hostile2017() })) {
    const file = path.join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(catalog));
    urls[name] = pathToFileURL(file).href;
  }
  browser = await launchBrowser();
  desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('catalog page in chromium', () => {
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
    const visibleItems = () => page.locator('tr.item-first:visible').count();
    expect(await visibleItems()).toBe(6);
    expect(await page.locator('#count').textContent()).toBe('共 6 项');
    expect(await page.locator('#count').getAttribute('aria-live')).toBe('polite');

    await page.locator('#q').pressSequentially('行政处罚');
    expect(await visibleItems()).toBe(1);
    expect(await page.locator('#count').textContent()).toBe('显示 1 项，共 6 项');
    expect(await page.locator('tbody.group:visible').count()).toBe(1);

    // Any field matches, the category too; several words must all match.
    await page.fill('#q', '依法行政 隐私');
    expect(await visibleItems()).toBe(1);
    await page.fill('#q', '区融媒体中心');
    expect(await page.locator('tr.item:visible td.col-name').allTextContents()).toEqual(['重大决策草案']);
    // a two-pair item shows both of its rows
    expect(await page.locator('tr.item:visible').count()).toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-guide-filtered.png'), fullPage: true });

    await page.fill('#q', '没有这个词');
    expect(await visibleItems()).toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    expect(await page.locator('#empty').textContent()).toBe('没有找到匹配的事项');

    await page.fill('#q', '');
    await page.selectOption('#category', { label: '依法行政（2项）' });
    expect(await visibleItems()).toBe(2);
    expect(await page.locator('#empty').isVisible()).toBe(false);
    expect(await page.locator('#count').textContent()).toBe('显示 2 项，共 6 项');
    expect(log.errors).toEqual([]);
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

  test('phone width 375 px: no page-level horizontal scrolling, items as labelled cards', async () => {
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
          await page.locator('tr.item-first').first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(ARTIFACTS, `html-${name}-phone-items.png`) });
        }
      }
      expect(log.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  test('print: A4 landscape page, header repeated, controls hidden', async () => {
    const { page } = await watchedPage(desktop);
    await page.goto(urls.sample!);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#controls').isVisible()).toBe(false);
    expect(await page.locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
    const pageRule = await page.evaluate(() =>
      [...document.styleSheets[0]!.cssRules].flatMap((r) => (r instanceof CSSMediaRule ? [...r.cssRules] : [])).find((r) => r instanceof CSSPageRule)?.cssText,
    );
    expect(pageRule).toMatch(/size: a4 landscape/i);
    await page.pdf({ path: path.join(ARTIFACTS, 'html-sample-print.pdf'), preferCSSPageSize: true, printBackground: true });
    await page.close();
  });

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
