// The workbook renderer: read back with exceljs and compared as values (texts, merges, page setup,
// print titles, frozen pane), the raw XML checked for formulas, merges compared with exceljs's own
// mergeCells, and LibreOffice proving the file opens and prints.
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { renderXlsx } from '../../src/render/xlsx.js';
import { writeWorkbook } from '../../src/render/xlsx/write.js';
import { printSetup } from '../../src/render/xlsx/print.js';
import { NOTE_2017 } from '../../src/settings/texts.js';
import { CHANNELS } from '../../src/settings/vocab.js';
import { guide2019, hostile2017, HOSTILE, makeCatalog, sample2017 } from './fixtures.js';
import { readCatalog } from '../../src/node/read-file.js';
import type { Catalog } from '../../src/model/types.js';
import { pdfPages, pdfPageSize, pdfToPngs, sofficePdf } from '../helpers/pdf.js';
import { expectGolden } from './golden.js';
import { zipEntries } from './zip.js';

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

type Value = string | number | null;

/** The sheet as plain values: master cells' values, null for blanks and merge-covered cells. */
function values(ws: ExcelJS.Worksheet): Value[][] {
  const out: Value[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: Value[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
      row.push(v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
    }
    out.push(row);
  }
  return out;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return [...(ws.model as unknown as { merges: string[] }).merges].sort();
}

/** Everything the tests compare, as stable JSON. */
function dump(ws: ExcelJS.Worksheet): string {
  const ps = ws.pageSetup;
  return JSON.stringify(
    {
      name: ws.name,
      values: values(ws),
      merges: merges(ws),
      widths: ws.columns.map((c) => c.width),
      heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height),
      pageSetup: {
        paperSize: ps.paperSize,
        orientation: ps.orientation,
        fitToPage: ps.fitToPage,
        fitToWidth: ps.fitToWidth,
        fitToHeight: ps.fitToHeight,
        printTitlesRow: ps.printTitlesRow,
        margins: ps.margins,
      },
      footer: ws.headerFooter.oddFooter,
      views: ws.views.map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
    },
    null,
    1,
  ) + '\n';
}

/** The layout tests below use catalogs without 编制单位/日期 so the header sits in row 2. */
function noMeta<T extends { unit?: string; date?: string }>(c: T): T {
  const { unit: _u, date: _d, ...rest } = c;
  return rest as T;
}

describe('renderXlsx 2017 (sample table)', async () => {
  const buffer = await renderXlsx(noMeta(sample2017()));
  const ws = await load(buffer);

  test('title, header, items and the 注 row hold exactly the model text', () => {
    const v = values(ws);
    expect(v[0]![0]).toBe('县应急管理局政务公开事项目录');
    expect(v[1]).toEqual(['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注']);
    // 序号 is a number; 依据 citations one per line.
    expect(v[2]![0]).toBe(1);
    expect(v[2]![3]).toBe(sample2017().items[0]!.basis.values.map((c) => c.text).join('\n'));
    expect(v.slice(2, 6).map((r) => r[4])).toEqual(['本次抽检总体情况', '合格产品信息情况', '不合格产品信息情况', '采取的措施']);
    expect(v[3]![3]).toBeNull(); // covered by the merge
    expect(v[6]![8]).toBe('自调查报告批复之日起20个工作日内');
    expect(v[6]![9]).toBe('涉及国家秘密的除外');
    expect(v[7]![0]).toBe(NOTE_2017);
  });

  test('the nine item-level columns are merged down, title and 注 across', () => {
    expect(merges(ws)).toEqual(
      ['A1:J1', 'A3:A6', 'B3:B6', 'C3:C6', 'D3:D6', 'G3:G6', 'H3:H6', 'I3:I6', 'J3:J6', 'A8:J8'].sort(),
    );
  });

  test('header bold, filled, bordered; every cell of a merged block has thin borders and wraps', () => {
    const h = ws.getCell('D2');
    expect(h.font.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(h.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    for (const addr of ['D3', 'D4', 'D6', 'J6', 'E5', 'A7']) {
      const b = ws.getCell(addr).border;
      expect([b.top?.style, b.left?.style, b.bottom?.style, b.right?.style], addr).toEqual(['thin', 'thin', 'thin', 'thin']);
      expect(ws.getCell(addr).alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    }
  });

  test('print-ready: A4 landscape, fit to width, header repeated, frozen, footer', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    expect(ws.pageSetup.margins).toEqual({ left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  test('rows are tall enough for their wrapped text; merged blocks spread over their rows', () => {
    // The 依据 block (3 long citations in a 34-unit column) needs more than 4 minimum rows.
    const block = [3, 4, 5, 6].reduce((s, r) => s + (ws.getRow(r).height ?? 0), 0);
    expect(block).toBeGreaterThanOrEqual(9 * 16);
    expect(ws.getColumn(4).width).toBe(34);
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(7);
  });

  test('matches the golden dump', () => {
    expectGolden('sample-2017.xlsx.json', dump(ws));
  });
});

describe('renderXlsx 2019 (national layout)', async () => {
  const catalog = noMeta(guide2019());
  const buffer = await renderXlsx(catalog);
  const ws = await load(buffer);
  const v = values(ws);

  test('two-row grouped header with the catalog\'s own sub-labels; extra column after 备注', () => {
    expect(v[1]).toEqual(['序号', '公开事项', null, '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', null, '公开方式', null, '公开层级', null, '备注', '责任科室']);
    expect(v[2]).toEqual([null, '一级事项', '二级事项', null, null, null, null, null, '全社会', '特定群体', '主动', '依申请', '区级', '镇级', null, null]);
    for (const m of ['A2:A3', 'B2:C2', 'D2:D3', 'E2:E3', 'H2:H3', 'I2:J2', 'K2:L2', 'M2:N2', 'O2:O3', 'P2:P3']) expect(merges(ws)).toContain(m);
    expect(ws.pageSetup.printTitlesRow).toBe('2:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  test('ticks, channel checklist, 一级事项 merged over consecutive items, pairs one row each', () => {
    // item 1 (row 4): 全社会 主动 县级+乡级 (written under 区级/镇级)
    expect(v[3]!.slice(8, 14)).toEqual(['√', null, '√', null, '√', '√']);
    // item 4 (row 8): both audiences, both modes, 县级 only
    expect(v[7]!.slice(8, 14)).toEqual(['√', '√', '√', '√', '√', null]);
    expect(v[3]![7]).toBe(CHANNELS.map((c) => (['政府网站', '两微一端', '公开查阅点', '政务服务中心'].includes(c) ? '■' : '□') + c).join(' '));
    // a channel outside the list is appended, selected
    expect(String(v[5]![7]).endsWith(' ■区融媒体中心')).toBe(true);
    expect(v[3]![15]).toBe('办公室');
    const m = merges(ws);
    expect(m).toContain('B4:B7'); // 政策文件: items 1–3, item 3 has two pairs
    expect(m).toContain('B8:B9'); // 依法行政
    expect(m).not.toContain('B10:B10');
    expect(m).toContain('E6:E7'); // item 3's 公开依据 over its two pairs
    expect(v[5]![3]).toBe('重大决策草案');
    expect(v[6]![3]).toBe('决策依据');
    expect(v[10]![0]).toBe('注：■表示选用，□表示未选用。');
  });

  test('matches the golden dump', () => {
    expectGolden('guide-2019.xlsx.json', dump(ws));
  });
});

describe('renderXlsx hostile text', async () => {
  const buffer = await renderXlsx(hostile2017());
  const ws = await load(buffer);

  test('= + - @ stay text: no formula in the sheet XML, strings are shared strings', async () => {
    const xml = await zipEntries(buffer, /^xl\/(worksheets\/sheet1|sharedStrings)\.xml$/);
    const sheet = xml['xl/worksheets/sheet1.xml']!;
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).not.toContain('t="str"');
    const shared = xml['xl/sharedStrings.xml']!;
    expect(shared).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;点我&quot;)');
    expect(shared).toContain('&lt;script&gt;');
    const v = values(ws);
    expect(v[2]!.slice(0, 9)).toEqual([1, HOSTILE.script, HOSTILE.img, [HOSTILE.js, HOSTILE.formula, '详见 javascript:alert(2) 和 http://x.example/"onmouseover="alert(3)'].join('\n'), HOSTILE.plus, HOSTILE.minus, HOSTILE.amp, '[链接](javascript:alert(4))', '=1+1']);
    expect(v[3]!.slice(4, 6)).toEqual([HOSTILE.at, HOSTILE.pipe]);
    for (const r of [3, 4]) for (let c = 1; c <= 10; c++) expect(ws.getCell(r, c).type).not.toBe(ExcelJS.ValueType.Formula);
  });
});

/** The bytes of a one-sheet workbook written by exceljs's own streaming writer, its sheet filled by `fill`. */
async function exceljsWrites(fill: (ws: ExcelJS.Worksheet) => void | Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => sink.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('s');
  await fill(ws as unknown as ExcelJS.Worksheet);
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

describe('the writer records merges without exceljs\'s overlap check', () => {
  const STYLE = { font: { name: '宋体', size: 11 }, alignment: { wrapText: true }, border: {} };
  const RANGES: [number, number, number, number][] = [[1, 1, 3, 1], [1, 2, 1, 3], [4, 1, 6, 3]];

  /** The cells and merges of a 6 × 3 sheet written with exceljs's own mergeCells. */
  async function withMergeCells(): Promise<string> {
    return exceljsWrites((ws) => {
      const thin = { style: 'thin' as const };
      const style = { font: STYLE.font, alignment: STYLE.alignment, border: { top: thin, left: thin, bottom: thin, right: thin } };
      for (let r = 1; r <= 6; r++) for (let c = 1; c <= 3; c++) {
        const cell = ws.getCell(r, c);
        if (r % 3 === 1) cell.value = `r${r}c${c}`;
        cell.style = style;
      }
      for (const [t, l, b, r] of RANGES) ws.mergeCells(t, l, b, r);
    }).then(cellsAndMerges);
  }

  async function cellsAndMerges(bytes: Uint8Array): Promise<string> {
    const xml = (await zipEntries(Buffer.from(bytes), /sheet1\.xml$/))['xl/worksheets/sheet1.xml']!;
    return xml.slice(xml.indexOf('<sheetData>'), xml.indexOf('</mergeCells>'));
  }

  test('writes exactly what mergeCells writes, covered cells styled like their range\'s first', async () => {
    const slow = await withMergeCells();
    expect(slow).toContain('<mergeCells count="3"><mergeCell ref="A1:A3"/><mergeCell ref="B1:C1"/><mergeCell ref="A4:C6"/>');
    // The plan leaves the covered cells without values or styles: the writer makes them merge cells.
    const covered = (r: number, c: number): boolean => RANGES.some(([t, l, b, rr]) => r >= t && r <= b && c >= l && c <= rr && (r !== t || c !== l));
    const rows = Array.from({ length: 6 }, (_, i) => ({
      values: [1, 2, 3].map((c) => (i % 3 === 0 && !covered(i + 1, c) ? `r${i + 1}c${c}` : undefined)),
      styles: [1, 2, 3].map((c) => (covered(i + 1, c) ? undefined : 's')),
    }));
    const merges = RANGES.map(([top, left, bottom, right]) => ({ top, left, bottom, right }));
    const bytes = await writeWorkbook({ styles: { s: STYLE }, sheets: [{ name: 's', widths: [], rows, merges, print: printSetup() }] });
    expect(await cellsAndMerges(bytes)).toBe(slow);
  });
});

describe('the writer writes rows as exceljs\'s own rows write them', () => {
  const PLAIN = { font: { name: '宋体', size: 11 } };
  const BOLD = { font: { name: '宋体', size: 14, bold: true }, alignment: { horizontal: 'center' as const }, border: { color: 'FF999999' } };
  const FILLED = { font: { name: '黑体', size: 11 }, fill: 'FFD9E2F3' };
  type P = { height?: number; values: (string | number | undefined)[]; styles: (string | undefined)[] };
  // Row 1: a range whose top-left cell comes after a cell of another style; row 2: numbers, an empty text,
  // a style without a value; row 3: a height alone; row 4: styles alone and no height (left out); rows 5–6: a
  // range down two rows whose covered cells reach past the row's planned cells.
  const ROWS: (P | undefined)[] = [
    { height: 30, values: ['甲', '乙', undefined, undefined], styles: ['plain', 'bold', undefined, undefined] },
    { values: [1, '', 2.5, undefined], styles: ['filled', 'plain', undefined, 'bold'] },
    { height: 12, values: [], styles: [] },
    { values: [], styles: ['plain', 'plain'] },
    { height: 20, values: ['丙'], styles: ['filled'] },
    undefined,
  ];
  const RANGES: [number, number, number, number][] = [[1, 2, 1, 4], [5, 1, 6, 3]];

  async function reference(): Promise<Record<string, string>> {
    return exceljsWrites((ws) => {
      const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
      const looks: Record<string, Partial<ExcelJS.Style>> = {
        plain: { font: PLAIN.font },
        bold: { font: BOLD.font, alignment: BOLD.alignment, border: { top: thin, left: thin, bottom: thin, right: thin } },
        filled: { font: FILLED.font, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLED.fill } } },
      };
      ROWS.forEach((plan, i) => {
        if (!plan) return;
        const row = ws.getRow(i + 1);
        if (plan.height !== undefined) row.height = plan.height;
        plan.styles.forEach((name, c) => {
          const cell = row.getCell(c + 1);
          if (plan.values[c] !== undefined) cell.value = plan.values[c]!;
          if (name) cell.style = looks[name]!;
        });
      });
      for (const [t, l, b, r] of RANGES) ws.mergeCells(t, l, b, r);
    }).then(parts);
  }

  async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
    const got = await zipEntries(Buffer.from(bytes), /(sheet1|styles|sharedStrings)\.xml$/);
    const sheet = got['xl/worksheets/sheet1.xml']!;
    return { sheet: sheet.slice(sheet.indexOf('<sheetData>'), sheet.indexOf('</mergeCells>')), styles: got['xl/styles.xml']!, strings: got['xl/sharedStrings.xml']! };
  }

  test('the same rows, cells, style ids and shared strings, byte for byte', async () => {
    const slow = await reference();
    expect(slow.sheet).toContain('<row r="3" ht="12" customHeight="1" x14ac:dyDescent="0.25"/>');
    expect(slow.sheet).not.toContain('<row r="4"');
    const covered = (r: number, c: number): boolean => RANGES.some(([t, l, b, rr]) => r >= t && r <= b && c >= l && c <= rr && (r !== t || c !== l));
    const rows = ROWS.map((p, i) => p && { ...p, values: p.values.map((v, c) => (covered(i + 1, c + 1) ? undefined : v)), styles: p.styles.map((n, c) => (covered(i + 1, c + 1) ? undefined : n)) });
    const merges = RANGES.map(([top, left, bottom, right]) => ({ top, left, bottom, right }));
    const bytes = await writeWorkbook({ styles: { plain: PLAIN, bold: BOLD, filled: FILLED }, sheets: [{ name: 's', widths: [], rows, merges, print: printSetup() }] });
    expect(await parts(bytes)).toEqual(slow);
  });
});

/** The county example with its items repeated to `n` (a catalog of any length, real texts). */
function countyOf(base: Catalog, n: number): Catalog {
  return { ...base, items: Array.from({ length: n }, (_, i) => base.items[i % base.items.length]!) };
}

describe('LibreOffice prints every catalog length without a page of only the header and the 注', () => {
  test('2017 and 2019 catalogs of 1 to 24 items: every page holds items, A4 landscape', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-lo-pages-'));
    try {
      const county = await readCatalog('examples/county-catalog.yaml');
      const anquan = await readCatalog('examples/reference-anquan.yaml');
      const note2019 = '注：■表示选用，□表示未选用。公开层级中县级指县级政府部门，乡级指乡镇人民政府（街道办事处）。';
      const files: string[] = [];
      const fits: Record<string, number> = {};
      for (const [name, base] of [['c2017', county], ['c2019', { ...anquan, note: note2019 }]] as const) {
        for (let n = 1; n <= 24; n++) {
          const file = path.join(dir, `${name}-${n}.xlsx`);
          const buffer = await renderXlsx(countyOf(base, n));
          writeFileSync(file, buffer);
          files.push(file);
          fits[`${name}-${n}`] = (await load(buffer)).pageSetup.fitToHeight ?? 0;
        }
      }
      sofficePdf(files, dir);
      const names = [...county.items, ...anquan.items].map((it) => it.name.text.slice(0, 4));
      for (const file of files) {
        const pdf = file.replace(/\.xlsx$/, '.pdf');
        const label = path.basename(pdf);
        expect(pdfPageSize(pdf).map(Math.round), label).toEqual([842, 595]);
        pdfPages(pdf).forEach((text, i) => {
          const flat = text.replace(/\s+/g, '');
          expect(names.some((n) => flat.includes(n)), `${label} page ${i + 1} has no item`).toBe(true);
          expect(flat, `${label} page ${i + 1}`).toContain('第' + (i + 1) + '页');
        });
      }
      // The estimate did step in for some lengths (the test would prove nothing otherwise).
      expect(Object.values(fits).filter((f) => f > 0).length).toBeGreaterThan(2);
      pdfToPngs(path.join(dir, 'c2017-7.pdf'), 'xlsx-county-7-items');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('LibreOffice opens and prints the workbooks', () => {
  test('soffice --convert-to pdf succeeds for both layouts and the PDF holds the text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-lo-'));
    try {
      const files = ['sample-2017', 'guide-2019'];
      const bufs = await Promise.all([renderXlsx(sample2017()), renderXlsx(guide2019())]);
      bufs.forEach((b, i) => writeFileSync(path.join(dir, `${files[i]}.xlsx`), b));
      // A private profile dir: no clash with a running LibreOffice or a colleague's test run.
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files.map((f) => path.join(dir, `${f}.xlsx`))],
        { stdio: 'pipe', timeout: 120_000 },
      );
      for (const f of files) {
        const pdf = path.join(dir, `${f}.pdf`);
        expect(existsSync(pdf), pdf).toBe(true);
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      }
      const text = (f: string): string => execFileSync('pdftotext', ['-layout', path.join(dir, `${f}.pdf`), '-'], { encoding: 'utf8' });
      const t2017 = text('sample-2017');
      expect(t2017).toContain('食品安全监督抽检信息');
      expect(t2017).toContain('第 1 页，共 1 页');
      expect(text('guide-2019')).toContain('公开渠道和载体');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('renderXlsx 2017: 事项类别 merged over consecutive items of one category', async () => {
  const base = sample2017().items;
  const catalog = makeCatalog('2017', []);
  // 食品药品监管 ×2, 安全生产, 食品药品监管: the first two share one cell, the last stands alone.
  catalog.items = [base[0]!, base[0]!, base[1]!, base[0]!];
  const ws = await load(await renderXlsx(catalog));
  const v = values(ws);

  test('one merged cell per run, the text once, every item still merged down on its own', () => {
    expect(merges(ws)).toContain('B3:B10'); // two 4-row items
    expect(merges(ws)).not.toContain('B11:B11');
    expect(merges(ws)).toContain('B12:B15');
    expect(v.slice(2, 15).map((r) => r[1])).toEqual(['食品药品监管', null, null, null, null, null, null, null, '安全生产', '食品药品监管', null, null, null]);
    expect(merges(ws)).toContain('C3:C6');
    expect(merges(ws)).toContain('C7:C10');
  });
});

describe('renderXlsx with 编制单位 and 日期', async () => {
  const ws = await load(await renderXlsx(guide2019()));

  test('a line under the title names them, and the header moves down one row', () => {
    const v = values(ws);
    expect(v[1]![0]).toBe('编制单位：某区应急管理局\u3000\u3000日期：2024年5月');
    expect(v[2]![0]).toBe('序号');
    expect(v[3]![1]).toBe('一级事项');
    expect(merges(ws)).toContain('A2:P2');
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect((ws.views[0] as { ySplit?: number }).ySplit).toBe(4);
  });
});
