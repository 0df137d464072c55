// A clerk's day in the app, by mouse and keyboard only: choose which corrections to make (header renames
// can be kept), see the corrected copy checked again, publish it under the unit's own title, read 20 000
// findings by level and page, print a 问题清单 for the 科室, merge only the
// ticked files, hear about a reference that shares nothing, and use it all on a phone.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, article, download, inDir, openApp, pick, stage, useApp } from '../helpers/app-harness.js';
import { pdfCompactText, pdfPageSize, pdfToPngs } from '../helpers/pdf.js';

useApp();

/** A 科室's sheet of the 2017 layout with its own header words (four of them synonyms or spaced) and a
 * 文号 written with (2017): two kinds of correction. */
async function unitSheet(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.getRow(1).values = ['序 号', '事项类别', '事项名称', '依据', '公开内容', '公开标准', '责任主体', '公开方式', '规定时限', '说明'];
  ws.getRow(2).values = ['1', '政策文件', '规范性文件', '《县教育局规范性文件管理办法》（县教发(2017)3号）', '文件全文', '主动公开', '县教育局办公室', '政府网站', '制发之日起20个工作日内', ''];
  ws.getRow(3).values = ['2', '机构职能', '机构设置', '《地方各级人民政府机构设置和编制管理条例》', '内设机构及职责', '主动公开', '县教育局办公室', '政府网站', '信息形成或变更之日起20个工作日内', ''];
  writeFileSync(inDir(name), Buffer.from(await wb.xlsx.writeBuffer()));
  return name;
}

/** A YAML catalog of `items` items, each missing its 依据, 公开主体 and 公开时限 (three errors or
 * warnings an item), every text its own. */
function bigCatalog(name: string, items: number): string {
  const lines = ['版式: "2017"', '标题: 测试目录', '事项:'];
  for (let i = 1; i <= items; i++) {
    lines.push(`  - 序号: ${i}`, `    事项类别: 类别${i % 40}`, `    名称: 第${i}项事项名称`, '    公开内容与标准:', `      - 公开内容: 第${i}项的公开内容`, `        公开标准: 第${i}项的公开标准`);
  }
  writeFileSync(inDir(name), lines.join('\n') + '\n');
  return name;
}

describe('a clerk’s day in the app', () => {
  it('chooses the corrections (keeps the unit’s headers), sees the corrected copy checked, publishes it under the unit’s title', async () => {
    const name = await unitSheet('教育局目录.xlsx');
    const { page, log } = await openApp();
    await pick(page, [name]);
    const card = article(page, name);
    const choices = card.locator('fieldset.fix-choices');
    expect(await choices.locator('label.choice').allTextContents()).toEqual([
      ' 表头写法不标准（4 处）（需要保留本单位表头时取消勾选）',
      ' 文号括号不规范（1 处）',
    ]);
    await choices.getByLabel(/表头写法不标准/).uncheck();
    const fixed = await download(page, choices.getByRole('button', { name: '下载修正后的表格' }));
    expect(fixed.name).toBe('教育局目录（修正后）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixed.bytes as never);
    const ws = wb.getWorksheet('目录')!;
    // The headers as the unit wrote them; the 文号 corrected; nothing else touched.
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['序 号', '事项类别', '事项名称', '依据', '公开内容', '公开标准', '责任主体', '公开方式', '规定时限', '说明']);
    expect(ws.getCell('D2').value).toBe('《县教育局规范性文件管理办法》（县教发〔2017〕3号）');
    expect(await card.locator('pre.note').textContent()).toContain('按选择未修正：表头写法不标准。');

    // The copy is read again and shown just above: the header findings left, the 文号 one gone.
    const copy = article(page, '教育局目录（修正后）.xlsx');
    await copy.locator('.summary').waitFor();
    const codes = await copy.locator('.finding-list tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes.filter((c) => c === 'header-spelling')).toHaveLength(4);
    expect(codes).not.toContain('wenhao-brackets');
    expect(await page.locator('article.file h2').allTextContents()).toEqual(['教育局目录（修正后）.xlsx', name]);

    // Publish from the original in one step: the unit's title, unit and date, the corrections first.
    const publish = card.locator('fieldset.publish');
    await publish.getByLabel('标题').fill('县教育局政务公开事项目录');
    await publish.getByLabel('编制单位').fill('县教育局办公室');
    await publish.getByLabel('日期').fill('2026年12月');
    await publish.getByLabel(/先按“自动修正”中勾选的项目修正/).check();
    const html = (await download(page, publish.getByRole('button', { name: '下载发布网页' }))).bytes.toString();
    expect(html).toContain('<title>县教育局政务公开事项目录 - 县教育局办公室</title>');
    expect(html).toContain('县教育局办公室');
    expect(html).toContain('2026年12月');
    expect(html).toContain('县教发〔2017〕3号');
    expect(html).not.toContain('县教发(2017)3号');
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('reads 20 000 findings by level and by page (100 rows in the page at a time), and finds words in them', async () => {
    const name = bigCatalog('大目录.yaml', 5000);
    const { page, log } = await openApp();
    await pick(page, [name]);
    const card = article(page, name);
    const list = card.locator('section.findings');
    await list.locator('.finding-list tbody tr').first().waitFor();
    const filters = await list.locator('button.level-filter').allTextContents();
    expect(filters[0]).toMatch(/^全部（\d{5}）$/);
    const total = Number(/\d+/.exec(filters[0]!)![0]);
    expect(total).toBeGreaterThanOrEqual(15_000);
    const rows = list.locator('.finding-list tbody tr');
    expect(await rows.count()).toBe(100);

    // (How long the page stalls at 100 000 findings is measured in bench/app-findings.mjs, not here.)
    {
      await list.getByRole('button', { name: /^错误（/ }).click();
      expect(await rows.evaluateAll((r) => r.every((tr) => tr.classList.contains('sev-error')))).toBe(true);
      await list.getByRole('button', { name: '下一页' }).click();
      await list.getByLabel('跳到第几页').fill('120');
      await list.getByLabel('跳到第几页').press('Enter');
      await expect.poll(() => list.locator('.pager span').textContent()).toMatch(/第 120 \/ \d+ 页$/);
      await list.getByRole('button', { name: /^全部（/ }).click();
      await list.getByLabel('查找问题').fill('公开时限');
      await expect.poll(async () => Number(/^(\d+) 条/.exec((await list.locator('.pager span').textContent()) ?? '')?.[1])).toBeLessThan(total);
    }
    expect(await rows.count()).toBeLessThanOrEqual(100);
    // Only the findings that speak of 公开时限 are left, fewer than all.
    const left = Number(/^(\d+) 条/.exec((await list.locator('.pager span').textContent())!)![1]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(total);
    expect((await rows.allTextContents()).every((t) => t.includes('公开时限'))).toBe(true);
    await list.getByLabel('跳到第几页').fill('40');
    await list.getByLabel('跳到第几页').press('Enter');
    await expect.poll(() => list.locator('.pager span').textContent()).toMatch(/第 40 \/ \d+ 页$/);
    // Enter on a row shows its cell (a keyboard user's click), on the table's page of its item.
    await rows.first().focus();
    await page.keyboard.press('Enter');
    // A blank field has no cell of its own in the YAML: its item's cell of that column is shown.
    await expect.poll(() => card.locator('.catalog-table td.flash').count()).toBe(1);
    const column = await card.locator('.catalog-table td.flash').getAttribute('data-col');
    expect(await rows.first().locator('td').nth(2).textContent()).toContain(`“${column}”`);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('prints the findings as a 问题清单 for the 科室: A4 landscape, the list alone, no controls', async () => {
    const name = stage('test/fixtures/messy/messy-2017.xlsx', '科室报来的目录.xlsx');
    const { page } = await openApp();
    await pick(page, [name]);
    const card = article(page, name);
    // window.print() would wait for a printer dialog; the print layout is what page.pdf() prints.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await card.getByRole('button', { name: '打印问题清单' }).click();
    // The list is asked from the worker first, then laid out for printing.
    await page.locator('#print-area').waitFor({ state: 'attached' });
    const pdf = path.join(ARTIFACTS, 'app-findings-list.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const text = pdfCompactText(pdf);
    expect(text).toContain('问题清单：科室报来的目录.xlsx');
    expect(text).toContain('检查日期：');
    const first = (await card.locator('.finding-list tbody tr td:nth-child(3)').first().textContent())!.replace(/\s+/g, '');
    expect(text).toContain(first.slice(0, 20));
    // (Messages may name the 下载修正后的表格 button; the controls themselves are not printed.)
    for (const control of ['选择文件', '打印问题清单', '目录内容', '下载发布网页', '移除']) expect(text).not.toContain(control);
    const [w, h] = pdfPageSize(pdf);
    expect(w).toBeGreaterThan(h);
    pdfToPngs(pdf, 'app-findings-list');

    // Ctrl+P on the page itself: the findings and the table, without the buttons.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    const whole = path.join(ARTIFACTS, 'app-printed.pdf');
    await page.pdf({ path: whole, preferCSSPageSize: true });
    const all = pdfCompactText(whole);
    expect(all).toContain('目录内容');
    for (const control of ['选择文件', '打印问题清单', '下载发布网页', '移除', '清除参考目录']) expect(all).not.toContain(control);
    pdfToPngs(whole, 'app-printed');
    await page.context().close();
  });

  it('merges only the ticked files; a reference that shares nothing is said to', async () => {
    const older = stage('examples/sample-table.yaml', '旧版目录.yaml');
    const newer = stage('examples/county-catalog.yaml', '新版目录.yaml');
    const other = stage('examples/unit-anquan.yaml');
    const { page } = await openApp();
    await pick(page, [older, newer, other]);
    await page.locator('#merge-files').getByLabel(new RegExp(other.replace('.', '\\.'))).uncheck();
    await download(page, page.locator('#merge'));
    expect((await page.locator('#batch-note').textContent())?.split('\n')[0]).toBe('已合并 2 个文件，共 11 个事项，重复 1 处：');

    await page.setInputFiles('#pick-reference', inDir(stage('examples/sample-table.yaml', '别的参考目录.yaml')));
    await expect.poll(() => page.locator('#reference-name').textContent()).toMatch(/^别的参考目录\.yaml（/);
    const card = article(page, other);
    await download(page, card.getByRole('button', { name: '下载差距报告' }));
    const note = (await card.locator('pre.note').textContent()) ?? '';
    expect(note).toContain('注意：参考目录 别的参考目录.yaml 的 1 个事项中没有一个与本目录相同或相近');
    expect(note).toContain('注意：参考目录 别的参考目录.yaml 是 2017 版式，本目录是 2019 版式');
    await page.context().close();
  });

  it('on a 390-px phone: nothing scrolls sideways, and no English is on screen but file and format names', async () => {
    const name = stage('test/fixtures/messy/messy-2017.xlsx');
    const { page } = await openApp({ width: 390, height: 844 });
    await pick(page, [name]);
    await article(page, name).locator('.catalog-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS, 'app-phone-390.png'), fullPage: false });
    const text = (await page.locator('body').innerText()).replaceAll(name, '');
    const english = [...new Set(text.match(/[A-Za-z][A-Za-z0-9]+/g) ?? [])];
    const names = ['Excel', 'WPS', 'Word', 'YAML', 'Markdown', 'xlsx', 'yaml', 'html', 'docx', 'xls', 'doc', 'wps', 'md', 'Chrome', 'Edge', 'Ctrl'];
    // Cell names (A1, C2) are the sheet's own words.
    expect(english.filter((w) => !names.includes(w) && !/^[A-Z]{1,3}\d+$/.test(w))).toEqual([]);
    await page.context().close();
  });

  it('drops a folder: its catalog files (in subfolders too) are read, and what was left out is said', async () => {
    const { page, log } = await openApp();
    const texts = { a: readFileSync('examples/sample-table.yaml', 'utf8'), b: readFileSync('examples/county-catalog.yaml', 'utf8') };
    // A browser hands a dropped folder over as FileSystemEntry objects, which a page cannot make:
    // these stand in for them, with the same interface (readEntries in batches, then none).
    await page.evaluate(({ a, b }) => {
      type Node = { name: string; text?: string; children?: Node[] };
      const entry = (node: Node): unknown =>
        node.children
          ? {
              isDirectory: true,
              isFile: false,
              name: node.name,
              createReader: () => {
                let given = false;
                return { readEntries: (ok: (e: unknown[]) => void) => setTimeout(() => ok(given ? [] : ((given = true), node.children!.map(entry)))) };
              },
            }
          : { isDirectory: false, isFile: true, name: node.name, file: (ok: (f: File) => void) => ok(new File([node.text ?? ''], node.name)) };
      const root = entry({ name: '各科室目录', children: [{ name: '说明.pdf', text: '%PDF' }, { name: '办公室.yaml', text: a }, { name: '乡镇', children: [{ name: '某镇.yaml', text: b }] }] });
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { items: [{ kind: 'file', webkitGetAsEntry: () => root }], files: [new File([], '各科室目录')] } });
      document.body.dispatchEvent(event);
    }, texts);
    await expect.poll(() => page.locator('article.file .summary').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('article.folder p').textContent()).toBe('文件夹“各科室目录”：读取其中 2 个目录文件；未读取 1 个其他文件（.pdf；网页和其他类型的文件不读取，需要时请单独选择）。');
    expect((await page.locator('article.file:not(.folder) h2').allTextContents()).sort()).toEqual(['各科室目录/乡镇/某镇.yaml', '各科室目录/办公室.yaml']);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });
});
