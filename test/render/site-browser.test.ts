// zwgk site in a real browser (Debian chromium), as a new user would try it: the site of three
// catalogs (2017 and 2019) written by the CLI, opened from file:// and from a plain static web server.
// The index links to pages that exist, its search finds an item of each catalog and leads to it,
// every page links back, nothing but the site's own files is requested, hostile text stays text.
// Screenshots go to test/artifacts/.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { run } from '../../src/cli/index.js';
import { renderYaml } from '../../src/render/yaml.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';
import { ARTIFACTS } from '../helpers/pdf.js';
import { hostile2017, HOSTILE } from './fixtures.js';

let dir: string;
let site: string;
let server: Server;
let browser: Browser;
let desktop: BrowserContext;
const bases: Record<string, string> = {};
const out = { stdout: '', stderr: '', code: -1 };

/** A static file server over the site folder: what any web server would do, nothing more. */
function serve(root: string): Promise<Server> {
  const s = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(path.join(root, path.basename(name)));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-site-'));
  const hostile = path.join(dir, '有害.yaml');
  // Hostile text, and a blank 公开时限: a catalog with an error, published all the same.
  const bad = hostile2017();
  bad.items[0]!.deadline.text = '';
  writeFileSync(hostile, renderYaml(bad));
  site = path.join(dir, '网站');
  const sink = (key: 'stdout' | 'stderr') => ({ write: (c: string | Uint8Array) => ((out[key] += String(c)), true) });
  out.code = await run({
    argv: ['site', 'examples/county-catalog.yaml', 'examples/unit-anquan.yaml', 'examples/sample-table.yaml', hostile, '-o', site],
    stdout: sink('stdout'),
    stderr: sink('stderr'),
    env: { NO_COLOR: '1', CI: 'true' },
  });
  server = await serve(site);
  bases.file = pathToFileURL(site).href + '/';
  bases.http = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
  desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('zwgk site', () => {
  test('writes index.html and one page per catalog, and says which catalog has errors (exit 1)', () => {
    expect(out.code, out.stderr).toBe(1);
    expect(readdirSync(site).sort()).toEqual(['county-catalog.html', 'index.html', 'sample-table.html', 'unit-anquan.html', '有害.html']);
    expect(out.stdout).toContain(`已写出网站：${path.join(site, 'index.html')}（4 个目录，共 21 个事项）`);
    expect(out.stdout).toContain('  unit-anquan.html  ← examples/unit-anquan.yaml（9 个事项）');
    expect(out.stderr).toContain(`注意：${path.join(dir, '有害.yaml')} 有`);
    expect(out.stderr).toContain('已照常发布');
    expect(out.stderr).not.toContain('county-catalog.yaml 有');
  });

  for (const via of ['file', 'http'] as const) {
    test(`from ${via === 'file' ? 'file://' : 'a static web server'}: links, search across catalogs, back links, nothing else fetched`, async () => {
      const base = bases[via]!;
      const { page, log } = await watchedPage(desktop);
      await page.goto(base + 'index.html');
      expect(log.errors).toEqual([]);
      expect(await page.locator('#controls').isVisible()).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, `site-index-${via}.png`), fullPage: true });

      // Every listed catalog opens, and links back.
      const links = await page.locator('table.catalogs a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      expect(links.map(([title]) => title)).toEqual([
        '沂河县市场监督管理局政务公开事项标准目录',
        '沂河县应急管理局政务公开事项标准目录（安全生产）',
        '政务公开事项目录（样表）',
        '政务公开事项目录',
      ]);
      for (const [title, href] of links) {
        await page.goto(base + 'index.html');
        await page.locator('table.catalogs').getByRole('link', { name: title!, exact: true }).click();
        await page.waitForLoadState('load');
        expect(page.url()).toBe(base + href);
        expect(await page.locator('h1').textContent()).toBe(title);
        await page.locator('.site-nav a').click();
        await page.waitForLoadState('load');
        expect(page.url()).toBe(base + 'index.html');
      }

      // The search finds an item of each catalog, whatever brackets the 文号 has, and leads to it.
      await page.goto(base + 'index.html');
      const find = async (q: string) => {
        await page.fill('#q', q);
        return page.locator('#results a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      };
      expect(await find('国办发(2018)118号')).toEqual([['食品药品行政处罚信息', 'county-catalog.html#item-3']]);
      expect(await find('生产安全事故调查报告')).toEqual([['生产安全事故调查报告', 'unit-anquan.html#item-9']]);
      expect(await find('鲁食药[2017]32号')).toEqual([['食品安全监督抽检信息', 'sample-table.html#item-1']]);
      expect(await page.locator('#count').textContent()).toBe('找到 1 个事项');
      const both = await find('〔2016〕8号');
      expect(new Set(both.map(([, href]) => href!.split('#')[0]))).toEqual(new Set(['county-catalog.html', 'unit-anquan.html']));
      expect(await page.locator('#results .where').first().textContent()).toBe('沂河县市场监督管理局政务公开事项标准目录 › 特种设备安全');
      await page.screenshot({ path: path.join(ARTIFACTS, `site-search-${via}.png`), fullPage: true });
      await find('生产安全事故调查报告');
      await page.locator('#results a').first().click();
      await page.waitForLoadState('load');
      expect(page.url()).toBe(base + 'unit-anquan.html#item-9');
      expect(await page.locator('#item-9').isVisible()).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, `site-result-${via}.png`) });

      await page.goto(base + 'index.html');
      expect(await find('没有这个词')).toEqual([]);
      expect(await page.locator('#count').textContent()).toBe('没有找到匹配的事项');

      // Only the site's own pages were ever requested.
      expect(log.requests.every((u) => u.startsWith(base)), log.requests.join('\n')).toBe(true);
      expect(log.errors).toEqual([]);
      await page.close();
    }, 60_000);
  }

  test('hostile cells: searchable as text, never run', async () => {
    const { page, log } = await watchedPage(desktop);
    await page.goto(bases.file + 'index.html');
    await page.fill('#q', '<script>');
    expect(await page.locator('#results .where').allTextContents()).toEqual([`政务公开事项目录 › ${HOSTILE.script}`]);
    expect(await page.locator('#results a').textContent()).toBe(HOSTILE.img);
    expect(await page.evaluate(() => [(window as unknown as { __x?: number }).__x, (window as unknown as { __y?: number }).__y])).toEqual([undefined, undefined]);
    expect(await page.locator('img').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  test('phone width: the index without horizontal scrolling, catalogs as cards', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    try {
      const { page, log } = await watchedPage(phone);
      await page.goto(bases.file + 'index.html');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.fill('#q', '行政处罚');
      await page.screenshot({ path: path.join(ARTIFACTS, 'site-index-phone.png'), fullPage: true });
      expect(log.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
