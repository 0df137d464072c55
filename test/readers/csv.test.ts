// .csv read as written (issue 24): every value is text — no formula is evaluated (LibreOffice's import read
// =1+1 as 2, =CELL("filename") as the clerk's own path), nothing is retyped (0012, 1e5, 1/2) — and a value a
// spreadsheet would run as a formula is pointed out at its cell. GBK and UTF-8 (with or without BOM) and
// UTF-16 text, quoted values over several lines, "" quotes, CRLF, Excel's sep= line; a GBK-named file in a
// folder run; a workbook renamed .csv refused with what it is. No LibreOffice is involved.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCatalogBytes } from '../../src/formats/index.js';
import { ZwgkError } from '../../src/findings/finding.js';
import type { Catalog } from '../../src/model/types.js';
import { CsvParser } from '../../src/formats/csv/parse.js';
import { gbk } from '../helpers/gbk.js';
import { runInProcess } from '../robust/helpers.js';

const HEADER = '序号,事项类别,名称,依据,公开内容,公开标准,公开主体,公开方式,公开时限';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = (bytes: Uint8Array, file = '/data/财政目录.csv'): Promise<Catalog> => readCatalogBytes(bytes, file);
const codes = (c: Catalog): [string, string | undefined][] => c.findings.map((f) => [f.code, f.location.cell]);

const T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-csv-'));
afterAll(() => rmSync(T, { recursive: true, force: true }));

describe('CSV values as written', () => {
  it('evaluates no formula and retypes nothing; formula-like cells are pointed out', async () => {
    const csv = [
      HEADER,
      '0012,财政,=1+1,"=HYPERLINK(""http://example.com/x"",""点我"")",=CELL("filename"),=INFO("osversion"),1e5,1/2,@SUM(A1:A3)',
      '2,财政,预算公开,《中华人民共和国预算法》,-,+86 0539-1234567,-5,+3.5,2019-01-01',
    ].join('\r\n');
    const c = await read(enc(csv));
    expect(c.items.map((i) => [i.serial.text, i.name.text, i.basis.values.map((v) => v.text), i.pairs[0]!.content.text, i.pairs[0]!.standard!.text, i.subject.text, i.platform!.text, i.deadline.text])).toEqual([
      ['0012', '=1+1', ['=HYPERLINK("http://example.com/x","点我")'], '=CELL("filename")', '=INFO("osversion")', '1e5', '1/2', '@SUM(A1:A3)'],
      ['2', '预算公开', ['《中华人民共和国预算法》'], '-', '+86 0539-1234567', '-5', '+3.5', '2019-01-01'],
    ]);
    const formulas = c.findings.filter((f) => f.code === 'csv-formula');
    expect(formulas.map((f) => [f.location.sheet, f.location.cell, f.params!.lead])).toEqual([
      ['财政目录', 'C2', '='],
      ['财政目录', 'D2', '='],
      ['财政目录', 'E2', '='],
      ['财政目录', 'F2', '='],
      ['财政目录', 'I2', '@'],
      ['财政目录', 'F3', '+'],
    ]);
    expect(formulas[0]!.severity).toBe('warning');
    expect(formulas[0]!.message).toBe('“=1+1”以“=”开头，在 Excel 或 WPS 中直接打开这个 CSV 文件时会被当作公式计算（显示的可能是计算结果，甚至是本机的文件路径等信息）；zwgk 按原文读作文字，不计算。请确认这就是要公开的文字；如果要的是计算结果，请直接写出结果');
    expect(c.items[0]!.name.at).toEqual({ file: '/data/财政目录.csv', sheet: '财政目录', cell: 'C2', row: 2 });
  });

  it('reads GBK, UTF-8 with a BOM and UTF-16 with tabs alike', async () => {
    const text = `${HEADER}\n1,财政,预算公开,《中华人民共和国预算法》,部门预算,收支总表,县财政局,政府网站,批复后20日内\n`;
    const utf16 = (s: string): Uint8Array => {
      const out = new Uint8Array(2 + s.length * 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < s.length; i++) new DataView(out.buffer).setUint16(2 + i * 2, s.charCodeAt(i), true);
      return out;
    };
    for (const bytes of [gbk(text), enc(`\uFEFF${text}`), utf16(text.replace(/,/g, '\t'))]) {
      const c = await read(bytes);
      expect(c.items.map((i) => [i.name.text, i.deadline.text, i.at.cell])).toEqual([['预算公开', '批复后20日内', 'A2']]);
      expect(c.findings).toEqual([]);
    }
  });

  it('keeps line breaks and quotes inside quoted values; "" is a quote; text after a closing quote is kept', async () => {
    const csv = `${HEADER}\r\n1,财政,"预算""公开""",《预算法》,"部门预算\r\n单位预算",总表"（年度）",县财政局,网站,20日内\r\n`;
    const c = await read(enc(csv));
    const item = c.items[0]!;
    expect([item.name.text, item.pairs[0]!.content.text, item.pairs[0]!.standard!.text]).toEqual(['预算"公开"', '部门预算\n单位预算', '总表"（年度）"']);
    expect(c.findings).toEqual([]);
  });

  it('a value that spans pieces of input is read whole (the parser is fed a piece at a time)', () => {
    const text = `a,"b""c\r\nd",e\r\nf,g`;
    for (let cut = 1; cut < text.length; cut++) {
      const p = new CsvParser(0x2c, 100, () => undefined);
      p.feed(text.slice(0, cut));
      p.feed(text.slice(cut));
      p.end();
      expect(p.rows, `cut at ${cut}`).toEqual({ numbers: [1, 2], starts: [0, 3, 5], cols: [1, 2, 3, 1, 2], texts: ['a', 'b"c\nd', 'e', 'f', 'g'] });
    }
  });

  it('Excel’s sep=; line names the delimiter and is not a row', async () => {
    const c = await read(enc(`sep=;\n${HEADER.replace(/,/g, ';')}\n1;财政;预算公开;《预算法》;部门预算;总表;县财政局;网站;20日内\n`));
    expect(c.items.map((i) => [i.name.text, i.at.cell])).toEqual([['预算公开', 'A2']]);
  });

  it('a quote that never closes is reported at its cell, its text kept', async () => {
    const c = await read(enc(`${HEADER}\n1,财政,预算公开,《预算法》,部门预算,总表,县财政局,网站,"20日内\n2,财政,决算公开`));
    expect(codes(c)).toContainEqual(['csv-quote-unclosed', 'I2']);
    expect(c.items[0]!.deadline.text).toBe('20日内\n2,财政,决算公开');
    expect(c.findings.find((f) => f.code === 'csv-quote-unclosed')!.params).toEqual({ length: 14 });
  });

  it('a value over Excel’s cell limit is cut there and said so', async () => {
    const long = '很'.repeat(40_000);
    const c = await read(enc(`${HEADER}\n1,财政,预算公开,《预算法》,"${long}",总表,县财政局,网站,20日内\n`));
    expect(c.items[0]!.pairs[0]!.content.text).toHaveLength(32767);
    expect(codes(c)).toContainEqual(['cell-truncated', 'E2']);
  });

  it('a workbook or binary file renamed .csv is refused with what it is', async () => {
    const err = await read(Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0])).catch((e: unknown) => e as ZwgkError);
    expect(err).toBeInstanceOf(ZwgkError);
    expect((err as ZwgkError).finding.code).toBe('not-a-csv');
    expect((err as ZwgkError).message).toBe('/data/财政目录.csv 不是 CSV 文本文件：文件内容是 zip 压缩包（很可能是 .xlsx 工作簿或 Word 文档），只是扩展名为 .csv。请把扩展名改回原来的（如 .xlsx）');
    const ole = await read(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 1, 2])).catch((e: unknown) => e as ZwgkError);
    expect((ole as ZwgkError).finding.code).toBe('not-a-csv');
  });

  it('a GBK-named .csv in a folder is read with the rest of the folder', async () => {
    const dir = path.join(T, 'folder');
    mkdirSync(dir);
    // 科室目录.csv with a GBK name, GBK content.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from('bfc6cad2c4bfc2bc', 'hex'), Buffer.from('.csv')]), gbk(`${HEADER}\n1,财政,预算公开,《中华人民共和国预算法》,部门预算,收支总表,县财政局,政府网站,批复后20日内\n`));
    writeFileSync(path.join(dir, '其他.csv'), `${HEADER}\n1,教育,招生公开,《中华人民共和国教育法》,招生计划,计划表,县教育局,政府网站,形成后20日内\n`);
    const o = await runInProcess(['validate', dir]);
    expect(o.stderr).toBe('');
    expect(o.stdout).toContain(`${path.join(dir, '科室目录.csv')}：通过（2017 版式，1 个事项`);
    expect(o.stdout).toContain(`${path.join(dir, '其他.csv')}：通过（2017 版式，1 个事项`);
    expect(o.code).toBe(0);
  });
});
