// Web pages read as a browser shows them (issue 24): text in a <textarea>, the chosen option of a <select>,
// SVG and MathML text, an <object>'s fallback and a <map>'s content are read; a table inside an SVG
// <foreignObject> or an <iframe srcdoc> is read; rows, cell text and tables hidden with display:none,
// visibility:hidden or the hidden attribute are not read and are named (hidden-content).
import { describe, expect, it } from 'vitest';
import { readCatalogBytes } from '../../src/formats/index.js';
import type { Catalog } from '../../src/model/types.js';

const HEAD = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限'];
const tr = (cells: string[], attrs = ''): string => `<tr${attrs}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const item = (n: number, name: string, content = '部门预算'): string[] => [String(n), '财政', name, '《中华人民共和国预算法》', content, '收支总表', '县财政局', '政府网站', '批复后20日内'];
const page = (body: string): Uint8Array => new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
const table = (rows: string[]): string => `<table>${tr(HEAD)}${rows.join('')}</table>`;
const read = (body: string): Promise<Catalog> => readCatalogBytes(page(body), '目录.html');
const where = (c: Catalog, code: string) => c.findings.filter((f) => f.code === code).map((f) => [f.location.table, f.location.row, f.location.column, f.params?.what, f.params?.sample]);

describe('pages as a browser shows them', () => {
  it('hidden rows are no items, hidden text in a cell is not read: both named', async () => {
    const c = await read(
      table([
        tr(item(1, '预算公开')),
        tr(item(2, '作废的事项'), ' style="display: none"'),
        tr(item(3, '旧事项'), ' hidden'),
        tr(item(4, '决算公开<span style="visibility:hidden">（内部）</span>')),
      ]),
    );
    expect(c.items.map((i) => [i.serial.text, i.name.text, i.at.row])).toEqual([
      ['1', '预算公开', 2],
      ['4', '决算公开', 5],
    ]);
    expect(where(c, 'hidden-content')).toEqual([
      [1, 3, undefined, '隐藏的表格行', '2 财政 作废的事项 《中华人民共和国预算法》 部门预算 收…'],
      [1, 4, undefined, '隐藏的表格行', '3 财政 旧事项 《中华人民共和国预算法》 部门预算 收支总…'],
      [1, 5, 3, '隐藏的文字', '（内部）'],
    ]);
    expect(c.findings.find((f) => f.code === 'hidden-content')!.message).toBe('隐藏的表格行“2 财政 作废的事项 《中华人民共和国预算法》 部门预算 收…”在原文件中是隐藏的（阅读和打印时看不到），未读入目录。如需公开，请去掉它的隐藏样式（display:none 等）后重新保存网页');
  });

  it('a textarea, the chosen option, SVG and MathML text, an object’s fallback and a map’s content are read', async () => {
    const c = await read(
      table([
        tr(item(1, '<textarea>预算公开</textarea>', '<select><option>部门预算</option><option selected>单位预算</option></select>')),
        tr(item(2, '<svg width="100" height="20"><title>提示</title><text x="0" y="15">决算公开</text></svg>', '<math><mi>部门决算</mi></math>')),
        tr(item(3, '<object data="x.swf">三公经费</object>', '<map name="m"><area href="#a">经费说明</map>')),
      ]),
    );
    expect(c.items.map((i) => [i.name.text, i.pairs[0]!.content.text])).toEqual([
      ['预算公开', '单位预算'],
      ['决算公开', '部门决算'],
      ['三公经费', '经费说明'],
    ]);
    expect(c.findings.filter((f) => f.code === 'cell-unread')).toEqual([]);
  });

  it('a table inside an SVG foreignObject or an iframe srcdoc is read, in document order', async () => {
    const inner = table([tr(item(1, '预算公开'))]);
    const framed = table([tr(item(2, '决算公开'))]).replace(/"/g, '&quot;');
    const c = await read(`<svg width="800" height="400"><foreignObject width="800" height="400">${inner}</foreignObject></svg><iframe srcdoc="&lt;meta charset=utf-8&gt;${framed.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"></iframe>`);
    expect(c.items.map((i) => [i.name.text, i.at.table])).toEqual([
      ['预算公开', 1],
      ['决算公开', 2],
    ]);
  });

  it('a table hidden outside any cell is named for the page', async () => {
    const c = await read(`${table([tr(item(1, '预算公开'))])}<div style="display:none">${table([tr(item(1, '旧版目录中的事项'))])}</div>`);
    expect(c.items.map((i) => i.name.text)).toEqual(['预算公开']);
    expect(c.findings.filter((f) => f.code === 'hidden-content').map((f) => [f.location, f.params?.what])).toEqual([[{ file: '目录.html' }, '隐藏的表格']]);
  });
});
