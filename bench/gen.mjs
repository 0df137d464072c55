// Benchmark data: a 2017-layout catalog of N items × 4 content rows, as an .xlsx written the way a
// real office sheet looks (title row merged across, header, item-level columns merged down per item,
// borders on every cell, 注 row), and the same catalog as YAML, as a portal page (one table, the item
// columns joined by rowspan) and as a Word document (one table, vMerge). Every text cell holds its own
// text (bench/texts.mjs). Deterministic for a given N.
//
// The workbook is written with exceljs's streaming WorkbookWriter. Its mergeCells() compares every
// new range with all earlier ones (quadratic: 200 000 merges would take many minutes), so merges
// are added as src/render/xlsx.ts does: covered cells point at the master, the range is pushed to
// the writer's `_merges` list, which it writes out as <mergeCells> on commit.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { once } from 'node:events';
import { items } from './texts.mjs';
import { streamedEntry, entry, zip } from '../test/fixtures/bad/make-bad.mjs';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');
const Dimensions = require('exceljs/lib/doc/range.js');

export const PAIRS_PER_ITEM = 4;
export const HEADER = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注'];
/** Columns (1-based) merged down over an item's rows: all but 公开内容 and 公开标准. */
export const ITEM_COLUMNS = [1, 2, 3, 4, 7, 8, 9, 10];

export { items };

export const TITLE = '沂河县政务公开事项标准目录（基准测试数据）';
export const NOTE =
  '注：事项类别为纳入试点的行业领域；名称为拟公开事项的规范提法，应做到指向准确，避免产生歧义；依据为对公开此类信息作出要求的政策法规名称，列出文件名和文号；公开内容为拟公开事项的组成要素；公开标准为公开内容应包括的具体要素；公开主体为承担此类信息公开任务的义务主体；公开方式包括在何种平台公开、如何公开；公开时限指相关信息形成或变更后多久公开；如需对信息进行解释说明，可在备注栏标注。';

function mergeUnchecked(ws, top, left, bottom, right) {
  const master = ws.getCell(top, left);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (r !== top || c !== left) ws.getCell(r, c).merge(master);
    }
  }
  ws._merges.push(new Dimensions(top, left, bottom, right));
}

/** Write the workbook (to a temporary name first, so an interrupted run leaves no half file). */
export async function writeWorkbook(file, n, seed) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('目录');
  ws.columns = [6, 12, 20, 34, 22, 34, 18, 20, 18, 12].map((width) => ({ width }));
  const thin = { style: 'thin', color: { argb: 'FF000000' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const font = { name: '宋体', size: 11 };
  const text = { font, border, alignment: { vertical: 'middle', wrapText: true } };
  const header = { font: { ...font, bold: true }, border, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  const title = { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };

  const t = ws.getRow(1);
  t.getCell(1).value = TITLE;
  t.getCell(1).style = title;
  t.height = 30;
  mergeUnchecked(ws, 1, 1, 1, HEADER.length);
  t.commit();
  const h = ws.getRow(2);
  HEADER.forEach((label, i) => {
    h.getCell(i + 1).value = label;
    h.getCell(i + 1).style = header;
  });
  h.commit();

  let next = 3;
  for (const it of items(n, PAIRS_PER_ITEM, seed)) {
    const values = [it.serial, it.category, it.name, it.basis, null, null, it.subject, it.platform, it.deadline, it.remark];
    for (let p = 0; p < PAIRS_PER_ITEM; p++) {
      const row = ws.getRow(next + p);
      for (let c = 1; c <= HEADER.length; c++) {
        const cell = row.getCell(c);
        cell.style = text;
        if (p === 0 && values[c - 1] !== null && values[c - 1] !== '') cell.value = values[c - 1];
      }
      row.getCell(5).value = it.pairs[p][0];
      row.getCell(6).value = it.pairs[p][1];
    }
    for (const c of ITEM_COLUMNS) mergeUnchecked(ws, next, c, next + PAIRS_PER_ITEM - 1, c);
    next += PAIRS_PER_ITEM;
    ws.getRow(next - 1).commit();
  }
  const noteRow = ws.getRow(next);
  noteRow.getCell(1).value = NOTE;
  noteRow.getCell(1).style = { font, alignment: { wrapText: true, vertical: 'top' } };
  mergeUnchecked(ws, next, 1, next, HEADER.length);
  noteRow.commit();
  ws.commit();
  await wb.commit();
  await rename(tmp, file);
}

/** YAML scalar: plain when that is safe, otherwise JSON's double-quoted form (valid YAML). */
function scalar(s) {
  if (s === '') return '""';
  if (/^[\u4e00-\u9fff《（“][^\n#:]*$/.test(s) && !/: |\s$/.test(s)) return s;
  return JSON.stringify(s);
}

/** Write the same catalog as YAML in the documented layout. */
export async function writeYaml(file, n, seed) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp);
  let buf = `版式: "2017"\n标题: ${TITLE}\n事项:\n`;
  const flush = async () => {
    if (!out.write(buf)) await once(out, 'drain');
    buf = '';
  };
  for (const it of items(n, PAIRS_PER_ITEM, seed)) {
    buf += `  - 序号: ${it.serial}\n    事项类别: ${scalar(it.category)}\n    名称: ${scalar(it.name)}\n    依据:\n`;
    for (const b of it.basisList) buf += `      - ${scalar(b)}\n`;
    buf += '    公开内容与标准:\n';
    for (const [c, s] of it.pairs) buf += `      - 公开内容: ${scalar(c)}\n        公开标准: ${scalar(s)}\n`;
    buf += `    公开主体: ${scalar(it.subject)}\n    公开方式: ${scalar(it.platform)}\n    公开时限: ${scalar(it.deadline)}\n    备注: ${scalar(it.remark)}\n`;
    if (buf.length > 1 << 16) await flush();
  }
  buf += `注: ${scalar(NOTE)}\n`;
  await flush();
  out.end();
  await once(out, 'close');
  await rename(tmp, file);
}

/** Remove half-written files left by an interrupted generation. */
export async function cleanPartial(file) {
  await rm(`${file}.partial`, { force: true });
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Group a stream of strings into chunks of about 1 MB (fewer writes and deflate calls). */
function* batched(pieces) {
  let buf = '';
  for (const p of pieces) {
    buf += p;
    if (buf.length > 1 << 20) (yield buf, (buf = ''));
  }
  if (buf) yield buf;
}

/** Write a stream of strings to a file through a temporary name. */
async function writeStream(file, pieces) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp);
  for (const chunk of batched(pieces)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
  await rename(tmp, file);
}

/** The same catalog as a portal page: one table, the item columns joined down by rowspan, basis lines by <br>. */
function* pagePieces(n, seed) {
  yield `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(TITLE)}</title></head><body>\n<h1>${esc(TITLE)}</h1>\n<table border="1">\n<thead><tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n`;
  const k = PAIRS_PER_ITEM;
  for (const it of items(n, k, seed)) {
    const merged = (v) => `<td rowspan="${k}">${v}</td>`;
    const [c0, s0] = it.pairs[0];
    yield `<tr>${merged(it.serial)}${merged(esc(it.category))}${merged(esc(it.name))}${merged(it.basisList.map(esc).join('<br>'))}<td>${esc(c0)}</td><td>${esc(s0)}</td>${merged(esc(it.subject))}${merged(esc(it.platform))}${merged(esc(it.deadline))}${merged(esc(it.remark))}</tr>\n`;
    for (let p = 1; p < k; p++) yield `<tr><td>${esc(it.pairs[p][0])}</td><td>${esc(it.pairs[p][1])}</td></tr>\n`;
  }
  yield `<tr><td colspan="${HEADER.length}">${esc(NOTE)}</td></tr>\n</tbody></table>\n</body></html>\n`;
}

/** Write the catalog as a web page. */
export async function writePage(file, n, seed) {
  await writeStream(file, pagePieces(n, seed));
}

const WNS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const para = (t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
const wcell = (lines, merge) => `<w:tc>${merge ? `<w:tcPr><w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/></w:tcPr>` : ''}${(lines.length ? lines : ['']).map((l) => (l === '' ? '<w:p/>' : para(l))).join('')}</w:tc>`;

/** The catalog as Word's document.xml: a title paragraph, one table with vMerge down the item columns, the 注. */
function* documentPieces(n, seed) {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${WNS}"><w:body>${para(TITLE)}<w:tbl><w:tr>${HEADER.map((h) => wcell([h])).join('')}</w:tr>`;
  const k = PAIRS_PER_ITEM;
  for (const it of items(n, k, seed)) {
    const item = [[String(it.serial)], [it.category], [it.name], it.basisList];
    const after = [[it.subject], [it.platform], [it.deadline], it.remark ? [it.remark] : []];
    for (let p = 0; p < k; p++) {
      const m = p === 0 ? 'restart' : 'continue';
      const side = (cols) => cols.map((v) => wcell(p === 0 ? v : [], m)).join('');
      yield `<w:tr>${side(item)}${wcell([it.pairs[p][0]])}${wcell([it.pairs[p][1]])}${side(after)}</w:tr>`;
    }
  }
  yield `</w:tbl>${para(NOTE)}<w:sectPr/></w:body></w:document>`;
}

/** Write the catalog as a Word document (.docx: content types, package relationship, document.xml). */
export async function writeDocx(file, n, seed) {
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  const doc = await streamedEntry('word/document.xml', batched(documentPieces(n, seed)));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.partial`, zip([entry('[Content_Types].xml', types), entry('_rels/.rels', rels), doc]));
  await rename(`${file}.partial`, file);
}
