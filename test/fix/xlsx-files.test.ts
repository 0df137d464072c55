// zwgk fix on the reader's real fixture workbooks: the copy re-reads with the same items, the fixed warnings
// are gone, every cell that was not fixed keeps its value (rich text, hyperlinks, formulas, dates included).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixBytes, formatChange } from '../../src/fix/index.js';
import { readCatalog } from '../../src/node/read-file.js';
import { validateCatalog } from '../../src/validate/index.js';

async function cells(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((c) => {
        // A merged range's other cells only mirror its top-left cell in exceljs.
        if (c.isMerged && c.master !== c) return;
        // exceljs writes a line break inside a cell as \n (an \r\n pair loses its \r); Excel shows both alike.
        out.set(`${ws.name}!${c.address}`, typeof c.value === 'string' ? c.value.replace(/\r\n/g, '\n') : c.value);
      }),
    );
  }
  return out;
}

const strip = (file: string) => (s: string) => s.split(file).join('<file>');

describe('fix on fixture workbooks', () => {
  it.each([
    ['test/fixtures/sample/sample-2017.xlsx', ['工作表“Sheet1”D3 单元格（依据）：“鲁政办发〔2017〕39 号” → “鲁政办发〔2017〕39号”', '工作表“Sheet1”D3 单元格（依据）：“鲁食药〔2017〕32 号” → “鲁食药〔2017〕32号”', '工作表“Sheet1”D3 单元格（依据）：“鲁食药监综函〔2017〕15 号” → “鲁食药监综函〔2017〕15号”']],
    ['test/fixtures/messy/messy-2017.xlsx', [
      '工作表“目录”C2 单元格（表头）：“事项名称” → “名称”',
      '工作表“目录”D2 单元格（表头）：“公 开 内 容” → “公开内容”',
      '工作表“目录”F2 单元格（表头）：“公开依据” → “依据”',
      '工作表“目录”G2 单元格（表头）：“责任主体” → “公开主体”',
      '工作表“目录”I2 单元格（表头）：“规定时限” → “公开时限”',
      '工作表“目录”D9 单元格（公开内容）：“  办理条件 ” → “办理条件”',
    ]],
    ['test/fixtures/messy/two-sheets.xlsx', 6],
    ['test/fixtures/2019/county-2019.xlsx', []],
    ['test/fixtures/2019/one-row-2019.xlsx', ['工作表“目录”H1 单元格（表头）：“公开渠道” → “公开渠道和载体”']],
  ])('%s', async (file, expected) => {
    const catalog = await readCatalog(file);
    const before = validateCatalog(catalog);
    const result = await fixBytes(readFileSync(file), file, before, catalog);
    const lines = result.changes.map(formatChange);
    if (typeof expected === 'number') expect(lines).toHaveLength(expected);
    else expect(lines).toEqual(expected);
    expect(result.skipped).toEqual([]);

    const out = path.join(mkdtempSync(path.join(tmpdir(), 'zwgk-fixx-')), path.basename(file));
    writeFileSync(out, result.data);
    const again = await readCatalog(out);
    expect(again.items.length).toBe(catalog.items.length);
    const after = validateCatalog(again);
    expect(after.filter((f) => f.fix)).toEqual([]);
    // Everything else the validator said is still said, at the same cells.
    const fixedCodes = new Set(['whitespace', 'wenhao-spacing', 'wenhao-brackets', 'wenhao-double-hao', 'header-spelling']);
    const describe = (f: { code: string; location: { sheet?: string; cell?: string }; message: string }, name: string) =>
      strip(name)(`${f.location.sheet}!${f.location.cell} ${f.code} ${f.message}`);
    expect(after.map((f) => describe(f, out))).toEqual(before.filter((f) => !fixedCodes.has(f.code)).map((f) => describe(f, file)));
    // fix read its own copy back and found the same.
    expect(result.remaining.map((f) => describe(f, file))).toEqual(after.map((f) => describe(f, out)));

    const [a, b] = [await cells(file), await cells(out)];
    const changed = new Set(result.changes.map((c) => `${c.location.sheet}!${c.location.cell}`));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) if (!changed.has(k)) expect(b.get(k), k).toEqual(v);
  });
});
