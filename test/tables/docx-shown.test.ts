// Word documents read as Word shows them (issue 24): a 序号 numbered by Word's list numbering (the cells
// themselves empty), a cell deleted with changes tracked (gone, the cells after it move left), check
// boxes and √ inserted as symbols (w:sym, Wingdings), hidden text and text boxes named rather than
// silently dropped, and a catalog embedded whole as a web page (w:altChunk) read.
import { describe, expect, it } from 'vitest';
import { readCatalogBytes } from '../../src/formats/index.js';
import { ZwgkError } from '../../src/findings/finding.js';
import type { Catalog } from '../../src/model/types.js';
import { zip } from '../helpers/remote-files.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';
const HEAD = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限'];
const REST = ['《中华人民共和国预算法》', '部门预算', '收支总表', '县财政局', '政府网站', '批复后20日内'];
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const run = (t: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (content: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
const cell = (content: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content || '<w:p/>'}</w:tc>`;
const text = (t: string): string => cell(para(run(t)));
const row = (cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const numbered = (numId: number, content = ''): string => cell(para(content, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`));

async function docx(body: string, parts: [string, string][] = [], rels = ''): Promise<Uint8Array> {
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`],
    ...parts,
  ]);
}

const table = (rows: string[][]): string => `<w:tbl>${row(HEAD.map(text))}${rows.map((r) => row(r)).join('')}</w:tbl>`;
const read = (bytes: Uint8Array): Promise<Catalog> => readCatalogBytes(bytes, '目录.docx');
const codes = (c: Catalog) => c.findings.map((f) => [f.code, f.location.table, f.location.row, f.location.column]);

const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num><w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;
const NUMBERING_REL = `<Relationship Id="rIdN" Type="${REL}/numbering" Target="numbering.xml"/>`;

describe('Word documents as Word shows them', () => {
  it('a 序号 numbered by Word’s list numbering is read as its number, a numbered name with its 一、', async () => {
    const items = ['预算公开', '决算公开', '三公经费'].map((name) => [numbered(1), text('财政'), numbered(2, run(name)), ...REST.map(text)]);
    // A bullet shows no number; a list that starts at 10 counts from there.
    const more = [[numbered(3), text('财政'), cell(para(run('政府采购'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>')), ...REST.map(text)]];
    const c = await read(await docx(table([...items, ...more]), [['word/numbering.xml', NUMBERING]], NUMBERING_REL));
    expect(c.items.map((i) => [i.serial.text, i.name.text])).toEqual([
      ['1', '一、 预算公开'],
      ['2', '二、 决算公开'],
      ['3', '三、 三公经费'],
      ['10', '政府采购'],
    ]);
    expect(c.findings.filter((f) => f.code === 'required-blank')).toEqual([]);
  });

  it('a cell deleted with changes tracked is gone: the cells after it move left', async () => {
    const deleted = cell(para(run('已删除的单元格')), '<w:cellDel w:id="9" w:author="科员" w:date="2024-05-01T00:00:00Z"/>');
    const c = await read(await docx(table([[text('1'), text('财政'), deleted, text('预算公开'), ...REST.map(text)]])));
    expect(c.items.map((i) => [i.name.text, i.basis.values[0]!.text, i.deadline.text])).toEqual([['预算公开', '《中华人民共和国预算法》', '批复后20日内']]);
    expect(JSON.stringify(c)).not.toContain('已删除的单元格');
  });

  it('symbols inserted from Wingdings read as the marks they show; an unknown one is named', async () => {
    const sym = (font: string, char: string): string => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const remark = cell(para(`${sym('Wingdings', 'F0FE')}${run('已核对')}${sym('Wingdings 2', 'F0A3')}${run('未核对')}${sym('Wingdings', 'F0FC')}`));
    const odd = cell(para(`${run('批复后20日内')}${sym('Webdings', 'F021')}`));
    const c = await read(await docx(`<w:tbl>${row([...HEAD, '备注'].map(text))}${row([text('1'), text('财政'), text('预算公开'), ...REST.slice(0, 5).map(text), odd, remark])}</w:tbl>`));
    expect(c.items[0]!.remark.text).toBe('☑已核对□未核对√');
    expect(c.items[0]!.deadline.text).toBe('批复后20日内');
    const named = c.findings.find((f) => f.code === 'content-unread')!;
    expect([named.location.table, named.location.row, named.location.column]).toEqual([1, 2, 9]);
    expect(named.message).toBe('单元格中的“Webdings”字体的符号 F021未读入目录。zwgk 只读取表格单元格中的文字；如果其中有目录内容，请把它写进单元格');
  });

  it('hidden text is not read and is named at its cell; a text box is named', async () => {
    const hidden = cell(para(`${run('预算公开')}${run('（内部：暂缓公开）', '<w:vanish/>')}`));
    const box = cell(para(`${run('部门预算')}<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${para(run('文本框里的说明'))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`));
    const c = await read(await docx(table([[text('1'), text('财政'), hidden, text(REST[0]!), box, ...REST.slice(2).map(text)]])));
    expect([c.items[0]!.name.text, c.items[0]!.pairs[0]!.content.text]).toEqual(['预算公开', '部门预算']);
    expect(codes(c)).toEqual(expect.arrayContaining([['hidden-content', 1, 2, 3], ['content-unread', 1, 2, 5]]));
    const h = c.findings.find((f) => f.code === 'hidden-content')!;
    expect(h.severity).toBe('info');
    expect(h.message).toBe('设为“隐藏”的文字“（内部：暂缓公开）”在原文件中是隐藏的（阅读和打印时看不到），未读入目录。如需公开，请在 Word 中选中这些文字，在“字体”中取消“隐藏”');
    expect(c.findings.find((f) => f.code === 'content-unread')!.message).toContain('单元格中的文本框未读入目录');
  });

  it('a catalog embedded whole as a web page (altChunk) is read; an embedded .mht is named', async () => {
    const page = `<html><head><meta charset="utf-8"></head><body><table><tr>${HEAD.map((h) => `<td>${h}</td>`).join('')}</tr><tr>${['1', '财政', '预算公开', ...REST].map((h) => `<td>${h}</td>`).join('')}</tr></table></body></html>`;
    const rels = `<Relationship Id="rIdH" Type="${REL}/aFChunk" Target="afchunk.htm"/><Relationship Id="rIdM" Type="${REL}/aFChunk" Target="afchunk2.mht"/>`;
    const c = await read(await docx('<w:altChunk r:id="rIdH"/>', [['word/afchunk.htm', page]], rels));
    expect(c.items.map((i) => [i.name.text, i.at])).toEqual([['预算公开', { file: '目录.docx', table: 1, row: 2, column: 1 }]]);
    const mht = await read(await docx('<w:altChunk r:id="rIdM"/>', [['word/afchunk2.mht', 'MIME-Version: 1.0']], rels)).catch((e: unknown) => e as ZwgkError);
    expect((mht as ZwgkError).finding.code).toBe('not-a-document');
    expect((mht as ZwgkError).message).toContain('正文是嵌入的另一个文件（嵌入的文档（altChunk：word/afchunk2.mht））');
  });
});
