// What a source has above its header besides the title and 编制单位/日期 — 填报单位（盖章）, 单位：元, a
// YAML file's own top-level keys, a later sheet's other title — is kept in the catalog as its 表前说明
// (issue 20 §1: kept, not only reported), and every output carries it: YAML, the workbook (a row above
// the header, read back as the same), the page and Markdown. Lists the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportAs, read, validate, type ListDoc } from '../../src/core/index.js';
import type { Catalog } from '../../src/model/types.js';

const bytes = (p: string) => new Uint8Array(readFileSync(p));
const text = (d: { data: unknown }) => (typeof d.data === 'string' ? d.data : new TextDecoder().decode(d.data as Uint8Array));
const asBytes = (d: { data: unknown }) => (typeof d.data === 'string' ? new TextEncoder().encode(d.data) : (d.data as Uint8Array));

describe('the 表前说明', () => {
  it('a YAML file’s unknown top-level keys are kept as its lines, an item’s as extra columns (warned), through xlsx and back, onto the page', async () => {
    const file = 'test/fixtures/preface/unknown-keys.yaml';
    const c = (await read(bytes(file), 'unknown-keys.yaml')) as Catalog;
    expect(c.preface).toBe('联系人：张三（电话 0000-1234567）\n审核：李四、王五');
    expect(validate(c).filter((f) => f.code.startsWith('unknown-key')).map((f) => [f.code, f.severity, f.location.line])).toEqual([
      ['unknown-key-kept', 'warning', 4],
      ['unknown-key-kept', 'warning', 5],
      ['unknown-key-kept', 'warning', 17],
      ['unknown-key-kept', 'warning', 25],
    ]);
    // An item's unknown key (and one inside a row of 公开内容与标准) is an extra column of its own.
    expect(c.extraColumns).toEqual(['咨询电话', '公开形式']);
    expect(c.items.map((i) => [i.extra['咨询电话']?.text, i.extra['公开形式']?.text])).toEqual([['0000-7654321', undefined], [undefined, '网站']]);
    const yaml = text(await exportAs(c, 'yaml'));
    expect(yaml).toContain('表前说明: |-\n  联系人：张三（电话 0000-1234567）\n  审核：李四、王五\n');
    const xlsx = asBytes(await exportAs(c, 'xlsx'));
    const back = (await read(xlsx, 'back.xlsx')) as Catalog;
    expect(back.preface).toBe(c.preface);
    // Read back from its own rows: kept again, and said where (info), nothing else.
    expect(back.findings.map((f) => [f.code, f.location.cell])).toEqual([['text-above-header', 'A3'], ['text-above-header', 'A4'], ['unknown-column', 'J5'], ['unknown-column', 'K5']]);
    expect(text(await exportAs(back, 'yaml'))).toBe(text(await exportAs((await read(new TextEncoder().encode(yaml), 'again.yaml')) as Catalog, 'yaml')));
    const page = text(await exportAs(c, 'html'));
    expect(page).toContain('<p class="preface">联系人：张三（电话 0000-1234567）<br>审核：李四、王五</p>');
    const md = text(await exportAs(c, 'md'));
    expect(md).toContain('联系人：张三（电话 0000-1234567）  \n审核：李四、王五');
  });

  it('a list’s lines above its header are kept the same way', async () => {
    const html = '<table><tr><td colspan="4">某县2025年度重大行政决策事项目录</td></tr><tr><td colspan="4">填报单位（盖章）：某县司法局</td></tr>'
      + '<tr><td>序号</td><td>决策事项</td><td>承办单位</td><td>决策时间</td></tr><tr><td>1</td><td>某县城区停车收费标准调整</td><td>县发改局</td><td>2025年6月</td></tr></table>';
    const doc = (await read(new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body>${html}</body></html>`), 'list.html')) as ListDoc;
    expect(doc.kind).toBe('list');
    expect(doc.preface).toBe('填报单位（盖章）：某县司法局');
    const back = (await read(asBytes(await exportAs(doc, 'xlsx')), 'back.xlsx')) as ListDoc;
    expect(back.preface).toBe(doc.preface);
    expect(text(await exportAs(doc, 'yaml'))).toContain('表前说明: 填报单位（盖章）：某县司法局\n');
    expect(text(await exportAs(doc, 'html'))).toContain('<p class="preface">填报单位（盖章）：某县司法局</p>');
  });
});
