// zwgk merge with real files: 科室 YAML and xlsx in, 序号 1..N, 来源 kept, duplicates named with both
// sources, mixed layouts refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { readCatalog } from '../../src/node/read-file.js';
import { validateCatalog } from '../../src/validate/index.js';
import { zwgk } from './cli.js';

const F = 'test/draft/fixtures';
const A = `${F}/keshi-a.yaml`;
const B = `${F}/keshi-b.yaml`;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-merge-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merge', () => {
  it('two 科室 YAML files: items in file order, 序号 1..N, 来源 file:line, one duplicate with both sources', async () => {
    const out = path.join(dir, 'merged.yaml');
    const r = await zwgk('merge', A, B, '-o', out);
    expect(r.stderr).toBe(`已写出：${out}\n`);
    expect(r.code).toBe(0);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(doc.版式).toBe('2017');
    expect(doc.标题).toBe('食品科政务公开事项目录');
    expect(doc.事项.map((i: any) => [i.序号, i.事项类别, i.名称, i.来源])).toEqual([
      [1, '食品药品监管', '食品安全监督抽检信息', `${A}:5`],
      [2, '食品药品监管', '食品经营许可信息', `${A}:17`],
      [3, '特种设备安全', '特种设备安全监督检查信息', `${B}:5`],
      [4, '食品药品监管', '食品安全 监督抽检信息', `${B}:17`],
    ]);
    const warnings = r.stdout.split('\n').filter((l) => l.includes('[merge-duplicate]'));
    expect(warnings).toEqual([
      `${B}:17:5  警告  重复：事项“食品药品监管 / 食品安全 监督抽检信息”同时出现在 ${A}:5 和 ${B}:17，两处均已保留  [merge-duplicate]`,
    ]);
    // The validator's own duplicate warning would say the same again.
    expect(r.stdout).not.toContain('[item-duplicate]');
    // The second file's own title is no title of the merged catalog, but is kept, above the table.
    expect(doc.表前说明).toBe('keshi-b.yaml 的标题：特种设备科政务公开事项目录');
    expect(r.stdout).toContain(`${B}  提示  keshi-b.yaml 的标题“特种设备科政务公开事项目录”与合并结果的“食品科政务公开事项目录”不同（一个目录只有一个标题），已作为“表前说明”的一行保留  [merge-heading-differs]`);
    expect(r.stdout).toContain(`${out}：通过（2017 版式，4 个事项；错误 0，警告 1，提示 1）`);
    expect(r.stdout).toContain('已合并 2 个文件，共 4 个事项，重复 1 处');
    expect(r.stdout).toContain(`  ${A}：2 个事项（序号 1–2）`);
    expect(r.stdout).toContain(`  ${B}：2 个事项（序号 3–4）`);

    // The merged file reads back with its sources, and validates.
    const merged = await readCatalog(out);
    expect(merged.items.map((i) => i.origin)).toEqual([`${A}:5`, `${A}:17`, `${B}:5`, `${B}:17`]);
    expect(validateCatalog(merged).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('an xlsx input: 来源 names file, sheet and the cell of the item\'s first row; xlsx output has no 来源 column', async () => {
    const bx = path.join(dir, 'keshi-b.xlsx');
    expect((await zwgk('convert', B, '-o', bx)).code).toBe(0);
    const out = path.join(dir, 'merged-from-xlsx.yaml');
    const r = await zwgk('merge', A, bx, '-o', out);
    expect(r.code).toBe(0);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(doc.事项.map((i: any) => [i.序号, i.来源])).toEqual([
      [1, `${A}:5`],
      [2, `${A}:17`],
      [3, `${bx} › 目录!A3`],
      [4, `${bx} › 目录!A4`],
    ]);
    expect(r.stdout).toContain(`重复：事项“食品药品监管 / 食品安全 监督抽检信息”同时出现在 ${A}:5 和 ${bx} › 目录!A4，两处均已保留`);

    // Merging a merged file keeps the first sources.
    const again = path.join(dir, 'again.yaml');
    expect((await zwgk('merge', out, '-o', again)).code).toBe(0);
    expect(parse(readFileSync(again, 'utf8')).事项.map((i: any) => i.来源)).toEqual(doc.事项.map((i: any) => i.来源));

    const xout = path.join(dir, 'merged.xlsx');
    const rx = await zwgk('merge', A, bx, '-o', xout);
    expect(rx.code).toBe(0);
    expect(rx.stdout).toContain('Excel 输出不含来源列');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xout) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // Title, the kept line of the second file's title, header, items.
    expect(ws.getCell(2, 1).value).toBe('keshi-b.xlsx 的标题：特种设备科政务公开事项目录');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注']);
    expect([4, 5, 6, 7].map((r) => ws.getCell(r, 1).value)).toEqual([1, 2, 3, 4]);
    const back = await readCatalog(xout);
    expect(back.items.map((i) => [i.serial.text, i.name.text])).toEqual([
      ['1', '食品安全监督抽检信息'],
      ['2', '食品经营许可信息'],
      ['3', '特种设备安全监督检查信息'],
      ['4', '食品安全 监督抽检信息'],
    ]);
  });

  it('mixed layouts: exit 2, names which file is which layout, writes nothing', async () => {
    const out = path.join(dir, 'mixed.yaml');
    const r = await zwgk('merge', A, `${F}/unit-2019.yaml`, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `错误：不能合并不同版式的目录：${A} 是 2017 版式，${F}/unit-2019.yaml 是 2019 版式。请先把各科室的表统一为同一版式（2017 样表或 2019 标准目录）\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('error-level findings in the merged catalog: written, exit 1', async () => {
    const out = path.join(dir, 'with-errors.yaml');
    const r = await zwgk('merge', A, 'test/cli/fixtures/blank-deadline.yaml', '-o', out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(r.stdout).toMatch(/test\/cli\/fixtures\/blank-deadline\.yaml:\d+:\d+  错误  必填项“公开时限”为空/);
  });

  it('refuses an unknown output type and an output that is an input (exit 2)', async () => {
    const r = await zwgk('merge', A, B, '-o', path.join(dir, 'x.html'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('merge 只能输出 .yaml、.yml 或 .xlsx 文件');
    const r2 = await zwgk('merge', A, B, '-o', A);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('就是输入文件');
  });
});

describe('merge that consumes its inputs (the CLI)', () => {
  it('moves the items into the merged catalog, renumbered in place, with the same result as a copying merge', async () => {
    const { mergeCatalogs } = await import('../../src/draft/merge.js');
    const { clonePlain } = await import('../../src/model/packed.js');
    const bx = path.join(dir, 'consumed-b.xlsx');
    expect((await zwgk('convert', B, '-o', bx)).code).toBe(0);
    const inputs = async () => [await readCatalog(A), await readCatalog(bx)];
    const copied = await inputs();
    const copiedResult = mergeCatalogs(copied, 'merged.yaml');
    // A copying merge leaves its inputs as they were.
    expect(copied.map((c) => c.items.map((i) => i.serial.text))).toEqual([['1', '2'], ['5', '6']]);
    expect(copied[1]!.items[0]!.origin).toBeUndefined();
    const consumed = await inputs();
    const second = consumed[1]!.items[0]!;
    const consumedResult = mergeCatalogs(consumed, 'merged.yaml', { consume: true });
    expect(consumedResult.catalog.items[2]).toBe(second);
    expect(second.serial.text).toBe('3');
    expect(second.serial.at).toEqual({ file: bx, sheet: '目录', cell: 'A3', row: 3 });
    expect(second.origin).toBe(`${bx} › 目录!A3`);
    expect(consumed.map((c) => c.items.length)).toEqual([0, 0]);
    expect(clonePlain(consumedResult)).toEqual(clonePlain(copiedResult));
  });
});
