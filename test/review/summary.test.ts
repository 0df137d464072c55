// zwgk summary: the roll-up of a tree of folders — one row per file, unreadable files named, units ×
// categories — as JSON, Markdown, a workbook (read back with exceljs) and a page (escaped, under the CSP,
// sorted and filtered in Chromium by mouse and keyboard); worker threads give the same rows as one thread.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { zwgk } from './helpers.js';
import { cellText } from '../helpers/exceljs-text.js';
import { launchBrowser, watchedPage } from '../helpers/browser.js';


/** A county's folder: two towns' sheets in sub-folders, a bureau's YAML, a damaged file and a note that is not a catalog. */
function tree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-summary-'));
  mkdirSync(path.join(dir, '乡镇', '甲镇'), { recursive: true });
  mkdirSync(path.join(dir, '部门'), { recursive: true });
  copyFileSync('test/fixtures/messy/messy-2017.xlsx', path.join(dir, '乡镇', '甲镇', '应急.xlsx'));
  copyFileSync('test/fixtures/wild/categories-2019.xlsx', path.join(dir, '乡镇', '乙镇.xlsx'));
  copyFileSync('examples/county-catalog.yaml', path.join(dir, '部门', '市场监管.yaml'));
  copyFileSync('test/fixtures/bad/truncated.xlsx', path.join(dir, '部门', '坏文件.xlsx'));
  writeFileSync(path.join(dir, '部门', '说明.txt'), '不是目录');
  writeFileSync(path.join(dir, '部门', '~$市场监管.xlsx'), 'Excel 的锁文件');
  return dir;
}

describe('zwgk summary', () => {
  it('rolls up every catalog file under the folder, at any depth, naming the one it cannot read', async () => {
    const dir = tree();
    const r = await zwgk('summary', dir, '--format', 'json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    const rows = doc.rows.map((x: Record<string, unknown>) => [path.relative(dir, String(x.file)), x.unit, x.layout, x.items, x.errors, x.warnings, x.hints, x.passed]);
    // By path, in the order a Chinese file list shows (拼音: 部门 before 乡镇).
    expect(rows).toEqual([
      ['部门/坏文件.xlsx', '坏文件', '', 0, 1, 0, 0, false],
      ['部门/市场监管.yaml', '沂河县市场监督管理局', '2017', 10, 0, 0, 0, true],
      ['乡镇/甲镇/应急.xlsx', '某县应急管理局', '2017', 3, 1, 0, 11, false],
      ['乡镇/乙镇.xlsx', '某县', '2019', 5, 0, 0, 2, true],
    ]);
    expect(doc.rows[0].unreadable).toContain('文件已损坏');
    expect(doc.rows[0].modified).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(doc.totals).toEqual({ files: 4, passed: 2, unreadable: 1, items: 18, errors: 2, warnings: 0, hints: 13 });
    // Units × categories: each unit's items per category, and how many units have each.
    expect(doc.rows[2].categories).toEqual({ 安全生产: 2, 政务服务: 1 });
    expect(doc.coverage['依法行政']).toEqual({ units: 1, items: 4 });
    // One domain catalog (乙镇.xlsx, 某县应急管理领域…) among units' own catalogs: its unit from the title, no domain matrix.
    expect(doc.rows[3].domain).toBe('应急管理');
    expect(doc.domains).toBeUndefined();
    expect(r.stderr).toContain('共 4 个文件：通过 2 个，未通过 2 个（其中无法读取 1 个）；事项 18 个，错误 2，警告 0，提示 13');
  });

  it('writes Markdown with the file table and the coverage matrix, every text escaped', async () => {
    const dir = tree();
    writeFileSync(path.join(dir, '部门', '注入.yaml'), readFileSync('examples/sample-table.yaml', 'utf8').replace(/^版式: .*$/m, '$&\n单位: "<b>乡|镇</b>"'));
    const out = path.join(dir, '汇总.md');
    expect((await zwgk('summary', dir, '-o', out)).code).toBe(2);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('| 单位 | 文件 | 版式 | 事项数 | 错误 | 警告 | 提示 | 结论 | 最后修改 |');
    expect(md).toContain('| &lt;b&gt;乡\\|镇&lt;/b&gt; |');
    expect(md).toMatch(/\| 合计 \| 5 个文件 \|  \| 19 \| 2 \| 3 \| 13 \| 通过 3 个 \|  \|/);
    expect(md).toContain('## 各单位的事项类别');
  });

  it('writes a workbook: 汇总 and 覆盖情况, values only, printable', async () => {
    const dir = tree();
    const out = path.join(dir, '汇总.xlsx');
    await zwgk('summary', dir, '-o', out, '--title', '沂河县政务公开事项目录汇总');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '覆盖情况']);
    const files = wb.getWorksheet('汇总')!;
    expect(cellText(files.getCell('A1').value)).toBe('沂河县政务公开事项目录汇总');
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => cellText(files.getRow(3).getCell(c).value))).toEqual(['单位', '文件', '版式', '事项数', '错误', '警告', '提示', '结论', '最后修改']);
    expect(cellText(files.getCell('H4').value)).toMatch(/^无法读取：文件已损坏/);
    expect(files.getCell('D8').value).toBe(18);
    expect(files.pageSetup.orientation).toBe('landscape');
    const cov = wb.getWorksheet('覆盖情况')!;
    const header = (cov.getRow(3).values as unknown[]).slice(1).map(cellText);
    expect(header[0]).toBe('单位');
    expect(header[header.length - 1]).toBe('合计');
    const col = header.indexOf('安全生产') + 1;
    expect(cellText(cov.getRow(6).getCell(1).value)).toBe('某县应急管理局');
    expect(cov.getRow(6).getCell(col).value).toBe(2);
    let formulas = 0;
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'object' && c.value && 'formula' in c.value && formulas++)));
    expect(formulas).toBe(0);
  });

  it('reads a list with the layouts of the zwgk-版式 folder beside it, which is no catalog of its own, in one thread and in many', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-summary-layouts-'));
    for (let i = 0; i < 30; i++) {
      const unit = path.join(dir, `单位${String(i).padStart(2, '0')}`);
      mkdirSync(path.join(unit, 'zwgk-版式'), { recursive: true });
      copyFileSync('examples/zwgk-版式/公共服务事项清单.yaml', path.join(unit, 'zwgk-版式', '公共服务事项清单.yaml'));
      copyFileSync('examples/public-services.yaml', path.join(unit, '公共服务.yaml'));
    }
    const single = JSON.parse((await zwgk('summary', dir, '--format', 'json')).stdout);
    expect(single.rows).toHaveLength(30);
    for (const row of single.rows) {
      expect(row.file).not.toContain('zwgk-版式');
      expect([row.layout, row.items, row.errors, row.passed, row.unreadable ?? '']).toEqual(['公共服务事项清单', 3, 0, true, '']);
    }
    // The built CLI reads 30 files in worker threads: each thread reads the layouts beside its files too.
    const r = spawnSync(process.execPath, ['bin/zwgk.js', 'summary', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(single);
  });

  it('reads lists with --layout too, when no zwgk-版式 folder is beside them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-summary-layout-option-'));
    copyFileSync('examples/public-services.yaml', path.join(dir, '公共服务.yaml'));
    const without = JSON.parse((await zwgk('summary', dir, '--format', 'json')).stdout);
    expect(without.rows[0].unreadable).toContain('没有名为“公共服务事项清单”的版式');
    const withLayout = JSON.parse((await zwgk('summary', dir, '--format', 'json', '--layout', 'examples/zwgk-版式/公共服务事项清单.yaml')).stdout);
    expect([withLayout.rows[0].layout, withLayout.rows[0].items, withLayout.rows[0].passed]).toEqual(['公共服务事项清单', 3, true]);
  });

  it('gives the same rows from worker threads (the built CLI, many files) as from one thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-summary-threads-'));
    const sources = ['test/fixtures/messy/messy-2017.xlsx', 'test/fixtures/wild/levels-2019.xlsx', 'examples/unit-anquan.yaml', 'test/fixtures/bad/truncated.xlsx'];
    for (let i = 0; i < 40; i++) {
      const sub = path.join(dir, `县${Math.floor(i / 10)}`);
      mkdirSync(sub, { recursive: true });
      const src = sources[i % sources.length]!;
      copyFileSync(src, path.join(sub, `单位${String(i).padStart(2, '0')}${path.extname(src)}`));
    }
    const r = spawnSync(process.execPath, ['bin/zwgk.js', 'summary', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(2);
    const threaded = JSON.parse(r.stdout);
    expect(threaded.rows).toHaveLength(40);
    // Run from the sources (no compiled worker beside them), the same command reads the files in this thread.
    const single = await zwgk('summary', dir, '--format', 'json');
    expect(threaded).toEqual(JSON.parse(single.stdout));
    expect(threaded.totals.unreadable).toBe(10);
  });
});

describe('the roll-up page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is escaped, loads nothing, sorts by a column heading and filters by text and verdict', async () => {
    const dir = tree();
    writeFileSync(path.join(dir, '部门', '注入.yaml'), readFileSync('examples/sample-table.yaml', 'utf8').replace(/^版式: .*$/m, '$&\n单位: "<script>alert(1)</script>乡镇"'));
    const out = path.join(dir, '汇总.html');
    await zwgk('summary', dir, '-o', out);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;乡镇');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'; img-src 'none'; base-uri 'none'; form-action 'none'">/);

    const context = await browser.newContext();
    const { page, log } = await watchedPage(context);
    await page.goto(`file://${out}`);
    const units = () => page.locator('#files tbody tr:visible td:first-child').allTextContents();
    expect(await units()).toHaveLength(5);
    await page.getByRole('button', { name: '事项数' }).click();
    const items = async () => (await page.locator('#files tbody tr td:nth-child(4)').allTextContents()).map(Number);
    expect(await items()).toEqual([0, 1, 3, 5, 10]);
    await page.getByRole('button', { name: '事项数' }).click();
    expect(await items()).toEqual([10, 5, 3, 1, 0]);
    await page.getByLabel('筛选').fill('某县');
    expect(await units()).toEqual(['某县', '某县应急管理局']);
    await expect.poll(() => page.locator('#count').textContent()).toBe('显示 2 / 5 个文件');
    await page.getByLabel('筛选').fill('');
    await page.getByLabel('结论').selectOption('fail');
    expect((await units()).sort()).toEqual(['坏文件', '某县应急管理局'].sort());
    expect(log.errors).toEqual([]);
    expect(log.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await context.close();
  });
});
