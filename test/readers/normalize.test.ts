// 同上 carried down by carryDown(), on hand-built catalogs.
import { describe, expect, it } from 'vitest';
import { carryDown } from '../../src/model/normalize.js';
import type { Catalog, Cell, Item } from '../../src/model/types.js';

const at = (cell: string) => ({ file: 'x.xlsx', sheet: 'S', cell });
const c = (text: string, cell: string): Cell => ({ text, at: at(cell) });

function item(row: number, v: Partial<Record<'category' | 'name' | 'subject' | 'deadline' | 'basis' | 'content' | 'standard' | 'extra', string>>): Item {
  return {
    serial: c(String(row), `A${row}`),
    category: c(v.category ?? '类别', `B${row}`),
    name: c(v.name ?? `名称${row}`, `C${row}`),
    basis: { values: v.basis === undefined ? [] : v.basis.split('\n').map((t) => c(t, `D${row}`)), at: at(`D${row}`) },
    pairs: [{ content: c(v.content ?? `内容${row}`, `E${row}`), standard: c(v.standard ?? `标准${row}`, `F${row}`) }],
    subject: c(v.subject ?? '主体', `G${row}`),
    deadline: c(v.deadline ?? '', `I${row}`),
    remark: c('', `J${row}`),
    platform: c('网站', `H${row}`),
    extra: v.extra === undefined ? {} : { 联系电话: c(v.extra, `K${row}`) },
    at: at(`A${row}`),
  };
}

function catalog(items: Item[]): Catalog {
  return { profile: '2017', file: 'x.xlsx', items, extraColumns: ['联系电话'], missingColumns: [], findings: [] };
}

describe('carryDown', () => {
  it('replaces whole-cell 同上 in text fields, lists, pairs and extra columns with the value above', () => {
    const cat = catalog([
      item(3, { basis: '《甲》\n《乙》', deadline: '20个工作日内', extra: '123', standard: '标准甲' }),
      item(4, { basis: '同上', deadline: ' 同上 ', subject: '同上', extra: '同上', standard: '〃', category: '同 上' }),
    ]);
    carryDown(cat);
    const second = cat.items[1]!;
    expect(second.basis.values).toEqual([
      { text: '《甲》', at: at('D4'), carried: true },
      { text: '《乙》', at: at('D4'), carried: true },
    ]);
    expect(second.deadline).toEqual({ text: '20个工作日内', at: at('I4'), carried: true });
    expect(second.subject.carried).toBe(true);
    expect(second.category).toEqual({ text: '类别', at: at('B4'), carried: true });
    expect(second.extra['联系电话']).toEqual({ text: '123', at: at('K4'), carried: true });
    expect(second.pairs[0]!.standard).toEqual({ text: '标准甲', at: at('F4'), carried: true });
    expect(cat.findings.map((f) => [f.code, f.location.cell, f.item, f.field, f.params?.value])).toEqual([
      ['same-as-above', 'B4', 2, '事项类别', '类别'],
      ['same-as-above', 'G4', 2, '公开主体', '主体'],
      ['same-as-above', 'I4', 2, '公开时限', '20个工作日内'],
      ['same-as-above', 'D4', 2, '依据', '《甲》；《乙》'],
      ['same-as-above', 'K4', 2, '联系电话', '123'],
      ['same-as-above', 'F4', 2, '公开标准', '标准甲'],
    ]);
    expect(cat.findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('chains over several items and leaves a first-item 同上, a partial 同上 and 同上 under an empty value alone', () => {
    const cat = catalog([
      item(3, { subject: '同上', deadline: '' }),
      item(4, { subject: '县局' }),
      item(5, { subject: '同上', deadline: '同上', name: '同上之外' }),
      item(6, { subject: '同上' }),
    ]);
    carryDown(cat);
    expect(cat.items.map((i) => i.subject.text)).toEqual(['同上', '县局', '县局', '县局']);
    expect(cat.items[2]!.deadline.text).toBe('同上');
    expect(cat.items[2]!.name.text).toBe('同上之外');
    expect(cat.findings.map((f) => f.location.cell)).toEqual(['G5', 'G6']);
  });
});
