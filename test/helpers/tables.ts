// Pages and Word documents made from workbooks, for the table readers' tests: a sheet's cells and merges
// (read with exceljs, not with our scanner) written as an HTML table with rowspan/colspan — bare, inside a
// portal page (menus, a 索引号/发布机构 table, nested layout tables, a footer, scripts and comments), in
// UTF-8 or GBK — or as a Word table the way Word writes one (tblGrid, gridSpan, vMerge restart/continue,
// text split over runs, paragraphs as lines), zipped into a .docx.
import ExcelJS from 'exceljs';
import { cellText } from './exceljs-text.js';
import type { ZipEntry } from '../../src/formats/ooxml/zip.js';
import { writeZip } from '../../src/formats/ooxml/zip-write.js';
import { gbk, inGbk } from './gbk.js';

/** A sheet as plain data: texts by row and column (0-based arrays, '' for an empty cell) and merges (1-based). */
export interface SheetData {
  rows: string[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

/** The cells and merged ranges of one worksheet (the first, or by name). */
export async function sheetData(file: string, sheet?: string): Promise<SheetData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet === undefined ? wb.worksheets[0]! : wb.getWorksheet(sheet)!;
  const rows: string[][] = [];
  const boxes = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  let width = 0;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      width = Math.max(width, c);
      if (cell.isMerged) {
        const key = cell.master.address;
        const box = boxes.get(key) ?? { top: r, left: c, bottom: r, right: c };
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        boxes.set(key, box);
        if (cell.master !== cell) return;
      }
      (rows[r - 1] ??= [])[c - 1] = cellText(cell.value);
    });
  });
  for (let r = 0; r < rows.length; r++) {
    rows[r] ??= [];
    for (let c = 0; c < width; c++) rows[r]![c] ??= '';
  }
  const merges = [...boxes.values()].filter((b) => b.bottom > b.top || b.right > b.left);
  return { rows, merges };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text as HTML that shows it exactly: runs of spaces and edge spaces as &nbsp;, lines by <br> or <p>. */
function htmlText(text: string, lines: 'br' | 'p'): string {
  const line = (l: string): string => esc(l).replace(/^ | $|(?<= ) /g, '&nbsp;');
  const parts = text.split('\n').map(line);
  if (lines === 'br') return parts.join('<br>\n');
  return parts.map((p) => `<p style="margin:0">${p === '' ? '&nbsp;' : p}</p>`).join('\n        ');
}

/** A sheet as an HTML table: merges as rowspan/colspan, covered cells left out, empty cells kept. */
export function htmlTable(data: SheetData, opts: { lines?: 'br' | 'p'; attrs?: string } = {}): string {
  const lines = opts.lines ?? 'br';
  const covered = new Set<string>();
  const spans = new Map<string, string>();
  for (const m of data.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
    const rs = m.bottom - m.top + 1;
    const cs = m.right - m.left + 1;
    spans.set(`${m.top}:${m.left}`, `${rs > 1 ? ` rowspan="${rs}"` : ''}${cs > 1 ? ` colspan=${cs}` : ''}`);
  }
  const out = [`<table ${opts.attrs ?? 'border="1" cellspacing="0"'}>`, '  <tbody>'];
  data.rows.forEach((row, i) => {
    const r = i + 1;
    out.push('    <tr>');
    row.forEach((text, j) => {
      const c = j + 1;
      if (covered.has(`${r}:${c}`)) return;
      // A blank line in a <p> cell would not show: such cells use <br>.
      const way = lines === 'p' && !/\n\n/.test(text) ? 'p' : 'br';
      out.push(`      <td${spans.get(`${r}:${c}`) ?? ''}>${text === '' ? '' : htmlText(text, way)}</td>`);
    });
    out.push('    </tr>');
  });
  out.push('  </tbody>', '</table>');
  return out.join('\n');
}

/**
 * A county portal's article page around a catalog table: a menu bar and a 索引号/发布机构 table in layout
 * tables, the catalog nested in a layout cell, scripts, styles and comments holding table-like text, a
 * footer. `charset` is declared in a <meta> (the bytes are then encoded to match).
 */
export function portalPage(catalogTable: string, opts: { charset?: 'gb2312' | 'utf-8'; httpEquiv?: boolean; heading?: string } = {}): Buffer {
  const charset = opts.charset ?? 'utf-8';
  const meta = opts.httpEquiv ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : `<meta charset="${charset}">`;
  const page = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
${meta}
<title>政务公开事项标准目录_沂河县人民政府</title>
<style>td { font-size: 14px } .x:before { content: "<table><tr><td>序号</td></tr></table>" }</style>
<script type="text/javascript">var tpl = "<table><tr><td>序号</td><td>名称</td><td>公开内容</td></tr></table>"; document.write("");</script>
</head>
<body>
<!-- 页头 <table><tr><td>序号</td><td>名称</td></tr></table> -->
<table width="1000" align="center"><tr><td><img src="logo.png" alt="沂河县人民政府"></td></tr>
<tr><td><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li></ul></td></tr></table>
<table width="1000" align="center"><tr><td valign="top">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 标准目录</div>
  <table class="xxgk_info" width="100%">
    <tr><td>索引号：</td><td>11371327004365215P/2024-00123</td><td>发布机构：</td><td>沂河县人民政府办公室</td></tr>
    <tr><td>发文日期：</td><td>2024-03-01</td><td>主题分类：</td><td>政务公开</td></tr>
  </table>
  ${opts.heading ? `<h1 class="title">${esc(opts.heading)}</h1>` : ''}
  <div class="content" id="zoom">
${catalogTable}
  </div>
  <script>var hits = 0; /* </td></tr> */</script>
</td></tr></table>
<noscript><table><tr><td>序号</td><td>名称</td><td>公开内容</td></tr></table></noscript>
<div class="footer">主办：沂河县人民政府办公室　　<a href="#">网站地图</a><br>鲁ICP备00000000号</div>
</body>
</html>
`;
  // A browser saving a GBK page writes characters GBK lacks (✓) as numeric references.
  return charset === 'gb2312' ? gbk([...page].map((ch) => (inGbk(ch) ? ch : `&#${ch.codePointAt(0)};`)).join('')) : Buffer.from(page, 'utf8');
}

// ------------------------------------------------------------------ Word

const W_NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" mc:Ignorable="w14"';

const xmlEsc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let rsid = 0x00a1b2c3;
const nextRsid = (): string => (rsid++).toString(16).toUpperCase().padStart(8, '0');

/** One run of text as Word writes it (xml:space="preserve" where spaces would be lost). */
function run(text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:hint="eastAsia"/><w:sz w:val="21"/></w:rPr><w:t${space}>${xmlEsc(text)}</w:t></w:r>`;
}

/** A paragraph: Word splits text into runs (proofing marks, a bookmark between them). */
function paragraph(text: string): string {
  const cut = Math.floor(text.length / 2);
  const runs = text === '' ? '' : cut > 0 && text.length > 3 ? `${run(text.slice(0, cut))}<w:proofErr w:type="gramStart"/>${run(text.slice(cut))}<w:proofErr w:type="gramEnd"/>` : run(text);
  return `<w:p w:rsidR="${nextRsid()}" w:rsidRDefault="00C12345"><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>${runs}</w:p>`;
}

/** A sheet as a Word table: tblGrid, gridSpan for merged columns, vMerge restart/continue for merged rows. */
export function wordTable(data: SheetData): string {
  const width = Math.max(...data.rows.map((r) => r.length));
  const at = new Map<string, { role: 'start' | 'continue' | 'covered'; span: number; rows: number }>();
  for (const m of data.merges) {
    const span = m.right - m.left + 1;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        at.set(`${r}:${c}`, { role: c !== m.left ? 'covered' : r === m.top ? 'start' : 'continue', span, rows: m.bottom - m.top + 1 });
      }
    }
  }
  const grid = Array.from({ length: width }, () => '<w:gridCol w:w="1200"/>').join('');
  const rows = data.rows.map((row, i) => {
    const r = i + 1;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const m = at.get(`${r}:${c}`);
      if (m?.role === 'covered') continue;
      const span = m ? m.span : 1;
      const props = `<w:tcW w:w="${1200 * span}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${m && m.rows > 1 ? (m.role === 'start' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''}<w:vAlign w:val="center"/>`;
      const text = m?.role === 'continue' ? '' : (row[c - 1] ?? '');
      cells.push(`<w:tc><w:tcPr>${props}</w:tcPr>${text.split('\n').map(paragraph).join('')}</w:tc>`);
    }
    return `<w:tr w:rsidR="${nextRsid()}" w:rsidTr="00D45678"><w:trPr><w:jc w:val="center"/></w:trPr>${cells.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/** A document.xml body: paragraphs and tables (as XML) in order, then the section properties. */
export function wordDocument(body: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W_NS}><w:body>${body.join('')}<w:sectPr w:rsidR="00C12345"><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1800" w:right="1440" w:bottom="1800" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/></w:sectPr></w:body></w:document>`;
}

/** A paragraph of body text (outside tables). */
export function wordParagraph(text: string): string {
  return paragraph(text);
}

function entry(name: string): ZipEntry {
  return {
    name,
    nameBytes: new TextEncoder().encode(name),
    method: 8,
    flags: 0,
    crc: 0,
    compressedSize: 0,
    size: 0,
    localOffset: 0,
    versionMadeBy: 20,
    versionNeeded: 20,
    time: 0,
    date: 0x21,
    internalAttrs: 0,
    externalAttrs: 0,
    extra: new Uint8Array(0),
    comment: new Uint8Array(0),
    encrypted: false,
  };
}

/** A .docx package around a document.xml. */
export async function docxFile(documentXml: string): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    ['word/document.xml', documentXml],
  ];
  return writeZip(parts.map(([name, text]) => ({ entry: entry(name), content: enc.encode(text) })));
}
