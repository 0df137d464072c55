// The Word reader on documents written for one behaviour each: tracked changes read as accepted, content
// controls, line breaks, merges (vMerge, gridSpan, gridBefore, legacy hMerge), nested tables, hidden text,
// and files that are not what their name says.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/types.js';
import { readCatalog } from '../../src/node/read-file.js';
import { readDocx } from '../../src/formats/docx/read.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { formatLocation } from '../../src/findings/location.js';
import { docxFile, wordDocument } from '../helpers/tables.js';

const t = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;
const tc = (content: string, props = ''): string => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${content}</w:tc>`;
const cell = (text: string, props = ''): string => tc(p(t(text)), props);
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(9)}</w:tblGrid>${rows.join('')}</w:tbl>`;
const HEAD = tr(...['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限'].map((x) => cell(x)));
const ROW = (...texts: string[]): string => tr(...texts.map((x) => cell(x)));

async function read(...body: string[]): Promise<Catalog> {
  return readDocx(await docxFile(wordDocument(body)), '目录.docx');
}

async function refused(bytes: Uint8Array, file = '目录.docx'): Promise<ZwgkError> {
  try {
    await readDocx(bytes, file);
  } catch (err) {
    if (err instanceof ZwgkError) return err;
    throw err;
  }
  throw new Error('expected the document to be refused');
}

describe('what Word shows is what is read', () => {
  it('paragraphs and line breaks are lines; runs are joined; a tab is a space', async () => {
    const c = await read(tbl(HEAD, tr(cell('1'), cell('财政'), tc(p(t('预'), t('算'))), tc(p(t('《预算法》')) + p(t('《政府信息公开条例》'))), tc(p(t('内容一'), '<w:r><w:br/></w:r>', t('内容二'))), tc(p(t('a'), '<w:r><w:tab/></w:r>', t('b'))), cell('县财政局'), cell('网站'), cell('20个工作日内'))));
    const item = c.items[0]!;
    expect([item.name.text, item.basis.values.map((v) => v.text), item.pairs[0]!.content.text, item.pairs[0]!.standard!.text]).toEqual(['预算', ['《预算法》', '《政府信息公开条例》'], '内容一\n内容二', 'a b']);
    expect(formatLocation(item.basis.at)).toBe('目录.docx › 第 1 个表格 第 2 行 第 4 列');
  });

  it('tracked changes are read as accepted: insertions kept, deletions and deleted rows dropped, a deleted paragraph mark joins the lines', async () => {
    const ins = (x: string) => `<w:ins w:id="1" w:author="张三" w:date="2024-03-01T00:00:00Z">${t(x)}</w:ins>`;
    const del = (x: string) => `<w:del w:id="2" w:author="张三" w:date="2024-03-01T00:00:00Z"><w:r><w:delText>${x}</w:delText></w:r></w:del>`;
    const deletedRow = `<w:tr><w:trPr><w:del w:id="3" w:author="张三" w:date="2024-03-01T00:00:00Z"/></w:trPr>${[...'9abcdefgh'].map((x) => cell(x)).join('')}</w:tr>`;
    const joined = `<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="张三" w:date="2024-03-01T00:00:00Z"/></w:rPr></w:pPr>${t('信息形成')}</w:p>${p(t('之日起20个工作日内'))}`;
    const c = await read(tbl(HEAD, deletedRow, tr(cell('1'), cell('财政'), tc(p(t('预算'), del('草案'), ins('公开'))), cell('《预算法》'), cell('内容'), cell('标准'), tc(p(del('县政府'), ins('县财政局'))), cell('网站'), tc(joined))));
    expect(c.items.map((i) => [i.serial.text, i.name.text, i.subject.text, i.deadline.text, i.at.row])).toEqual([['1', '预算公开', '县财政局', '信息形成之日起20个工作日内', 2]]);
  });

  it('content controls are read through; the placeholder of an empty one is no value', async () => {
    const sdt = (x: string, placeholder = false) => `<w:sdt><w:sdtPr><w:alias w:val="名称"/>${placeholder ? '<w:showingPlcHdr/>' : ''}</w:sdtPr><w:sdtContent>${t(x)}</w:sdtContent></w:sdt>`;
    const rowSdt = `<w:sdt><w:sdtPr/><w:sdtContent>${ROW('2', '财政', '决算', '《预算法》', '内容', '标准', '主体', '网站', '20个工作日内')}</w:sdtContent></w:sdt>`;
    const c = await read(tbl(HEAD, tr(cell('1'), cell('财政'), tc(`<w:p>${sdt('预算')}</w:p>`), cell('《预算法》'), cell('内容'), cell('标准'), tc(`<w:p>${sdt('单击或点击此处输入文字。', true)}</w:p>`), cell('网站'), cell('20个工作日内')), rowSdt));
    expect(c.items.map((i) => [i.name.text, i.subject.text])).toEqual([
      ['预算', ''],
      ['决算', '主体'],
    ]);
  });

  it('hidden text, drawings and the fallback of alternate content are not text of the cell', async () => {
    const hidden = `<w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏）</w:t></w:r>`;
    const shown = `<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>公开</w:t></w:r>`;
    const drawing = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><a:graphic><a:t>图</a:t></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p>${t('文本框')}</w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const c = await read(tbl(HEAD, tr(cell('1'), cell('财政'), tc(p(t('预算'), hidden, shown, drawing)), ...['《预算法》', '内容', '标准', '主体', '网站', '20个工作日内'].map((x) => cell(x)))));
    expect(c.items[0]!.name.text).toBe('预算公开');
  });
});

describe('merges', () => {
  it('vMerge restart/continue merge down, gridSpan across, gridBefore skips columns', async () => {
    const restart = '<w:vMerge w:val="restart"/>';
    const cont = '<w:vMerge/>';
    const c = await read(
      tbl(
        HEAD,
        tr(cell('1', restart), cell('财政', restart), cell('预算', restart), cell('《预算法》', restart), cell('内容一'), cell('标准一'), cell('县财政局', '<w:gridSpan w:val="2"/>' + restart), cell('20个工作日内', restart)),
        tr(cell('', cont), cell('', cont), cell('', cont), cell('', cont), cell('内容二'), cell('标准二'), cell('', '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>'), cell('', cont)),
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${['财政', '决算', '《预算法》', '内容', '标准', '主体', '网站', '10个工作日内'].map((x) => cell(x)).join('')}</w:tr>`,
      ),
    );
    expect(c.items.map((i) => [i.serial.text, i.name.text, i.pairs.length, i.subject.text, i.platform!.text, i.deadline.text])).toEqual([
      // A cell merged across two columns holds the value of both (as a merged cell of a sheet does).
      ['1', '预算', 2, '县财政局', '县财政局', '20个工作日内'],
      ['', '决算', 1, '主体', '网站', '10个工作日内'],
    ]);
    expect(c.items[0]!.pairs[1]!.content.at).toEqual({ file: '目录.docx', table: 1, row: 3, column: 5 });
    expect(c.items[1]!.name.at).toEqual({ file: '目录.docx', table: 1, row: 4, column: 3 });
  });

  it('a legacy hMerge continue widens the cell before it', async () => {
    const c = await read(tbl(HEAD, tr(cell('1'), cell('财政'), cell('预算', '<w:hMerge w:val="restart"/>'), cell('', '<w:hMerge/>'), cell('内容'), cell('标准'), cell('主体'), cell('网站'), cell('20个工作日内'))));
    expect(c.items[0]!.name.text).toBe('预算');
    expect(c.items[0]!.basis.values.map((v) => v.text)).toEqual(['预算']);
    expect(c.items[0]!.basis.at).toEqual({ file: '目录.docx', table: 1, row: 2, column: 3 });
  });
});

describe('tables in a document', () => {
  it('a table nested in a catalog cell is part of the cell; tables without a catalog header are reported', async () => {
    const inner = tbl(tr(cell('《预算法》'), cell('第十四条')));
    const c = await read(p(t('附件2')), tbl(tr(cell('索引号'), cell('001'))), tbl(HEAD, tr(cell('1'), cell('财政'), cell('预算'), tc(p(t('依据：')) + inner + '<w:p/>'), cell('内容'), cell('标准'), cell('主体'), cell('网站'), cell('20个工作日内'))));
    expect(c.items[0]!.basis.values.map((v) => v.text)).toEqual(['依据：', '《预算法》 第十四条']);
    expect(c.items[0]!.at.table).toBe(2);
    expect(c.findings.map((f) => [f.code, formatLocation(f.location)])).toEqual([['table-ignored', '目录.docx › 第 1 个表格 第 1 行 第 1–2 列']]);
  });

  it('a document without tables says so', async () => {
    const err = await refused(await docxFile(wordDocument([p(t('目录见附件'))])));
    expect(err.message).toBe('目录.docx 中没有任何表格，读不出目录。zwgk 读取Word 文档中的表格；如果目录是图片、扫描件或附件链接，请下载原件（Excel 或 Word 文件）后再读');
  });
});

describe('files that are not what their name says', () => {
  it('a workbook, a PDF, an old .doc, an encrypted document, a damaged zip', async () => {
    const xlsx = (await import('node:fs')).readFileSync('test/fixtures/sample/sample-2017.xlsx');
    expect((await refused(xlsx)).message).toBe('目录.docx 不是有效的 Word 文档（.docx）：这是 Excel 工作簿（.xlsx），只是扩展名为 .docx。请把扩展名改回 .xlsx。请在 Word 或 WPS 中打开并另存为“Word 文档(*.docx)”');
    expect((await refused(new TextEncoder().encode('%PDF-1.4 …'))).finding.params?.detail).toBe('文件内容是 PDF 文档，只是扩展名为 .docx');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refused(ole)).finding.params?.detail).toContain('旧版 Word 97-2003 文档（.doc）或 WPS 文档');
    ole.set([...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]), 512);
    expect((await refused(ole)).finding.code).toBe('document-encrypted');
    const docx = await docxFile(wordDocument([tbl(HEAD)]));
    expect((await refused(docx.subarray(0, docx.length - 30))).finding.code).toBe('not-a-document');
  });

  it('a “Word” .doc that is really a web page (as many systems export) is read as the page, without LibreOffice', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-doc-html-'));
    const file = path.join(dir, '目录.doc');
    writeFileSync(file, `<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"></head><body><table><tr><td>序号</td><td>事项类别</td><td>名称</td><td>依据</td><td>公开内容</td><td>公开标准</td><td>公开主体</td><td>公开方式</td><td>公开时限</td></tr><tr><td>1</td><td>财政</td><td>预算</td><td>《预算法》</td><td>内容</td><td>标准</td><td>主体</td><td>网站</td><td>20个工作日内</td></tr></table></body></html>`);
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-soffice-here');
    try {
      const c = await readCatalog(file);
      expect(c.items.map((i) => [i.name.text, formatLocation(i.at)])).toEqual([['预算', `${file} › 第 1 个表格 第 2 行 第 1 列`]]);
    } finally {
      process.env.PATH = saved;
    }
  });
});
