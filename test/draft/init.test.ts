// zwgk init: the Excel template (read back with exceljs and our reader, raw validation XML, LibreOffice
// opens it), a filled template validates, the YAML skeleton parses and validates, no overwrite without --force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readCatalog } from '../../src/node/read-file.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { CHANNELS } from '../../src/settings/vocab.js';
import { COLUMNS } from '../../src/settings/columns.js';
import { NOTE_2017 } from '../../src/settings/texts.js';
import { zipEntries } from '../render/zip.js';
import { zwgk } from './cli.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-init-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

function rowTexts(ws: ExcelJS.Worksheet, r: number): (string | null)[] {
  const out: (string | null)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const v = ws.getCell(r, c).value;
    out.push(v === null || v === undefined ? null : String(v));
  }
  return out;
}

interface RawValidation {
  attrs: Record<string, string>;
  formula?: string;
}

/** The <dataValidation> elements of the first sheet, as written. */
async function validations(file: string): Promise<RawValidation[]> {
  const xml = (await zipEntries(readFileSync(file), /^xl\/worksheets\/sheet1\.xml$/))['xl/worksheets/sheet1.xml']!;
  const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<dataValidation ([^>]*?)(?:\/>|>(.*?)<\/dataValidation>)/g)].map((m) => {
    const attrs = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)]));
    const formula = m[2] ? /<formula1>(.*)<\/formula1>/.exec(m[2])?.[1] : undefined;
    return formula !== undefined ? { attrs, formula: decode(formula) } : { attrs };
  });
}

describe('init: Excel template', () => {
  it('2017: title placeholder, the one-row header, 50 empty bordered rows and nothing below them, the 注 on 填表说明, prompts on bounded ranges', async () => {
    const file = path.join(dir, '2017.xlsx');
    const r = await zwgk('init', '-o', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`已写出：${file}`);
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目录', '填表说明']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('XX单位政务公开事项标准目录');
    expect(rowTexts(ws, 2)).toEqual(COLUMNS['2017'].map((c) => c.label));
    for (let row = 3; row <= 52; row++) {
      expect(rowTexts(ws, row).every((v) => v === null)).toBe(true);
      expect(ws.getCell(row, 5).border?.left?.style).toBe('thin');
    }
    // Nothing below the item rows: no 注 row, no merge, to be typed over or inserted into.
    for (let row = 53; row <= 60; row++) expect(rowTexts(ws, row).every((v) => v === null)).toBe(true);
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(['A1:J1']);
    const help = wb.getWorksheet('填表说明')!;
    expect(help.getCell('A1').value).toBe('填表说明');
    expect(help.getColumn(1).values.slice(2).map(String)).toContain(NOTE_2017);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '2:2' });

    const dv = await validations(file);
    // Every column but 序号 has a prompt from the 注; all on rows 3..502, never whole columns.
    expect(dv.map((v) => v.attrs.sqref)).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => `${c}3:${c}502`));
    expect(dv.map((v) => v.attrs.promptTitle)).toEqual(COLUMNS['2017'].slice(1).map((c) => c.label));
    expect(dv.find((v) => v.attrs.promptTitle === '公开时限')!.attrs.prompt).toBe('公开时限指相关信息形成或变更后多久公开（必填）');
    expect(dv.every((v) => v.attrs.showInputMessage === '1' && v.attrs.type === undefined)).toBe(true);

    const catalog = await readCatalog(file);
    expect(catalog.profile).toBe('2017');
    expect(catalog.items).toEqual([]);
    expect(catalog.findings.map((f) => [f.code, f.location.sheet, f.location.range])).toEqual([['sheet-ignored', '填表说明', 'A1:A7']]);
    const v = await zwgk('validate', file);
    expect(v.code).toBe(0);
    // An untouched template: no items, and the title's placeholder is still there.
    expect(v.stdout).toContain('（2017 版式，0 个事项；错误 0，警告 2');
    expect(v.stdout).toContain('[catalog-empty]');
    expect(v.stdout).toMatch(/目录!A1 +警告 .*XX.*\[placeholder\]/);
  });

  it('2019: the renderer\'s two-row header, √ lists on the tick columns, the channel list on a hidden sheet by a bounded range', async () => {
    const file = path.join(dir, '2019.xlsx');
    expect((await zwgk('init', '--profile', '2019', '-o', file)).code).toBe(0);
    const wb = await load(file);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['目录', 'visible'],
      ['填表说明', 'visible'],
      ['选项', 'hidden'],
    ]);
    const options = wb.getWorksheet('选项')!;
    expect(Array.from({ length: options.rowCount }, (_, i) => options.getCell(i + 1, 1).value)).toEqual([...CHANNELS]);
    // Reading the template back names the hidden list sheet as such, not as a forgotten catalog sheet.
    expect((await readCatalog(file)).findings.map((f) => [f.code, f.location.sheet])).toEqual([
      ['sheet-ignored', '填表说明'],
      ['hidden-sheet-ignored', '选项'],
    ]);

    // The header is exactly what `render` writes for this layout.
    const rendered = new ExcelJS.Workbook();
    await rendered.xlsx.load((await renderXlsx({ profile: '2019', file: '', items: [], extraColumns: [], missingColumns: [], findings: [] })) as unknown as ArrayBuffer);
    const ref = rendered.worksheets[0]!;
    const ws = wb.worksheets[0]!;
    expect(rowTexts(ws, 2)).toEqual(rowTexts(ref, 2));
    expect(rowTexts(ws, 3)).toEqual(rowTexts(ref, 3));
    expect(rowTexts(ws, 3)).toEqual(['序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '全社会', '特定群体', '主动', '依申请', '县级', '乡级', '备注']);
    const merges = (m: ExcelJS.Worksheet) => (m.model as unknown as { merges: string[] }).merges.filter((x) => /^[A-Z]+[23]:/.test(x)).sort();
    expect(merges(ws)).toEqual(merges(ref));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup.printTitlesRow).toBe('2:3');

    const dv = await validations(file);
    for (const v of dv) expect(v.attrs.sqref).toMatch(/^(?<c>[A-Z]+)4:\k<c>503$/);
    const byCol = Object.fromEntries(dv.map((v) => [v.attrs.sqref!.replace(/\d.*/, ''), v]));
    for (const col of ['I', 'J', 'K', 'L', 'M', 'N']) {
      expect(byCol[col]!.attrs).toMatchObject({ type: 'list', showErrorMessage: '1', errorStyle: 'stop' });
      expect(byCol[col]!.formula).toBe('"√"');
    }
    expect(byCol.I!.attrs.promptTitle).toBe('公开对象：全社会');
    expect(byCol.H!.attrs).toMatchObject({ type: 'list', promptTitle: '公开渠道和载体' });
    expect(byCol.H!.attrs.showErrorMessage).toBeUndefined(); // several channels may be typed
    expect(byCol.H!.formula).toBe(`'选项'!$A$1:$A$${CHANNELS.length}`);
    expect(byCol.A).toBeUndefined();

    const catalog = await readCatalog(file);
    expect(catalog.profile).toBe('2019');
    expect(catalog.items).toEqual([]);
    expect(catalog.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(wb.getWorksheet('填表说明')!.getColumn(1).values.map(String).join('\n')).toContain('公开层级在适用的列中填 √');
  });

  it('a filled template validates (2017 and 2019)', async () => {
    const f17 = path.join(dir, 'fill-2017.xlsx');
    const f19 = path.join(dir, 'fill-2019.xlsx');
    await zwgk('init', '-o', f17);
    await zwgk('init', '--profile', '2019', '-o', f19);

    const wb17 = await load(f17);
    const ws17 = wb17.worksheets[0]!;
    ws17.getCell('A1').value = '沂河县市场监督管理局政务公开事项标准目录';
    ws17.getRow(3).values = [
      1,
      '食品药品监管',
      '食品经营许可信息',
      '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
      '许可结果',
      '许可证编号、经营者名称、经营场所、有效期',
      '沂河县市场监督管理局',
      '沂河县人民政府门户网站',
      '自作出许可决定之日起7个工作日内',
    ];
    writeFileSync(f17, Buffer.from(await wb17.xlsx.writeBuffer()));
    const v17 = await zwgk('validate', f17);
    // The one info: the 填表说明 sheet is no catalog, and is kept whole (every cell is kept or the file refused).
    expect(v17.stdout).toBe(
      `${f17} › 填表说明!A1:A7  提示  工作表“填表说明”中没有目录表头（如填表说明），不是事项；其中 7 个有内容的单元格原样保留（转换为 YAML、生成 Excel 时作为单独的工作表写出）。如果其中有事项，请把它们移到目录工作表中  [sheet-ignored]\n` +
        `${f17}：通过（2017 版式，1 个事项；错误 0，警告 0，提示 1）\n`,
    );
    expect(v17.code).toBe(0);

    const wb19 = await load(f19);
    const ws19 = wb19.worksheets[0]!;
    ws19.getCell('A1').value = '沂河县应急管理局政务公开事项标准目录';
    ws19.getRow(4).values = [
      1,
      '政策文件',
      '法律法规',
      '与安全生产有关的法律、法规',
      '《中华人民共和国政府信息公开条例》（国务院令第711号）',
      '信息形成或变更之日起20个工作日内',
      '沂河县应急管理局',
      '政府网站、两微一端',
      '√',
      '',
      '√',
      '',
      '√',
      '√',
    ];
    writeFileSync(f19, Buffer.from(await wb19.xlsx.writeBuffer()));
    const v19 = await zwgk('validate', '--format', 'json', f19);
    const doc = JSON.parse(v19.stdout);
    expect(doc.files[0].items).toBe(1);
    expect(doc.files[0].diagnostics.filter((d: any) => d.severity !== 'info')).toEqual([]);
    expect(v19.code).toBe(0);
    const item = (await readCatalog(f19)).items[0]!;
    expect(item.channels!.values.map((c) => c.text)).toEqual(['政府网站', '两微一端']);
    expect(item.ticks!.level.values.map((c) => c.text)).toEqual(['县级', '乡级']);
  });

  it('LibreOffice opens both templates and prints them to PDF', async () => {
    const files = ['2017', '2019'].map((p) => path.join(dir, `lo-${p}.xlsx`));
    await zwgk('init', '-o', files[0]!);
    await zwgk('init', '--profile', '2019', '-o', files[1]!);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    for (const f of files) {
      const pdf = f.replace(/\.xlsx$/, '.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('XX单位政务公开事项标准目录');
      expect(text).toContain('公开时限');
    }
  }, 120_000);
});

describe('init: YAML skeleton', () => {
  for (const profile of ['2017', '2019'] as const) {
    it(`${profile}: every field commented from the 注, the example item validates, and still does once overwritten`, async () => {
      const file = path.join(dir, `skeleton-${profile}.yaml`);
      const r = await zwgk('init', '--profile', profile, '-o', file);
      expect(r.code).toBe(0);
      const text = readFileSync(file, 'utf8');
      const comments = text.split('\n').filter((l) => l.trim().startsWith('#'));
      for (const col of COLUMNS[profile]) {
        expect(comments.some((l) => l.includes(`${col.label}：${col.description}`)), col.label).toBe(true);
      }
      // Untouched, it validates, but every XX placeholder is warned at its line.
      const v = await zwgk('validate', file);
      expect(v.code).toBe(0);
      const warned = v.stdout.split('\n').filter((l) => l.includes('[placeholder]'));
      expect(warned.map((l) => /“(.+?)”写的是“(.+?)”/.exec(l)!.slice(1))).toEqual(
        profile === '2017'
          ? [['标题', 'XX单位政务公开事项标准目录'], ['公开主体', 'XX县市场监督管理局'], ['公开方式', 'XX县人民政府门户网站']]
          : [['标题', 'XX单位政务公开事项标准目录'], ['公开主体', 'XX县应急管理局']],
      );
      expect(warned[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:5  警告`));

      const filled = path.join(dir, `filled-${profile}.yaml`);
      writeFileSync(filled, text.replaceAll('XX县', '沂河县').replace('XX单位', '沂河县应急管理局').replace(/备注: ""/, '备注: 每年复核一次'));
      const catalog = await readCatalog(filled);
      expect(catalog.title).toBe('沂河县应急管理局政务公开事项标准目录');
      expect(catalog.items[0]!.subject.text).toMatch(/^沂河县/);
      expect(catalog.items[0]!.remark.text).toBe('每年复核一次');
      const again = await zwgk('validate', filled);
      expect(again.stdout).toBe(`${filled}：通过（${profile} 版式，1 个事项；错误 0，警告 0，提示 0）\n`);
    });
  }

  it('-o - prints the skeleton', async () => {
    const r = await zwgk('init', '-o', '-');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# zwgk 政务公开事项目录（2017 版式）骨架/);
  });
});

describe('init: refusals', () => {
  it('an existing file is not overwritten without --force (exit 2), and is with it', async () => {
    const file = path.join(dir, 'exists.yaml');
    writeFileSync(file, 'mine\n');
    const r = await zwgk('init', '-o', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：${file} 已存在。如需覆盖请加 --force，或换一个文件名\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await zwgk('init', '-o', file, '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('版式: "2017"');
  });

  it('an output type init cannot make, and an unknown profile (exit 2)', async () => {
    const r = await zwgk('init', '-o', path.join(dir, 'x.html'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('init 只能生成 .xlsx 模板或 .yaml/.yml 骨架');
    expect(existsSync(path.join(dir, 'x.html'))).toBe(false);
    const p = await zwgk('init', '--profile', '2020', '-o', path.join(dir, 'y.xlsx'));
    expect(p.code).toBe(2);
  });
});
