// cellText: the plain text of every kind of exceljs cell value.
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/findings/location.js';
import { cellText } from '../helpers/exceljs-text.js';

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['a\r\nb\rc', 'a\nb\nc'],
    ['  空格 ', '  空格 '],
    ['行一_x000D_\n行二', '行一\n行二'],
    ['_x005F_x000D_', '_x000D_'],
    [42, '42'],
    [3.0, '3'],
    [0.1 + 0.2, '0.3'],
    [-1.5, '-1.5'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2020, 0, 15)), '2020-01-15'],
    [new Date(Date.UTC(2020, 0, 15, 9, 30)), '2020-01-15 09:30'],
    [{ richText: [{ text: '《条例》' }, { text: '（国务院令第711号）' }] }, '《条例》（国务院令第711号）'],
    [{ formula: 'A1+1', result: 2 }, '2'],
    [{ formula: 'A1&""' }, ''],
    [{ sharedFormula: 'A2', result: '文本' }, '文本'],
    [{ formula: 'NA()', result: { error: '#N/A' } }, '#N/A'],
    [{ error: '#N/A' }, '#N/A'],
    [{ text: '门户网站', hyperlink: 'http://example.gov.cn' }, '门户网站'],
    [{ text: { richText: [{ text: '链' }, { text: '接' }] }, hyperlink: 'http://example.gov.cn' }, '链接'],
  ])('%j → %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });

  it('addresses cells in A1 style', () => {
    expect([a1(1, 1), a1(5, 26), a1(7, 27), a1(9, 16384)]).toEqual(['A1', 'Z5', 'AA7', 'XFD9']);
  });
});
