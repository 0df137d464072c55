// 序号: duplicates are errors; gaps, reversals and a 序号 that is not a positive whole number in Arabic
// digits (二, 2a, 1.1, 0) warnings.
//
// Read as numbers for the order check: 1, 1.、1、, (1), （一）, 一, 十二. Hierarchical numbers (1.1, 1-2,
// 2.3.1) and anything else that does not read as one whole number take part in the duplicate check only. Some catalogs restart
// numbering under each 事项类别/一级事项 (1, 2, 3 | 1, 2): when every category block starts at 1, numbers are
// checked per block, so the restart is not reported as a duplicate. Each sheet of a workbook numbers on its own. The first number is not required to be
// 1 (a 科室's part of a larger catalog may start at 15); a blank 序号 is the schema's required-blank. A 序号
// merged down over several items is one number for them all.
import type { Catalog, Item } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { parseNumber } from './deadline.js';
import { normaliseName } from '../../model/names.js';
import { describeAt, locationKey } from '../../findings/location.js';
import { isBlank, label } from './util.js';

/** A 序号 in Arabic digits, possibly bracketed or followed by 、 or a dot (1, 1、, (1)), above zero. */
const ARABIC = /^[(（]?0*[1-9]\d*[)）]?[.、．,，]?$/u;

/** A 序号 in plain Arabic digits without a leading zero: its own key (String(n) is the same text). */
const PLAIN = /^[1-9][0-9]{0,14}$/;

/** The integer a 序号 stands for, or undefined when it is not one whole number. */
export function parseSerial(raw: string): number | undefined {
  const s = raw.normalize('NFKC').replace(/\s+/gu, '');
  const m = /^[(（]?([0-9]+|[一二三四五六七八九十百]+)[)）]?[.、．,，]?$/u.exec(s);
  if (!m) return undefined;
  const n = parseNumber(m[1]!);
  return n > 0 ? n : undefined;
}

function serialKey(raw: string): string {
  const n = parseSerial(raw);
  return n !== undefined ? String(n) : raw.normalize('NFKC').replace(/\s+/gu, '');
}

/** Duplicate (error) and out-of-order or skipped (warning) 序号. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const field = label(catalog, 'serial');
  const indexed = catalog.items.map((item, i) => ({ item, index: i + 1 })).filter(({ item }) => !item.serial.carried);
  for (const block of blocks(indexed)) {
    const seen = new Map<string, Item>();
    // One 序号 cell merged down over several items (序号 1 over the three 二级事项 of an 一级事项) numbers
    // them together: the items after the first share the cell, they do not repeat its number. A merge is
    // rows in a row and items come in row order, so the items sharing a cell follow each other: the last
    // item's cell is all there is to compare with (a set of every cell's key held 20 MB at 100 000 items).
    let lastCell: string | undefined;
    let previous: number | undefined;
    for (const { item, index } of block) {
      const text = item.serial.text.trim();
      const cell = locationKey(item.serial.at);
      const shared = cell === lastCell;
      lastCell = cell;
      if (text !== '' && shared) continue;
      // A blank 序号 (the schema reports it) still takes its place in the count: 1, 空, 3 is in order.
      if (text === '') {
        if (previous !== undefined) previous++;
        continue;
      }
      // Nearly every 序号 is plain digits: its number, key and form without NFKC and three patterns.
      const plain = PLAIN.test(text);
      const key = plain ? text : serialKey(text);
      const first = seen.get(key);
      if (first) {
        out.push(finding('serial-duplicate', item.serial.at, { serial: text, other: `${describeAt(first.serial.at)}的序号` }, { field, item: index }));
        continue;
      }
      seen.set(key, item);
      const n = plain ? Number(text) : parseSerial(text);
      if (!plain && !ARABIC.test(text.normalize('NFKC').replace(/\s+/gu, ''))) {
        const detail = n !== undefined ? `，应写作阿拉伯数字 ${n}` : '';
        out.push(finding('serial-invalid', item.serial.at, { serial: text, detail }, { field, item: index }));
      }
      if (n === undefined) {
        // Reported above; like a blank 序号 it still holds its place (1, 2a, 3 is in order).
        if (previous !== undefined) previous++;
        continue;
      }
      if (previous !== undefined && n !== previous + 1) {
        const detail = n <= previous ? `比上一事项的序号 ${previous} 小` : `跳过了 ${previous + 1}${n - previous > 2 ? ` 至 ${n - 1}` : ''}`;
        out.push(finding('serial-order', item.serial.at, { serial: text, expected: previous + 1, detail }, { field, item: index }));
      }
      previous = n;
    }
  }
  return out;
}

type Entry = { item: Item; index: number };

/** Numbering blocks: each sheet (or table) numbers on its own (县本级 and 乡镇 sheets both start at 1). */
function blocks(entries: Entry[]): Entry[][] {
  const bySheet = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = e.item.at.table !== undefined ? `#${e.item.at.table}` : (e.item.at.sheet ?? '');
    const list = bySheet.get(key) ?? [];
    list.push(e);
    bySheet.set(key, list);
  }
  return [...bySheet.values()].flatMap(categoryBlocks);
}

/** One block for the whole sheet, or one per category run when every run restarts at 1. */
function categoryBlocks(entries: Entry[]): Entry[][] {
  const runs: Entry[][] = [];
  let lastCategory: string | undefined;
  for (const e of entries) {
    const category = normaliseName(e.item.category.text);
    if (runs.length === 0 || category !== lastCategory) runs.push([]);
    runs[runs.length - 1]!.push(e);
    lastCategory = category;
  }
  const firstSerial = (r: Entry[]) => r.find((e) => !isBlank(e.item.serial.text))?.item.serial.text ?? '1';
  const restarts = runs.length > 1 && runs.every((r) => parseSerial(firstSerial(r)) === 1);
  return restarts ? runs : [entries];
}

/** 序号 repeated, out of order, or not a positive whole number. */
export const serialRule = defineRule({ id: 'serial', codes: ['serial-duplicate', 'serial-order', 'serial-invalid'], check });
