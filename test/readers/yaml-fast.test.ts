// The plain-item reader (src/formats/yaml/fast.ts) must build exactly the tree the yaml library builds —
// values, kinds, ranges, types and sources of every node — or decline. Checked on every item of the
// examples, of every YAML fixture, of the bench generator's catalog and of zwgk's own YAML of the real
// catalogs, and on hand-written items that are or are not of the plain shape.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { fastItem } from '../../src/formats/yaml/fast.js';
import { splitItems } from '../../src/formats/yaml/split.js';
import { PARSE_OPTIONS } from '../../src/formats/yaml/parse.js';
import { parseYamlCatalog } from '../../src/formats/yaml/read.js';
import { check, exportAs } from '../../src/core/index.js';

/** A node as plain data: what the catalog builder and the slip check can see of it. */
function shape(node: unknown): unknown {
  if (isMap(node)) return { map: node.range, flow: node.flow, items: node.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'not a pair')) };
  if (isSeq(node)) return { seq: node.range, flow: node.flow, items: node.items.map(shape) };
  if (isScalar(node)) return { value: node.value, type: node.type, source: node.source, range: node.range, tag: node.tag, format: node.format };
  return { other: String(node) };
}

/** The library's tree of one item text, or undefined when it has errors or warnings. */
function library(text: string): { tree: unknown; lines: number[] } | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lc });
  if (doc.errors.length || doc.warnings.length) return undefined;
  return { tree: shape(doc.contents), lines: lc.lineStarts };
}

/** Compare the fast reader with the library on one item: equal trees, or declined. Returns whether it read it. */
function agree(text: string): boolean {
  const fast = fastItem(text);
  if (!fast) return false;
  const lib = library(text);
  expect(lib, `the library refuses an item fastItem read:\n${text}`).toBeDefined();
  expect(shape(fast.doc.contents), text).toEqual(lib!.tree);
  expect(fast.lc.lineStarts).toEqual(lib!.lines);
  return true;
}

function chunksOf(text: string): string[] {
  return splitItems(text)?.chunks.map((c) => c.text) ?? [];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return name.endsWith('.yaml') ? [p] : [];
  });
}

describe('the plain-item YAML reader', () => {
  it('builds the library’s own tree for every item of the examples and YAML fixtures it reads, and reads most of them', () => {
    let read = 0;
    let all = 0;
    for (const file of [...yamlFiles('examples'), ...yamlFiles('test/fixtures')]) {
      for (const chunk of chunksOf(readFileSync(file, 'utf8'))) {
        all++;
        if (agree(chunk)) read++;
      }
    }
    expect(all).toBeGreaterThan(50);
    expect(read / all).toBeGreaterThan(0.5);
  });

  it('builds the library’s tree for zwgk’s own YAML of the real catalogs and of the bench generator', async () => {
    let read = 0;
    let all = 0;
    const real = 'test/fixtures/real';
    for (const name of readdirSync(real).filter((n) => n.endsWith('.html'))) {
      const bytes = readFileSync(path.join(real, name));
      const { catalog } = await check(bytes, name, { validate: false });
      const data = (await exportAs(catalog, 'yaml')).data;
      const yaml = typeof data === 'string' ? data : new TextDecoder().decode(data);
      for (const chunk of chunksOf(yaml)) {
        all++;
        if (agree(chunk)) read++;
      }
    }
    const { items, PAIRS_PER_ITEM, TITLE } = await import('../../bench/gen.mjs');
    let bench = `标题: ${TITLE}\n事项:\n`;
    for (const it of items(300, PAIRS_PER_ITEM, 7)) {
      bench += `  - 序号: ${it.serial}\n    名称: ${JSON.stringify(it.name)}\n    依据:\n${it.basisList.map((b: string) => `      - ${b}\n`).join('')}    公开内容与标准:\n`;
      for (const [c, s] of it.pairs) bench += `      - 公开内容: ${c}\n        公开标准: ${s}\n`;
      bench += `    公开时限: ${it.deadline}\n    备注: ""\n`;
    }
    for (const chunk of chunksOf(bench)) {
      all++;
      if (agree(chunk)) read++;
    }
    expect(read).toBeGreaterThan(300);
    expect(read / all).toBeGreaterThan(0.8);
  });

  const item = (body: string) => `  - 序号: 1\n    名称: 甲\n${body}`;
  it.each([
    ['a number-like text', '    公开时限: 20个工作日内'],
    ['a 文号 in quotes', '    依据:\n      - "《条例》（国令第711号）"'],
    ['single quotes', "    备注: '注：见''附件'''"],
    ['a colon without a space', '    备注: 网址http://www.gov.cn'],
    ['a hash inside a word', '    备注: 第#3号'],
    ['a full-width colon (a slip the check names)', '    公开主体：某局'],
    ['flow lists', '    公开渠道和载体: [政府网站, 两微一端]\n    公开对象: []\n    公开层级: [县级]'],
    ['a flow list with a space inside a name', '    公开渠道和载体: [政府 网站, 2019年版]'],
    ['nested pairs', '    公开内容与标准:\n      - 公开内容: 甲\n        公开标准: 乙\n      - 公开内容: 丙'],
    ['a trailing item without a line feed', '    备注: 无'],
  ])('agrees with the library or declines: %s', (_, body) => {
    agree(item(body));
    agree(`${item(body)}\n`);
  });

  it.each([
    ['a comment', '    备注: 无 # 注释'],
    ['a block scalar', '    备注: |\n      两行\n      文字'],
    ['a value over two lines', '    备注: 第一行\n      第二行'],
    ['a flow list with other spacing', '    依据: [ 甲 ,乙]'],
    ['a flow list of numbers', '    依据: [1, 2]'],
    ['a nested flow list', '    依据: [[甲], 乙]'],
    ['an escape', '    备注: "甲\\n乙"'],
    ['a tab', '    备注:\t无'],
    ['a key written twice', '    名称: 乙'],
    ['null', '    备注: null'],
    ['a boolean', '    备注: True'],
    ['a leading zero', '    备注: 05391234567'],
    ['a float', '    备注: 1.5'],
    ['a blank line', '\n    备注: 无'],
    ['trailing spaces', '    备注: 无  '],
    ['an anchor', '    备注: &a 无'],
    ['a list at its key’s column', '    依据:\n    - 甲'],
    ['a colon at the end of a value', '    备注: 见下:'],
    ['a mapping after a value', '    备注: 甲: 乙'],
  ])('declines %s (the library reads it)', (_, body) => {
    expect(fastItem(item(body))).toBeUndefined();
  });

  it('gives the same catalog, places included, as the library on a large catalog', () => {
    const text = readFileSync('examples/county-catalog.yaml', 'utf8');
    const at = text.indexOf('事项:\n') + '事项:\n'.length;
    const big = text.slice(0, at) + text.slice(at).repeat(Math.ceil((1.1 * 1024 * 1024) / Buffer.byteLength(text.slice(at))));
    const split = parseYamlCatalog(big, 'big.yaml');
    const whole = parseYamlCatalog(big, 'big.yaml', {}, true);
    expect(JSON.stringify(split)).toBe(JSON.stringify(whole));
    expect(chunksOf(big).filter((c) => fastItem(c)).length).toBeGreaterThan(1000);
  });
});
