// The web-page reader on pages written for one behaviour each: charsets, white space and line breaks as a
// browser shows them, what is never read, rowspan/colspan as a browser places them, nested tables, and
// hostile pages refused with a clear message.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/types.js';
import { decodePage } from '../../src/formats/html/charset.js';
import { readHtml } from '../../src/formats/html/read.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { formatLocation } from '../../src/findings/location.js';
import { TABLE_LIMITS } from '../../src/settings/limits.js';
import { gbk } from '../helpers/gbk.js';

const HEAD = '<tr><td>序号</td><td>事项类别</td><td>名称</td><td>依据</td><td>公开内容</td><td>公开标准</td><td>公开主体</td><td>公开方式</td><td>公开时限</td></tr>';
const row = (...cells: string[]): string => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const ITEM = (n: number, name = `事项${n}`): string => row(String(n), '财政', name, '《预算法》', '内容', '标准', '县财政局', '政府网站', '20个工作日内');
const page = (body: string, head = '<meta charset="utf-8">'): Uint8Array => new TextEncoder().encode(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);

async function read(html: Uint8Array | string, file = '目录.html'): Promise<Catalog> {
  return readHtml(typeof html === 'string' ? page(html) : html, file);
}

async function refused(html: Uint8Array | string): Promise<ZwgkError> {
  try {
    await read(html);
  } catch (err) {
    if (err instanceof ZwgkError) return err;
    throw err;
  }
  throw new Error('expected the page to be refused');
}

describe('charset', () => {
  const text = '沂河县财政局';
  it('a byte order mark decides', () => {
    expect(decodePage(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ text, encoding: 'utf-8', errors: 0 });
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodePage(le).text).toBe(text);
  });
  it('then <meta charset> or http-equiv (GB2312 and GBK read as GB18030)', () => {
    for (const head of ['<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=\"gb2312\"'>"]) {
      const bytes = gbk(`<html><head>${head}</head><body>${text}</body></html>`);
      const d = decodePage(bytes);
      expect([d.encoding, d.text.includes(text)], head).toEqual(['gb18030', true]);
    }
  });
  it('without a declaration: UTF-8 when the bytes are UTF-8, else GB18030', () => {
    expect(decodePage(new TextEncoder().encode(`<p>${text}</p>`)).encoding).toBe('utf-8');
    expect(decodePage(gbk(`<p>${text}</p>`))).toEqual({ text: `<p>${text}</p>`, encoding: 'gb18030', errors: 0 });
  });
  it('a page re-saved as UTF-8 that kept its gb2312 declaration is read as UTF-8', () => {
    const d = decodePage(new TextEncoder().encode(`<meta charset="gb2312"><p>${text}</p>`));
    expect([d.encoding, d.text.includes(text)]).toEqual(['utf-8', true]);
  });
  it('a declaration hidden in a script or comment is not one', () => {
    const bytes = gbk(`<html><head><!-- <meta charset="utf-8"> --><script>var s = '<meta charset="utf-8">';</script></head><body>${text}</body></html>`);
    expect(decodePage(bytes).encoding).toBe('gb18030');
  });
  it('bytes no charset reads are counted and reported', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`<meta charset="utf-8"><table>${HEAD}${ITEM(1)}`), 0xff, 0xfe, 0xff, ...new TextEncoder().encode('</table>')]);
    const c = await read(bytes);
    expect(c.items).toHaveLength(1);
    const f = c.findings.find((x) => x.code === 'page-encoding')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(`目录.html 中有 3 处字节无法按 UTF-8 编码解读（第一处在第 1 行，文件的第 ${bytes.indexOf(0xff) + 1} 个字节），已显示为“\uFFFD”，其余内容照常读取。请在浏览器中打开网页确认这几处文字是否正常，或向发布单位索取原件`);
    expect(f.location).toEqual({ file: '目录.html', line: 1 });
  });
  it('a UTF-8 page with a GBK declaration and one stray byte is read as UTF-8, the byte named (issue 24)', async () => {
    const before = new TextEncoder().encode(`<meta charset="gbk">\n<table>${HEAD}\n`);
    const bytes = new Uint8Array([...before, ...new TextEncoder().encode(ITEM(1).replace('</td>', '')), 0xff, ...new TextEncoder().encode('</td></table>')]);
    const c = await read(bytes);
    expect(c.items.map((i) => i.category.text)).toEqual(['财政']);
    const f = c.findings.find((x) => x.code === 'page-encoding')!;
    expect([f.params!.encoding, f.params!.where, f.location.line]).toEqual(['UTF-8', `（第一处在第 3 行，文件的第 ${bytes.indexOf(0xff) + 1} 个字节）`, 3]);
  });
  it('a GBK page with a UTF-8 declaration and one stray byte is read as GBK, the byte named', async () => {
    const bytes = new Uint8Array([...gbk(`<meta charset="utf-8">\n<table>${HEAD}\n${ITEM(1)}`), 0xff, ...gbk('</table>')]);
    const c = await read(bytes);
    expect(c.items.map((i) => i.category.text)).toEqual(['财政']);
    const f = c.findings.find((x) => x.code === 'page-encoding')!;
    expect([f.params!.encoding, f.params!.where]).toEqual(['GB18030（GBK/GB2312）', `（第一处在第 3 行，文件的第 ${bytes.indexOf(0xff) + 1} 个字节）`]);
  });
  it('a page garbled in every charset is refused as such, not as one without a catalog', async () => {
    const noise = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0xff : 0xa0 + (i % 50)));
    const err = await refused(new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8"><table><tr><td>'), ...noise, ...new TextEncoder().encode('</td></tr></table>')]));
    expect(err.finding.code).toBe('page-undecodable');
    expect(err.message).toMatch(/^目录\.html 中有 \d+ 处字节无法按 .+ 编码解读（第一处在第 1 行，文件的第 \d+ 个字节），读出的文字中找不到目录表格/);
  });
});

describe('cell text as the page shows it', () => {
  it('<br> and <p> break lines; other white space folds; a source line break between Chinese characters is no space', async () => {
    const c = await read(`<table>${HEAD}${row('1', '财政', '预算\n    公开', '《预算法》<br>《政府信息公开条例》', '<p>年度预算</p>\n<p>  调整  预算 </p>', 'a  b\tc', '<div>县财政局</div><div></div>', '<span>政府</span><span>网站</span>', '20个工作日内<br>')}</table>`);
    const item = c.items[0]!;
    expect(item.name.text).toBe('预算公开');
    expect(item.basis.values.map((v) => v.text)).toEqual(['《预算法》', '《政府信息公开条例》']);
    expect(item.pairs[0]!.content.text).toBe('年度预算\n调整 预算');
    expect(item.pairs[0]!.standard!.text).toBe('a b c');
    expect(item.subject.text).toBe('县财政局');
    expect(item.platform!.text).toBe('政府网站');
    expect(item.deadline.text).toBe('20个工作日内');
  });
  it('a no-break space shows as a space; entities are decoded; <pre> keeps its white space', async () => {
    const c = await read(`<table>${HEAD}${row('1', '财政', '&nbsp;预算&amp;决算', '《预算法》', '<pre>第一行\n  第二行</pre>', '标准', '县财政局', '网站', '&lt;20日')}</table>`);
    const item = c.items[0]!;
    expect(item.name.text).toBe(' 预算&决算');
    expect(item.pairs[0]!.content.text).toBe('第一行\n  第二行');
    expect(item.deadline.text).toBe('<20日');
    expect(c.findings.map((f) => [f.code, formatLocation(f.location)])).toEqual([]);
  });
  it('scripts, styles, comments, <noscript> and <template> are never read', async () => {
    const c = await read(`<style>td:after{content:"x"}</style><table>${HEAD}${row('1', '财政', '预算<script>document.write("决算")</script><!-- 旧名称 --><template>模板</template><noscript>无脚本</noscript>', '《预算法》', '内容', '标准', '主体', '网站', '20个工作日内')}</table>`);
    expect(c.items[0]!.name.text).toBe('预算');
    expect(c.findings).toEqual([]);
  });
});

describe('rowspan and colspan', () => {
  it('become merged ranges: one item over several rows, its cells located at their top-left cell', async () => {
    const c = await read(
      `<table>${HEAD}<tr><td rowspan="2">1</td><td rowspan=2>财政</td><td rowspan="2">预算</td><td rowspan="2">《预算法》</td><td>内容一</td><td>标准一</td><td rowspan="2">县财政局</td><td rowspan="2">网站</td><td rowspan="2">20个工作日内</td></tr><tr><td>内容二</td><td>标准二</td></tr></table>`,
    );
    expect(c.items).toHaveLength(1);
    expect(c.items[0]!.pairs.map((p) => [p.content.text, formatLocation(p.content.at)])).toEqual([
      ['内容一', '目录.html › 第 1 个表格 第 2 行 第 5 列'],
      ['内容二', '目录.html › 第 1 个表格 第 3 行 第 5 列'],
    ]);
    expect(c.items[0]!.deadline.at).toEqual({ file: '目录.html', table: 1, row: 2, column: 9 });
  });
  it('a rowspan reaching past the table (or rowspan="0") ends with the table; a huge one costs nothing', async () => {
    const c = await read(`<table>${HEAD}<tr><td>1</td><td rowspan="0">财政</td><td>预算</td><td rowspan="65534">《预算法》</td><td>内容</td><td>标准</td><td rowspan="99999999">县财政局</td><td>网站</td><td>20个工作日内</td></tr>${row('2', '决算', '内容', '标准', '网站', '20个工作日内')}</table>`);
    expect(c.items.map((i) => [i.category.text, i.name.text, i.basis.values[0]?.text, i.subject.text, i.deadline.text])).toEqual([
      ['财政', '预算', '《预算法》', '县财政局', '20个工作日内'],
      ['财政', '决算', '《预算法》', '县财政局', '20个工作日内'],
    ]);
  });
  it('a colspan never overlaps a rowspan from above (browsers would draw them on top of each other)', async () => {
    const c = await read(`<table>${HEAD}<tr><td>1</td><td>财政</td><td>预算</td><td rowspan="2">《预算法》</td><td>内容</td><td>标准</td><td>主体</td><td>网站</td><td>20个工作日内</td></tr><tr><td>2</td><td>财政</td><td colspan="3">决算</td><td>内容</td><td>标准</td><td>主体</td><td>网站</td><td>10个工作日内</td></tr></table>`);
    expect(c.items[1]!.name.text).toBe('决算');
    expect(c.items[1]!.basis.values.map((v) => v.text)).toEqual(['《预算法》']);
    expect(c.items[1]!.pairs[0]!.content.at).toEqual({ file: '目录.html', table: 1, row: 3, column: 5 });
  });
  it('cells a browser places without <tr>/<tbody> are placed the same (missing tags implied)', async () => {
    const c = await read(`<table><td>序号<td>事项类别<td>名称<td>依据<td>公开内容<td>公开标准<td>公开主体<td>公开方式<td>公开时限<tr><td>1<td>财政<td>预算<td>《预算法》<td>内容<td>标准<td>主体<td>网站<td>20个工作日内</table>`);
    expect(c.items.map((i) => [i.name.text, i.deadline.text, i.at.row])).toEqual([['预算', '20个工作日内', 2]]);
  });
});

describe('several and nested tables', () => {
  it('a catalog inside layout tables is its own table; the layout and metadata tables are reported, not read', async () => {
    const c = await read(`<table><tr><td>网站首页 | 政务公开</td></tr><tr><td><table><tr><td>索引号：</td><td>001/2024</td></tr></table><table>${HEAD}${ITEM(1)}</table></td></tr></table><div>页脚</div>`);
    expect(c.items.map((i) => [i.name.text, formatLocation(i.at)])).toEqual([['事项1', '目录.html › 第 3 个表格 第 2 行 第 1 列']]);
    expect(c.findings.map((f) => [f.code, formatLocation(f.location)])).toEqual([
      ['table-ignored', '目录.html › 第 1 个表格 第 1 行 第 1 列'],
      ['table-ignored', '目录.html › 第 2 个表格 第 1 行 第 1–2 列'],
    ]);
  });
  it('a small table inside a catalog cell is part of that cell: its rows become lines', async () => {
    const c = await read(`<table>${HEAD}${row('1', '财政', '预算', '见下表<table><tr><td>《预算法》</td><td>第十四条</td></tr><tr><td>《条例》</td><td>第二十条</td></tr></table>', '内容', '标准', '主体', '网站', '20个工作日内')}</table>`);
    expect(c.items[0]!.basis.values.map((v) => v.text)).toEqual(['见下表', '《预算法》 第十四条', '《条例》 第二十条']);
    expect(c.findings.map((f) => f.code)).toEqual([]);
  });
  it('two catalog tables of one layout are read in page order, numbered on', async () => {
    const c = await read(`<table>${HEAD}${ITEM(1)}</table><p>二、乡镇</p><table>${HEAD}${ITEM(1, '乡镇预算')}</table>`);
    expect(c.items.map((i) => [i.name.text, i.at.table])).toEqual([
      ['事项1', 1],
      ['乡镇预算', 2],
    ]);
  });
  it('a page without tables, or without a catalog table, says so', async () => {
    expect((await refused('<p>目录见附件：<a href="目录.xlsx">目录.xlsx</a></p>')).message).toBe(
      '目录.html 中没有任何表格，读不出目录。zwgk 读取网页中的表格；如果目录是图片、扫描件或附件链接，请下载原件（Excel 或 Word 文件）后再读',
    );
    const err = await refused('<table><tr><td>索引号：</td><td>001</td></tr></table><table><tr><td>发布机构</td></tr></table>');
    expect(err.finding.code).toBe('no-catalog-table');
    expect(err.message).toBe('目录.html 的 2 个表格前 30 行中都没有找到目录表头（需要“名称/二级事项”“公开内容”等列名）。请确认选对了文件、表头文字与样表一致；如果目录在附件中，请下载附件后再读');
  });
});

describe('hostile pages', () => {
  it('a page over the size limit is refused before it is parsed', async () => {
    const big = new Uint8Array(TABLE_LIMITS.maxPageBytes + 1).fill(0x20);
    const err = await refused(big);
    expect(err.finding.code).toBe('page-too-large');
    expect(err.message).toBe('目录.html 有 256.0 MB，超过网页的上限 256.0 MB，可能是损坏或恶意构造的文件，已拒绝读取。请确认选对了文件，或把目录另存为 Excel 工作簿后再处理');
  });
  it('elements nested thousands deep are refused quickly', async () => {
    const started = performance.now();
    const err = await refused('<div>'.repeat(200_000) + 'x');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(err.finding.code).toBe('page-too-complex');
    expect(err.message).toBe('目录.html 中的元素嵌套超过 512 层（上限 512 层），可能是损坏或恶意构造的文件，已拒绝读取。请确认选对了文件，或把其中的目录表格复制到 Excel 中另存为 .xlsx');
  });
  it('tables nested in tables beyond any layout, and columns beyond HTML’s own limit, are refused', async () => {
    expect((await refused('<table><tr><td>'.repeat(40) + 'x')).message).toContain('目录.html 中的表格嵌套超过 32 层（上限 32 层）');
    expect((await refused(`<table><tr>${'<td colspan="1000">x</td>'.repeat(2)}</tr></table>`)).message).toContain('目录.html 的第 1 个表格超过 1000 列（上限 1000 列）');
  });
});

describe('files named .html that are no page (issue 24)', () => {
  it('a workbook or a Word document named .html is read as what it is', async () => {
    const { readCatalogBytes } = await import('../../src/formats/index.js');
    const { readFileSync } = await import('node:fs');
    const { fixture } = await import('../readers/helpers.js');
    const book = await readCatalogBytes(readFileSync(fixture('sample/sample-2017.xlsx')), '目录.html');
    expect(book.items).toHaveLength(1);
    expect(book.items[0]!.at).toEqual({ file: '目录.html', sheet: 'Sheet1', cell: 'A3', row: 3 });
    const { docxFile, wordDocument, wordTable } = await import('../helpers/tables.js');
    const cells = [['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限'], ['1', '财政', '预算公开', '《预算法》', '部门预算', '总表', '县财政局', '政府网站', '20日内']];
    const doc = await readCatalogBytes(await docxFile(wordDocument([wordTable({ rows: cells, merges: [] })])), '目录.html');
    expect(doc.items.map((i) => [i.name.text, i.at.table])).toEqual([['预算公开', 1]]);
  });

  it('a PDF, an old Office file or another zip named .html is said to be one', async () => {
    const pdf = await refused(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n'));
    expect(pdf.finding.code).toBe('not-a-page');
    expect(pdf.message).toBe('目录.html 不是网页：文件内容是 PDF 文档，只是扩展名为 .html。zwgk 不能从 PDF 中读出表格，请向发布单位索取 Excel 或 Word 原件');
    const ole = await refused(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    expect(ole.message).toContain('旧版 Excel（.xls）或 Word（.doc）文件');
    const zip = await refused(Uint8Array.from([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]));
    expect(zip.message).toContain('zip 压缩包');
  });
});
