// The page of a list: every value on it escaped, the layout's columns in order with a tick column as √
// columns under one heading, per-row columns as rows of the item, groups, the 注, and a CSP that allows
// exactly the page's own styles and script (each inline block matches a hash).
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { renderListHtml } from '../../src/render/list/html.js';
import { textToHtml } from '../../src/render/escape.js';
import { parseLayout } from '../../src/layouts/index.js';
import { builtinDocs, HOSTILE, listDoc, SERVICES } from './helpers.js';

const docs = builtinDocs();

/** The <tbody class="item"> blocks of a page, in order. */
function itemBodies(html: string): string[] {
  return [...html.matchAll(/<tbody class="item"[^>]*>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!);
}

/** The cells' inner HTML of the first row of an item body. */
function firstRowCells(body: string): string[] {
  const row = /<tr>([\s\S]*?)<\/tr>/.exec(body)![1]!;
  return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
}

describe('renderListHtml', () => {
  for (const [id, doc] of Object.entries(docs)) {
    test(`${id}: every value is on the page, escaped, and no script but the page's own`, () => {
      const html = renderListHtml(doc);
      for (const item of doc.items) {
        for (const c of [...Object.values(item.values), ...Object.values(item.extra)]) if (c.text) expect(html).toContain(textToHtml(c.text));
      }
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html).not.toContain('alert(1)</script>');
      const csp = /content="(default-src[^"]*)"/.exec(html)![1]!;
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
      const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
      expect(csp).toBe(
        ["default-src 'none'", `style-src ${styles.join(' ')}`, `script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`, "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; '),
      );
      expect(html).toContain(`<h1>${textToHtml(doc.title ?? doc.layout.print.title)}</h1>`);
    });
  }

  test('a hostile value comes out as text', () => {
    const html = renderListHtml(docs['major-decisions']!);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain(HOSTILE.script);
    expect(html).toContain('&#x3D;1+1');
  });

  test('重大行政决策: 履行程序 is a heading over its five √ columns; a text written for √ is kept in its cell', () => {
    const html = renderListHtml(docs['major-decisions']!);
    expect(html).toContain('<th scope="col" rowspan="2">决策事项</th>');
    expect(html).toContain('<th scope="colgroup" colspan="5">履行程序</th>');
    const options = [...html.matchAll(/<th scope="col" class="option">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(options).toEqual(['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定']);
    const [first, second] = itemBodies(html).map(firstRowCells);
    expect(first).toHaveLength(12);
    expect(first!.slice(6, 11)).toEqual(['√', '√', '√', '√', '√']);
    expect(second!.slice(6, 11)).toEqual(['√', '', '委托第三方', '√', '√']);
    expect(html).toContain('编制单位：某县人民政府办公室');
    expect(html).toContain('<p class="note">注：决策时间为计划时间，以实际为准。</p>');
  });

  test('权责清单: a heading per 事项类型 with its count, the filter lists the groups; extra columns after 备注', () => {
    const html = renderListHtml(docs.powers!);
    expect([...html.matchAll(/<span class="group-name">([^<]*)<\/span> <span class="group-count">（(\d+)项）/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['行政许可 2', '行政处罚 1']);
    expect(html).toContain('<label for="category">事项类型</label>');
    const heads = [...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads.slice(-3)).toEqual(['备注', '联系电话', '无表头列1']);
    // Items keep their numbers (anchors) whatever group they print under.
    expect([...html.matchAll(/<tbody class="item" id="(item-\d+)" data-group="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(['item-1:0', 'item-3:0', 'item-2:1']);
  });

  test('a list without a group column has no group headings and a hidden filter', () => {
    const html = renderListHtml(docs.inspections!);
    expect(html).not.toContain('class="group"');
    expect(html).toContain('<select id="category" name="category" hidden>');
  });

  test('per-row columns are rows of the item; per-item cells span them; portrait paper', () => {
    const doc = listDoc(SERVICES, [
      { values: { serial: '1', name: '办理居住证', online: '是', channels: '■窗口 □网站 ■自助机' }, rows: [{ material: '身份证', copies: '1' }, { material: '居住证明', copies: '2' }] },
      { values: { serial: '2', name: '查询社保' }, rows: [{ material: '', copies: '' }] },
    ]);
    const html = renderListHtml(doc);
    const [first, second] = itemBodies(html);
    expect(first!.match(/<tr>/g)).toHaveLength(2);
    expect(first).toContain('class="k-name kind-text col-name w-l" rowspan="2">办理居住证</td>');
    expect(first).toContain('<td data-label="办理材料" class="k-material kind-text per-row w-l">居住证明</td>');
    expect(second!.match(/<tr>/g)).toHaveLength(1);
    expect(second).not.toContain('rowspan');
    expect(html).toContain('@page{size:A4 portrait');
    expect(renderListHtml(docs.powers!)).not.toContain('size:A4 portrait');
  });

  test('a layout file is untrusted too: its name, labels, options and group heading come out as text', () => {
    const evil = parseLayout(
      `id: evil\nname: "<script>alert(1)</script>"\ndescription: x\nwords: [事项]\ngroup: kind\ncolumns:\n  - { key: name, label: "<img src=x onerror=alert(1)>", required: true }\n  - { key: kind, label: "类别\\"><b>", kind: text }\n  - { key: steps, label: 步骤, kind: ticks, options: ["<i>一</i>", "二&amp;"] }\nprint: { orientation: landscape, title: "</title><script>alert(2)</script>" }\n`,
      'evil.yaml',
    );
    const html = renderListHtml(listDoc(evil, [{ values: { name: 'x', kind: '<svg onload=alert(3)>' }, ticks: { steps: ['<i>一</i>'] } }]));
    expect(html.match(/<script/g)).toHaveLength(1);
    for (const bad of ['<img', '<b>', '<i>', '<svg', '</title><script']) expect(html).not.toContain(bad);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('二&amp;amp;');
  });
});
