// zwgk summary of a folder of domain catalogs (基层政务公开标准目录, one per unit and 领域): the domain read from
// the title or the file name, the unit from the title or the unit's folder, and the units × domains matrix
// in every output — JSON, Markdown (golden), the workbook (read back as values) and the page (in Chromium).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { zwgk } from './helpers.js';
import { expectGolden } from '../render/golden.js';
import { cellText } from '../helpers/exceljs-text.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';
import { domainOf } from '../../src/reports/summary-domains.js';

const REAL = 'test/fixtures/real';

/** A county's folder of domain catalogs: published pages turned into the files a 乡镇 would send (zwgk convert). */
async function domainTree(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-domains-'));
  for (const unit of ['甲镇', '乙镇', '丙街道', '某县']) mkdirSync(path.join(dir, unit));
  const convert = async (page: string, to: string) => {
    const r = await zwgk('convert', path.join(REAL, page), '-o', path.join(dir, to));
    expect(r.code, r.stderr).toBeLessThan(2);
  };
  await convert('dachuan-anquan.html', '甲镇/安全生产领域基层政务公开标准目录.xlsx');
  await convert('penglai-huji.html', '甲镇/户籍管理.yaml');
  await convert('dean-shenong.html', '乙镇/涉农.xlsx');
  await convert('zaozhuang-gaoxin-anquan.html', '乙镇/安全生产.xlsx');
  await convert('tonghai-jiulong.html', '丙街道/重大建设项目.yaml');
  copyFileSync('test/fixtures/wild/categories-2019.xlsx', path.join(dir, '某县', '应急.xlsx'));
  return dir;
}

describe('a domain catalog', () => {
  it('is known by 领域 in its title, or by its file name', () => {
    expect(domainOf('XX县安全生产领域基层政务公开标准目录', 'a.xlsx')).toEqual({ domain: '安全生产', unit: 'XX县' });
    // A pilot domain whose name holds 市 or 乡 is not cut at it.
    expect(domainOf('沂河县城市综合执法领域基层政务公开标准目录', 'a.xlsx')).toEqual({ domain: '城市综合执法', unit: '沂河县' });
    expect(domainOf('甲镇城乡规划领域基层政务公开标准目录', 'a.xlsx')).toEqual({ domain: '城乡规划', unit: '甲镇' });
    // Another name for a pilot domain is the domain; a later guide's domain after the unit's name.
    expect(domainOf('某县生态环境领域基层政务公开标准目录', 'a.xlsx')).toEqual({ domain: '环境保护', unit: '某县' });
    expect(domainOf('凤屯镇政府文件信息领域基层政务公开标准目录', 'a.xlsx')).toEqual({ domain: '政府文件信息', unit: '凤屯镇' });
    expect(domainOf('(一)重大建设项目领域基层政务公开标准目录', 'a.xlsx')).toEqual({ domain: '重大建设项目' });
    expect(domainOf(undefined, '各单位/甲镇/03-义务教育.xlsx')).toEqual({ domain: '义务教育' });
    expect(domainOf(undefined, '各单位/甲镇/社会救助领域基层政务公开标准目录.yaml')).toEqual({ domain: '社会救助' });
    // A unit's own catalog is none, even when its name holds a domain's words.
    expect(domainOf('沂河县就业服务中心政务公开事项标准目录', '就业服务中心.xlsx')).toBeUndefined();
    expect(domainOf('沂河县应急管理局政务公开事项标准目录', '应急管理局.xlsx')).toBeUndefined();
  });
});

describe('zwgk summary of domain catalogs', () => {
  it('names each file’s domain and unit, and rolls them up as units × domains with totals (JSON)', async () => {
    const dir = await domainTree();
    const r = await zwgk('summary', dir, '--format', 'json');
    const doc = JSON.parse(r.stdout);
    expect(doc.rows.map((x: Record<string, unknown>) => [path.relative(dir, String(x.file)), x.unit, x.domain, x.items])).toEqual([
      ['丙街道/重大建设项目.yaml', '丙街道', '重大建设项目', 3],
      ['甲镇/安全生产领域基层政务公开标准目录.xlsx', '甲镇', '安全生产', 6],
      ['甲镇/户籍管理.yaml', '甲镇', '户籍管理', 4],
      ['某县/应急.xlsx', '某县', '应急管理', 5],
      ['乙镇/安全生产.xlsx', '乙镇', '安全生产', 3],
      ['乙镇/涉农.xlsx', '乙镇', '涉农资金', 2],
    ]);
    // Pilot domains in the plan's order, then the later guides' by name.
    expect(doc.domains.domains).toEqual(['重大建设项目', '安全生产', '户籍管理', '涉农资金', '应急管理']);
    expect(doc.domains.units.map((u: { unit: string; domains: Record<string, number> }) => [u.unit, u.domains])).toEqual([
      ['丙街道', { 重大建设项目: 3 }],
      ['甲镇', { 安全生产: 6, 户籍管理: 4 }],
      ['某县', { 应急管理: 5 }],
      ['乙镇', { 安全生产: 3, 涉农资金: 2 }],
    ]);
    expect(doc.domains.coverage['安全生产']).toEqual({ units: 2, items: 9 });
  });

  it('writes the matrix in Markdown (golden)', async () => {
    const dir = await domainTree();
    const out = path.join(dir, '汇总.md');
    await zwgk('summary', dir, '-o', out, '--title', '沂河县基层政务公开标准目录汇总');
    const md = readFileSync(out, 'utf8').replaceAll(dir, '各单位目录').replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, '2026-12-01 09:00');
    expectGolden('summary-domains.md', md);
  });

  it('writes the matrix as the sheet 领域覆盖, values only, the units without a domain’s catalog marked', async () => {
    const dir = await domainTree();
    const out = path.join(dir, '汇总.xlsx');
    await zwgk('summary', dir, '-o', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '领域覆盖', '覆盖情况']);
    const ws = wb.getWorksheet('领域覆盖')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (typeof v === 'number' ? v : cellText(v)));
    expect(values(3)).toEqual(['单位', '重大建设项目', '安全生产', '户籍管理', '涉农资金', '应急管理', '已有领域数', '事项合计']);
    expect(values(5)).toEqual(['甲镇', '', 6, 4, '', '', 2, 10]);
    expect(values(8)).toEqual(['已发布的单位数', 1, 2, 1, 1, 1, '4 个单位', '']);
    expect(values(9)).toEqual(['事项合计', 3, 9, 4, 2, 5, '', 23]);
    // 甲镇 has no 重大建设项目 catalog: its cell is filled; one it has is not.
    const fill = (ref: string) => (ws.getCell(ref).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
    expect(fill('B5')).toBe('FFFDE8E8');
    expect(fill('C5')).toBeUndefined();
    expect(ws.pageSetup.orientation).toBe('landscape');
    let formulas = 0;
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'object' && c.value && 'formula' in c.value && formulas++)));
    expect(formulas).toBe(0);
  });
});

describe('the roll-up page of domain catalogs', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows units × domains with the gaps marked, sortable by a domain', async () => {
    const dir = await domainTree();
    const out = path.join(dir, '汇总.html');
    await zwgk('summary', dir, '-o', out);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const { page, log } = await watchedPage(context);
    await page.goto(`file://${out}`);
    const table = page.locator('#domains');
    await expect.poll(() => table.isVisible()).toBe(true);
    const units = () => table.locator('tbody tr td:first-child').allTextContents();
    expect(await units()).toEqual(['丙街道', '甲镇', '某县', '乙镇']);
    expect(await table.locator('tbody td.gap').count()).toBe(4 * 5 - 6);
    const gap = await table.locator('tbody tr').nth(1).locator('td').nth(1).evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(gap).toBe('rgb(253, 232, 232)');
    await table.getByRole('button', { name: '安全生产' }).click();
    await table.getByRole('button', { name: '安全生产' }).click();
    expect(await units()).toEqual(['甲镇', '乙镇', '丙街道', '某县']);
    await page.screenshot({ path: path.join(tmpdir(), 'zwgk-summary-domains.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    expect(log.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await context.close();
  });
});
