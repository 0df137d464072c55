// Characters XML 1.0 forbids (U+FFFE, U+FFFF, control characters, lone surrogates), from YAML escapes
// or Excel's own _xHHHH_ escape, never make a workbook zwgk writes malformed: each is written as Excel's
// escape (a lone surrogate as U+FFFD), each cell that holds one is named (xml-char, fixable), and every
// workbook read back — by zwgk, and by LibreOffice — holds every value. Every .xlsx the CLI writes here
// also passes the strict XML check of test/setup/xml-check.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogWorkbook } from '../fixtures/bad/make-bad.mjs';
import { readCatalog } from '../../src/node/read-file.js';
import { xlsxText } from '../../src/render/xlsx/text.js';
import { sofficeCsv } from '../helpers/pdf.js';
import { xmlProblems } from '../helpers/xml.js';
import { takeXmlFailures, workbooksChecked } from '../setup/xml-check.js';
import { runInProcess } from './helpers.js';

const BAD = 'test/fixtures/bad';
let T = '';
beforeAll(() => {
  T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-xml-'));
});
afterAll(() => rmSync(T, { recursive: true, force: true }));

describe('the strict XML check of every written workbook', () => {
  it('notices a part with U+FFFF in it, written to a file or read back from memory', async () => {
    const before = workbooksChecked();
    expect(xmlProblems(readFileSync(`${BAD}/noncharacters.xlsx`))).toEqual([]);
    // The same cell with the raw character instead of its escape: what zwgk wrote before issue 14.
    const bytes = catalogWorkbook({ patch: { C3: '食品\uFFFF安全监督抽检信息' } });
    writeFileSync(path.join(T, 'broken.xlsx'), bytes);
    expect(workbooksChecked()).toBe(before + 1);
    expect(takeXmlFailures()).toEqual([expect.stringMatching(/broken\.xlsx › xl\/worksheets\/sheet1\.xml: .*disallowed character/)]);
    // A workbook kept in memory and read back with exceljs is checked too.
    await new ExcelJS.Workbook().xlsx.load(bytes as never).catch(() => undefined);
    expect(takeXmlFailures()).toEqual([expect.stringMatching(/read back with exceljs › xl\/worksheets\/sheet1\.xml: .*disallowed character/)]);
  });

  it('writes escapes, protects look-alikes, replaces lone surrogates', () => {
    expect(xlsxText('a\uFFFFb\uFFFEc\u0001d\rx')).toBe('a_xFFFF_b_xFFFE_c_x0001_d_x000D_x');
    expect(xlsxText('字面 _x0041_ 和 _x005f_')).toBe('字面 _x005F_x0041_ 和 _x005F_x005f_');
    expect(xlsxText('沂\uD800河\uDC00县😀')).toBe('沂\uFFFD河\uFFFD县😀');
    expect(xlsxText('普通文字')).toBe('普通文字');
  });
});

describe('noncharacters through every command that writes a workbook', () => {
  const yaml = `${BAD}/noncharacters.yaml`;
  const xlsx = `${BAD}/noncharacters.xlsx`;
  const out = (name: string) => path.join(T, name);
  const runs: [string, string[]][] = [
    ['render-yaml.xlsx', ['render', yaml, '-o', '@']],
    ['render-xlsx.xlsx', ['render', xlsx, '-o', '@']],
    ['convert-yaml.xlsx', ['convert', yaml, '-o', '@']],
    ['merge.xlsx', ['merge', yaml, xlsx, '-o', '@']],
    ['fix.xlsx', ['fix', xlsx, '-o', '@']],
    ['gap.xlsx', ['gap', yaml, '-o', '@']],
  ];

  it('validate names each cell and line, as an error with the escape it will be written as', async () => {
    const y = await runInProcess(['validate', '--format', 'json', yaml]);
    expect(y.code).toBe(1);
    const found = JSON.parse(y.stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'xml-char');
    expect(found.map((d: { location: { line: number }; message: string }) => `${d.location.line} ${d.message.slice(0, d.message.indexOf('（'))}`)).toEqual([
      '2 “标题”中有 Excel 文件不允许的字符 U+FFFF',
      '6 “名称”中有 Excel 文件不允许的字符 U+FFFF',
      '10 “公开内容”中有 Excel 文件不允许的字符 U+FFFE',
      '11 “公开标准”中有 Excel 文件不允许的字符 U+0001',
      '12 “公开主体”中有 Excel 文件不允许的字符 U+D800',
    ]);
    expect(found[0].message).toContain('写成 Excel 的转义形式 _xFFFF_');
    const x = await runInProcess(['validate', '--format', 'json', xlsx]);
    const cells = JSON.parse(x.stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'xml-char').map((d: { location: { cell: string } }) => d.location.cell);
    expect(cells).toEqual(['C3', 'E4']);
  });

  it('every workbook written is well-formed and reads back with the same values', async () => {
    const source = await readCatalog(yaml);
    const fromXlsx = await readCatalog(xlsx);
    for (const [name, argv] of runs) {
      const o = await runInProcess(argv.map((a) => (a === '@' ? out(name) : a)));
      expect(o.code, `${name}: ${o.stderr}`).toBeLessThanOrEqual(1);
      expect(xmlProblems(readFileSync(out(name))), name).toEqual([]);
    }
    const back = await readCatalog(out('render-yaml.xlsx'));
    expect(back.title).toBe('沂河县\uFFFF政务公开事项标准目录');
    expect(back.items[0]!.name.text).toBe(source.items[0]!.name.text);
    expect(back.items[0]!.pairs[0]!.content.text).toBe('抽检\uFFFE总体情况');
    expect(back.items[0]!.pairs[0]!.standard!.text).toBe('抽检产品品类\u0001、字面 _x0041_');
    expect(back.items[0]!.subject.text).toBe('沂河县\uFFFD市场监督管理局');
    const again = await readCatalog(out('render-xlsx.xlsx'));
    expect(again.items.map((i) => [i.name.text, i.subject.text, i.pairs[1]!.content.text])).toEqual(fromXlsx.items.map((i) => [i.name.text, i.subject.text, i.pairs[1]!.content.text]));
    expect(again.items[0]!.subject.text).toBe('字面_x0041_文字');
    // fix removed the characters in the cells it names and copied the rest as it was.
    const fixed = await readCatalog(out('fix.xlsx'));
    expect([fixed.items[0]!.name.text, fixed.items[0]!.pairs[1]!.content.text, fixed.items[0]!.subject.text]).toEqual(['食品安全监督抽检信息', '不合格产品信息后', '字面_x0041_文字']);
    expect(takeXmlFailures()).toEqual([]);
  });

  it('LibreOffice opens each of them with every value (a later string is never lost)', () => {
    const files = runs.filter(([n]) => n !== 'gap.xlsx').map(([n]) => out(n));
    const csv = sofficeCsv(files, path.join(T, 'lo'));
    const all = (f: string) => csv[out(f)]!;
    for (const f of ['render-yaml.xlsx', 'convert-yaml.xlsx']) {
      expect(all(f)).toContain('沂河县\uFFFF政务公开事项标准目录');
      expect(all(f)).toContain('食品\uFFFF安全监督抽检信息');
      expect(all(f)).toContain('抽检\uFFFE总体情况');
      expect(all(f)).toContain('字面 _x0041_');
      expect(all(f)).toContain('沂河县\uFFFD市场监督管理局');
      // The cells after the odd ones, and the 注 at the very end.
      expect(all(f)).toContain('自信息形成或者变更之日起20个工作日内');
      expect(all(f)).toContain('如需对信息进行解释说明，可在备注栏标注');
    }
    for (const f of ['render-xlsx.xlsx', 'merge.xlsx', 'fix.xlsx']) {
      expect(all(f)).toContain('字面_x0041_文字');
      expect(all(f)).toContain('食品经营许可信息');
      expect(all(f)).toContain('自作出决定之日起7个工作日内');
    }
    expect(all('merge.xlsx')).toContain('食品\uFFFF安全监督抽检信息');
    expect(all('fix.xlsx')).toContain('不合格产品信息后');
  }, 180_000);
});
