// zwgk review: the 科室's workbook back with comments at each finding's cell, fills by severity and a first
// sheet 审核意见 — read back with exceljs (a second library) and with zwgk's own reader, every other value
// unchanged, every part zwgk did not need to touch byte for byte the same.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zwgk } from './helpers.js';
import { check, review } from '../../src/core/index.js';
import { inflateAll, readZipDirectory, rawData } from '../../src/formats/ooxml/zip.js';
import { cellText } from '../helpers/exceljs-text.js';


const tmp = () => mkdtempSync(path.join(tmpdir(), 'zwgk-review-'));

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every comment of a workbook: sheet → cell → text. */
function notes(wb: ExcelJS.Workbook): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const note = c.note as ExcelJS.Comment | string | undefined;
        if (!note) return;
        const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
        (out[ws.name] ??= {})[c.address] = text;
      }),
    );
  }
  return out;
}

/** Every value of a sheet (formulas as formulas), for "nothing else changed". */
function values(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => void (c.value !== null && (out[c.address] = c.value))));
  return out;
}

/** The parts of a zip by name: raw (compressed) bytes and the inflated text. */
async function parts(bytes: Uint8Array): Promise<Map<string, { raw: Uint8Array; text: string }>> {
  const out = new Map<string, { raw: Uint8Array; text: string }>();
  for (const e of readZipDirectory(bytes)) out.set(e.name, { raw: rawData(bytes, e), text: new TextDecoder().decode(await inflateAll(bytes, e)) });
  return out;
}

const fill = (wb: ExcelJS.Workbook, sheet: string, cell: string) => ((wb.getWorksheet(sheet)!.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb);

describe('zwgk review of a workbook', () => {
  it('comments every finding at its cell, fills it by severity, and changes nothing else', async () => {
    const dir = tmp();
    const input = path.join(dir, '科室表.xlsx');
    copyFileSync('test/fixtures/messy/messy-2017.xlsx', input);
    const before = readFileSync(input);
    const out = path.join(dir, '审核意见.xlsx');
    const r = await zwgk('review', input, '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`已写出：${out}`);
    expect(readFileSync(input)).toEqual(before);

    const wb = await workbook(out);
    const original = await workbook(input);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审核意见', '目录', '填表说明']);
    const all = notes(wb);
    expect(Object.keys(all['目录']!).sort()).toEqual(['C2', 'C8', 'D2', 'D9', 'F2', 'F6', 'G2', 'G6', 'I2', 'I6', 'K2'].sort());
    expect(Object.keys(all['填表说明']!)).toEqual(['A1']);
    expect(all['目录']!['I6']).toBe('zwgk 审核：\n【错误】必填项“公开时限”为空。公开时限指相关信息形成或变更后多久公开，请补充填写');
    expect(all['目录']!['D9']).toContain('【提示】“公开内容”首尾有多余空格');
    expect(all['目录']!['D9']).toContain('建议改为：“办理条件”');
    // The list sheet has no comments, and no cell of it is a formula.
    expect(all['审核意见']).toBeUndefined();
    expect(Object.values(values(wb.getWorksheet('审核意见')!)).filter((v) => typeof v === 'object')).toEqual([]);

    // Fills by severity; I6 (blank, not in the sheet before) is added with the error's fill.
    expect(fill(wb, '目录', 'I6')).toBe('FFFFC7CE');
    expect(fill(wb, '目录', 'D9')).toBe('FFDDEBF7');
    expect(fill(wb, '目录', 'E9')).toBe(fill(original, '目录', 'E9'));
    expect(fill(wb, '目录', 'F6')).toBe('FFDDEBF7');

    // Every value, formula and merge of the 科室's sheets as it was.
    for (const ws of original.worksheets) {
      expect(values(wb.getWorksheet(ws.name)!)).toEqual(values(ws));
      expect(wb.getWorksheet(ws.name)!.model.merges.sort()).toEqual(ws.model.merges.sort());
    }
    // The parts review does not add to are copied byte for byte (shared strings, theme, properties).
    const a = await parts(before);
    const b = await parts(readFileSync(out));
    for (const name of ['xl/sharedStrings.xml', 'xl/theme/theme1.xml', 'docProps/core.xml', 'docProps/app.xml']) {
      if (a.has(name)) expect(b.get(name)!.raw, name).toEqual(a.get(name)!.raw);
    }
    // The original styles are all still there, in their places: new ones are only appended.
    expect(b.get('xl/styles.xml')!.text.replace(/ count="\d+"/g, '')).toContain(a.get('xl/styles.xml')!.text.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1]!);
  });

  it('lists every finding first, each place a link to its cell, with the summary, the date and a legend, printable', async () => {
    const dir = tmp();
    const out = path.join(dir, 'r.xlsx');
    await zwgk('review', 'test/fixtures/messy/messy-2017.xlsx', '-o', out);
    const b = await parts(readFileSync(out));
    const workbookXml = b.get('xl/workbook.xml')!.text;
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'审核意见'!$5:$5</definedName>`);
    const wb = await workbook(out);
    const list = wb.getWorksheet('审核意见')!;
    expect(cellText(list.getCell('A1').value)).toBe('test/fixtures/messy/messy-2017.xlsx 审核意见');
    expect(cellText(list.getCell('A2').value)).toMatch(/^test\/fixtures\/messy\/messy-2017\.xlsx：未通过（2017 版式，3 个事项；错误 1，警告 0，提示 11）　审核日期：\d{4}-\d{2}-\d{2}$/);
    expect(['B4', 'C4'].map((c) => cellText(list.getCell(c).value))).toEqual(['错误：必须改正', '警告']);
    expect([1, 2, 3, 4, 5].map((c) => cellText(list.getRow(5).getCell(c).value))).toEqual(['序号', '位置', '级别', '问题', '修改建议']);
    const rows = Array.from({ length: 12 }, (_, i) => list.getRow(6 + i)).map((row) => [1, 2, 3].map((c) => cellText(row.getCell(c).value)).join(' '));
    expect(rows[0]).toBe('1 填表说明!A1:A3 提示');
    expect(rows).toContain('10 目录!I6 错误');
    expect(list.pageSetup.orientation).toBe('landscape');
    expect(list.pageSetup.paperSize).toBe(9);
    // The link jumps inside the workbook: an internal location, no relationship to the outside.
    const listPart = [...b.keys()].find((n) => n.startsWith('xl/worksheets/sheet') && b.get(n)!.text.includes('审核日期'))!;
    expect(b.get(listPart)!.text).toContain(`<hyperlink ref="B15" location="'目录'!I6" display="目录!I6"/>`);
    expect(b.get(listPart)!.text).not.toMatch(/<f[\s>]/);
  });

  it('gives a marked cell a copy of its own style with the fill: font, border, alignment and number format kept', async () => {
    const dir = tmp();
    const input = path.join(dir, 'styled.xlsx');
    const src = await workbook('test/fixtures/messy/messy-2017.xlsx');
    const d9 = src.getWorksheet('目录')!.getCell('D9');
    d9.font = { name: '仿宋', size: 12, bold: true };
    d9.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    d9.alignment = { wrapText: true, vertical: 'top' };
    d9.numFmt = '@';
    await src.xlsx.writeFile(input);
    const out = path.join(dir, 'r.xlsx');
    await zwgk('review', input, '-o', out);
    const style = async (file: string) => {
      const c = (await workbook(file)).getWorksheet('目录')!.getCell('D9');
      return { font: c.font, alignment: c.alignment, border: c.border, numFmt: c.numFmt };
    };
    expect(await style(out)).toEqual(await style(input));
    expect(fill(await workbook(out), '目录', 'D9')).toBe('FFDDEBF7');
  });

  it('puts a finding about a column the sheet lacks in the list only', async () => {
    const dir = tmp();
    const out = path.join(dir, 'r.xlsx');
    const r = await zwgk('review', 'test/fixtures/messy/no-deadline.xlsx', '-o', out);
    expect(r.code).toBe(1);
    const wb = await workbook(out);
    expect(notes(wb)).toEqual({});
    expect(cellText(wb.getWorksheet('审核意见')!.getCell('D6').value)).toContain('缺少必填列“公开时限”');
  });

  it('keeps the comments a sheet already had, and adds to the one at a cell it comments on too', async () => {
    const dir = tmp();
    const input = path.join(dir, 'noted.xlsx');
    const wb = await workbook('test/fixtures/messy/messy-2017.xlsx');
    wb.getWorksheet('目录')!.getCell('I6').note = '科室：时限待定';
    wb.getWorksheet('目录')!.getCell('A1').note = '科室：标题';
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, 'r.xlsx');
    await zwgk('review', input, '-o', out);
    const all = notes(await workbook(out));
    expect(all['目录']!['A1']).toBe('科室：标题');
    expect(all['目录']!['I6']).toMatch(/^科室：时限待定zwgk 审核：\n\n【错误】必填项“公开时限”为空/);
    expect(all['目录']!['D9']).toContain('【提示】“公开内容”首尾有多余空格');
  });
});

describe('zwgk review of YAML, pages and Word files', () => {
  it('annotates the 样表 workbook of the catalog, each comment at the cell its value landed in', async () => {
    const dir = tmp();
    const out = path.join(dir, 'r.xlsx');
    const r = await zwgk('review', 'examples/unit-anquan.yaml', '-o', out);
    expect(r.code).toBe(0);
    const wb = await workbook(out);
    const all = notes(wb);
    const cells = Object.entries(all['目录']!);
    expect(cells).toHaveLength(2);
    const sheet = wb.getWorksheet('目录')!;
    const wenhao = cells.find(([, t]) => t.includes('文号'))!;
    expect(cellText(sheet.getCell(wenhao[0]).value)).toContain('(中办发[2016]8号)');
    expect(wenhao[1]).toContain('建议改为：“《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)”');
    const spelling = cells.find(([, t]) => t.includes('类别') || t.includes('一级事项'))!;
    // 一级事项 is merged over the items of one category in the 样表 and written once, in its common spelling.
    expect(cellText(sheet.getCell(spelling[0]).value)).toBe('依法行政');
    // The list says where in the YAML file.
    expect(cellText(wb.getWorksheet('审核意见')!.getCell('B6').value)).toBe('第 56 行');
  });
});

describe('zwgk review of a web page', () => {
  it('puts the three 文号 findings of one table cell into one comment at the cell of the 样表 workbook', async () => {
    const dir = tmp();
    const out = path.join(dir, 'r.xlsx');
    expect((await zwgk('review', 'test/render/golden/sample-2017.html', '-o', out)).code).toBe(0);
    const wb = await workbook(out);
    const [cell, text] = Object.entries(notes(wb)['目录']!).find(([, t]) => t.includes('文号'))!;
    expect(cellText(wb.getWorksheet('目录')!.getCell(cell).value)).toContain('鲁政办发〔2017〕39 号');
    expect(text.match(/【警告】文号/g)).toHaveLength(3);
    expect(fill(wb, '目录', cell)).toBe('FFFFEB9C');
    // The list names the place in the page, and links to the cell in the workbook.
    expect(cellText(wb.getWorksheet('审核意见')!.getCell('B7').value)).toBe('第 1 个表格 第 3 行 第 3 列');
  });
});

describe('zwgk review --since', () => {
  it('says per finding of the last round whether it was corrected, is still open or is new', async () => {
    const dir = tmp();
    const first = path.join(dir, '第一轮.xlsx');
    await zwgk('review', 'test/fixtures/messy/messy-2017.xlsx', '-o', first);
    const fixed = path.join(dir, '新版.xlsx');
    await zwgk('fix', 'test/fixtures/messy/messy-2017.xlsx', '-o', fixed);
    const out = path.join(dir, '第二轮.xlsx');
    const r = await zwgk('review', fixed, '--since', first, '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`与上轮（${first}）相比：已改正 6 个，仍未改正 6 个，新问题 0 个`);
    const wb = await workbook(out);
    const list = wb.getWorksheet('审核意见')!;
    expect(cellText(list.getCell('F5').value)).toBe('与上轮相比');
    const statuses: string[] = [];
    list.eachRow((row, n) => void (n > 5 && statuses.push(`${cellText(row.getCell(2).value)} ${cellText(row.getCell(6).value)}`)));
    expect(statuses).toContain('目录!I6 仍未改正');
    expect(statuses).toContain('目录!D9 已改正');
    expect(notes(wb)['目录']!['I6']).toMatch(/^zwgk 审核：\n【错误·仍未改正】/);
  });

  it('reviews the copy it sent, corrected by the 科室: its list sheet rewritten in place, its comments and fills of corrected cells taken back', async () => {
    const dir = tmp();
    const first = path.join(dir, '审核意见.xlsx');
    await zwgk('review', 'test/fixtures/messy/messy-2017.xlsx', '-o', first);
    // The 科室 correct the copy they were sent (here: what zwgk fix corrects, every other part kept).
    const corrected = path.join(dir, '审核意见-已改.xlsx');
    await zwgk('fix', first, '-o', corrected);
    const out = path.join(dir, '第二轮.xlsx');
    const r = await zwgk('review', corrected, '--since', first, '-o', out);
    expect(r.stderr).toContain('：未通过（2017 版式，3 个事项；错误 1，警告 0，提示 5）');
    expect(r.stderr).toContain('已改正 6 个，仍未改正 6 个，新问题 0 个');
    const wb = await workbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审核意见', '目录', '填表说明']);
    const all = notes(wb);
    expect(Object.keys(all['目录']!).sort()).toEqual(['C8', 'F6', 'G6', 'I6', 'K2']);
    expect(all['目录']!['I6']).toMatch(/^zwgk 审核：\n【错误·仍未改正】必填项“公开时限”为空。[^【]*$/);
    expect(fill(wb, '目录', 'D9')).toBeUndefined();
    expect(fill(wb, '目录', 'C2')).toBeUndefined();
    expect(fill(wb, '目录', 'I6')).toBe('FFFFC7CE');
    const b = await parts(readFileSync(out));
    expect((b.get('xl/drawings/vmlDrawing1.vml')!.text.match(/<v:shape /g) ?? []).length).toBe(5);
    // The stylesheet does not grow from one round to the next.
    const count = (bytes: Buffer) => parts(bytes).then((p) => /<cellXfs count="(\d+)"/.exec(p.get('xl/styles.xml')!.text)![1]);
    expect(await count(readFileSync(out))).toBe(await count(readFileSync(first)));
  });

  it('matches a finding by its item, not its row, when rows moved', async () => {
    const dir = tmp();
    const old = path.join(dir, 'old.yaml');
    copyFileSync('examples/unit-anquan.yaml', old);
    const text = readFileSync(old, 'utf8');
    // A new item at the top: every row below moves down one; the [2016] 文号 is still there.
    const added = text.replace('事项:\n', '事项:\n  - 序号: 0\n    一级事项: 机构信息\n    二级事项: 机构职能\n    公开内容: 机构职能\n    公开依据:\n      - 《中华人民共和国政府信息公开条例》\n    公开时限: 信息形成或变更之日起20个工作日内\n    公开主体: 沂河县应急管理局\n    公开渠道和载体: [政府网站]\n    公开对象: [全社会]\n    公开方式: [主动]\n    公开层级: [县级]\n    备注: ""\n');
    const now = path.join(dir, 'new.yaml');
    writeFileSync(now, added.replace('一级事项: 依法 行政', '一级事项: 依法行政'));
    const out = path.join(dir, 'r.xlsx');
    const r = await zwgk('review', now, '--since', old, '-o', out);
    expect(r.stderr).toMatch(/已改正 1 个，仍未改正 1 个，新问题 \d+ 个/);
    const list = (await workbook(out)).getWorksheet('审核意见')!;
    const rows: string[] = [];
    list.eachRow((row, n) => void (n > 5 && rows.push(`${cellText(row.getCell(4).value).slice(0, 12)}|${cellText(row.getCell(6).value)}`)));
    expect(rows).toContain('文号“中办发[2016]|仍未改正');
    expect(rows.some((x) => x.endsWith('|已改正') && x.includes('依法 行政'))).toBe(true);
  });
});

describe('review through the front door', () => {
  it('returns the annotated bytes and the rows, given the date (the core has no clock)', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/messy/two-sheets.xlsx'));
    const checked = await check(bytes, 'two-sheets.xlsx');
    const result = await review(bytes, checked, { date: '2026-12-03' });
    expect(result.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(result.rows.map((x) => `${x.place} ${x.severity}`)).toEqual(checked.findings.map((f) => `${f.location.sheet}!${f.location.range ?? f.location.cell} ${f.severity}`));
    const again = await check(result.data, 'two-sheets.xlsx');
    // Read back by zwgk itself: the same findings at the same cells, beside the note that 审核意见 is no catalog sheet.
    expect(again.findings.filter((f) => f.location.sheet !== '审核意见').map((f) => `${f.code} ${f.location.sheet}!${f.location.cell}`)).toEqual(
      checked.findings.map((f) => `${f.code} ${f.location.sheet}!${f.location.cell}`),
    );
  });
});
