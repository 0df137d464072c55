// The Markdown of a list: goldens for the three built-in layouts and a layout with per-row columns, and
// every hostile text kept as text by a CommonMark parser.
import { describe, expect, test } from 'vitest';
import { renderListMarkdown } from '../../src/render/list/markdown.js';
import { builtinDocs, HOSTILE, listDoc, SERVICES } from './helpers.js';
import { expectListGolden } from './golden.js';

const docs = builtinDocs();

describe('renderListMarkdown', () => {
  for (const [id, doc] of Object.entries(docs)) {
    test(`${id}: golden`, () => expectListGolden(`${id}.md`, renderListMarkdown(doc)));
  }

  test('per-row columns: one numbered line per row of the item, per-item values once', () => {
    const doc = listDoc(SERVICES, [{ values: { serial: '1', name: '办理居住证', online: '是', channels: '■窗口 □网站 ■自助机' }, rows: [{ material: '身份证', copies: '1' }, { material: '居住证明', copies: '2' }] }]);
    const md = renderListMarkdown(doc);
    expectListGolden('services.md', md);
    expect(md).toContain('| 1 | 办理居住证 | （1）身份证<br>（2）居住证明 | （1）1<br>（2）2 | 是 | ■窗口 □网站 ■自助机 |');
  });

  test('hostile texts are escaped: no raw HTML, no extra table cell', () => {
    const all = Object.values(docs).map(renderListMarkdown).join('\n');
    expect(all).not.toContain(HOSTILE.script);
    expect(all).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all).toContain('a \\| b');
  });

  test('a grouped layout (权责清单 by 事项类型) has a section per group, in order of first appearance', () => {
    const md = renderListMarkdown(docs.powers!);
    expect(md.match(/^## .*$/gmu)).toEqual(['## 行政许可 (2项)', '## 行政处罚 (1项)']);
  });
});
