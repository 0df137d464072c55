// The pages and Word files the table-reader tests read, made at test time from workbooks (so they can
// never drift from them): portal pages in GBK and UTF-8, a bare page with a title row, Word tables written
// the way Word writes them, and — with LibreOffice Writer — the same tables saved by LibreOffice as .docx,
// .doc and (a Kingsoft WPS file is a Word 97 file by another name) .wps.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCatalog } from '../../src/node/read-file.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { docxFile, htmlTable, portalPage, sheetData, wordDocument, wordParagraph, wordTable, type SheetData } from './tables.js';

/** One file made from a workbook: the workbook, the file, and which table of it holds the catalog. */
export interface Derived {
  workbook: string;
  file: string;
  table: number;
  data: SheetData;
}

export interface TableFixtures {
  /** 上级目录.xlsx (rendered from examples/reference-anquan.yaml) and the portal page made from it. */
  reference: { workbook: string; page: string };
  /** The unit's own catalog, as a workbook. */
  mine: string;
  pages: Derived[];
  word: Derived[];
  /** Made by LibreOffice Writer (present when `libreoffice` was asked for). */
  office: Derived[];
}

/** The catalog table is the 4th of a portal page: menu bar, layout table, 索引号 table, then it. */
const PORTAL_TABLE = 4;

/** Write every derived file into `dir`; `libreoffice`: also convert with soffice (a few seconds). */
export async function makeTableFixtures(dir: string, libreoffice = false): Promise<TableFixtures> {
  mkdirSync(dir, { recursive: true });
  const fromYaml = async (yaml: string, name: string): Promise<string> => {
    const file = path.join(dir, name);
    writeFileSync(file, await renderXlsx(await readCatalog(yaml)));
    return file;
  };
  const referenceBook = await fromYaml('examples/reference-anquan.yaml', '上级目录.xlsx');
  const mine = await fromYaml('examples/unit-anquan.yaml', 'mine.xlsx');

  const pages: Derived[] = [];
  const page = async (workbook: string, name: string, make: (data: SheetData) => Buffer | string, table: number): Promise<Derived> => {
    const data = await sheetData(workbook);
    const file = path.join(dir, name);
    writeFileSync(file, make(data));
    const d = { workbook, file, table, data };
    pages.push(d);
    return d;
  };
  // A GB2312 portal page, lines as <p> (what a CMS editor writes), declared by http-equiv.
  await page('test/fixtures/messy/messy-2017.xlsx', 'messy-gb2312.html', (d) => portalPage(htmlTable(d, { lines: 'p' }), { charset: 'gb2312', httpEquiv: true }), PORTAL_TABLE);
  // A UTF-8 page with three 公开层级 columns, lines as <br>.
  await page('test/fixtures/wild/levels-2019.xlsx', 'levels-utf8.html', (d) => portalPage(htmlTable(d), { charset: 'utf-8' }), PORTAL_TABLE);
  // The 2019 county catalog in a GB2312 portal page, with a heading outside the table.
  await page('test/fixtures/2019/county-2019.xlsx', 'county-2019.htm', (d) => portalPage(htmlTable(d, { lines: 'p' }), { charset: 'gb2312', heading: '沂河县政务公开标准目录' }), PORTAL_TABLE);
  // A bare page whose table starts with the title row (Excel's “save as web page” keeps it in the table).
  await page('test/fixtures/sample/sample-2017.xlsx', 'sample-title.html', (d) => `<html><head><meta charset="utf-8"><title>目录</title></head><body>\n${htmlTable(d)}\n</body></html>\n`, 1);
  const referencePage = await page(referenceBook, '上级目录.html', (d) => portalPage(htmlTable(d, { lines: 'p' }), { charset: 'gb2312', httpEquiv: true }), PORTAL_TABLE);

  // Word tables the way Word writes them: 2017 and 2019 layouts, a title paragraph above the table.
  const word: Derived[] = [];
  for (const [workbook, name] of [
    ['test/fixtures/sample/sample-2017.xlsx', 'sample-word.docx'],
    ['test/fixtures/2019/county-2019.xlsx', 'county-word.docx'],
    ['test/fixtures/messy/messy-2017.xlsx', 'messy-word.docx'],
  ] as const) {
    const data = await sheetData(workbook);
    const file = path.join(dir, name);
    writeFileSync(file, await docxFile(wordDocument([wordParagraph('附件2'), wordTable(data), wordParagraph('')])));
    word.push({ workbook, file, table: 1, data });
  }

  const office: Derived[] = [];
  if (libreoffice) {
    // LibreOffice Writer opens a page holding just the table and saves it as Word 2007 and Word 97.
    const bare = path.join(dir, 'bare');
    mkdirSync(bare, { recursive: true });
    const sources = [
      ['test/fixtures/sample/sample-2017.xlsx', 'sample-lo'],
      ['test/fixtures/2019/county-2019.xlsx', 'county-lo'],
    ] as const;
    const inputs: string[] = [];
    for (const [workbook, base] of sources) {
      const file = path.join(bare, `${base}.html`);
      writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${htmlTable(await sheetData(workbook), { lines: 'p' })}</body></html>`);
      inputs.push(file);
    }
    const soffice = (to: string): void => {
      const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--infilter=HTML (StarWriter)', '--convert-to', to, '--outdir', dir, ...inputs], { stdio: 'pipe', timeout: 120_000 });
    };
    soffice('docx:MS Word 2007 XML');
    soffice('doc:MS Word 97');
    copyFileSync(path.join(dir, 'county-lo.doc'), path.join(dir, 'county-lo.wps'));
    for (const [workbook, base] of sources) {
      const data = await sheetData(workbook);
      for (const ext of ['.docx', '.doc', ...(base === 'county-lo' ? ['.wps'] : [])]) office.push({ workbook, file: path.join(dir, base + ext), table: 1, data });
    }
  }
  return { reference: { workbook: referenceBook, page: referencePage.file }, mine, pages, word, office };
}
