// The cell-accounting invariant (issue 10): every non-empty cell of every sheet zwgk reads is in the
// catalog or named by a finding. One walk over every workbook of the test corpus, the workbooks our
// renderers and `init` write, and generated grid layouts; see test/helpers/accounting.ts for the check.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/types.js';
import { renderTemplateXlsx } from '../../src/draft/template-xlsx.js';
import { arrayGrid, type Grid, type MergeRange } from '../../src/grid/grid.js';
import { assembleCatalog } from '../../src/grid/assemble.js';
import { readCatalog } from '../../src/node/read-file.js';
import { readGrid } from '../../src/grid/read/index.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { render } from '../../src/render/index.js';
import { loadLayouts } from '../../src/node/layouts.js';
import { ZwgkError } from '../../src/findings/finding.js';
import { gridCells, tableCells, unaccounted, workbookCells, type SourceCell } from '../helpers/accounting.js';
import { docxFile, htmlTable, wordDocument, wordTable, type SheetData } from '../helpers/tables.js';
import { makeTableFixtures } from '../helpers/table-fixtures.js';
import { readCatalogBytes } from '../../src/formats/index.js';
import { guide2019, hostile2017, sample2017 } from '../render/fixtures.js';

function workbooks(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? workbooks(p) : /\.xlsx$/i.test(name) ? [p] : [];
  });
}

const CORPUS = workbooks('test').sort();

describe('every workbook of the test corpus', () => {
  it.each(CORPUS)('%s: every non-empty cell is read or reported', async (file) => {
    let catalog;
    try {
      catalog = await readCatalog(file);
    } catch (err) {
      // A file that cannot be read at all is reported as a whole (exit 2): nothing is taken from it.
      if (err instanceof ZwgkError) return;
      throw err;
    }
    expect(unaccounted(catalog, await workbookCells(file))).toEqual([]);
  });
});

const tmp = mkdtempSync(path.join(tmpdir(), 'zwgk-accounting-'));

describe('workbooks zwgk writes', () => {
  const rendered: [string, () => Catalog][] = [
    ['sample-2017', sample2017],
    ['guide-2019', guide2019],
    ['hostile-2017', hostile2017],
  ];
  it.each(rendered)('render of %s', async (name, make) => {
    const file = path.join(tmp, `${name}.xlsx`);
    writeFileSync(file, await renderXlsx(make()));
    const catalog = await readCatalog(file);
    const cells = await workbookCells(file);
    expect(cells.length).toBeGreaterThan(10);
    expect(unaccounted(catalog, cells)).toEqual([]);
  });

  it.each(readdirSync('examples').filter((f) => f.endsWith('.yaml')))('render of examples/%s', async (name) => {
    const file = path.join(tmp, name.replace(/\.yaml$/, '.xlsx'));
    // A list of another layout is written by its own renderer (render() picks it).
    // The unit's own layout of examples/public-services.yaml is in examples/zwgk-版式, as the CLI finds it.
    const { layouts } = await loadLayouts(undefined, process.cwd(), 'examples');
    writeFileSync(file, await render(await readCatalog(path.join('examples', name), { layouts }), 'xlsx'));
    expect(unaccounted(await readCatalog(file, { layouts }), await workbookCells(file))).toEqual([]);
  });

  it.each(['2017', '2019'] as const)('the %s template of zwgk init, empty', async (profile) => {
    const file = path.join(tmp, `template-${profile}.xlsx`);
    writeFileSync(file, await renderTemplateXlsx(profile));
    expect(unaccounted(await readCatalog(file), await workbookCells(file))).toEqual([]);
  });
});

/** A small seeded random generator (mulberry32): the same layouts on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER_2017 = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限', '备注'];
const STRAYS = [
  '《中华人民共和国政府信息公开条例》（国务院令第711号）',
  '√',
  '■政府网站 □政府公报',
  '注：以上事项动态调整。',
  '一、政策文件',
  'XX县人民政府',
  '7',
  '同上',
  '编制单位：某县人民政府办公室',
  '附件2',
  '信息形成之日起20个工作日内',
  '联系人：张三',
  '  ',
  '=SUM(A1)',
];

/** A 2017 catalog grid with title, header and items (merged down), then stray texts at random cells. */
function strayLayout(seed: number): Grid {
  const next = random(seed);
  const rows: (string | undefined)[][] = [['某县政务公开事项目录'], [...HEADER_2017]];
  const merges: MergeRange[] = [{ top: 1, left: 1, bottom: 1, right: 10 }];
  const items = 2 + Math.floor(next() * 4);
  for (let i = 0; i < items; i++) {
    const pairs = 1 + Math.floor(next() * 3);
    const top = rows.length + 1;
    for (let p = 0; p < pairs; p++) {
      rows.push(
        p === 0
          ? [String(i + 1), '政策文件', `事项${i + 1}`, '《条例》', `内容${i + 1}-1`, `标准${i + 1}-1`, '县政府办', '政府网站', '20个工作日内', '']
          : [undefined, undefined, undefined, undefined, `内容${i + 1}-${p + 1}`, `标准${i + 1}-${p + 1}`],
      );
    }
    if (pairs > 1) for (const c of [1, 2, 3, 4, 7, 8, 9, 10]) merges.push({ top, left: c, bottom: top + pairs - 1, right: c });
  }
  const strays = 1 + Math.floor(next() * 6);
  for (let k = 0; k < strays; k++) {
    const r = Math.floor(next() * (rows.length + 4));
    const c = Math.floor(next() * 13);
    while (rows.length <= r) rows.push([]);
    rows[r]![c] = STRAYS[Math.floor(next() * STRAYS.length)]!;
  }
  return arrayGrid('generated.xlsx', `seed${seed}`, rows, merges);
}

function catalogOf(grid: Grid): Catalog {
  return assembleCatalog('generated.xlsx', [{ name: grid.name, hidden: false, hasContent: true, result: readGrid(grid) }], undefined, false);
}

/** The catalog of a grid, or undefined when the grid cannot be read at all (reported as a whole). */
function tryCatalogOf(grid: Grid): Catalog | undefined {
  try {
    return catalogOf(grid);
  } catch (err) {
    if (err instanceof ZwgkError) return undefined;
    throw err;
  }
}

describe('generated layouts', () => {
  it('200 sheets with stray texts at random cells: every cell is read or reported', () => {
    let cells = 0;
    let read = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const grid = strayLayout(seed);
      const catalog = tryCatalogOf(grid);
      if (!catalog) continue;
      read++;
      const all = gridCells(grid);
      cells += all.length;
      expect(unaccounted(catalog, all), `seed ${seed}`).toEqual([]);
    }
    expect(read).toBeGreaterThan(180);
    expect(cells).toBeGreaterThan(4000);
  });
});

/** A grid as the plain data the page and Word writers take. */
function dataOf(grid: Grid): SheetData {
  const rows: string[][] = [];
  let width = 0;
  for (const { row, cells } of grid.rows()) {
    for (const [col, text] of cells) {
      (rows[row - 1] ??= [])[col - 1] = text;
      width = Math.max(width, col);
    }
  }
  for (let r = 0; r < rows.length; r++) for (let c = 0; c < width; c++) (rows[r] ??= [])[c] ??= '';
  return { rows, merges: [...grid.merges] };
}

const coveredBy = (data: SheetData) => (row: number, col: number) => data.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));

/** The portal chrome around the catalog table (test/helpers/tables.ts portalPage), cell by cell. */
const PORTAL_CHROME: SourceCell[] = [
  ...tableCells(1, [[''], ['首页\n政务公开\n办事服务']]),
  ...tableCells(2, [['当前位置：首页 > 政务公开 > 标准目录']]),
  ...tableCells(3, [
    ['索引号：', '11371327004365215P/2024-00123', '发布机构：', '沂河县人民政府办公室'],
    ['发文日期：', '2024-03-01', '主题分类：', '政务公开'],
  ]),
];

describe('tables of pages and Word files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-accounting-tables-'));

  it('pages and Word files made from the corpus: every cell of every table is read or reported', async () => {
    const fx = await makeTableFixtures(dir);
    for (const d of [...fx.pages, ...fx.word]) {
      const catalog = await readCatalog(d.file);
      const cells = [...tableCells(d.table, d.data.rows, coveredBy(d.data)), ...(d.table === 1 ? [] : PORTAL_CHROME)];
      expect(cells.length).toBeGreaterThan(20);
      expect(unaccounted(catalog, cells), d.file).toEqual([]);
    }
  });

  it('100 generated layouts with stray texts, as pages and as Word tables', async () => {
    let checked = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const data = dataOf(strayLayout(seed));
      const cells = tableCells(1, data.rows, coveredBy(data));
      const page = new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body>${htmlTable(data)}</body></html>`);
      for (const [bytes, name] of [
        [page, 'generated.html'],
        [await docxFile(wordDocument([wordTable(data)])), 'generated.docx'],
      ] as const) {
        let catalog: Catalog;
        try {
          catalog = await readCatalogBytes(bytes, name);
        } catch (err) {
          if (err instanceof ZwgkError) continue;
          throw err;
        }
        checked++;
        expect(unaccounted(catalog, cells), `seed ${seed} ${name}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(180);
  });
});

describe('the check itself', () => {
  it('fails when a value the reader took is missing from the catalog', async () => {
    const file = 'test/fixtures/sample/sample-2017.xlsx';
    const catalog = await readCatalog(file);
    const cells = await workbookCells(file);
    catalog.items[0]!.deadline.text = '';
    catalog.items[0]!.pairs.pop();
    expect(unaccounted(catalog, cells)).toEqual(['Sheet1!I3“原则上每周三公布上周抽检信息”', 'Sheet1!E6“采取的措施”', 'Sheet1!F6“对不合格产品企业采取的主要风险防控措施”']);
  });

  it('fails when a cell is neither kept nor named, or a header label, title or 注 was not kept', async () => {
    const file = 'test/fixtures/messy/messy-2017.xlsx';
    const catalog = await readCatalog(file);
    const cells = await workbookCells(file);
    const withoutSheetSkip = catalog.findings.filter((f) => f.code !== 'sheet-ignored');
    // The 填表说明 sheet is kept whole (its cells are values of the catalog), so it needs no finding…
    expect(unaccounted(catalog, cells, withoutSheetSkip)).toEqual([]);
    // …but were it neither kept nor named, each of its cells would show.
    expect(unaccounted({ ...catalog, otherSheets: undefined }, cells, withoutSheetSkip)).toEqual(['填表说明!A1“填表说明”', '填表说明!A2“1. 每个事项占一行或多行，公开内容每行一项。”', '填表说明!A3“2. 公开时限写明触发事件和期限。”']);
    catalog.sources = catalog.sources!.filter((s) => s.at.cell !== 'C2');
    catalog.title = '别的标题';
    catalog.note = undefined;
    expect(unaccounted(catalog, cells)).toEqual(['目录!A1“  某县应急管理局政务公开事项目录”', '目录!C2“事项名称”', '目录!A10“注：本目录由县应急管理局编制，每年调整一次。”']);
  });

  it('fails on a grid whose value a reader would drop', () => {
    const grid = arrayGrid('g.xlsx', 'S', [['标题'], HEADER_2017, ['1', '类别', '名称', '依据', '内容', '标准', '主体', '方式', '时限', '', '旁注']]);
    const catalog = catalogOf(grid);
    expect(unaccounted(catalog, gridCells(grid))).toEqual([]);
    delete catalog.items[0]!.extra['无表头列1'];
    expect(unaccounted(catalog, gridCells(grid), catalog.findings.filter((f) => f.code !== 'blank-header-column'))).toEqual(['S!K3“旁注”']);
  });
});
