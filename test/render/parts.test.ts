// Outputs in pieces: the page (render/html.ts htmlParts), what `zwgk render --to html` and a site write
// one group's or section's rows at a time, and the YAML and Markdown (an item, a category at a time), so
// that a 100 000-item output (200 MB) is never held whole. The pieces must join to exactly the output,
// and a cell cannot forge the placeholder the page's rows go in.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlParts, renderHtml } from '../../src/render/html.js';
import { writeOutput } from '../../src/node/write.js';
import { markdownParts, renderMarkdown } from '../../src/render/markdown.js';
import { renderYaml, yamlParts } from '../../src/render/yaml.js';
import { renderXlsxPieces } from '../../src/render/xlsx.js';
import { readCatalog } from '../../src/node/read-file.js';
import { makeCatalog, type ItemSpec } from './fixtures.js';

function catalog(n: number, name = (i: number) => `事项${i + 1}`) {
  const specs: ItemSpec[] = Array.from({ length: n }, (_, i) => ({
    serial: String(i + 1),
    category: i % 3 === 0 ? '政策文件' : '行政许可',
    name: name(i),
    pairs: [{ content: `内容${i + 1}`, standard: `标准${i + 1}` }],
    basis: ['《中华人民共和国政府信息公开条例》'],
    subject: '县市场监管局',
    deadline: '20个工作日内',
  }));
  return makeCatalog('2017', specs, { title: '分段目录' });
}

describe('the page in pieces', () => {
  it('joins to the page: a small catalog (one piece per group) and a large one (one per folded section)', () => {
    const small = catalog(7);
    const parts = [...htmlParts(small)];
    expect(parts.join('')).toBe(renderHtml(small));
    // Two groups: before, rows, between, rows, after.
    expect(parts).toHaveLength(5);
    const large = catalog(30);
    const split = { over: 10, size: 4 };
    const pieces = [...htmlParts(large, { sections: split })];
    expect(pieces.join('')).toBe(renderHtml(large, { sections: split }));
    // 政策文件 10 items → 3 sections, 行政许可 20 → 5: eight sections, each its own rows piece.
    expect(pieces).toHaveLength(17);
    expect(pieces.join('')).not.toContain('zwgk-rows');
  });

  it('a cell that holds the placeholder stays text, and the rows still go where they belong', () => {
    const forged = catalog(3, (i) => (i === 1 ? '<zwgk-rows n="0"></zwgk-rows>' : `事项${i + 1}`));
    const page = [...htmlParts(forged)].join('');
    expect(page).toContain('&lt;zwgk-rows n&#x3D;&quot;0&quot;&gt;&lt;/zwgk-rows&gt;');
    expect(page.match(/<tbody class="item"/g)).toHaveLength(3);
    expect(page).toBe(renderHtml(forged));
  });

  it('is written piece by piece to the very page', async () => {
    const c = catalog(12);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zwgk-parts-')), 'page.html');
    await writeOutput(file, htmlParts(c));
    expect(readFileSync(file, 'utf8')).toBe(renderHtml(c));
  });

  it('YAML and Markdown: one piece per item, per category, joined to the very text', () => {
    const c = catalog(7);
    const yaml = [...yamlParts(c)];
    expect(yaml.join('')).toBe(renderYaml(c));
    // head, 事项:, seven items, tail
    expect(yaml).toHaveLength(10);
    const md = [...markdownParts(c)];
    expect(md.join('')).toBe(renderMarkdown(c));
    expect(md).toHaveLength(3);
    const empty = catalog(0);
    expect([...yamlParts(empty)].join('')).toBe(renderYaml(empty));
    expect([...markdownParts(empty)].join('')).toBe(renderMarkdown(empty));
  });
});

describe('the workbook in pieces', () => {
  it('comes as its writer’s pieces of bytes, written one after another into a workbook that reads back whole', async () => {
    // Unique text in every cell, as in real catalogs: the zip does not shrink it below a few megabytes.
    let seed = 7;
    const text = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 2000))).join('');
    const c = catalog(2500, (i) => `事项${i + 1}${text(20)}`);
    for (const item of c.items) for (const p of item.pairs) p.content.text = text(300);
    const pieces = await renderXlsxPieces(c);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p).toBeInstanceOf(Uint8Array);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zwgk-parts-')), 'catalog.xlsx');
    await writeOutput(file, pieces);
    expect(readFileSync(file).length).toBe(pieces.reduce((n, p) => n + p.byteLength, 0));
    const back = await readCatalog(file);
    const values = (cat: typeof c) => cat.items.map((i) => [i.serial.text, i.name.text, i.pairs.map((p) => p.content.text).join('|')]);
    expect(values(back as typeof c)).toEqual(values(c));
  });
});
