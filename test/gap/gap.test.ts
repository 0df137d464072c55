// Gap report on real YAML inputs: golden Markdown, HTML and JSON next to the inputs (UPDATE_GOLDEN=1 rewrites
// them), the xlsx read back as values, and the coverage matcher on table-driven name pairs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { buildGap } from '../../src/reports/gap.js';
import { computeCoverage, dice } from '../../src/reports/coverage.js';
import { normaliseName } from '../../src/model/names.js';
import { renderGapHtml } from '../../src/render/gap-html.js';
import { renderGapJson } from '../../src/render/gap-json.js';
import { renderGapMarkdown } from '../../src/render/gap-markdown.js';
import { renderGapXlsx } from '../../src/render/gap-xlsx.js';
import { validateCatalog } from '../../src/validate/index.js';
import { textWidth } from '../../src/render/common.js';
import { makeCatalog } from '../rules/factory.js';

const DIR = 'test/gap';

function golden(name: string, actual: string): void {
  const file = `${DIR}/${name}`;
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

async function report(withReference: boolean) {
  const catalog = await readCatalog(`${DIR}/unit.yaml`);
  const reference = withReference ? await readCatalog(`${DIR}/reference.yaml`) : undefined;
  return buildGap(catalog, validateCatalog(catalog), reference);
}

describe('buildGap on test/gap/unit.yaml', () => {
  it('summarises per category, counts blanks from the model and groups findings by item', async () => {
    const r = await report(true);
    expect(r.items).toBe(5);
    expect(r.complete).toBe(4);
    expect(r.summary).toEqual([
      { category: '政策文件', items: 3, complete: 2, blanks: { 公开依据: 1, 公开层级: 1 } },
      // 依法 行政 and 依法行政 are one category, named by the tidier of the two equally common spellings.
      { category: '依法行政', items: 2, complete: 2, blanks: {} },
    ]);
    const codes = r.details.flatMap((g) => g.items.map((it) => [it.item, it.findings.map((f) => f.code)]));
    expect(codes).toEqual([
      [1, []],
      [2, ['required-blank', 'deadline-unrecognized', 'tick-missing']],
      [3, ['serial-duplicate', 'fuzzy-match', 'wenhao-brackets', 'whitespace']],
      [4, ['serial-order', 'category-spelling', 'citation-incomplete', 'deadline-too-long']],
      [5, []],
    ]);
    expect(r.coverage!.matched).toBe(4);
    expect(r.coverage!.missing.map((m) => m.name)).toEqual(['其他政策文件', '标准', '重大决策草案', '重要会议', '行政处罚', '行政强制']);
    expect(r.coverage!.extra).toEqual([{ category: '依法行政', name: '行政检查', item: 5 }]);
  });

  it('prints the CLI JSON contract', async () => {
    const doc = JSON.parse(renderGapJson(await report(true)));
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['file', 'items', 'findings', 'summary', 'coverage']));
    expect(doc.file).toBe('test/gap/unit.yaml');
    expect(Number.isInteger(doc.items) && Number.isInteger(doc.coverage.matched)).toBe(true);
    expect(doc.coverage.missing[0]).toEqual({ category: '政策文件', name: '其他政策文件' });
    expect(doc.findings[0]).toMatchObject({ code: expect.any(String), severity: expect.any(String), message: expect.any(String), location: { file: 'test/gap/unit.yaml' } });
    expect(doc.summary[0]).toEqual({ category: '政策文件', items: 3, complete: 2, blanks: { 公开依据: 1, 公开层级: 1 } });
    const without = JSON.parse(renderGapJson(await report(false)));
    expect('coverage' in without).toBe(false);
  });

  it('matches the golden Markdown, HTML and JSON', async () => {
    const r = await report(true);
    golden('unit.gap.md', renderGapMarkdown(r));
    golden('unit.gap.html', renderGapHtml(r));
    golden('unit.gap.json', renderGapJson(r));
    golden('unit.nogap-ref.md', renderGapMarkdown(await report(false)));
  });

  it('escapes sheet text in Markdown and HTML', async () => {
    const r = await report(true);
    const html = renderGapHtml(r);
    expect(html).not.toContain('<script>');
    expect(html).toContain('lang="zh-CN"');
    expect(html).not.toMatch(/<link|<script|src=/);
    const md = renderGapMarkdown(r);
    expect(md).not.toContain('<script>');
  });

  it('has the Content-Security-Policy of every other page: nothing loads, only its own style applies', async () => {
    const html = renderGapHtml(await report(true));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('renders a workbook with 汇总, 问题清单, 缺少的事项, 多出的事项', async () => {
    const r = await report(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderGapXlsx(r)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '缺少的事项', '多出的事项', '非完全一致的匹配']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const problems = rows('问题清单');
    // A 2019 catalog's list speaks its own layout words.
    expect(problems[0]).toEqual(['序号', '一级事项', '二级事项', '工作表', '单元格', '字段', '级别', '问题', '建议改为', '处理情况']);
    expect(problems).toHaveLength(r.findings.length + 1);
    const wenhao = problems.find((p) => String(p[7]).includes('中办发[2016]8号'))!;
    expect(wenhao.slice(0, 7)).toEqual([wenhao[0], '政策文件', '重大政策解读（及回应）', '', '第 37 行', '公开依据', '警告']);
    expect(wenhao[8]).toBe('中办发〔2016〕8号');
    expect(rows('多出的事项')).toEqual([['序号', '一级事项', '二级事项', '位置'], [1, '依法行政', '行政检查', '第 58 行']]);
    expect(rows('缺少的事项')).toHaveLength(7);
    const summary = rows('汇总');
    expect(summary[0]![0]).toBe('政务公开事项目录差距报告：测试县应急管理局政务公开事项标准目录');
    expect(summary[4]!.slice(0, 2)).toEqual(['问题', '错误 3 个，警告 5 个，提示 3 个']);
    expect(summary).toContainEqual(['政策文件', 3, 2, '公开依据 1、公开层级 1']);
    expect(summary).toContainEqual(['合计', 5, 4, '']);
  });

  it('every sheet prints on A4 landscape, one page wide, its header repeated, rows tall enough for their text', async () => {
    const r = await report(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderGapXlsx(r)) as never);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe(ws.name === '汇总' ? '8:8' : '1:1');
      expect(ws.headerFooter.oddHeader).toBe('&C政务公开事项目录差距报告：测试县应急管理局政务公开事项标准目录');
      expect(ws.headerFooter.oddFooter).toBe('&L&A&R第 &P 页，共 &N 页');
      ws.eachRow((row, n) => {
        expect(row.height, `${ws.name} row ${n}`).toBeGreaterThanOrEqual(20);
        // A text wider than its column wraps (and the row height above makes room for it).
        row.eachCell((cell, c) => {
          if (typeof cell.value === 'string' && !cell.isMerged && textWidth(cell.value) > (ws.getColumn(c).width ?? 10)) {
            expect(cell.alignment?.wrapText, `${ws.name}!${cell.address}`).toBe(true);
          }
        });
      });
    }
    // The longest 问题 gets the lines it needs: a 56-wide column, 16 pt a line.
    const problems = wb.getWorksheet('问题清单')!;
    let longest = 2;
    problems.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(8).value).length > String(problems.getRow(longest).getCell(8).value).length) longest = n;
    });
    const text = String(problems.getRow(longest).getCell(8).value);
    expect(problems.getCell(longest, 8).alignment).toMatchObject({ wrapText: true });
    expect(problems.getRow(longest).height).toBeGreaterThanOrEqual(Math.ceil((text.length * 2) / 50) * 16);
    expect(problems.autoFilter).toBeTruthy();
  });
});

describe('coverage matching', () => {
  it.each([
    ['重大政策解读（及回应）', '重大政策解读及回应'],
    ['依法 行政', '依法行政'],
    ['公开\n查阅点', '公开查阅点'],
    ['ＡＢＣ（１）', 'ABC1'],
    ['【行政许可】', '行政许可'],
  ])('normalises %j = %j', (a, b) => expect(normaliseName(a)).toBe(normaliseName(b)));

  it.each([
    ['重大政策解读', '重大政策解读及回应', true],
    ['部门和地方规章', '部门规章和地方规章', true],
    ['行政许可', '行政处罚', false],
    ['法律法规', '政策法规文件', false],
    ['审核信息', '审批信息', false],
  ])('same category: %s ~ %s → %s', (a, b, ok) => expect(dice(a, b) >= 0.6).toBe(ok));

  const ref = makeCatalog('2019', [
    { category: '政策文件', name: '重大政策解读' },
    { category: '依法行政', name: '行政许可' },
    { category: '依法行政', name: '行政处罚' },
    { category: '灾后救助', name: '综合减灾示范社区' },
    { category: '最低生活保障', name: '审核信息' },
  ]);

  it('reports how each item matched, one-to-one, exact before normalised before similar', () => {
    const mine = makeCatalog('2019', [
      { category: '依法行政', name: '行政许可' },
      { category: '依法 行政', name: '行政 处罚' },
      { category: '政策文件', name: '重大政策解读（及回应）' },
      { category: '备灾管理', name: '综合减灾示范社区' },
      { category: '最低生活保障', name: '审批信息' },
    ]);
    const c = computeCoverage(mine, ref);
    expect(c.matches.map((m) => [m.name, m.refName, m.method, m.score, m.sameCategory])).toEqual([
      ['重大政策解读（及回应）', '重大政策解读', 'similar', 0.77, true],
      ['行政许可', '行政许可', 'exact', 1, true],
      ['行政 处罚', '行政处罚', 'normalised', 1, true],
      ['综合减灾示范社区', '综合减灾示范社区', 'similar', 1, false],
    ]);
    expect(c.missing).toEqual([{ category: '最低生活保障', name: '审核信息' }]);
    expect(c.extra).toEqual([{ category: '最低生活保障', name: '审批信息', item: 5 }]);
    expect(c.findings.map((f) => [f.code, f.location.cell, f.message])).toEqual([
      ['fuzzy-match', 'C6', '事项“政策文件 / 重大政策解读（及回应）”按相似度（0.77）匹配到参考目录的“政策文件 / 重大政策解读”'],
      ['fuzzy-match', 'C7', '事项“备灾管理 / 综合减灾示范社区”按相似度（1.00）匹配到参考目录的“灾后救助 / 综合减灾示范社区”'],
    ]);
  });

  it('does not match short names across categories', () => {
    const mine = makeCatalog('2019', [{ category: '其他', name: '标准' }]);
    const r = makeCatalog('2019', [{ category: '政策文件', name: '标准' }]);
    expect(computeCoverage(mine, r).matched).toBe(0);
  });
});
