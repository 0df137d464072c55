// Catalogs that arrive as web pages and Word files, tried as a clerk would: pages saved from a portal
// (GB2312 with menus and a 索引号 table around the catalog, UTF-8 with three 公开层级 columns, a bare page
// with a title row), Word tables written as Word writes them and as LibreOffice saves them (.docx, .doc,
// .wps) — each made from a workbook, and each must convert to the very YAML the workbook converts to and
// validate with the same findings, located in the table instead of the sheet.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { columnNumber, type SourceRef } from '../../src/findings/location.js';
import { zwgk } from '../draft/cli.js';
import { makeTableFixtures, type Derived, type TableFixtures } from '../helpers/table-fixtures.js';

let dir: string;
let fx: TableFixtures;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zwgk-tables-'));
  fx = await makeTableFixtures(dir, true);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Diagnostic {
  code: string;
  severity: string;
  message: string;
  field?: string;
  item?: number;
  location: SourceRef;
}

async function diagnostics(file: string): Promise<{ code: number; list: Diagnostic[] }> {
  const r = await zwgk('validate', file, '--format', 'json');
  return { code: r.code, list: (JSON.parse(r.stdout) as { files: { diagnostics: Diagnostic[] }[] }).files[0]!.diagnostics };
}

/** Messages that name the place in words (D列, 工作表“目录”A5): they differ between a sheet and a table. */
const PLACE_IN_MESSAGE = new Set(['blank-header-column', 'missing-column', 'serial-duplicate', 'item-duplicate', 'category-spelling']);

/** A sheet finding as the table's: same code, field, item and message, cell A1 → row and column of table `table`. */
function asTable(d: Diagnostic, file: string, table: number): unknown[] {
  const l = d.location;
  let at: SourceRef = { file };
  if (l.cell) {
    const m = /^([A-Z]+)(\d+)$/.exec(l.cell)!;
    at = { file, table, row: Number(m[2]), column: columnNumber(m[1]!) };
  }
  return [d.code, d.severity, d.field, d.item, at, PLACE_IN_MESSAGE.has(d.code) ? '' : d.message.replaceAll(l.file, file)];
}

function asRead(d: Diagnostic): unknown[] {
  const { range: _range, ...at } = d.location;
  return [d.code, d.severity, d.field, d.item, at, PLACE_IN_MESSAGE.has(d.code) ? '' : d.message];
}

const all = (): Derived[] => [...fx.pages, ...fx.word, ...fx.office];
const label = (d: Derived): string => `${path.basename(d.file)} (from ${path.basename(d.workbook)})`;

describe('pages and Word files made from a workbook', () => {
  it('there are pages, Word files and LibreOffice files to try', () => {
    expect(all().map((d) => path.basename(d.file))).toEqual([
      'messy-gb2312.html',
      'levels-utf8.html',
      'county-2019.htm',
      'sample-title.html',
      '上级目录.html',
      'sample-word.docx',
      'county-word.docx',
      'messy-word.docx',
      'sample-lo.docx',
      'sample-lo.doc',
      'county-lo.docx',
      'county-lo.doc',
      'county-lo.wps',
    ]);
    // The GB2312 page really is GB2312, and declares it.
    const bytes = readFileSync(fx.pages[0]!.file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.toString('latin1')).toContain('charset=gb2312');
  });

  it('convert writes the same YAML as from the workbook', async () => {
    for (const d of all()) {
      const fromBook = path.join(dir, `${path.basename(d.file)}.book.yaml`);
      const fromFile = path.join(dir, `${path.basename(d.file)}.yaml`);
      const a = await zwgk('convert', d.workbook, '-o', fromBook);
      const b = await zwgk('convert', d.file, '-o', fromFile);
      expect(b.code, `${label(d)}: ${b.stderr}`).toBe(a.code);
      // The same catalog; what each source holds besides it is kept after it, under 其他工作表: the
      // workbook's other sheets, the page's own tables (navigation, 索引号 …).
      const [catalog, others] = splitOthers(readFileSync(fromFile, 'utf8'));
      expect(catalog, label(d)).toBe(splitOthers(readFileSync(fromBook, 'utf8'))[0]);
      const kept = others ? (parse(others) as { 其他工作表: { 名称: string }[] }).其他工作表.map((x) => x.名称) : [];
      expect(kept, label(d)).toEqual(d.table === 1 ? [] : ['第 1 个表格', '第 2 个表格', '第 3 个表格']);
    }
  });

  it('validate gives the same findings, at the same row and column of the catalog table', async () => {
    for (const d of all()) {
      const book = await diagnostics(d.workbook);
      const read = await diagnostics(d.file);
      expect(read.code, label(d)).toBe(book.code);
      const own = read.list.filter((x) => x.location.table === d.table || x.location.table === undefined);
      // The page or document holds the workbook's first sheet only: the other sheets' skips are not in it.
      const first = book.list.filter((x) => x.code !== 'sheet-ignored' && x.code !== 'hidden-sheet-ignored');
      expect(own.map(asRead), label(d)).toEqual(first.map((x) => asTable(x, d.file, d.table)));
      // Everything else is a table left out: the portal's chrome.
      expect(read.list.filter((x) => !own.includes(x)).map((x) => x.code), label(d)).toEqual(d.table === 1 ? [] : ['table-ignored', 'table-ignored', 'table-ignored']);
    }
  });

  it('names the table, row and column in the text report; the portal’s own tables are reported and kept, not read as items', async () => {
    const r = await zwgk('validate', fx.pages[0]!.file);
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(`${dir}/`, ''));
    expect(lines.slice(0, 3)).toEqual([
      'messy-gb2312.html › 第 1 个表格 第 2 行 第 1 列  提示  第 1 个表格中没有目录表头（如网页的栏目导航、索引号/发布机构等信息表），不是事项；其中 1 个有内容的单元格（如“首页 政务公开 办事服务”）原样保留（转换为 YAML、生成 Excel 时作为单独的工作表写出）。如果其中有事项，请确认这个表格的表头与样表一致  [table-ignored]',
      'messy-gb2312.html › 第 2 个表格 第 1 行 第 1 列  提示  第 2 个表格中没有目录表头（如网页的栏目导航、索引号/发布机构等信息表），不是事项；其中 1 个有内容的单元格（如“当前位置：首页 > 政务公开 > 标准目录”）原样保留（转换为 YAML、生成 Excel 时作为单独的工作表写出）。如果其中有事项，请确认这个表格的表头与样表一致  [table-ignored]',
      'messy-gb2312.html › 第 3 个表格 第 1–2 行 第 1–4 列  提示  第 3 个表格中没有目录表头（如网页的栏目导航、索引号/发布机构等信息表），不是事项；其中 8 个有内容的单元格（如“索引号：”）原样保留（转换为 YAML、生成 Excel 时作为单独的工作表写出）。如果其中有事项，请确认这个表格的表头与样表一致  [table-ignored]',
    ]);
    expect(lines).toContain('messy-gb2312.html › 第 4 个表格 第 6 行 第 9 列  错误  必填项“公开时限”为空。公开时限指相关信息形成或变更后多久公开，请补充填写  [required-blank]');
    expect(lines.at(-1)).toMatch(/^messy-gb2312\.html：未通过（2017 版式，\d+ 个事项；/);
  });

  it('gap mine.xlsx --against 上级目录.html gives the coverage it gives against the workbook', async () => {
    const book = await zwgk('gap', fx.mine, '--against', fx.reference.workbook, '--to', 'json');
    const page = await zwgk('gap', fx.mine, '--against', fx.reference.page, '--to', 'json');
    expect(page.code).toBe(book.code);
    const coverage = (r: typeof book) => {
      const { referenceFile: _file, ...rest } = (JSON.parse(r.stdout) as { coverage: { referenceFile: string } }).coverage;
      return rest;
    };
    expect(coverage(page)).toEqual(coverage(book));
    expect((coverage(book) as { missing: unknown[] }).missing.length).toBeGreaterThan(0);
  });
});

/** A YAML catalog's text before 其他工作表, and that part (or ''). */
function splitOthers(yaml: string): [string, string] {
  const at = yaml.indexOf('\n其他工作表:\n');
  return at < 0 ? [yaml, ''] : [yaml.slice(0, at + 1), yaml.slice(at + 1)];
}

describe('every command reads pages and Word files', () => {
  it('render, merge, diff and site take them as they take the workbook', async () => {
    const pageFile = fx.pages[0]!.file;
    const wordFile = fx.word[2]!.file;
    const book = fx.pages[0]!.workbook;
    // render: the page the catalog publishes is the workbook's page; beside a page it does not overwrite it.
    const r = await zwgk('render', pageFile, '--to', 'html');
    expect(r.code).toBe(1);
    expect(readFileSync(pageFile.replace(/\.html$/, '.zwgk.html'), 'utf8')).toContain('政务公开');
    const fromBook = await zwgk('render', book, '--to', 'md', '-o', '-');
    const fromPage = await zwgk('render', pageFile, '--to', 'md', '-o', '-');
    // The same catalog; the page's own tables (navigation, 索引号 …) are kept after it.
    const APPENDIX = '\n## 附：原文件中的其他内容（不属于目录）\n';
    const [catalogPart, appendix] = fromPage.stdout.split(APPENDIX);
    // The workbook has its 填表说明 sheet kept the same way.
    expect(fromBook.stdout.split(APPENDIX)[1]).toContain('### 填表说明\n\n- A1：填表说明');
    expect(catalogPart).toBe(fromBook.stdout.split(APPENDIX)[0]);
    expect(appendix).toContain('### 第 1 个表格\n\n- A2：首页<br>政务公开<br>办事服务');
    // diff: the page and the Word file hold what the workbook holds.
    const diff = await zwgk('diff', book, pageFile, '--to', 'json');
    expect(JSON.parse(diff.stdout)).toMatchObject({ added: [], removed: [], changed: [] });
    expect(JSON.parse((await zwgk('diff', pageFile, wordFile, '--to', 'json')).stdout)).toMatchObject({ added: [], removed: [], changed: [] });
    // merge: each item's 来源 names the table, row and column it came from.
    const merged = path.join(dir, 'merged.yaml');
    const m = await zwgk('merge', pageFile, wordFile, '-o', merged);
    expect(m.stderr).toBe(`已写出：${merged}\n`);
    const yaml = readFileSync(merged, 'utf8');
    expect(yaml).toContain(`来源: ${pageFile} › 第 4 个表格 第 3 行 第 1 列`);
    expect(yaml).toContain(`来源: ${wordFile} › 第 1 个表格 第 3 行 第 1 列`);
    // site: a page of its own per catalog.
    const site = path.join(dir, 'site');
    expect((await zwgk('site', pageFile, fx.word[1]!.file, '-o', site)).code).toBe(1);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain('messy-gb2312.html');
  });

  it('fix writes the corrected catalog as a workbook or YAML, never the page or the Word file, and says so', async () => {
    for (const d of [fx.pages[0]!, fx.word[0]!]) {
      const before = readFileSync(d.file);
      const out = path.join(dir, `${path.basename(d.file)}-fixed.xlsx`);
      const r = await zwgk('fix', d.file, '-o', out);
      expect(readFileSync(d.file).equals(before)).toBe(true);
      const kind = d.file.endsWith('.docx') ? 'Word 文档' : '网页';
      expect(r.stderr.split('\n')[1]).toBe(`${d.file} 是${kind}，zwgk 不改写它（原文件未改动）：修正后的目录已写成 Excel 工作簿（样表格式） ${out}。`);
      // The same corrections as `fix` of the workbook itself, at the table's cells.
      const bookFixed = await zwgk('fix', d.workbook, '-o', path.join(dir, `${path.basename(d.file)}-book.xlsx`));
      const changes = (s: string) => s.split('\n').filter((l) => l.includes('→')).map((l) => l.replace(/^.*?（/, '（'));
      expect(changes(r.stderr)).toEqual(changes(bookFixed.stderr));
      expect(changes(r.stderr).length).toBeGreaterThan(0);
      expect(r.stderr).toMatch(d.table === 1 ? /第 1 个表格 第 \d+ 行 第 \d+ 列/ : /第 4 个表格 第 \d+ 行 第 \d+ 列/);
      // The workbook written reads back with the fixes in and nothing else changed.
      const again = await diagnostics(out);
      expect(again.list.some((x) => x.code.startsWith('wenhao-'))).toBe(false);
      const yaml = path.join(dir, `${path.basename(d.file)}-fixed.yaml`);
      expect((await zwgk('fix', d.file, '-o', yaml)).stderr).toContain('已写成 YAML');
      expect(readFileSync(yaml, 'utf8')).toContain('版式:');
    }
    // A page with nothing to fix: the workbook is written anew, not a copy of the page.
    const clean = path.join(dir, 'clean.html');
    writeFileSync(clean, `<meta charset="utf-8"><table><tr>${['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限'].map((h) => `<th>${h}</th>`).join('')}</tr><tr>${['1', '财政', '预算', '《中华人民共和国预算法》', '预算报告', '全文', '县财政局', '政府网站', '批准后20日内'].map((c) => `<td>${c}</td>`).join('')}</tr></table>`);
    const none = await zwgk('fix', clean, '-o', path.join(dir, 'clean.xlsx'));
    // …and read back, it holds nothing to report.
    expect(none.stderr.trim().split('\n').slice(-2)).toEqual(['没有可以自动修正的问题。', '修正后的副本经重新校验，没有发现问题。']);
    const wrong = await zwgk('fix', fx.pages[0]!.file, '-o', path.join(dir, 'x.html'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('zwgk 不改写网页（.html）：修正后的目录写成 Excel 工作簿或 YAML，请用 -o 指定 .xlsx 或 .yaml 文件名');
  });
});
