// Display widths and wrapped line counts, which set every row height and column width a workbook gets:
// wide characters count 2, a surrogate pair is one character, each line of a text wraps on its own.
import { describe, expect, it } from 'vitest';
import { lineWidth, textWidth, wrappedLines } from '../../src/render/common.js';

describe('lineWidth', () => {
  it.each([
    ['', 0],
    ['abc 12', 6],
    ['政务公开', 8],
    ['①√—■□', 10],
    ['𠀀𠀁', 4],
    ['x𠀀y', 4],
    // A lone half of a surrogate pair shows as one replacement character (wide, as before).
    ['\udc00a', 3],
    ['\ud800', 2],
  ])('%j is %i units wide', (text, width) => {
    expect(lineWidth(text)).toBe(width);
  });
});

describe('wrappedLines', () => {
  it('wraps each line on its own, an empty line counting one', () => {
    // Usable width of a 11-unit column: (11 - 1) × 0.9 = 9 units.
    expect(wrappedLines('中'.repeat(10), 11)).toBe(3);
    expect(wrappedLines('a\n\nb', 11)).toBe(3);
    expect(wrappedLines('', 11)).toBe(1);
    expect(wrappedLines('abcdefghi\nabcdefghij', 11)).toBe(3);
    // A pair cut by a line break is two halves, each on its own line.
    expect(wrappedLines('\ud800\n\udc00', 11)).toBe(2);
  });

  it('gives the widest line', () => {
    expect(textWidth('ab\n政务公开\nx')).toBe(8);
  });
});
