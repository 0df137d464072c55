import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixBytes, formatChange } from '../../src/fix/index.js';
import type { Catalog, Cell } from '../../src/model/types.js';
import { finding, type Finding } from '../../src/findings/finding.js';
import { fixSpan } from '../../src/findings/fix.js';
import { ruleFindings as runRules, validateCatalog } from '../../src/validate/index.js';
import { readCatalogBytes } from '../../src/formats/index.js';
import { makeCatalog, SAMPLE_ITEM } from '../rules/factory.js';
import { fixXlsx as fixXlsxBuffer, fixYaml as fixYamlText, textFix } from './helpers.js';

const YAML_SOURCE = `# 县应急管理局政务公开事项目录（测试）
版式: "2019"
标题: 测试目录 # 行尾注释
事项:
  - 序号: 1
    一级事项: 政策文件
    二级事项: "  重大决策草案 "
    公开依据:
      - 《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》（中办发[2016]8号）
      - '《意见》（国 办 发 〔 2018 〕 37 号号）'
    公开时限: 按进展情况及时公开
    备注: |
      参照国办发(2019)54号执行
      第二行
`;

/** A finding at a YAML scalar whose value is `value`, fixing its first `from` to `to`. */
function yamlFinding(code: 'wenhao-brackets' | 'wenhao-spacing' | 'whitespace', line: number, column: number, value: string, from: string, to: string): Finding {
  return finding(code, { file: 'x.yaml', line, column }, { found: from, fixed: to, field: 'f' }, { field: '公开依据', item: 1, fix: textFix(value, from, to) });
}

describe('fixYamlText', () => {
  it('edits the located scalars in place, keeping comments, quotes and block style', async () => {
    const result = await fixYamlText(YAML_SOURCE, [
      yamlFinding('whitespace', 7, 11, '  重大决策草案 ', '  重大决策草案 ', '重大决策草案'),
      yamlFinding('wenhao-brackets', 9, 9, '《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》（中办发[2016]8号）', '中办发[2016]8号', '中办发〔2016〕8号'),
      yamlFinding('wenhao-spacing', 10, 9, '《意见》（国 办 发 〔 2018 〕 37 号号）', '国 办 发 〔 2018 〕 37 号号', '国办发〔2018〕37号'),
      yamlFinding('wenhao-brackets', 12, 9, '参照国办发(2019)54号执行\n第二行\n', '国办发(2019)54号', '国办发〔2019〕54号'),
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.changes).toHaveLength(4);
    const out = result.data as string;
    expect(out).toBe(
      YAML_SOURCE.replace('"  重大决策草案 "', '"重大决策草案"')
        .replace('中办发[2016]8号', '中办发〔2016〕8号')
        .replace('国 办 发 〔 2018 〕 37 号号', '国办发〔2018〕37号')
        .replace('国办发(2019)54号', '国办发〔2019〕54号'),
    );
    const doc = parse(out) as { 事项: Record<string, unknown>[] };
    expect(doc.事项[0]!['二级事项']).toBe('重大决策草案');
    expect(doc.事项[0]!['备注']).toBe('参照国办发〔2019〕54号执行\n第二行\n');
  });

  it('falls back to a double-quoted scalar when the source spelling differs from the value', async () => {
    const src = '备注: "国办发\\u005B2019]54号"\n';
    const result = await fixYamlText(src, [yamlFinding('wenhao-brackets', 1, 5, '国办发[2019]54号', '国办发[2019]54号', '国办发〔2019〕54号')]);
    expect(result.data).toBe('备注: "国办发〔2019〕54号"\n');
    expect(result.changes).toHaveLength(1);
  });

  it('skips fixes whose location or text no longer matches', async () => {
    const result = await fixYamlText(YAML_SOURCE, [
      yamlFinding('wenhao-brackets', 40, 1, 'a', 'a', 'b'),
      yamlFinding('wenhao-brackets', 9, 9, '《条例》（国办发[2000]1号）', '国办发[2000]1号', '国办发〔2000〕1号'),
    ]);
    expect(result.data).toBe(YAML_SOURCE);
    expect(result.skipped.map((s) => s.reason)).toEqual(['在文件中找不到该位置的文本', '该处文本已与校验时不同']);
  });
});

/** Write a catalog's cells into a workbook at their own addresses (what a real sheet looks like to the reader). */
async function workbookOf(catalog: Catalog): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.getCell('A1').value = '测试目录';
  ws.getCell('A1').font = { bold: true, size: 16 };
  const cells = new Map<string, string[]>();
  for (const c of allCells(catalog)) {
    const list = cells.get(c.at.cell!) ?? [];
    list.push(c.text);
    cells.set(c.at.cell!, list);
  }
  for (const [addr, texts] of cells) ws.getCell(addr).value = texts.join('\n');
  ws.getCell('O4').value = { richText: [{ text: '说明：', font: { bold: true } }, { text: '参照中办发[2016]8号' }] };
  ws.getCell('P4').value = { formula: 'A4+1', result: 2 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function allCells(catalog: Catalog): Cell[] {
  return catalog.items.flatMap((it) => [
    it.serial, it.category, it.name, ...it.basis.values, ...it.pairs.map((p) => p.content), it.subject, it.deadline,
  ]);
}

describe('fixXlsxBuffer', () => {
  const catalog = makeCatalog('2019', [
    { name: ' 法律法规 ', basis: ['《意见》（中办发[2016]8号）', '《通知》（国办发(2019)54号）'] },
    { name: '行政许可', basis: ['《意见》（中办发〔2016〕8号）'] },
  ]);
  catalog.items[0]!.remark = { text: '说明：参照中办发[2016]8号', at: { file: 'test.xlsx', sheet: '目录', cell: 'O4', row: 4 } };

  it('changes only the fixed cells, applies several fixes to one cell, keeps styles, rich text and formulas', async () => {
    const input = await workbookOf(catalog);
    const findings = runRules(catalog);
    expect(findings.filter((f) => f.fix).map((f) => [f.code, f.location.cell])).toEqual([
      ['wenhao-brackets', 'E4'],
      ['wenhao-brackets', 'E4'],
      ['wenhao-brackets', 'O4'],
      ['whitespace', 'C4'],
    ]);
    const result = await fixXlsxBuffer(input, findings, 'test.xlsx');
    expect(result.skipped).toEqual([]);
    expect(result.changes.map(formatChange)).toEqual([
      '工作表“目录”C4 单元格（二级事项）：“ 法律法规 ” → “法律法规”',
      '工作表“目录”E4 单元格（公开依据）：“中办发[2016]8号” → “中办发〔2016〕8号”',
      '工作表“目录”E4 单元格（公开依据）：“国办发(2019)54号” → “国办发〔2019〕54号”',
      '工作表“目录”O4 单元格（备注）：“中办发[2016]8号” → “中办发〔2016〕8号”',
    ]);

    const before = new ExcelJS.Workbook();
    await before.xlsx.load(input as never);
    const after = new ExcelJS.Workbook();
    await after.xlsx.load(result.data as never);
    const ws = after.getWorksheet('目录')!;
    expect(ws.getCell('E4').value).toBe('《意见》（中办发〔2016〕8号）\n《通知》（国办发〔2019〕54号）');
    expect(ws.getCell('C4').value).toBe('法律法规');
    expect(ws.getCell('O4').value).toEqual({ richText: [{ text: '说明：', font: { bold: true } }, { text: '参照中办发〔2016〕8号' }] });
    expect(ws.getCell('P4').formula).toBe('A4+1');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    // Every other cell is unchanged.
    before.getWorksheet('目录')!.eachRow((row) =>
      row.eachCell((c) => {
        if (!['C4', 'E4', 'O4'].includes(c.address)) expect(ws.getCell(c.address).value).toEqual(c.value);
      }),
    );

    // Re-validating the fixed sheet raises none of the fixed warnings.
    const reread = structuredClone(catalog);
    for (const c of [...allCells(reread), reread.items[0]!.remark]) {
      const v = ws.getCell(c.at.cell!).value;
      const text = typeof v === 'string' ? v : (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
      c.text = c.at.cell === 'E4' ? text.split('\n')[reread.items[0]!.basis.values.indexOf(c)]! : text;
    }
    expect(runRules(reread).filter((f) => f.fix)).toEqual([]);
  });

  it('skips a formula cell with a reason', async () => {
    const input = await workbookOf(catalog);
    const f = finding('whitespace', { file: 'test.xlsx', sheet: '目录', cell: 'P4' }, { field: '备注' }, { fix: textFix(' 2', ' ', '') });
    const result = await fixXlsxBuffer(input, [f], 'test.xlsx');
    expect(result.changes).toEqual([]);
    expect(result.skipped[0]!.reason).toBe('该单元格不是文本（可能是公式），未修改');
  });

  it('leaves the sample item unchanged except the 文号 spacing', async () => {
    const sample = makeCatalog('2017', [SAMPLE_ITEM]);
    const result = await fixXlsxBuffer(await workbookOf(sample), runRules(sample), 'test.xlsx');
    expect(result.changes.map((c) => c.to)).toEqual(['鲁政办发〔2017〕39号', '鲁食药〔2017〕32号', '鲁食药监综函〔2017〕15号']);
  });
});

describe('header spelling (xlsx): a finding of validate, fixed like any other', () => {
  /** A workbook's bytes, read as zwgk reads it, validated, and fixed with the findings' fixes. */
  async function fixWorkbook(wb: ExcelJS.Workbook) {
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const catalog = await readCatalogBytes(bytes, 'test.xlsx');
    const findings = validateCatalog(catalog);
    return { findings, result: await fixBytes(bytes, 'test.xlsx', findings, catalog) };
  }

  it('fixes spaced and synonym labels of the header the reader read, keeping suffixes and line breaks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    ws.getCell('A1').value = '公开内容';
    ws.getRow(3).values = ['序 号', '事项类别', '事项名称', '依据', '公开内容\n（要素）', '公开标准', '责任主体', '公开方式', '规定时限', '说明'];
    ws.getCell('C4').value = '标准';
    ws.getCell('C5').value = '内容';
    const { findings, result } = await fixWorkbook(wb);
    expect(findings.filter((f) => f.code === 'header-spelling').map((f) => [f.location.cell, f.severity, f.message])).toEqual([
      ['A3', 'info', '表头“序 号”应写作“序号”，可用 zwgk fix（网页版中为“下载修正后的表格”）自动修改'],
      ['C3', 'info', '表头“事项名称”应写作“名称”，可用 zwgk fix（网页版中为“下载修正后的表格”）自动修改'],
      ['G3', 'info', '表头“责任主体”应写作“公开主体”，可用 zwgk fix（网页版中为“下载修正后的表格”）自动修改'],
      ['I3', 'info', '表头“规定时限”应写作“公开时限”，可用 zwgk fix（网页版中为“下载修正后的表格”）自动修改'],
    ]);
    expect(result.changes.filter((c) => c.code === 'header-spelling').map(formatChange)).toEqual([
      '工作表“目录”A3 单元格（表头）：“序 号” → “序号”',
      '工作表“目录”C3 单元格（表头）：“事项名称” → “名称”',
      '工作表“目录”G3 单元格（表头）：“责任主体” → “公开主体”',
      '工作表“目录”I3 单元格（表头）：“规定时限” → “公开时限”',
    ]);
    const after = new ExcelJS.Workbook();
    await after.xlsx.load(result.data as never);
    const sheet = after.getWorksheet('目录')!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '事项类别', '名称', '依据', '公开内容\n（要素）', '公开标准', '公开主体', '公开方式', '公开时限', '说明']);
    expect([sheet.getCell('A1').value, sheet.getCell('C4').value, sheet.getCell('C5').value]).toEqual(['公开内容', '标准', '内容']);
    // Read back, the copy has no header to fix any more.
    expect(result.remaining.filter((f) => f.code === 'header-spelling')).toEqual([]);
  });

  it('uses the 2019 labels, in the second header row too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    ws.getRow(2).values = ['序号', '公开事项', '', '公开内容（要素）', '依据', '公开时限', '公开主体', '公开渠道', '公开范围'];
    ws.getRow(3).values = ['', '一级事项', '事项名称'];
    ws.mergeCells('B2:C2');
    ws.getRow(4).values = ['1', '政策文件', '法律法规', '内容', '《条例》', '20个工作日内', '县政府', '■政府网站', '全社会'];
    const { result } = await fixWorkbook(wb);
    expect(result.changes.filter((c) => c.code === 'header-spelling').map((c) => [c.location.cell, c.from, c.to])).toEqual([
      ['E2', '依据', '公开依据'],
      ['H2', '公开渠道', '公开渠道和载体'],
      ['I2', '公开范围', '公开对象'],
      ['C3', '事项名称', '二级事项'],
    ]);
  });
});

describe('fixYamlText on large files and runs of comments', () => {
  it('edits land at the file’s own places past runs of comment lines, item by item in a file over 1 MB', async () => {
    const { parseYamlCatalog } = await import('../../src/formats/yaml/read.js');
    const item = (n: number) =>
      `  - 序号: ${n}\n    事项类别: 政策文件\n    名称: 事项${n}\n    依据:\n      - 《条例》（国办发[2019]${n}号）\n    公开内容与标准:\n      - 公开内容: 内容${n}\n        公开标准: 标准${n}\n    公开主体: "  县政府办公室"\n    公开方式: 政府网站\n    公开时限: 自信息形成之日起20个工作日内\n    备注: ""\n`;
    for (const count of [3, 6000]) {
      const parts = ['版式: "2017"\n# 开头的注释\n\n标题: 县政务公开目录\n事项:\n'];
      for (let n = 1; n <= count; n++) parts.push(item(n), n % 2 ? '# 两个事项之间的注释\n\n#\n' : '');
      parts.push('#\n'.repeat(10_000));
      const text = parts.join('');
      const catalog = parseYamlCatalog(text, 'big.yaml');
      const result = await fixYamlText(text, validateCatalog(catalog));
      const expected = text.replace(/国办发\[2019\](\d+)号/g, '国办发〔2019〕$1号').replace(/公开主体: "  县政府办公室"/g, '公开主体: "县政府办公室"');
      expect(result.data === expected, `${count} items`).toBe(true);
      expect(result.changes).toHaveLength(count * 2);
      expect(result.skipped).toEqual([]);
    }
  }, 60_000);
});

describe('fixBytes: fixes placed by offset, overlaps skipped, the copy read back', () => {
  const yaml = (basis: string) =>
    `版式: "2017"\n事项:\n  - 序号: 1\n    事项类别: 政策文件\n    名称: 规划\n    依据:\n      - ${basis}\n    公开内容与标准:\n      - 公开内容: 规划全文\n        公开标准: 全文\n    公开主体: 县政府办公室\n    公开方式: 政府网站\n    公开时限: 自信息形成之日起20个工作日内\n`;

  it('fixes the same 文号 written twice in one cell at both places', async () => {
    const text = yaml('《意见》（国办发[2019]54号）、《通知》（国办发[2019]54号）');
    const bytes = new TextEncoder().encode(text);
    const catalog = await readCatalogBytes(bytes, 'x.yaml');
    const findings = validateCatalog(catalog);
    expect(findings.map((f) => [f.code, f.location.line])).toEqual([['wenhao-brackets', 7], ['wenhao-brackets', 7]]);
    const result = await fixBytes(bytes, 'x.yaml', findings, catalog);
    expect(result.data).toBe(text.replace(/国办发\[2019\]54号/g, '国办发〔2019〕54号'));
    expect(result.changes).toHaveLength(2);
    expect(result.skipped).toEqual([]);
    expect(result.remaining).toEqual([]);
  }, 120_000); // a fix and its read-back per item of a file over 1 MB: seconds alone, more on a busy 2-core machine

  it('applies one of two overlapping fixes, says why the other was not applied, and reports it as remaining', async () => {
    const citation = '《意见》（国办发[2019]54号）';
    const text = yaml(citation);
    const bytes = new TextEncoder().encode(text);
    const catalog = await readCatalogBytes(bytes, 'x.yaml');
    const [real] = validateCatalog(catalog);
    expect(real!.code).toBe('wenhao-brackets');
    // A second fix of the same scalar whose edit reaches into the 文号's: it comes first and wins.
    const other = finding('whitespace', real!.location, { field: '依据' }, { field: '依据', fix: textFix(citation, '《意见》（国办', '《意见》（国务院办') });
    const result = await fixBytes(bytes, 'x.yaml', [real!, other], catalog);
    expect(result.changes.map(formatChange)).toEqual(['第 7 行（依据）：“《意见》（国办” → “《意见》（国务院办”']);
    expect(result.skipped.map((s) => [formatChange(s), s.reason])).toEqual([
      ['第 7 行（依据）：“国办发[2019]54号” → “国办发〔2019〕54号”', '与同一处的另一项修正重叠，本次未修改；对修正后的文件再修正一次即可'],
    ]);
    expect(result.data).toBe(text.replace(citation, '《意见》（国务院办发[2019]54号）'));
    // Read back, the 文号 is still to fix: fixing the copy again would do it.
    expect(result.remaining.map((f) => [f.code, f.location.line, f.fix && formatChange({ ...f, ...fixSpan(f.fix) })])).toEqual([
      ['wenhao-brackets', 7, '第 7 行（依据）：“国务院办发[2019]54号” → “国务院办发〔2019〕54号”'],
    ]);
  });
});

describe('fixBytes lets its caller go of the catalog', () => {
  it('calls `copied` once the copy is made, before it is read back: emptied items then change nothing', async () => {
    const bytes = new TextEncoder().encode(YAML_SOURCE);
    const catalog = await readCatalogBytes(bytes, 'x.yaml');
    const findings = validateCatalog(catalog as Catalog);
    const order: string[] = [];
    const result = await fixBytes(bytes, 'x.yaml', findings, catalog, undefined, {
      copied: () => {
        order.push('copied');
        catalog.items = [];
      },
    });
    expect(order).toEqual(['copied']);
    expect(result.changes.length).toBeGreaterThan(0);
    // The copy read back is the corrected file, not the emptied catalog: its remaining findings are its own.
    expect(result.remaining.map((f) => f.code)).not.toContain('catalog-empty');
    expect(result.remaining.filter((f) => f.code === 'whitespace')).toEqual([]);
  });
});
