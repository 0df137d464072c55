// The app with lists of other layouts (issue 21), by mouse only: a 重大行政决策事项目录 is read as that list
// and published; a unit's own layout file picked beside its list is said to be read, and the list is then
// checked by it, its table showing the layout's columns; each list's blank template is `zwgk init --layout`'s.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, article, cli, download, inDir, openApp, pick, stage, useApp, values } from '../helpers/app-harness.js';

useApp();

describe('lists of other layouts in the app', () => {
  it('a 重大行政决策事项目录 is checked as one and published as a page', async () => {
    const name = stage('test/fixtures/lists/decisions-ticks.html', '重大行政决策目录.html');
    const { page } = await openApp();
    await pick(page, [name]);
    const card = article(page, name);
    expect(await card.locator('.summary').textContent()).toContain('通过（重大行政决策事项目录 版式，2 个事项；错误 0，警告 4，提示 1）');
    expect(await card.locator('.catalog-table th').allTextContents()).toEqual(['序号', '决策事项', '承办单位', '决策依据', '决策时间', '是否听证', '履行程序', '配合单位', '备注']);
    expect(await card.locator('.catalog-table tbody tr').first().textContent()).toContain('县自然资源局');
    const html = (await download(page, card.locator('fieldset.publish').getByRole('button', { name: '下载发布网页' }))).bytes.toString();
    expect(html).toContain('>已完成<');
  });

  it('a unit’s own layout file, picked with its list, is read first and the list is checked by it', async () => {
    const def = stage('examples/zwgk-版式/公共服务事项清单.yaml');
    const list = stage('examples/public-services.yaml');
    const { page } = await openApp();
    await pick(page, [def]);
    expect(await article(page, def).locator('.layout-summary').textContent()).toContain('已读入版式定义“公共服务事项清单”（9 列');
    await pick(page, [list]);
    const card = article(page, list);
    expect(await card.locator('.summary').textContent()).toContain('通过（公共服务事项清单 版式，3 个事项；错误 0，警告 3，提示 1）');
    expect(await card.locator('.catalog-table th').allTextContents()).toEqual(['序号', '服务类别', '服务事项名称', '服务依据', '承办科室', '办理时限', '是否收费', '服务渠道', '备注']);
    // The definition is not a list: only the list is in the roll-up, and a list is offered no gap report.
    await pick(page, [stage('examples/major-decisions.yaml')]);
    expect(await page.locator('#batch').textContent()).toContain('共 2 个文件：通过 2 个，未通过 0 个');
    expect(await card.getByRole('button', { name: '下载差距报告' }).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, 'app-own-layout.png'), fullPage: true });
  });

  it('a list’s blank template, chosen by its name, is the one `zwgk init --layout` writes; a picked layout is offered too', async () => {
    const { page } = await openApp();
    await page.getByLabel('其他清单：').selectOption({ label: '权责清单' });
    const powers = await download(page, page.getByRole('button', { name: '下载这种清单的空白模板' }));
    expect(powers.name).toBe('权责清单模板.xlsx');
    await cli('init', '--layout', 'powers', '-o', 'cli-template-powers.xlsx');
    expect(await values(powers.bytes)).toEqual(await values(readFileSync(inDir('cli-template-powers.xlsx'))));
    // A unit's own layout, once its definition is picked, is in the list and chosen.
    const def = stage('examples/zwgk-版式/公共服务事项清单.yaml');
    await pick(page, [def]);
    expect(await page.getByLabel('其他清单：').inputValue()).toBe('public-services');
    const own = await download(page, page.getByRole('button', { name: '下载这种清单的空白模板' }));
    expect(own.name).toBe('公共服务事项清单模板.xlsx');
    await cli('init', '--layout', def, '-o', 'cli-template-own.xlsx');
    expect(await values(own.bytes)).toEqual(await values(readFileSync(inDir('cli-template-own.xlsx'))));
    await page.context().close();
  });
});
