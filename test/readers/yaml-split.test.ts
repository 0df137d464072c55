// Large YAML catalogs are parsed item by item (memory); the result must equal a whole-document parse.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlCatalog } from '../../src/formats/yaml/read.js';
import { splitItems } from '../../src/formats/yaml/split.js';

/** examples/county-catalog.yaml with its item list repeated until the file passes 1 MB. */
function bigCatalog(): string {
  const text = readFileSync('examples/county-catalog.yaml', 'utf8');
  const at = text.indexOf('事项:\n') + '事项:\n'.length;
  const items = text.slice(at);
  return text.slice(0, at) + items.repeat(Math.ceil((1.1 * 1024 * 1024) / Buffer.byteLength(items))) + '注: 表格下方的注\n';
}

describe('item-by-item parsing of large YAML', () => {
  const text = bigCatalog();

  it('splits at the items and keeps the keys after them in the head', () => {
    const split = splitItems(text)!;
    expect(split.chunks.length).toBeGreaterThan(1000);
    expect(split.chunks[0]!.lineOffset).toBe(8);
    expect(split.head.split('\n')).toHaveLength(text.split('\n').length);
    expect(split.head).toContain('注: 表格下方的注');
  });

  it('gives the same catalog, locations included, as a whole-document parse', () => {
    const fast = parseYamlCatalog(text, 'big.yaml');
    const whole = parseYamlCatalog(text, 'big.yaml', {}, true);
    expect(fast.items.length).toBe(whole.items.length);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(whole));
    expect(fast.items[10]!.deadline.at).toEqual(whole.items[10]!.deadline.at);
    expect(fast.note).toBe('表格下方的注');
  });

  it('falls back to the whole document when anchors or aliases could reach across items', () => {
    expect(splitItems(text.replace('公开主体: 沂河县市场监督管理局', '公开主体: &who 沂河县市场监督管理局'))).toBeUndefined();
  });

  it('reports a syntax error inside an item at its line in the file', () => {
    const lines = text.split('\n');
    lines[5000] = '    名称: "未闭合';
    expect(() => parseYamlCatalog(lines.join('\n'), 'big.yaml')).toThrow(/第 50\d\d 行/);
  });
});
