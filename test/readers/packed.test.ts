// Packed catalog cells (src/model/packed.ts): a packed cell answers `at` with the very SourceRef the
// reader made (keys and order), takes a new one by assignment, and copies, clones and serialises as the
// plain cell it stands for; a place it cannot pack stays a plain object.
import { expect, it } from 'vitest';
import type { Item } from '../../src/model/types.js';
import { clonePlain, copyCell, packItem, withText } from '../../src/model/packed.js';
import { record } from '../../src/model/record.js';

const sheetAt = (cell: string, row: number) => ({ file: 'a.xlsx', sheet: '目录', cell, row });

function item(): Item {
  return {
    serial: { text: '1', at: sheetAt('A3', 3) },
    category: { text: '类', at: { file: 'a.xlsx', sheet: '目录', cell: 'B3', row: 3, range: 'B3:B9' } },
    name: { text: '名', at: { file: 'p.html', table: 2, row: 7, column: 9 } },
    basis: { values: [{ text: '《条例》', at: { file: 'c.yaml', line: 120000, column: 7 } }], at: sheetAt('D3', 3) },
    pairs: [{ content: { text: '内容', at: sheetAt('XFD1048576', 1048576) }, standard: { text: '标准', at: sheetAt('AMJ4', 4) } }],
    subject: { text: '县应急管理局', at: sheetAt('G6', 6), carried: true },
    deadline: { text: '州级', at: sheetAt('I3', 3), mark: '√' },
    remark: { text: '', at: { file: 'a.xlsx' } },
    extra: Object.assign(Object.create(null) as Record<string, Item['serial']>, { 联系人: { text: '张三', at: sheetAt('P3', 3) } }),
    at: sheetAt('A3', 3),
  };
}

it('packs the cells of an item and answers each place as the reader wrote it', () => {
  const plain = item();
  const packed = item();
  packItem(packed);
  const cells = (i: Item) => [i.serial, i.category, i.name, i.basis.values[0]!, i.pairs[0]!.content, i.pairs[0]!.standard!, i.subject, i.deadline, i.remark, i.extra['联系人']!];
  cells(packed).forEach((c, k) => {
    const p = cells(plain)[k]!;
    expect(c.text).toBe(p.text);
    expect(Object.entries(c.at)).toEqual(Object.entries(p.at));
    expect(copyCell(c)).toEqual(p);
    expect(JSON.parse(JSON.stringify(c))).toEqual(p);
  });
  // Packed: a sheet cell, a table cell, a YAML line; a range, a column past 1023 and a bare file stay plain.
  const kinds = cells(packed).map((c) => Object.getPrototypeOf(c) === Object.prototype);
  expect(kinds).toEqual([false, true, false, false, true, true, false, false, true, false]);
  expect(Object.keys(packed.extra)).toEqual(['联系人']);
  expect(Object.getPrototypeOf(packed.extra)).toBe(null);
});

it('takes a new place by assignment, and clones to plain cells', () => {
  const it1 = item();
  packItem(it1);
  it1.serial.at = { file: 'b.xlsx', sheet: '表2', cell: 'C9', row: 9 };
  it1.name.text = '新名';
  expect(it1.serial.at).toEqual({ file: 'b.xlsx', sheet: '表2', cell: 'C9', row: 9 });
  const copy = clonePlain({ items: [it1] });
  expect(copy.items[0]!.name).toEqual({ text: '新名', at: { file: 'p.html', table: 2, row: 7, column: 9 } });
  expect(Object.getPrototypeOf(copy.items[0]!.name)).toBe(Object.prototype);
  expect(Object.getPrototypeOf(copy.items[0]!.extra)).toBe(null);
  copy.items[0]!.name.text = '改';
  expect(it1.name.text).toBe('新名');
});

it('packs a list field with its place, and shares one empty record among items without extra columns', () => {
  const plain = item();
  const packed = item();
  packed.extra = record<Item['serial']>();
  packItem(packed);
  // The list: a packed object whose `at` is built as the reader wrote it; a list at a range stays plain.
  expect(Object.getPrototypeOf(packed.basis)).not.toBe(Object.prototype);
  expect(Object.entries(packed.basis.at)).toEqual(Object.entries(plain.basis.at));
  expect(Object.keys(packed.basis)).toEqual(['values']);
  expect(JSON.parse(JSON.stringify(packed.basis))).toEqual(plain.basis);
  packed.basis.at = sheetAt('E5', 5);
  expect(packed.basis.at).toEqual(sheetAt('E5', 5));
  const ranged = item();
  ranged.basis.at = { file: 'a.xlsx', sheet: '目录', cell: 'D3', row: 3, range: 'D3:D9' };
  packItem(ranged);
  expect(Object.getPrototypeOf(ranged.basis)).toBe(Object.prototype);
  // The empty record is shared and frozen; a clone of the catalog has a record of its own to add to.
  const other = item();
  other.extra = record<Item['serial']>();
  packItem(other);
  expect(packed.extra).toBe(other.extra);
  expect(() => (packed.extra['新列'] = plain.serial)).toThrow(TypeError);
  const copy = clonePlain({ items: [packed] });
  copy.items[0]!.extra['新列'] = plain.serial;
  expect(Object.keys(copy.items[0]!.extra)).toEqual(['新列']);
  expect(copy.items[0]!.basis).toEqual({ values: plain.basis.values, at: sheetAt('E5', 5) });
  expect(Object.getPrototypeOf(copy.items[0]!.basis)).toBe(Object.prototype);
});

it('copies a cell with another text, packed when it was, with its own place', () => {
  const packed = item();
  packItem(packed);
  const renumbered = withText(packed.serial, '7');
  expect(renumbered).not.toBe(packed.serial);
  expect(Object.getPrototypeOf(renumbered)).toBe(Object.getPrototypeOf(packed.serial));
  expect(copyCell(renumbered)).toEqual({ text: '7', at: sheetAt('A3', 3) });
  expect(copyCell(withText(packed.subject, '乙'))).toEqual({ text: '乙', at: sheetAt('G6', 6), carried: true });
  // An assigned place is copied, not shared; a plain cell gets a plain copy.
  packed.serial.at = sheetAt('B4', 4);
  const moved = withText(packed.serial, '8');
  packed.serial.at.row = 99;
  expect(moved.at).toEqual(sheetAt('B4', 4));
  expect(withText(packed.category, '新类')).toEqual({ text: '新类', at: { file: 'a.xlsx', sheet: '目录', cell: 'B3', row: 3, range: 'B3:B9' } });
});
