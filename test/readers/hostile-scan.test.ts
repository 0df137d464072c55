// The streaming scanner on hostile parts: long tags and attribute values cut into many chunks, markup
// spanning chunks, cells far over Excel's limit, parts cut off, too many values. Every case must give
// the same result as the part in one piece and finish in time linear in its size (a quadratic rescan of
// a long tag would not finish within the test's timeout on the larger cases).
import { describe, expect, it } from 'vitest';
import { col } from '../fixtures/bad/make-bad.mjs';
import { PartDataError } from '../../src/formats/ooxml/xml-scanner.js';
import { ReadBudget, ReadLimitError } from '../../src/grid/limits.js';
import { SharedStringsScanner } from '../../src/formats/xlsx/shared-strings.js';
import { WorksheetScanner, type CellContext, type SheetScan } from '../../src/formats/xlsx/worksheet.js';
import { ColumnTree, MergeSweep, overlaps } from '../../src/grid/merges.js';
import type { MergeRange } from '../../src/grid/grid.js';

const CONTEXT = (): CellContext => ({ sharedStrings: ['甲'], dateStyles: [], date1904: false });

// A scan's rows are walked once (grid/cell-store.ts): each scan's view is kept for the next look.
const views = new WeakMap<SheetScan, Record<string, string>>();
function view(scan: SheetScan): Record<string, string> {
  const seen = views.get(scan);
  if (seen) return seen;
  const out: Record<string, string> = {};
  views.set(scan, out);
  for (const { row, cells } of scan.rows.rows()) for (const [c, text] of cells) out[`${col(c)}${row}`] = text;
  return out;
}

/** Scan `xml` cut into chunks at the given lengths (cycled). */
function scan(xml: string, sizes: number[] = [xml.length], context = CONTEXT()): SheetScan {
  const scanner = new WorksheetScanner('xl/worksheets/sheet1.xml', context);
  for (let i = 0, k = 0; i < xml.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]!);
    scanner.push(xml.slice(i, i + n));
    i += n;
  }
  return scanner.result();
}

/** A deterministic pseudo-random source. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const cell = (ref: string, text: string, attrs = '') => `<c r="${ref}" t="inlineStr"${attrs}><is><t>${text}</t></is></c>`;

describe('hostile parts, cut anywhere', () => {
  it('long attribute values (with > and quotes inside), comments, CDATA and PIs give the same cells however they are cut', () => {
    const long = 'x"y>z'.replace('"', '&quot;').repeat(20_000);
    const xml =
      `<?xml version="1.0"?><worksheet><sheetViews><sheetView><selection sqref="${'A1:B2 > '.repeat(30_000)}"/></sheetView></sheetViews><sheetData>` +
      `<row r="1" spans="${long}" x='a>"b'>${cell('A1', '公开&amp;内容', ` note="${long}"`)}<!-- ${'<row r="9">'.repeat(5000)} -->` +
      `<c r="B1" t="inlineStr"><is><t><![CDATA[<不是> ] ]] &<]]>尾</t></is></c><?pi ${'?'.repeat(9000)} ?></row>` +
      `<${'longname'.repeat(100)} a="1"/><row r="2">${cell('C2', '乙')}</row></sheetData>` +
      `<mergeCells><mergeCell ref="A2:B3" other="${long}"/></mergeCells></worksheet>`;
    const whole = scan(xml);
    expect(view(whole)).toEqual({ A1: '公开&内容', B1: '<不是> ] ]] &<尾', C2: '乙' });
    expect(whole.merges.map((m) => [m.top, m.left, m.bottom, m.right])).toEqual([[2, 1, 3, 2]]);
    const random = rng(14);
    for (const sizes of [[1], [2, 3, 5, 7], [4096], Array.from({ length: 50 }, () => 1 + Math.floor(random() * 300))]) {
      const cut = scan(xml, sizes);
      expect(view(cut), `chunks ${sizes.slice(0, 4).join(',')}…`).toEqual(view(whole));
      expect(cut.merges).toEqual(whole.merges);
    }
  });

  it('passes over a 64 MB attribute value and a 64 MB comment in 1 KB chunks (linear, not rescanned)', () => {
    const huge = 'a'.repeat(64 * 1024 * 1024);
    const xml = `<worksheet><sheetPr codeName="${huge}"/><!--${huge}--><sheetData><row r="1">${cell('A1', '甲')}</row></sheetData></worksheet>`;
    expect(view(scan(xml, [1024]))).toEqual({ A1: '甲' });
  });

  it('refuses a tag whose attributes it reads when it is over 4 MB, even cut into chunks', () => {
    const xml = `<worksheet><sheetData><row r="1" x="${'a'.repeat(5 * 1024 * 1024)}">${cell('A1', '甲')}</row></sheetData></worksheet>`;
    expect(() => scan(xml, [65536])).toThrow(/异常的超长标记/);
  });

  it('keeps a cell to Excel’s limit and remembers how long it was, without holding it', () => {
    const text = '公开'.repeat(3_000_000);
    const xml = `<worksheet><sheetData><row r="4">${cell('F4', text)}<c r="G4"><v>1</v></c></row></sheetData></worksheet>`;
    const s = scan(xml, [65536]);
    expect(view(s).F4).toBe(text.slice(0, 32767));
    expect(view(s).G4).toBe('1');
    expect(s.long).toEqual([{ row: 4, col: 6, length: 6_000_000 }]);
    // Just over and just at the limit; an escape (_x000D_) counts as the one character it stands for.
    const at = scan(`<worksheet><sheetData><row r="1">${cell('A1', 'a'.repeat(32766) + '_x000D_')}${cell('B1', 'b'.repeat(32768))}</row></sheetData></worksheet>`);
    expect(view(at).A1).toHaveLength(32767);
    expect(at.long).toEqual([{ row: 1, col: 2, length: 32768 }]);
  });

  it('a long shared string is cut in its table and reported where a cell uses it', () => {
    const sst = new SharedStringsScanner('xl/sharedStrings.xml');
    sst.push(`<sst><si><t>短</t></si><si><t>${'长'.repeat(40_000)}</t></si></sst>`);
    sst.finish();
    expect(sst.strings[1]).toHaveLength(32767);
    const s = scan('<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>0</v></c></row></sheetData></worksheet>', undefined, {
      ...CONTEXT(),
      sharedStrings: sst.strings,
      sharedLong: sst.long,
    });
    expect(s.long).toEqual([{ row: 2, col: 2, length: 40_000 }]);
  });

  it('a part cut off inside a <t> (or anywhere before its root closes) is damaged, not read', () => {
    const whole = `<worksheet><sheetData><row r="3">${cell('C3', '食品安全监督抽检信息')}</row></sheetData></worksheet>`;
    for (const end of [whole.indexOf('安全'), whole.indexOf('</row>'), whole.length - 3, whole.length - 12]) {
      expect(() => scan(whole.slice(0, end)), whole.slice(0, end)).toThrow(PartDataError);
    }
    expect(() => scan(whole.slice(0, whole.indexOf('安全')))).toThrow('在中途就结束了，内容不完整');
    expect(view(scan(whole))).toEqual({ C3: '食品安全监督抽检信息' });
  });

  it('names the cell of a shared-string index that is not in the table', () => {
    expect(() => scan('<worksheet><sheetData><row r="5"><c r="C5" t="s"><v>7</v></c></row></sheetData></worksheet>')).toThrow(
      'C5 单元格引用了共享字符串表中不存在的第 7 项（表中只有第 0–0 项）',
    );
  });

  it('stops at the budget of values and characters, naming the cell', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, 'abc')}</row>`).join('');
    const xml = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
    const cells = (maxCells: number, maxChars: number) => scan(xml, undefined, { ...CONTEXT(), budget: new ReadBudget({ maxCells, maxChars, maxMerges: 100 }) });
    expect(view(cells(20, 60))).toHaveProperty('A20', 'abc');
    const over = (() => {
      try {
        cells(10, 1000);
      } catch (err) {
        return err;
      }
    })() as ReadLimitError;
    expect(over).toBeInstanceOf(ReadLimitError);
    expect([over.place, over.detail]).toEqual(['A11 单元格', '有内容的单元格超过 10 个']);
    expect(() => cells(100, 50)).toThrow('文字总量超过 50 个字符');
  });
});

describe('merge index', () => {
  it('finds the merge covering each column of a row and opens/closes merges as rows advance', () => {
    const merges: MergeRange[] = [
      { top: 1, left: 1, bottom: 1, right: 10 },
      { top: 2, left: 2, bottom: 5, right: 2 },
      { top: 2, left: 4, bottom: 3, right: 6 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ];
    const sweep = new MergeSweep(merges, 16);
    const at = (row: number) => {
      sweep.advance(row);
      return Array.from({ length: 10 }, (_, i) => merges.indexOf(sweep.cover(i + 1)!));
    };
    expect(at(1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(at(2)).toEqual([-1, 1, -1, 2, 2, 2, -1, -1, -1, -1]);
    expect(at(4)).toEqual([-1, 1, -1, 3, -1, -1, -1, -1, -1, -1]);
    expect(at(6)).toEqual(Array(10).fill(-1));
  });

  it('agrees with a brute-force check of overlaps on random merges', () => {
    const random = rng(7);
    for (let round = 0; round < 30; round++) {
      const merges: MergeRange[] = Array.from({ length: 60 }, () => {
        const top = 1 + Math.floor(random() * 30);
        const left = 1 + Math.floor(random() * 20);
        return { top, left, bottom: top + Math.floor(random() * 4), right: left + Math.floor(random() * 4) };
      }).sort((a, b) => a.top - b.top || a.left - b.left);
      const kept: MergeRange[] = [];
      const expected = merges.map((m) => {
        const clash = kept.find((o) => o.left <= m.right && m.left <= o.right && o.top <= m.bottom && m.top <= o.bottom);
        if (!clash) kept.push(m);
        return clash;
      });
      const found = overlaps(merges, 32);
      expect(found.map(Boolean)).toEqual(expected.map(Boolean));
      // The merge named is one it really overlaps, among those kept.
      found.forEach((o, i) => {
        const m = merges[i]!;
        if (o) expect(kept.includes(o) && o.left <= m.right && m.left <= o.right && o.top <= m.bottom && m.top <= o.bottom).toBe(true);
      });
    }
  });

  it('a column tree assigns ranges and reads maxima', () => {
    const t = new ColumnTree(100);
    t.assign(10, 20, 5);
    t.assign(15, 30, 3);
    expect([t.query(1, 9), t.query(10, 14), t.query(15, 30), t.query(1, 100)]).toEqual([0, 5, 3, 5]);
    expect(t.firstAtLeast(1, 100, 4)).toBe(10);
    expect(t.firstAtLeast(16, 100, 4)).toBe(-1);
  });
});
