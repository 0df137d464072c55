// The table walk takes a page's tree apart as it reads it (issue 19): the rows it has placed are let go,
// so the tree and its tables are never both held whole. A frame of the walk that kept a row group's
// child list kept every row of a 100 000-item table alive to the walk's end (590–700 MB at its peak);
// this measures what the heap holds a quarter and three quarters through one table's walk.
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/formats/html/bounded-parser.js';
import { pageTables } from '../../src/formats/html/page-tables.js';
import { ReadBudget } from '../../src/grid/limits.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ROWS = 8000;
/** Characters of each row's text: unique, so no two cells share a string. */
const TEXT = 1000;

/** A budget that, at the given merged cells (one a row here), collects the garbage and notes the heap. */
class Probe extends ReadBudget {
  readonly heap = new Map<number, number>();
  constructor(private readonly at: number[]) {
    super();
  }
  override merge(where: () => string): void {
    super.merge(where);
    if (this.at.includes(this.merges)) {
      gc();
      this.heap.set(this.merges, process.memoryUsage().heapUsed);
    }
  }
}

describe('the table walk lets go of the rows it has placed', () => {
  it('holds no more of the tree three quarters through a table than a quarter through it', async () => {
    const filler = '公开内容'.repeat(TEXT / 4 - 4);
    const rows: string[] = [];
    for (let r = 0; r < ROWS; r++) rows.push(`<tr><td colspan="2">${String(r).padStart(8, '0')}${filler}</td><td>x</td></tr>`);
    const doc = await parsePage(`<table><tbody>${rows.join('')}</tbody></table>`, '目录.html', new ReadBudget(), {});
    rows.length = 0;
    const quarter = ROWS / 4;
    const probe = new Probe([quarter, 3 * quarter]);
    const tables = pageTables(doc, '目录.html', probe, {});
    expect(tables[0]!.cells).toHaveLength(2 * ROWS);
    const grew = probe.heap.get(3 * quarter)! - probe.heap.get(quarter)!;
    // Half the table's text (two bytes a character) was placed between the two points; had the tree been
    // kept, the heap would have grown by about that much (the placed cells hold copies of their texts).
    const halfText = (ROWS / 2) * TEXT * 2;
    expect(grew).toBeLessThan(halfText / 3);
  });
});
