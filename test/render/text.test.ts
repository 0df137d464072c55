// Markdown and HTML renderers as text: golden files (exact), escaping of hostile cells, structure.
// Regenerate goldens after an intended change: UPDATE_GOLDEN=1 npx vitest run test/render
import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderHtml } from '../../src/render/html.js';
import { escapeHtml, escapeMarkdownCell, escapeMarkdownLine, textToHtml } from '../../src/render/escape.js';
import { guide2019, hostile2017, HOSTILE, makeCatalog, sample2017 } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('escape', () => {
  test('HTML text escapes markup and only http(s) URLs become links', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href&#x3D;&quot;x&quot; onclick&#x3D;&#x27;y&#x27;&gt;&amp;');
    expect(textToHtml('见 https://www.gov.cn/a?b=1&c=2。\n第二行 javascript:alert(1)')).toBe(
      '见 <a href="https://www.gov.cn/a?b&#x3D;1&amp;c&#x3D;2" rel="noopener noreferrer">https://www.gov.cn/a?b&#x3D;1&amp;c&#x3D;2</a>。<br>第二行 javascript:alert(1)',
    );
    // A quote ends the URL: nothing can break out of the href attribute.
    expect(textToHtml('http://x.cn/"onmouseover="alert(1)')).toBe(
      '<a href="http://x.cn/" rel="noopener noreferrer">http://x.cn/</a>&quot;onmouseover&#x3D;&quot;alert(1)',
    );
    expect(textToHtml('(see http://a.cn/x).')).toContain('href="http://a.cn/x"');
    expect(textToHtml('http://')).toBe('http://');
  });

  test('Markdown cells escape | and raw HTML, keep line breaks as <br>, markdown syntax literal', () => {
    expect(escapeMarkdownCell('a | b\n<b>c</b> & *d*')).toBe('a \\| b<br>&lt;b&gt;c&lt;/b&gt; &amp; \\*d\\*');
    // URLs too: a URL runs to the next space and could otherwise carry an image or a link inside it.
    expect(escapeMarkdownCell('https://a.cn/x_y_z')).toBe('https://a.cn/x\\_y\\_z');
    expect(escapeMarkdownCell('https://a.cn/![i](https://t.example/p.png)')).toBe('https://a.cn/!\\[i\\](https://t.example/p.png)');
    expect(escapeMarkdownLine('# 不是标题')).toBe('\\# 不是标题');
    expect(escapeMarkdownLine('1. 不是列表')).toBe('1\\. 不是列表');
  });
});

describe('renderMarkdown', () => {
  test('sample 2017: title, a section with count and table per category', () => {
    const md = renderMarkdown(sample2017());
    expect(md.startsWith('# 县应急管理局政务公开事项目录\n')).toBe(true);
    expect(md).toContain('\n## 食品药品监管 (1项)\n');
    expect(md).toContain('\n## 安全生产 (1项)\n');
    expect(md).toContain('| 序号 | 名称 | 依据 | 公开内容 | 公开标准 | 公开主体 | 公开方式 | 公开时限 | 备注 |');
    expect(md).toContain('（1）本次抽检总体情况<br>（2）合格产品信息情况');
    expectGolden('sample-2017.md', md);
  });

  test('guide 2019: ticks as text under the catalog\'s labels, channels as a list, extra column', () => {
    const md = renderMarkdown(guide2019());
    expect(md).toContain('| 序号 | 二级事项 | 公开内容（要素） | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | 公开对象 | 公开方式 | 公开层级 | 备注 | 责任科室 |');
    expect(md).toContain('| 政府网站<br>两微一端<br>公开查阅点<br>政务服务中心 | 全社会 | 主动 | 区级、镇级 |  | 办公室 |');
    expect(md).toContain('## 依法行政 (2项)');
    expectGolden('guide-2019.md', md);
  });

  test('hostile cells: no raw HTML, no extra table cells, no links or emphasis', () => {
    const md = renderMarkdown(hostile2017());
    expect(md).not.toMatch(/<(?!br>)[a-z]/i);
    expect(md).toContain('&lt;script&gt;window.\\_\\_x=1&lt;/script&gt;');
    expect(md).toContain('a \\| b');
    expect(md).toContain('\\[链接\\](javascript:alert(4))');
    const row = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(9);
    expectGolden('hostile-2017.md', md);
  });
});

describe('renderHtml', () => {
  test('sample 2017 matches its golden page', () => {
    expectGolden('sample-2017.html', renderHtml(sample2017()));
  });

  test('guide 2019 matches its golden page', () => {
    expectGolden('guide-2019.html', renderHtml(guide2019()));
  });

  test('a self-contained, semantic, accessible page', () => {
    const html = renderHtml(guide2019());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<title>某区应急管理领域基层政务公开标准目录 - 某区应急管理局</title>');
    expect(html).toContain('<h1>某区应急管理领域基层政务公开标准目录</h1>');
    // The caption names the table for screen readers; the page says nothing about layouts.
    expect(html).toContain('<caption class="visually-hidden">某区应急管理领域基层政务公开标准目录，共 6 项</caption>');
    expect(html).not.toMatch(/版式|样表/);
    expect(html.match(/<th scope="col">/g)).toHaveLength(12);
    expect(html.match(/<tbody class="group"/g)).toHaveLength(3);
    expect(html).toContain('<span class="group-name">依法行政</span> <span class="group-count">（2项）</span>');
    expect(html).toContain('<label for="q">搜索事项</label>');
    expect(html).toContain('<label for="category">一级事项</label>');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('没有找到匹配的事项');
    // a two-pair item: item-level cells span both rows
    expect(html).toContain('<td data-label="二级事项" rowspan="2" class="col-name">重大决策草案</td>');
    // one <tbody> per item, anchored by its position (the site index links to #item-3)
    expect(html.match(/<tbody class="item" id="item-\d+" data-group="\d+">/g)).toHaveLength(6);
    expect(html).toContain('<tbody class="item" id="item-3" data-group="0">');
    expect(html).toContain('<tbody class="item" id="item-6" data-group="2">');
    // the catalog's own 注 is printed
    expect(html).toContain('<p class="note">注：■表示选用，□表示未选用。</p>');
    // nothing is fetched: no src/href to anything but the catalog's own http(s) text links, no @import/url()
    expect(html).not.toMatch(/\ssrc=|<link|@import|url\(/);
  });

  test('the CSP allows exactly the inline style and script, by hash', () => {
    const html = renderHtml(sample2017());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const js = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toBe(`default-src 'none'; style-src ${hash(css)}; script-src ${hash(js)}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
  });

  test('hostile cells appear as text only', () => {
    const html = renderHtml(hostile2017());
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href="(?!https?:)/);
    expect(html).not.toMatch(/\sonerror=|\sonmouseover=/);
    expect(html).toContain('&lt;script&gt;window.__x&#x3D;1&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;&quot;window.__y&#x3D;1&quot;&gt;');
    expect(html).toContain(`<li>${HOSTILE.js}</li>`);
  });

  test('the 注 is printed only when the catalog has its own: never the sample table\'s drafting instructions', () => {
    const html = renderHtml(sample2017());
    expect(sample2017().note).toBeUndefined();
    expect(html).not.toContain('class="note"');
    expect(html).not.toContain('名称为拟公开事项的规范提法');
    expect(renderHtml({ ...sample2017(), note: '注：本目录自2024年6月1日起施行。' })).toContain('<p class="note">注：本目录自2024年6月1日起施行。</p>');
  });

  test('a page of a site links back to the index', () => {
    const html = renderHtml(sample2017(), { home: { href: 'index.html', label: '返回目录列表' } });
    expect(html).toContain('<nav class="site-nav"><a href="index.html">返回目录列表</a></nav>');
    expect(renderHtml(sample2017())).not.toContain('site-nav"');
  });

  test('an empty catalog still renders a valid page and table', () => {
    const html = renderHtml(makeCatalog('2017', []));
    expect(html).toContain('<h1>政务公开事项目录</h1>');
    expect(html).toContain('<span>共 0 项</span>');
    expect(renderMarkdown(makeCatalog('2019', []))).toBe('# 政务公开事项目录\n\n共 0 项\n');
  });
});
