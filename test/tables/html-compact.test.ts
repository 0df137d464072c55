// A page's closed rows of settled cells are kept as their texts and spans (issue 19: the tree of a
// 100 000-item page held 1.5 million cell elements): the rows that can be compacted are, the others keep
// their cells, and the tables are placed the same either way.
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/formats/html/bounded-parser.js';
import { pageTables } from '../../src/formats/html/page-tables.js';
import { COMPACT_ROWS, type CompactRows, type Element, type Node } from '../../src/formats/html/page-nodes.js';
import { ReadBudget } from '../../src/grid/limits.js';
import { pagePieces } from '../../src/formats/html/charset.js';
import type { BuiltTable } from '../../src/grid/tables.js';

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<table>
  <tr><th>序号</th><th colspan="2">名称</th></tr>
  <tr> <td rowspan="2">1</td> <!-- 注释 --> <td>预算<br>公开</td><td>财政局</td> </tr>
  <tr><td>决算</td><td style="display:none">内部</td></tr>
  <tr><td>2</td><td><table><tr><td>内</td><td>表</td></tr></table></td><td>审计局</td></tr>
  <tr><td rowspan="0">3</td><td colspan="5">宽</td></tr>
</table></body></html>`;

/** The blocks of compact rows of the page's tree, in document order. */
function blocks(doc: Node): CompactRows[] {
  const out: CompactRows[] = [];
  const walk = (n: Node): void => {
    if (n.nodeName === COMPACT_ROWS) out.push(n as unknown as CompactRows);
    for (const c of 'childNodes' in n ? (n as Element).childNodes : []) walk(c);
  };
  walk(doc);
  return out;
}

/** The rows of the page's tree (document order) and whether each was compacted (true: a row of a block). */
function rows(doc: Node): boolean[] {
  const out: boolean[] = [];
  const walk = (n: Node): void => {
    if ('tagName' in n && (n as Element).tagName === 'tr') out.push(false);
    if (n.nodeName === COMPACT_ROWS) for (const _ of (n as unknown as CompactRows).ends) out.push(true);
    for (const c of 'childNodes' in n ? (n as Element).childNodes : []) walk(c);
  };
  walk(doc);
  return out;
}

// A final cell is compacted as it is closed (its text worked out, its parts gone); one holding a nested
// table keeps its parts.
const placed = (tables: BuiltTable[]) => tables.map((t) => t.cells.map((c) => [c.row, c.col, c.bottom, c.right, c.text ?? c.parts.map((p) => (typeof p === 'string' ? p : `表${p.table}`)).join('|')]));

describe('compact rows of a parsed page', () => {
  it('keeps plain rows as texts and spans, rows with a hidden cell or a nested table as they are, and places both alike', async () => {
    const doc = await parsePage(PAGE, '目录.html', new ReadBudget(), {});
    // The header, the row with white space and a comment, the row with a hidden cell, the row with a
    // nested table, the nested table's row (its cells are the walk's: inside a cell), the last row.
    expect(rows(doc)).toEqual([true, true, false, false, false, true]);
    // Two blocks: the row that is kept as it is ends the first (sealed then), the table's end the second.
    expect(blocks(doc).map((b) => [b.ends.length, b.sealed])).toEqual([
      [2, true],
      [1, true],
    ]);
    expect(placed(pageTables(doc, '目录.html', new ReadBudget(), {}))).toEqual([
      [
        [1, 1, 1, 1, '序号'],
        [1, 2, 1, 3, '名称'],
        [2, 1, 3, 1, '1'],
        [2, 2, 2, 2, '预算\n公开'],
        [2, 3, 2, 3, '财政局'],
        [3, 2, 3, 2, '决算'],
        [4, 1, 4, 1, '2'],
        [4, 2, 4, 2, '表1'],
        [4, 3, 4, 3, '审计局'],
        // rowspan="0" reaches the end of the row group; colspan past the table's width is kept as given.
        [5, 1, 5, 1, '3'],
        [5, 2, 5, 6, '宽'],
      ],
      [
        [1, 1, 1, 1, '内'],
        [1, 2, 1, 2, '表'],
      ],
    ]);
  });

  it('keeps spans and dropped characters only for rows that have them', async () => {
    const long = '长'.repeat(70_000);
    const page = `<table><tr><td>1</td><td>甲</td></tr><tr><td colspan="2">宽</td></tr><tr><td>${long}</td><td>乙</td></tr></table>`;
    const doc = await parsePage(page, '目录.html', new ReadBudget(), {});
    // One block of the three rows, sealed when the table closed: spans and dropped counts filled in for
    // the cells before the first that has one.
    expect(blocks(doc).map((b) => [b.shown.length, b.ends, b.spans, b.dropped?.map((d) => d > 0), b.sealed])).toEqual([
      [5, [2, 3, 5], [-1, -1, -1, -1, -1, 2, -1, -1, -1, -1], [false, false, false, true, false], true],
    ]);
    const cells = pageTables(doc, '目录.html', new ReadBudget(), {})[0]!;
    expect(cells.cells.map((c) => [c.row, c.col, c.bottom, c.right])).toEqual([[1, 1, 1, 1], [1, 2, 1, 2], [2, 1, 2, 2], [3, 1, 3, 1], [3, 2, 3, 2]]);
    expect(cells.long).toEqual([{ row: 3, col: 1, length: 70_000 }]);
  });

  it('decodes a page larger than one copy of its bytes a piece at a time, characters cut at any boundary kept whole', () => {
    // 36 MB: more than one copy (33 MB) and many pieces (1 MB); 3-byte characters straddle both boundaries.
    const text = `<p>${'政务公开目录x'.repeat(1_900_000)}</p>`;
    const bytes = new TextEncoder().encode(text);
    const page = pagePieces(bytes);
    expect(page.encoding).toBe('utf-8');
    const pieces = [...(page.pieces as Iterable<string>)];
    expect(pieces.length).toBeGreaterThan(33);
    expect(pieces.join('')).toBe(text);
  });

  it('compacts a cell merged down as soon as the walk has passed its last row, not at the end of its table', async () => {
    const page = '<table><tr><td rowspan="2">甲</td><td>乙</td></tr><tr><td>丙</td></tr><tr><td>丁</td><td rowspan="2">戊</td></tr></table>';
    const [table] = pageTables(await parsePage(page, '目录.html', new ReadBudget(), {}), '目录.html', new ReadBudget(), {});
    // 甲 ends above the third row: settled (its text kept, no parts); 戊 reaches the end of its row group,
    // where a rowspan may yet be cut, and waits with its parts.
    expect(table!.cells.map((c) => [c.row, c.col, c.bottom, c.right, c.text ?? null, Object.isFrozen(c.parts)])).toEqual([
      [1, 1, 2, 1, '甲', true],
      [1, 2, 1, 2, '乙', true],
      [2, 2, 2, 2, '丙', true],
      [3, 1, 3, 1, '丁', true],
      [3, 2, 3, 2, null, false],
    ]);
  });
});
