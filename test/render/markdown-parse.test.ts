// The Markdown outputs (render, diff, gap) parsed by a real CommonMark parser (markdown-it, with raw HTML
// on, as a careless site would have it): every text from a sheet — cells, headings, the 注 line by line —
// comes back as text, exactly as written, and nothing of it becomes a link, an image, HTML, emphasis,
// code, a heading, a list, a quote, a rule or a table of its own.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderDiffMarkdown } from '../../src/render/diff-md.js';
import { renderGapMarkdown } from '../../src/render/gap-markdown.js';
import { diffCatalogs } from '../../src/reports/diff.js';
import { groupByCategory } from '../../src/model/display.js';
import { buildGap } from '../../src/reports/gap.js';
import { validateCatalog } from '../../src/validate/index.js';
import { makeCatalog } from './fixtures.js';

/** Texts a sheet may hold that Markdown would read as something else. */
const PAYLOADS = [
  '![i](https://tracker.example/p.png)',
  'https://a.cn/![i](https://tracker.example/p.png)',
  '[官方网站](https://evil.example/)',
  '<https://evil.example/>',
  '<img src=x onerror=alert(1)>',
  '<!-- 注释 -->',
  '&lt;script&gt;',
  '**粗体** __粗__ *斜* _斜_',
  '`代码` ``两个``',
  '~~删除~~',
  '# 不是标题',
  '## 也不是 ##',
  '- 不是列表',
  '+ 不是列表',
  '* 不是列表',
  '1. 不是列表',
  '2) 不是列表',
  '> 不是引用',
  '---',
  '***',
  '___',
  '===',
  '    四个空格',
  '```',
  '~~~',
  '[x]: https://evil.example/',
  'a | b || c',
  '行尾反斜杠\\',
  '\\*已转义\\*',
  '<div>块</div>',
];

const md = new MarkdownIt({ html: true, linkify: false });

/** The inline text of a token's children as a reader sees it (our own <br> as a line break). */
function inlineText(t: Token): string {
  return (t.children ?? [])
    .map((c) => {
      if (c.type === 'text') return c.content;
      if (c.type === 'softbreak' || c.type === 'hardbreak') return '\n';
      if (c.type === 'html_inline' && c.content === '<br>') return '\n';
      return `«${c.type}»`;
    })
    .join('');
}

/** Token types anywhere in a document (block and inline). */
function types(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    out.add(t.type);
    for (const c of t.children ?? []) out.add(c.type === 'html_inline' && c.content === '<br>' ? 'br' : c.type);
  }
  return out;
}

const FORBIDDEN = ['link_open', 'image', 'code_inline', 'em_open', 's_open', 'html_block', 'html_inline', 'blockquote_open', 'hr', 'code_block', 'fence', 'ordered_list_open'];

/** Cell texts of every table, and the texts of headings and paragraphs. */
function texts(tokens: Token[]): { cells: string[]; headings: string[]; paragraphs: string[] } {
  const out = { cells: [] as string[], headings: [] as string[], paragraphs: [] as string[] };
  tokens.forEach((t, i) => {
    if (t.type !== 'inline') return;
    const open = tokens[i - 1]!.type;
    const text = inlineText(t);
    if (open === 'td_open' || open === 'th_open') out.cells.push(text);
    else if (open === 'heading_open') out.headings.push(text);
    else if (open === 'paragraph_open') out.paragraphs.push(text);
  });
  return out;
}

function hostile() {
  const half = Math.ceil(PAYLOADS.length / 2);
  return makeCatalog(
    '2017',
    PAYLOADS.map((p, i) => ({
      serial: String(i + 1),
      category: i < half ? p : '类别乙',
      name: p,
      basis: [p],
      pairs: [{ content: p, standard: `标准 ${p}` }],
      subject: p,
      deadline: '自信息形成之日起20个工作日内',
      remark: p,
      platform: p,
      extra: { [`列 ${p}`]: p },
    })),
    { title: '# 标题 ![i](https://tracker.example/t.png)', unit: '<b>单位</b>', note: PAYLOADS.join('\n'), extraColumns: PAYLOADS.map((p) => `列 ${p}`) },
  );
}

describe('Markdown read back by a CommonMark parser holds only text', () => {
  it('render: every cell, heading and line of the 注 is the text as written', () => {
    const catalog = hostile();
    const tokens = md.parse(renderMarkdown(catalog), {});
    const seen = types(tokens);
    for (const t of FORBIDDEN) expect(seen.has(t), t).toBe(false);
    const { cells, headings, paragraphs } = texts(tokens);
    // One title and one heading per category, nothing else.
    expect(headings[0]).toBe('# 标题 ![i](https://tracker.example/t.png)');
    expect(headings).toHaveLength(1 + groupByCategory(catalog.items).length);
    for (const p of PAYLOADS) {
      expect(cells, p).toContain(p.trimStart());
      expect(cells, p).toContain(`列 ${p}`);
      expect(headings.some((h) => h.startsWith(p.trimStart()) || h.startsWith('类别乙')), p).toBe(true);
    }
    // Tables have exactly the catalog's columns: no payload split a row into more cells.
    const widths = new Set<number>();
    let n = 0;
    tokens.forEach((t) => {
      if (t.type === 'tr_open') n = 0;
      if (t.type === 'td_open' || t.type === 'th_open') n++;
      if (t.type === 'tr_close') widths.add(n);
    });
    expect([...widths]).toEqual([9 + PAYLOADS.length]);
    // The 注: one paragraph, its lines as written (leading spaces aside).
    expect(paragraphs.at(-1)).toBe(PAYLOADS.map((p) => p.trimStart()).join('\n'));
  });

  it('diff: changed values before and after are text', () => {
    const before = hostile();
    const after = hostile();
    after.items.forEach((item, i) => (item.deadline.text = PAYLOADS[(i + 3) % PAYLOADS.length]!));
    const tokens = md.parse(renderDiffMarkdown(diffCatalogs(before, after)), {});
    const seen = types(tokens);
    for (const t of FORBIDDEN) expect(seen.has(t), t).toBe(false);
    const { cells } = texts(tokens);
    for (const p of PAYLOADS) expect(cells, p).toContain(p.trimStart());
  });

  it('gap: findings, names and categories are text', () => {
    const catalog = hostile();
    const tokens = md.parse(renderGapMarkdown(buildGap(catalog, validateCatalog(catalog))), {});
    const seen = types(tokens);
    for (const t of FORBIDDEN) expect(seen.has(t), t).toBe(false);
    const { cells, headings } = texts(tokens);
    for (const p of PAYLOADS) {
      const shown = p.trimStart();
      expect(headings.some((h) => h === shown || h.includes(shown)) || cells.some((c) => c.includes(shown)), p).toBe(true);
    }
  });
});
