// The Markdown of a list: goldens for the three built-in layouts and a layout with per-row columns, and
// every hostile text kept as text by a CommonMark parser.
import MarkdownIt from 'markdown-it';
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

  test('parsed by markdown-it (raw HTML on): every value comes back as the text of its own cell', () => {
    const md = new MarkdownIt({ html: true });
    for (const doc of Object.values(docs)) {
      const tokens = md.parse(renderListMarkdown(doc), {});
      expect(tokens.filter((t) => t.type === 'html_block')).toEqual([]);
      const rows: string[][] = [];
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i]!.type === 'tr_open') rows.push([]);
        if (tokens[i]!.type === 'td_open') {
          const inline = tokens[i + 1]!;
          // The one markup a cell may hold is <br> between lines.
          expect((inline.children ?? []).filter((c) => c.type !== 'text' && !(c.type === 'html_inline' && c.content === '<br>'))).toEqual([]);
          rows[rows.length - 1]!.push((inline.children ?? []).map((c) => (c.type === 'text' ? c.content : '\n')).join(''));
        }
      }
      const body = rows.filter((r) => r.length > 0);
      expect(body).toHaveLength(doc.items.length);
      const remark = doc.layout.columns.findIndex((c) => c.key === 'remark');
      const byRemark = body.map((r) => r[remark]).sort();
      expect(byRemark).toEqual(doc.items.map((i) => i.values.remark?.text ?? '').sort());
    }
  });

  test('a grouped layout (权责清单 by 事项类型) has a section per group, in order of first appearance', () => {
    const md = renderListMarkdown(docs.powers!);
    expect(md.match(/^## .*$/gmu)).toEqual(['## 行政许可 (2项)', '## 行政处罚 (1项)']);
  });
});
