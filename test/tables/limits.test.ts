// The read limits in the page and Word readers: a cell longer than Excel's limit is read cut to it and
// reported at its table cell; values and merged ranges count against the same budget as a workbook's,
// and reaching it stops the read with the place where it was reached (rowspans placed as a browser does).
// The hostile files at scale run in test/robust/bad-input.test.ts and the bench.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/types.js';
import { readDocx } from '../../src/formats/docx/read.js';
import { readHtml } from '../../src/formats/html/read.js';
import { ReadBudget } from '../../src/grid/limits.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { formatLocation } from '../../src/findings/location.js';
import { TABLE_LIMITS } from '../../src/settings/limits.js';
import { docxFile, wordDocument } from '../helpers/tables.js';

const HEADER = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限'];
const item = (n: number, content = '内容'): string[] => [String(n), '财政', `事项${n}`, '《预算法》', content, '标准', '县财政局', '政府网站', '20个工作日内'];
// 40 000 characters: a character outside the BMP (a surrogate pair) and a letter in turn, so that the cut
// at 32 767 falls inside a pair and must keep one character less.
const LONG = `${'𠀀a'.repeat(13_333)}a`;

const htmlRow = (cells: string[]): string => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const page = (rows: string[]): Uint8Array => new TextEncoder().encode(`<!DOCTYPE html><meta charset="utf-8"><table>${rows.join('')}</table>`);
const wordRow = (cells: string[]): string => `<w:tr>${cells.map((c) => `<w:tc><w:p><w:r><w:t>${c}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`;
const word = async (rows: string[]): Promise<Uint8Array> => docxFile(wordDocument([`<w:tbl>${rows.join('')}</w:tbl>`]));

async function stopped(read: Promise<Catalog>): Promise<ZwgkError> {
  try {
    await read;
  } catch (err) {
    if (err instanceof ZwgkError) return err;
    throw err;
  }
  throw new Error('expected the read to stop');
}

function truncated(catalog: Catalog, file: string): void {
  const cut = catalog.findings.filter((f) => f.code === 'cell-truncated');
  expect(cut).toHaveLength(1);
  expect(cut[0]!.location).toEqual({ file, table: 1, row: 3, column: 5 });
  expect(formatLocation(cut[0]!.location)).toBe(`${file} › 第 1 个表格 第 3 行 第 5 列`);
  expect(cut[0]!.message).toBe('单元格有 40000 个字符，超过 Excel 单元格上限 32767（这样的内容无法写入 Excel 工作簿），只读入了前 32767 个字符。请精简或拆分这个单元格的内容');
  const content = catalog.items[1]!.pairs[0]!.content.text;
  // 32 767 would end inside a surrogate pair: one character less is kept.
  expect(content.length).toBe(32_766);
  expect(content).toBe(LONG.slice(0, 32_766));
  // The other cells are read as ever.
  expect(catalog.items.map((i) => i.name.text)).toEqual(['事项1', '事项2', '事项3']);
}

describe('a cell longer than Excel allows', () => {
  it('in a page: read cut to the limit, cell-truncated at its table cell', async () => {
    truncated(await readHtml(page([htmlRow(HEADER), htmlRow(item(1)), htmlRow(item(2, LONG)), htmlRow(item(3))]), '目录.html'), '目录.html');
  });

  it('in a Word table: the same', async () => {
    truncated(await readDocx(await word([wordRow(HEADER), wordRow(item(1)), wordRow(item(2, LONG)), wordRow(item(3))]), '目录.docx'), '目录.docx');
  });

  it('a 32 767-character cell is read whole, with no finding', async () => {
    const full = 'x'.repeat(32_767);
    for (const catalog of [
      await readHtml(page([htmlRow(HEADER), htmlRow(item(1, full))]), '目录.html'),
      await readDocx(await word([wordRow(HEADER), wordRow(item(1, full))]), '目录.docx'),
    ]) {
      expect(catalog.items[0]!.pairs[0]!.content.text).toBe(full);
      expect(catalog.findings.filter((f) => f.code === 'cell-truncated')).toEqual([]);
    }
  });
});

describe('the read budget', () => {
  const small = (): ReadBudget => new ReadBudget({ maxCells: 25, maxChars: 10_000, maxMerges: 2 });
  const rows = [HEADER, item(1), item(2), item(3)];
  const message = (file: string, place: string, detail: string): string =>
    `${file} 过大：读到${place}时${detail}，已停止读取，以免耗尽内存。请把目录按科室或类别拆成几个文件，分别校验和生成`;

  it('a page stops at the value past the limit, named by its table cell (placed past a rowspan)', async () => {
    // 9 values in the header and in row 2, whose 依据 spans two rows: row 3's eighth value (the 26th) is in column 9.
    const spanned = `<tr>${item(1).map((c, i) => `<td${i === 3 ? ' rowspan="2"' : ''}>${c}</td>`).join('')}</tr>`;
    const third = htmlRow(item(2).filter((_, i) => i !== 3));
    const err = await stopped(readHtml(page([htmlRow(HEADER), spanned, third]), '目录.html', { budget: small() }));
    expect(err.finding.code).toBe('catalog-too-large');
    expect(err.finding.location).toEqual({ file: '目录.html', table: 1, row: 3, column: 9 });
    expect(err.message).toBe(message('目录.html', '第 1 个表格 第 3 行 第 9 列', '有内容的单元格超过 25 个'));
  });

  it('a Word table stops the same way', async () => {
    const err = await stopped(readDocx(await word(rows.map(wordRow)), '目录.docx', { budget: small() }));
    expect(err.finding.location).toEqual({ file: '目录.docx', table: 1, row: 3, column: 8 });
    expect(err.message).toBe(message('目录.docx', '第 1 个表格 第 3 行 第 8 列', '有内容的单元格超过 25 个'));
  });

  it('merged ranges count too (rowspan/colspan, vMerge/gridSpan)', async () => {
    const spans = `<tr><td rowspan="2">1</td><td colspan="2">a</td><td rowspan="3">b</td></tr>`;
    const err = await stopped(readHtml(page([htmlRow(HEADER), spans]), '目录.html', { budget: small() }));
    expect(err.message).toBe(message('目录.html', '第 1 个表格 第 2 行 第 4 列', '合并区域超过 2 个'));
    const span = (n: number, text: string): string => `<w:tc><w:tcPr><w:gridSpan w:val="${n}"/></w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const wordErr = await stopped(readDocx(await word([wordRow(HEADER), `<w:tr>${span(2, '1')}${span(2, 'a')}${span(2, 'b')}</w:tr>`]), '目录.docx', { budget: small() }));
    expect(wordErr.message).toBe(message('目录.docx', '第 1 个表格 第 2 行 第 5 列', '合并区域超过 2 个'));
  });

  it('files read together share one budget: the second stops where the first left off', async () => {
    const budget = new ReadBudget({ maxCells: 50, maxChars: 10_000, maxMerges: 10 });
    await readHtml(page(rows.map(htmlRow)), '甲.html', { budget });
    expect(budget.cells).toBe(36);
    const err = await stopped(readDocx(await word(rows.map(wordRow)), '乙.docx', { budget }));
    expect(err.message).toBe(message('乙.docx', '第 1 个表格 第 2 行 第 6 列', '有内容的单元格超过 50 个'));
  });

  it('a page of more elements and pieces of text than TABLE_LIMITS.maxNodes is refused while it is parsed', async () => {
    const saved = TABLE_LIMITS.maxNodes;
    TABLE_LIMITS.maxNodes = 5000;
    try {
      const err = await stopped(readHtml(page([htmlRow(HEADER), ...Array.from({ length: 1000 }, () => '<tr><td><td><td><td>')]), '目录.html'));
      expect(err.finding.code).toBe('page-too-complex');
      expect(err.message).toContain('目录.html 中的元素和文字片段超过 5000 个（上限 5000 个）');
    } finally {
      TABLE_LIMITS.maxNodes = saved;
    }
  });
});

describe('over-long markup in a page', () => {
  const rows = [htmlRow(HEADER), htmlRow(item(1))];
  const over = (piece: string): string => piece.repeat(Math.ceil((TABLE_LIMITS.maxMarkupChars + 1) / piece.length));
  const refused = async (tail: string): Promise<string> => {
    const err = await stopped(readHtml(new TextEncoder().encode(`<meta charset="utf-8">\n<table>${rows.join('')}</table>\n${tail}`), '长标记.html'));
    expect(err.finding.code).toBe('page-too-complex');
    return err.message;
  };

  it('a comment, attribute value or tag name past the limit stops the read at its line, however many “>” it holds', async () => {
    expect(await refused(`<!--${over('注释>')}-->`)).toContain(`长标记.html 第 3 行的一个标签、属性或注释过长（上限 ${TABLE_LIMITS.maxMarkupChars} 个字符）`);
    expect(await refused(`<p title="${over('a>b')}">尾</p>`)).toContain('第 3 行的一个标签、属性或注释过长');
    expect(await refused(`<p\n\nx${over('y')}>`)).toContain('第 5 行的一个标签、属性或注释过长');
  });

  it('text as long is read (cut to a cell), and markup just under the limit is read', async () => {
    const long = 'x'.repeat(TABLE_LIMITS.maxMarkupChars + 1);
    expect((await readHtml(page([htmlRow(HEADER), htmlRow(item(1, `${long} < ${long}`))]), '长文字.html')).items).toHaveLength(1);
    const image = `<img src="${'A'.repeat(TABLE_LIMITS.maxMarkupChars - 10)}">`;
    expect((await readHtml(page([htmlRow(HEADER), htmlRow(item(1, `内容${image}`))]), '图片.html')).items).toHaveLength(1);
  });
});
