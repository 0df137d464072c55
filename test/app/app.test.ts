// The offline app is the CLI in a browser: this parity test opens the file `zwgk app` writes from file://
// in Debian's chromium, picks fixtures, and holds what the page shows and downloads against what the
// CLI prints and writes when run in the fixture's folder (so file names agree). The CLI runs in-process
// through run(), which bin/zwgk.js only wraps (test/cli/cli.test.ts holds the two equal): some sixty
// child processes less.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIX_WORDS } from '../../src/findings/codes.js';
import { describeAt } from '../../src/findings/location.js';
import { ARTIFACTS, appPath, article, cli, download, inDir, openApp, pick, stage, useApp, values } from '../helpers/app-harness.js';
import { makeTableFixtures } from '../helpers/table-fixtures.js';

/** Pages and Word files made from workbooks (test/helpers/table-fixtures.ts), written before the tests run. */
const GENERATED = mkdtempSync(path.join(os.tmpdir(), 'zwgk-app-tables-'));

useApp();

beforeAll(async () => {
  await makeTableFixtures(GENERATED);
  // A web page saved under a Word name, as many portals export: both shells read it as the page.
  copyFileSync(path.join(GENERATED, 'messy-gb2312.html'), path.join(GENERATED, 'page-saved-as.doc'));
  // …and under an old Excel name, as many systems export a “spreadsheet”.
  copyFileSync(path.join(GENERATED, 'messy-gb2312.html'), path.join(GENERATED, 'page-saved-as.xls'));
});

afterAll(() => rmSync(GENERATED, { recursive: true, force: true }));

const FIXTURES = [
  'test/fixtures/sample/sample-2017.xlsx',
  'test/fixtures/messy/messy-2017.xlsx',
  'test/fixtures/messy/two-sheets.xlsx',
  'test/fixtures/2019/county-2019.xlsx',
  'examples/county-catalog.yaml',
  'examples/unit-anquan.yaml',
  path.join(GENERATED, 'messy-gb2312.html'),
  path.join(GENERATED, 'county-word.docx'),
  path.join(GENERATED, 'page-saved-as.doc'),
  path.join(GENERATED, 'page-saved-as.xls'),
];

describe('the app file', () => {
  it('is one self-contained HTML file well under 5 MB with a CSP that allows no request', () => {
    const html = readFileSync(appPath(), 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024 * 1024);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
  });
});

describe('app and CLI agree', () => {
  it.each(FIXTURES)('%s: same summary, same findings, same page, Markdown and YAML, same workbook values', async (fixture) => {
    const name = stage(fixture);
    const { page, log } = await openApp();
    await pick(page, [name]);
    const card = article(page, name);

    const json = JSON.parse((await cli('validate', name, '--format', 'json')).stdout) as { files: { diagnostics: { code: string; message: string; location: Parameters<typeof describeAt>[0] }[] }[] };
    // The same findings in the same order, each at its place in the file (the card names the file), in
    // the words of a page with buttons, a page of 100 rows at a time.
    const expected = json.files[0]!.diagnostics.map((d) => [describeAt(d.location) || '整个文件', d.message.replaceAll(FIX_WORDS.cli, FIX_WORDS.app), d.code]);
    const shownRows = await card.locator('.finding-list tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.querySelectorAll('td')[0]?.textContent ?? '', r.querySelectorAll('td')[2]?.textContent ?? '', r.getAttribute('data-code') ?? '']),
    );
    expect(shownRows).toEqual(expected.slice(0, 100));
    const text = await cli('validate', name);
    const summary = text.stdout.trim().split('\n').pop();
    expect(await card.locator('.summary').textContent()).toBe(summary);

    for (const [label, to] of [['下载发布网页', 'html'], ['下载纯文本版（.md）', 'md'], ['下载数据文件（.yaml）', 'yaml']] as const) {
      const got = await download(page, card.locator('button', { hasText: label }));
      const out = `cli-${to}-${name}.${to}`;
      await cli(to === 'yaml' ? 'convert' : 'render', name, ...(to === 'yaml' ? [] : ['--to', to]), '-o', out);
      expect(got.bytes.equals(readFileSync(inDir(out))), `${label} of ${name}`).toBe(true);
    }
    const xlsx = await download(page, card.locator('button', { hasText: '下载 Excel' }));
    await cli('render', name, '--to', 'xlsx', '-o', `cli-${name}.xlsx`);
    expect(await values(xlsx.bytes)).toEqual(await values(readFileSync(inDir(`cli-${name}.xlsx`))));

    expect(log.errors).toEqual([]);
    expect(log.requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:'))).toEqual([]);
    await page.context().close();
  });

  it('fixes a workbook as `zwgk fix` does: 文号 brackets corrected, the rest kept', async () => {
    const name = stage('test/fixtures/sample/sample-2017.xlsx', '科室目录.xlsx');
    const { page } = await openApp();
    await pick(page, [name]);
    const card = article(page, name);
    const fixed = await download(page, card.locator('button', { hasText: '下载修正后的表格' }));
    expect(fixed.name).toBe('科室目录（修正后）.xlsx');
    const cliRun = await cli('fix', name, '-o', 'cli-fixed.xlsx');
    expect(await values(fixed.bytes)).toEqual(await values(readFileSync(inDir('cli-fixed.xlsx'))));
    // The change list the CLI prints is shown under the buttons.
    expect((await card.locator('pre.note').textContent())?.trim()).toBe(cliRun.stderr.split('\n').filter((l) => !l.startsWith('已写出') && !l.startsWith('注意')).join('\n').trim());
    writeFileSync(inDir('fixed-by-app.xlsx'), fixed.bytes);
    const again = await cli('validate', 'fixed-by-app.xlsx', '--format', 'json');
    const codes = (JSON.parse(again.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]!.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('wenhao-brackets');
    await page.context().close();
  });

  it('a page and a Word file: the corrected catalog comes as a workbook (the page is not rewritten); a finding shows its table cell', async () => {
    const name = stage(path.join(GENERATED, 'messy-gb2312.html'), '上级目录.html');
    const word = stage(path.join(GENERATED, 'messy-word.docx'), '科室目录.docx');
    const { page, log } = await openApp();
    await pick(page, [name, word]);
    for (const file of [name, word]) {
      const card = article(page, file);
      const fixed = await download(page, card.locator('button', { hasText: '下载修正后的表格' }));
      expect(fixed.name).toBe(file.replace(/\.(html|docx)$/, '（修正后）.xlsx'));
      await cli('fix', file, '-o', `cli-fixed-${file}.xlsx`);
      expect(await values(fixed.bytes)).toEqual(await values(readFileSync(inDir(`cli-fixed-${file}.xlsx`))));
      expect((await card.locator('pre.note').textContent())?.split('\n')[0]).toBe(`${file} 不会被改写：修正后的目录写成 Excel 工作簿（样表格式）。`);
    }
    const card = article(page, name);
    await card.locator('.catalog-table').waitFor();
    await card.locator('.finding-list tbody tr[data-code="required-blank"]').click();
    const cell = card.locator('td.flash');
    await expect.poll(() => cell.count()).toBe(1);
    expect(await cell.getAttribute('data-ref')).toBe('#4!6:9');
    expect(await cell.getAttribute('class')).toContain('mark-error');
    await page.screenshot({ path: path.join(ARTIFACTS, 'app-page-file.png') });
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('shows the CLI’s message for a file it cannot read, and goes on with the others', async () => {
    const bad = stage('test/fixtures/bad/csv-renamed.xlsx');
    const good = stage('examples/sample-table.yaml');
    const { page, log } = await openApp();
    await pick(page, [bad, good]);
    const cliBad = await cli('validate', bad);
    expect(cliBad.code).toBe(2);
    expect(await article(page, bad).locator('.error-line').textContent()).toBe(cliBad.stderr.trim());
    expect(await article(page, good).locator('.summary').textContent()).toBe((await cli('validate', good)).stdout.trim().split('\n').pop());
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('a keyboard alone opens a file: Tab reaches 选择文件 and Space opens the file dialog; the focus is plainly visible', async () => {
    const { page } = await openApp();
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'pick'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('pick');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle);
    expect(outline).toBe('solid');
    await page.screenshot({ path: path.join(ARTIFACTS, 'app-keyboard-focus.png'), clip: { x: 0, y: 0, width: 1366, height: 260 } });
    // Under a loaded machine Chromium now and then drops the first key press that asks for the dialog (it
    // came neither late nor at all in 30 s); a clerk presses again, and so does the test, at most three times.
    let chooser: import('playwright-core').FileChooser | undefined;
    for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
      [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => undefined), page.keyboard.press('Space')]);
      if (!chooser) expect(await page.evaluate(() => document.activeElement?.id ?? '')).toBe('pick');
    }
    if (!chooser) throw new Error('Space on 选择文件 never opened the file dialog');
    await chooser.setFiles(inDir(stage('examples/county-catalog.yaml')));
    await page.waitForSelector('article.file .summary', { timeout: 30_000 });
    expect(await article(page, 'county-catalog.yaml').locator('.summary').textContent()).toMatch(/county-catalog\.yaml/);
    await page.context().close();
  });

  it('an old Excel file gets what to do in the browser, not a word about installing LibreOffice', async () => {
    const old = stage('test/fixtures/sample/sample-2017.xlsx', '旧版目录.xls');
    const { page } = await openApp();
    await pick(page, [old]);
    expect(await article(page, old).locator('.error-line').textContent()).toBe(
      '错误：网页版不能直接读取 .xls 文件（旧版目录.xls）。请在 Excel 或 WPS 中打开它，选择“另存为”→“Excel 工作簿(*.xlsx)”，再在这里选择另存好的 .xlsx 文件',
    );
    await page.context().close();
  });

  it('a file dropped beside the drop zone is opened, not lost', async () => {
    const { page } = await openApp();
    const text = readFileSync('examples/sample-table.yaml', 'utf8');
    await page.evaluate((yaml) => {
      const data = new DataTransfer();
      data.items.add(new File([yaml], 'sample-table.yaml', { type: 'application/yaml' }));
      document.querySelector('footer, main, body')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector('article.file .summary', { timeout: 30_000 });
    expect(await article(page, 'sample-table.yaml').locator('.summary').textContent()).toBe((await cli('validate', stage('examples/sample-table.yaml'))).stdout.trim().split('\n').pop());
    await page.context().close();
  });

  it('a reference can be cleared, and a failed pick leaves none in use', async () => {
    const ref = stage('examples/reference-anquan.yaml');
    const bad = stage('test/fixtures/bad/csv-renamed.xlsx', '坏参考目录.xlsx');
    const { page } = await openApp();
    const label = page.locator('#reference-name');
    await page.setInputFiles('#pick-reference', inDir(ref));
    await expect.poll(() => label.textContent()).toMatch(/^reference-anquan\.yaml（/);
    await page.getByRole('button', { name: '清除参考目录' }).click();
    expect(await label.textContent()).toBe('未选择');
    await page.setInputFiles('#pick-reference', inDir(ref));
    await expect.poll(() => label.textContent()).toMatch(/^reference-anquan\.yaml（/);
    await page.setInputFiles('#pick-reference', inDir(bad));
    await expect.poll(() => label.textContent()).toMatch(/^错误：.*（现在没有参考目录）$/);
    expect(await page.getByRole('button', { name: '清除参考目录' }).isVisible()).toBe(false);
    await page.context().close();
  });

  it('clicking a finding shows its cell in the table', async () => {
    const name = stage('test/fixtures/messy/messy-2017.xlsx');
    const { page } = await openApp();
    await pick(page, [name]);
    const card = article(page, name);
    await card.locator('.catalog-table').waitFor();
    const row = card.locator('.finding-list tbody tr[data-code="required-blank"]');
    await row.click();
    const cell = card.locator('td.flash');
    await expect.poll(() => cell.count()).toBe(1);
    expect(await cell.getAttribute('data-ref')).toBe('目录!I6');
    expect(await cell.getAttribute('class')).toContain('mark-error');
    await page.screenshot({ path: path.join(ARTIFACTS, 'app-findings.png') });
    await page.context().close();
  });

  it('a gap report against a picked reference', async () => {
    const a = stage('examples/unit-anquan.yaml');
    const ref = stage('examples/reference-anquan.yaml');
    const { page, log } = await openApp();
    await pick(page, [a]);
    await page.setInputFiles('#pick-reference', inDir(ref));
    await expect.poll(() => page.locator('#reference-name').textContent()).toContain('reference-anquan.yaml（');
    const gap = await download(page, article(page, a).locator('button', { hasText: '下载差距报告' }));
    await cli('gap', a, '--against', ref, '--to', 'html', '-o', 'cli-gap.html');
    expect(gap.bytes.toString()).toBe(readFileSync(inDir('cli-gap.html'), 'utf8'));
    const gapXlsx = await download(page, article(page, a).locator('button', { hasText: '差距报告（Excel）' }));
    await cli('gap', a, '--against', ref, '--to', 'xlsx', '-o', 'cli-gap.xlsx');
    expect(await values(gapXlsx.bytes)).toEqual(await values(readFileSync(inDir('cli-gap.xlsx'))));
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('several files: the merged workbook and the change log; other layouts are refused with the CLI’s words', async () => {
    const older = stage('examples/sample-table.yaml', '旧版目录.yaml');
    const newer = stage('examples/county-catalog.yaml', '新版目录.yaml');
    const other = stage('examples/unit-anquan.yaml');
    const { page, log } = await openApp();
    await pick(page, [older, newer]);
    await page.selectOption('#diff-old', { label: older });
    await page.selectOption('#diff-new', { label: newer });
    const diff = await download(page, page.locator('#diff'));
    await cli('diff', older, newer, '--to', 'html', '-o', 'cli-diff.html');
    expect(diff.bytes.toString()).toBe(readFileSync(inDir('cli-diff.html'), 'utf8'));

    const merged = await download(page, page.locator('#merge'));
    expect(merged.name).toBe('合并目录.xlsx');
    const cliMerge = await cli('merge', older, newer, '-o', 'cli-merged.xlsx');
    expect(await values(merged.bytes)).toEqual(await values(readFileSync(inDir('cli-merged.xlsx'))));
    // The same account of what was merged as the CLI gives.
    const summary = cliMerge.stdout.slice(cliMerge.stdout.indexOf('已合并')).split('\n').filter((l) => l.startsWith('已合并') || l.startsWith('  '));
    // …and each duplicate, as the CLI's report lists it.
    const duplicates = cliMerge.stdout.split('\n').filter((l) => l.includes('merge-duplicate')).map((l) => l.slice(l.indexOf('重复：')).replace(/\s+\[merge-duplicate\]$/u, ''));
    expect(duplicates.length).toBe(1);
    // The other file's title, kept as a line of the 表前说明, is said as the CLI says it.
    const notes = cliMerge.stdout.split('\n').filter((l) => l.includes('[merge-heading-differs]')).map((l) => `注意：${l.slice(l.indexOf('提示  ') + 4).replace(/\s+\[merge-heading-differs\]$/u, '')}`);
    expect(notes).toEqual(['注意：新版目录.yaml 的标题“沂河县市场监督管理局政务公开事项标准目录”与合并结果的“政务公开事项目录（样表）”不同（一个目录只有一个标题），已作为“表前说明”的一行保留']);
    expect((await page.locator('#batch-note').textContent())?.split('\n')).toEqual([...summary, ...notes, ...duplicates]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'app-1366.png') });

    await pick(page, [other]);
    await page.locator('#merge').click();
    await expect.poll(() => page.locator('#batch-note').textContent()).toMatch(/^错误：不能合并不同版式的目录/);
    const cliMixed = await cli('merge', older, newer, other, '-o', 'x.xlsx');
    expect(await page.locator('#batch-note').textContent()).toBe(cliMixed.stderr.trim());
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('blank templates are the ones `zwgk init` writes', async () => {
    const { page } = await openApp();
    for (const profile of ['2017', '2019'] as const) {
      const got = await download(page, page.locator(`button[data-template="template-${profile}"]`));
      expect(got.name).toMatch(/^政务公开事项目录模板（20\d\d .*）\.xlsx$/);
      await cli('init', '--profile', profile, '-o', `cli-template-${profile}.xlsx`);
      expect(await values(got.bytes)).toEqual(await values(readFileSync(inDir(`cli-template-${profile}.xlsx`))));
    }
    await page.context().close();
  });
});
