// zwgk fix on .xlsx patches the workbook at the zip level: every entry but the patched sheet is copied
// byte for byte (compressed bytes included), and in the patched sheet only the fixed cells' <c> elements
// differ. Zip entries are read here with yauzl in raw mode and inflated with zlib, independently of
// src/formats/ooxml/zip.ts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { fixBytes, formatChange } from '../../src/fix/index.js';
import { fixXlsx as fixXlsxBuffer, textFix } from './helpers.js';
import { readZipDirectory, rawData } from '../../src/formats/ooxml/zip.js';
import { writeZip } from '../../src/formats/ooxml/zip-write.js';
import { openWorkbook } from '../../src/formats/xlsx/workbook.js';
import { readCatalog } from '../../src/node/read-file.js';
import { finding } from '../../src/findings/finding.js';
import { validateCatalog } from '../../src/validate/index.js';

interface Entry {
  entry: yauzl.Entry;
  raw: Buffer;
  content: Buffer;
}

async function entries(zipData: Buffer): Promise<Map<string, Entry>> {
  const zip = await yauzl.fromBufferPromise(zipData, { lazyEntries: true });
  const out = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, { decodeFileData: false }, (err, stream) => {
        if (err || !stream) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          out.set(entry.fileName, { entry, raw, content: entry.compressionMethod === 8 ? inflateRawSync(raw) : raw });
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

/** A sheet's XML with the given cells' <c> elements cut out. */
function withoutCells(xml: string, refs: readonly string[]): string {
  let out = xml;
  for (const r of refs) out = out.replace(new RegExp(`<c r="${r}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`), '');
  return out;
}

const cellXml = (xml: string, ref: string) => new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`).exec(xml)?.[0];

async function fixFixture(file: string) {
  const catalog = await readCatalog(file);
  const result = await fixBytes(readFileSync(file), file, validateCatalog(catalog), catalog);
  return { result, before: await entries(readFileSync(file)), after: await entries(Buffer.from(result.data as Uint8Array)) };
}

describe('zip-level patching of .xlsx', () => {
  it('copies every entry but the patched sheet raw, and in the sheet changes only the fixed cells (merges verbatim)', async () => {
    const { result, before, after } = await fixFixture('test/fixtures/messy/messy-2017.xlsx');
    const fixed = result.changes;
    expect(fixed.map((c) => c.location.cell)).toEqual(['C2', 'D2', 'F2', 'G2', 'I2', 'D9']);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const sheet = 'xl/worksheets/sheet1.xml';
    for (const [name, a] of before) {
      const b = after.get(name)!;
      if (name === sheet) continue;
      expect(b.content.equals(a.content), name).toBe(true);
      expect(b.raw.equals(a.raw), `${name} (compressed bytes)`).toBe(true);
      expect(b.entry.compressionMethod).toBe(a.entry.compressionMethod);
    }
    const [x, y] = [before.get(sheet)!.content.toString('utf8'), after.get(sheet)!.content.toString('utf8')];
    expect(y).not.toBe(x);
    const refs = fixed.map((c) => c.location.cell!);
    expect(withoutCells(y, refs)).toBe(withoutCells(x, refs));
    const merges = /<mergeCells[\s\S]*<\/mergeCells>/.exec(x)![0];
    expect(merges).toMatch(/<mergeCell ref=/);
    expect(y).toContain(merges);
    // A fixed shared-string cell becomes an inline string and keeps its style attribute.
    for (const ref of refs) {
      const old = cellXml(x, ref)!;
      const s = /\ss="(\d+)"/.exec(old)?.[1];
      expect(cellXml(y, ref)).toMatch(new RegExp(`^<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t xml:space="preserve">`));
    }
    expect(cellXml(y, 'D9')).toBe(`<c r="D9"${/\ss="\d+"/.exec(cellXml(x, 'D9')!)?.[0] ?? ''} t="inlineStr"><is><t xml:space="preserve">办理条件</t></is></c>`);
  });

  it('leaves the input file byte-for-byte unchanged and the copy opens in LibreOffice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-fixzip-'));
    try {
      const input = path.join(dir, 'messy.xlsx');
      copyFileSync('test/fixtures/messy/messy-2017.xlsx', input);
      const bytes = readFileSync(input);
      const out = path.join(dir, 'fixed.xlsx');
      let stderr = '';
      const code = await run({ argv: ['fix', input, '-o', out], stdout: { write: () => true }, stderr: { write: (c: string | Uint8Array) => ((stderr += String(c)), true) } });
      expect(stderr).toContain('已修正 6 处');
      // messy-2017 keeps errors that fix cannot correct.
      expect(code).toBe(1);
      expect(readFileSync(input).equals(bytes)).toBe(true);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { stdio: 'pipe', timeout: 120_000 });
      const pdf = path.join(dir, 'fixed.pdf');
      expect(existsSync(pdf)).toBe(true);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('公开主体');
      expect(text).toContain('办理条件');
      expect(text).not.toContain('责任主体');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('turns a fixed rich-text shared string into an inline rich string with the same style index, and leaves formulas alone', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    ws.getCell('B2').value = { richText: [{ text: '说明：', font: { bold: true } }, { text: '参照中办发[2016]8号' }] };
    ws.getCell('B2').alignment = { wrapText: true };
    ws.getCell('C2').value = ' 法律法规 ';
    ws.getCell('C2').font = { italic: true };
    ws.getCell('D2').value = { formula: 'CONCATENATE(" ","x")', result: ' x' };
    ws.mergeCells('E2:F3');
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const at = (cell: string) => ({ file: 't.xlsx', sheet: '目录', cell });
    const findings = [
      finding('wenhao-brackets', at('B2'), {}, { field: '备注', fix: textFix('说明：参照中办发[2016]8号', '中办发[2016]8号', '中办发〔2016〕8号') }),
      finding('whitespace', at('C2'), {}, { field: '名称', fix: textFix(' 法律法规 ', ' 法律法规 ', '法律法规') }),
      finding('whitespace', at('D2'), {}, { field: '备注', fix: textFix(' x', ' x', 'x') }),
    ];
    const result = await fixXlsxBuffer(input, findings);
    expect(result.changes.map(formatChange)).toEqual([
      '工作表“目录”B2 单元格（备注）：“中办发[2016]8号” → “中办发〔2016〕8号”',
      '工作表“目录”C2 单元格（名称）：“ 法律法规 ” → “法律法规”',
    ]);
    expect(result.skipped.map((s) => [s.location.cell, s.reason])).toEqual([['D2', '该单元格不是文本（可能是公式），未修改']]);

    const [x, y] = [(await entries(input)).get('xl/worksheets/sheet1.xml')!.content.toString(), (await entries(Buffer.from(result.data as Uint8Array))).get('xl/worksheets/sheet1.xml')!.content.toString()];
    const sB = /\ss="(\d+)"/.exec(cellXml(x, 'B2')!)![1]!;
    const sC = /\ss="(\d+)"/.exec(cellXml(x, 'C2')!)![1]!;
    expect(cellXml(x, 'B2')).toMatch(/t="s"/);
    expect(cellXml(y, 'B2')).toMatch(new RegExp(`^<c r="B2" s="${sB}" t="inlineStr"><is><r><rPr>[\\s\\S]*<b/>[\\s\\S]*</rPr><t[^>]*>说明：</t></r><r>(<rPr>[\\s\\S]*</rPr>)?<t xml:space="preserve">参照中办发〔2016〕8号</t></r></is></c>$`));
    expect(cellXml(y, 'C2')).toBe(`<c r="C2" s="${sC}" t="inlineStr"><is><t xml:space="preserve">法律法规</t></is></c>`);
    expect(cellXml(y, 'D2')).toBe(cellXml(x, 'D2'));
    expect(withoutCells(y, ['B2', 'C2'])).toBe(withoutCells(x, ['B2', 'C2']));

    const after = new ExcelJS.Workbook();
    await after.xlsx.load(result.data as never);
    const sheet = after.getWorksheet('目录')!;
    expect(sheet.getCell('B2').value).toEqual({ richText: [{ text: '说明：', font: { bold: true } }, { text: '参照中办发〔2016〕8号' }] });
    expect(sheet.getCell('B2').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell('C2').value).toBe('法律法规');
    expect(sheet.getCell('C2').font).toMatchObject({ italic: true });
    expect(sheet.getCell('D2').formula).toBe('CONCATENATE(" ","x")');
    expect(sheet.getCell('F3').isMerged).toBe(true);
  });

  it('escapes markup in the corrected text and leaves a copy without fixes identical entry by entry', async () => {
    const wb = new ExcelJS.Workbook();
    // In OOXML _x0041_ stands for "A": the cell reads ' <b>&A '. The corrected text holds a literal _x0041_.
    wb.addWorksheet('目录').getCell('A1').value = ' <b>&_x0041_ ';
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const f = finding('whitespace', { file: 't.xlsx', sheet: '目录', cell: 'A1' }, {}, { fix: textFix(' <b>&A ', ' <b>&A ', '<b>&_x0041_') });
    const result = await fixXlsxBuffer(input, [f]);
    expect(cellXml((await entries(Buffer.from(result.data as Uint8Array))).get('xl/worksheets/sheet1.xml')!.content.toString(), 'A1')).toContain('&lt;b&gt;&amp;_x005F_x0041_');
    expect(result.changes).toHaveLength(1);
    const w = await openWorkbook(result.data as Uint8Array, 'x.xlsx');
    const catalogText = [...(await w.scanSheet(w.sheets[0]!)).rows.rows()][0]!.cells.get(1);
    expect(catalogText).toBe('<b>&_x0041_');

    const same = await fixXlsxBuffer(input, []);
    const [a, b] = [await entries(input), await entries(Buffer.from(same.data as Uint8Array))];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, e] of a) expect(b.get(name)!.raw.equals(e.raw), name).toBe(true);
  });

  it('skips, with a reason, fixes in a sheet whose cells carry no r attribute', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目录').getCell('A1').value = ' 法律法规 ';
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = await entries(input);
    const noRef = readZipDirectory(input).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { entry: e, content: Buffer.from(zip.get(e.name)!.content.toString().replace(/<c r="[A-Z]+\d+"/g, '<c')) } : { entry: e, raw: rawData(input, e) },
    );
    const stripped = Buffer.from(await writeZip(noRef));
    expect((await entries(stripped)).get('xl/worksheets/sheet1.xml')!.content.toString()).toMatch(/<c t="s">/);
    const f = finding('whitespace', { file: 't.xlsx', sheet: '目录', cell: 'A1' }, {}, { fix: textFix(' 法律法规 ', ' 法律法规 ', '法律法规') });
    const result = await fixXlsxBuffer(stripped, [f]);
    expect(result.changes).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['该工作表的单元格没有位置标记（r 属性），无法定位；请在 Excel 或 WPS 中打开并另存后再修正']);
    const [a, b] = [await entries(stripped), await entries(Buffer.from(result.data as Uint8Array))];
    for (const [name, e] of a) expect(b.get(name)!.raw.equals(e.raw), name).toBe(true);
  });
});
