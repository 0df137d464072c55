// The streaming SpreadsheetML scanners (src/formats/xlsx/worksheet.ts and shared-strings.ts, on
// formats/ooxml/xml-scanner.ts): cell values of every kind, shared strings, number formats, and the
// same result however the part's bytes are split into chunks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogRows, col, entry, workbookEntries, zip } from '../fixtures/bad/make-bad.mjs';
import { readCatalog as readXlsx } from '../../src/node/read-file.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { PartDataError, decodeChunks, decodeEntities } from '../../src/formats/ooxml/xml-scanner.js';
import { SharedStringsScanner } from '../../src/formats/xlsx/shared-strings.js';
import { WorksheetScanner, type CellContext, type SheetScan } from '../../src/formats/xlsx/worksheet.js';
import { isDateFormat, parseDateStyles } from '../../src/formats/xlsx/styles.js';

/** Rows as { row: { A1: text } } for exact comparisons. */
function view(scan: SheetScan): Record<number, Record<string, string>> {
  const out: Record<number, Record<string, string>> = {};
  for (const { row, cells } of scan.rows.rows()) {
    const named: Record<string, string> = {};
    for (const [c, text] of cells) named[`${col(c)}${row}`] = text;
    out[row] = named;
  }
  return out;
}

async function* chunksOf(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

async function scanBytes(bytes: Uint8Array, context: CellContext, cuts: number[] = []): Promise<SheetScan> {
  const scanner = new WorksheetScanner('xl/worksheets/sheet1.xml', context);
  for await (const text of decodeChunks(chunksOf(bytes, cuts))) scanner.push(text);
  return scanner.result();
}

function scanText(xml: string, context: CellContext = CONTEXT): Promise<SheetScan> {
  return scanBytes(Buffer.from(xml, 'utf8'), context);
}

const CONTEXT: CellContext = {
  sharedStrings: ['甲', '乙丙', '第一行\n第二行'],
  // cellXfs: 0 general, 1 built-in date (14), 2 a number format, 3 a custom date-time format.
  dateStyles: [false, true, false, true],
  date1904: false,
};

const SAMPLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
  '<x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c>' +
  '<x:c r="B1" t="inlineStr"><x:is><x:r><x:t>公开</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> 内容 </x:t></x:r>' +
  '<x:rPh sb="0" eb="2"><x:t>コウカイ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:is></x:c></x:row>' +
  '<!-- 注释里的 <row r="2"> 不算 -->' +
  '<row r="3" spans="1:9"><c r="A3"><v>42</v></c><c r="B3" s="2"><v>0.30000000000000004</v></c><c r="C3" s="1"><v>43101</v></c>' +
  '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3"><f>SUM(A1:A2)</f></c>' +
  '<c r="G3" t="str"><f>A1&amp;"x"</f><v>a&lt;b&gt;&amp;&quot;&apos;&#x4E2D;&#25991;</v></c><c r="H3"><f>1+1</f><v>2</v></c>' +
  '<c r="I3" t="inlineStr"><is><t><![CDATA[<不是标签> & 原样]]></t></is></c><c r="J3" t="b"><v>0</v></c></row>' +
  '<row><c t="inlineStr"><is><t>无行号_x000D_\n换行</t></is></c><c/><c><v>7</v></c></row>' +
  '<row r="6"/>' +
  "<row r='7'><c r='A7'><v/></c><c r='B7' t='s'><v>2</v></c><c r='C7' s='3'><v>45000.5</v></c><c r='D7' t='s'><v>0</v></c></row>" +
  '</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A3:A4"/><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>';

const EXPECTED = {
  1: { A1: '乙丙', B1: '公开 内容 ' },
  3: { A3: '42', B3: '0.3', C3: '2018-01-01', D3: 'TRUE', E3: '#N/A', G3: 'a<b>&"\'中文', H3: '2', I3: '<不是标签> & 原样', J3: 'FALSE' },
  4: { A4: '无行号\n换行', C4: '7' },
  7: { B7: '第一行\n第二行', C7: '2023-03-15 12:00', D7: '甲' },
};

describe('worksheet scanner', () => {
  it('reads every kind of cell value', async () => {
    const scan = await scanText(SAMPLE);
    expect(view(scan)).toEqual(EXPECTED);
    // A7 holds an empty <v/>: a value element, so row 7 counts as the last row with a value.
    expect(scan.lastValueRow).toBe(7);
    expect(scan.merges.map((m) => [m.top, m.left, m.bottom, m.right])).toEqual([
      [1, 2, 1, 3],
      [3, 1, 4, 1],
    ]);
  });

  it('gives the same result for the sample split at every byte offset (inside characters, tags, entities)', async () => {
    const bytes = Buffer.from(SAMPLE, 'utf8');
    const whole = view(await scanBytes(bytes, CONTEXT));
    expect(whole).toEqual(EXPECTED);
    // The offsets include the middle of 公 (three bytes), of <x:row, of &amp; and of &#x4E2D;.
    for (const at of ['公开', '<x:row', '&amp;', '&#x4E2D;', '<![CDATA[']) {
      const i = bytes.indexOf(Buffer.from(at, 'utf8'));
      expect(i).toBeGreaterThan(0);
    }
    for (let i = 1; i < bytes.length; i++) {
      const scan = await scanBytes(bytes, CONTEXT, [i]);
      expect(view(scan), `split at byte ${i}`).toEqual(whole);
    }
    expect(view(await scanBytes(bytes, CONTEXT, [...bytes.keys()].slice(1))), 'one byte per chunk').toEqual(whole);
  });

  it('reads dates in the 1904 date system', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>1462</v></c></row></sheetData></worksheet>';
    expect(view(await scanText(xml, { ...CONTEXT, date1904: true }))).toEqual({ 1: { A1: '1904-01-01', B1: '1908-01-02' } });
    expect(view(await scanText(xml, CONTEXT))).toEqual({ 1: { A1: '1899-12-30', B1: '1904-01-01' } });
  });

  it('counts positions when rows and cells have no r attribute', async () => {
    const xml = '<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row/><row><c/><c r="C3"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>';
    expect(view(await scanText(xml))).toEqual({ 1: { A1: '1', B1: '2' }, 3: { C3: '3', D3: '4' } });
  });

  it('keeps unknown entities literal and refuses a DTD', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;&amp;&#0000038;</t></is></c></row></sheetData></worksheet>';
    expect(view(await scanText(xml))).toEqual({ 1: { A1: '&a9;&&' } });
    const dtd = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "公开">]><worksheet><sheetData/></worksheet>';
    await expect(scanText(dtd)).rejects.toThrow(PartDataError);
    expect(decodeEntities('&lt;&#x1F600;&#xD800;&bogus;')).toBe('<\u{1F600}&#xD800;&bogus;');
  });

  it('refuses a shared string that is not there', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>';
    await expect(scanText(xml)).rejects.toThrow(/第 9 项/);
    await expect(scanText(xml, { ...CONTEXT, sharedStrings: undefined, sharedStringsMissing: true })).rejects.toThrow(/sharedStrings\.xml）缺失/);
  });

  it('refuses a part that ends inside a tag', async () => {
    await expect(scanText('<worksheet><sheetData><row r="1"><c r="A1"')).rejects.toThrow(/不完整/);
  });
});

describe('shared strings', () => {
  it('joins rich runs, skips phonetic runs, keeps empty items, decodes escapes', async () => {
    const xml =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5">' +
      '<si><t>甲</t></si><si><r><t>乙</t></r><r><rPr><b/></rPr><t>丙</t></r><rPh sb="0" eb="1"><t>おつ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si/><si><t/></si><si><t xml:space="preserve"> a_x000D_&#10;b </t></si></sst>';
    const bytes = Buffer.from(xml, 'utf8');
    for (const cuts of [[], [bytes.indexOf(Buffer.from('丙')) + 1], [...bytes.keys()].slice(1)]) {
      const scanner = new SharedStringsScanner('xl/sharedStrings.xml');
      for await (const text of decodeChunks(chunksOf(bytes, cuts))) scanner.push(text);
      scanner.finish();
      expect(scanner.strings).toEqual(['甲', '乙丙', '', '', ' a\nb ']);
    }
  });
});

describe('number formats', () => {
  it('tells date formats from others', () => {
    for (const code of ['yyyy"年"m"月"d"日"', 'yyyy/mm/dd', 'm/d/yy h:mm', '[h]:mm:ss', '[$-804]yyyy-mm-dd', 'YYYY-MM-DD', 'hh"时"mm"分"']) {
      expect(isDateFormat(code), code).toBe(true);
    }
    for (const code of ['General', '0.00', '0.00"天"', '[Red]0.0', '#,##0_);[Red](#,##0)', '"ymd"0', '\\d0', '@', '0.00E+00']) {
      expect(isDateFormat(code), code).toBe(false);
    }
  });

  it('maps cellXfs to date styles from built-in ids and custom numFmts (not dxfs)', () => {
    const styles =
      '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/><numFmt numFmtId="165" formatCode="0.0&quot;元&quot;"/></numFmts>' +
      '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"><alignment wrapText="1"/></xf>' +
      '<xf numFmtId="165"/><xf numFmtId="49"/><xf numFmtId="57"/><xf numFmtId="166"/></cellXfs>' +
      '<dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs></styleSheet>';
    expect(parseDateStyles(styles)).toEqual([false, true, true, false, false, true, false]);
  });
});

describe('whole workbooks', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zwgk-fast-scan-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** The small 2017 catalog with its strings in sharedStrings.xml. */
  function sharedCatalog(): { sheet: string; strings: string[] } {
    const { rows, merges } = catalogRows();
    const strings: string[] = [];
    let x = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    for (const r of Object.keys(rows).map(Number).sort((a, b) => a - b)) {
      x += `<row r="${r}">`;
      for (const [c, v] of rows[r] as [number, string | number | null][]) {
        if (v === null || v === '') x += `<c r="${col(c)}${r}"/>`;
        else if (typeof v === 'number') x += `<c r="${col(c)}${r}"><v>${v}</v></c>`;
        else x += `<c r="${col(c)}${r}" t="s"><v>${strings.push(v) - 1}</v></c>`;
      }
      x += '</row>';
    }
    x += `</sheetData><mergeCells count="${merges.length}">${(merges as string[]).map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells></worksheet>`;
    return { sheet: x, strings };
  }

  async function read(name: string, entries: unknown[]): Promise<unknown> {
    const file = path.join(tmp, name);
    writeFileSync(file, zip(entries));
    const c = await readXlsx(file, {});
    return { items: c.items.map((i) => [i.name.text, i.pairs.length, i.subject.text, i.deadline.text, i.name.at.cell]), findings: c.findings.map((f) => [f.code, f.location.cell]) };
  }

  it('reads the same catalog whatever the order of the parts in the zip', async () => {
    const { sheet, strings } = sharedCatalog();
    const entries = workbookEntries([{ name: '目录', xml: sheet }], { sharedStrings: strings }) as { name: string }[];
    const inOrder = await read('in-order.xlsx', entries);
    expect((inOrder as { items: unknown[] }).items.length).toBeGreaterThan(1);
    // workbook.xml last, sharedStrings and styles after the sheet.
    expect(await read('reversed.xlsx', [...entries].reverse())).toEqual(inOrder);
  });

  it('refuses a workbook whose declared sharedStrings part is missing, naming it', async () => {
    const { sheet } = sharedCatalog();
    const file = path.join(tmp, 'no-strings.xlsx');
    writeFileSync(file, zip(workbookEntries([{ name: '目录', xml: sheet }], { sharedStrings: { declared: true } })));
    const err = await readXlsx(file, {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ZwgkError);
    expect((err as ZwgkError).message).toMatch(/目录.*sharedStrings\.xml/);
  });

  it('reads a sheet stored under any part name', async () => {
    const { sheet, strings } = sharedCatalog();
    const plain = workbookEntries([{ name: '目录', xml: sheet }], { sharedStrings: strings }) as { name: string }[];
    const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${ns}/worksheet" Target="/xl/sheets/../data/目录.xml"/>` +
      `<Relationship Id="rId2" Type="${ns}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${ns}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
    const renamed = plain.map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { ...e, name: 'xl/data/目录.xml' } : e.name === 'xl/_rels/workbook.xml.rels' ? entry(e.name, rels) : e,
    );
    expect(await read('renamed.xlsx', renamed)).toEqual(await read('plain.xlsx', plain));
  });
});
