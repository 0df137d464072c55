// The parser's compaction of a page (settled cells, rows in blocks, cells merged down settled once passed;
// html/settled-cell.ts, page-tables.ts) must place every table exactly as the walk places the plain tree
// parse5 builds: checked on pages of messy markup made at random (seeded, the same on every run).
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/formats/html/bounded-parser.js';
import { pageTables } from '../../src/formats/html/page-tables.js';
import { COMPACT_ROWS, type CompactRows, type Element, type Node } from '../../src/formats/html/page-nodes.js';
import { ReadBudget } from '../../src/grid/limits.js';
import type { BuiltTable } from '../../src/grid/tables.js';

/** mulberry32: a small seeded generator. */
function rng(seed: number): (k: number) => number {
  let a = seed >>> 0;
  return (k) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % k);
  };
}

const WORDS = ['财政局', '预算公开', '主动公开', 'a b', ' ', '\n', '&amp;', '2019年', '〔2017〕5号', '政务\n公开'];

/** A page of one or two tables (sometimes nested) with row groups, spans, breaks, blocks and formatting
 * left open, end tags often left out, comments and white space between rows and cells. */
function page(next: (k: number) => number): string {
  const text = (): string => {
    let out = '';
    for (let k = next(4); k >= 0; k--) {
      const pick = next(14);
      if (pick < 8) out += WORDS[next(WORDS.length)];
      else if (pick === 8) out += '<br>';
      else if (pick === 9) out += `<p>${WORDS[next(WORDS.length)]}</p>`;
      else if (pick === 10) out += `<b>${WORDS[next(WORDS.length)]}`;
      else if (pick === 11) out += '</b>';
      else if (pick === 12) out += `<span>${WORDS[next(WORDS.length)]}</span>`;
      else out += '<!-- 注 -->';
    }
    return out;
  };
  const table = (depth: number): string => {
    let out = '<table>';
    for (let g = next(3); g >= 0; g--) {
      const group = ['', '<thead>', '<tbody>', '<tfoot>'][next(4)]!;
      out += group;
      for (let r = next(5); r >= 0; r--) {
        out += next(3) ? '<tr>' : '\n  <tr>';
        for (let c = next(5); c >= 0; c--) {
          const tag = next(5) ? 'td' : 'th';
          const span = next(4) === 0 ? ` rowspan="${next(4)}"` : next(6) === 0 ? ` colspan="${1 + next(3)}"` : '';
          out += `<${tag}${span}>${text()}`;
          if (depth < 1 && next(12) === 0) out += table(depth + 1);
          if (next(3)) out += `</${tag}>`;
          if (next(5) === 0) out += ' <!-- 格 --> ';
        }
        if (next(2)) out += '</tr>';
      }
      if (group && next(2)) out += `</${group.slice(1)}`;
    }
    return `${out}</table>`;
  };
  return `<!DOCTYPE html><html><body>${next(3) === 0 ? text() : ''}${table(0)}${next(3) === 0 ? table(0) : ''}</body></html>`;
}

const placed = (tables: BuiltTable[]) =>
  tables.map((t) => [t.parent ?? null, t.cells.map((c) => [c.row, c.col, c.bottom, c.right, c.text ?? c.parts.map((p) => (typeof p === 'string' ? p : `表${p.table}`)).join('|')]), t.long ?? []]);

describe('a page compacted while parsed is placed as its plain tree is', () => {
  it('on 400 pages of messy tables', async () => {
    const next = rng(19);
    let blockRows = 0;
    let rows = 0;
    const count = (n: Node): void => {
      if (n.nodeName === COMPACT_ROWS) blockRows += (n as unknown as CompactRows).ends.length;
      if ('tagName' in n && (n as Element).tagName === 'tr') rows++;
      for (const c of 'childNodes' in n ? (n as Element).childNodes : []) count(c);
    };
    for (let n = 0; n < 400; n++) {
      const html = page(next);
      const doc = await parsePage(html, '目录.html', new ReadBudget(), {});
      count(doc);
      const compacted = placed(pageTables(doc, '目录.html', new ReadBudget(), {}));
      const plain = placed(pageTables(parse(html) as unknown as Node, '目录.html', new ReadBudget(), {}));
      // Cells not yet compacted keep their text as parts: compare the texts either way.
      const texts = (p: ReturnType<typeof placed>) => JSON.stringify(p);
      if (texts(compacted) !== texts(plain)) expect({ html, compacted }).toEqual({ html, compacted: plain });
    }
    // The pages exercise both: many rows went into blocks, many stayed rows.
    expect(blockRows).toBeGreaterThan(1000);
    expect(rows).toBeGreaterThan(500);
  });
});
