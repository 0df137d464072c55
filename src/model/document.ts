// The catalog as a plain document: the YAML format a clerk edits by hand, the object the JSON Schema
// describes, and what `convert` writes. Keys are the layout's own column names, so a YAML file reads
// like the sheet it came from.
import { COLUMNS, optionalKeys, type FieldKey, type Profile, type TickGroup } from '../settings/columns.js';
import type { Catalog, Item, OtherSheet } from './types.js';
import { a1 } from '../findings/location.js';

/** Top-level keys, in the order the YAML writer emits them. */
export const TOP_KEYS = {
  profile: '版式',
  title: '标题',
  unit: '单位',
  date: '日期',
  preface: '表前说明',
  options: '选项',
  extraColumns: '其他列',
  items: '事项',
  note: '注',
  otherSheets: '其他工作表',
} as const;

/** Keys of one entry of 其他工作表. */
export const OTHER_SHEET_KEYS = { name: '名称', hidden: '隐藏', cells: '单元格' } as const;

/** Item keys that are not sheet columns. */
export const ITEM_EXTRA_KEY = '其他列';
export const ITEM_ORIGIN_KEY = '来源';
/** 2017: the list of {公开内容, 公开标准} rows of one item. */
export const PAIRS_KEY = '公开内容与标准';

/** Keys of the 选项 map (2019 option lists that differ from the defaults). */
export const OPTION_KEYS: Record<'audience' | 'mode' | 'level' | 'channels', string> = {
  audience: '公开对象',
  mode: '公开方式',
  level: '公开层级',
  channels: '公开渠道和载体',
};

/** A √ group's entry: the option, or `{option: text}` for text written in its column instead of √. */
export type DocTick = string | Record<string, string>;
export type DocValue = string | number | string[] | DocTick[] | DocPair[] | Record<string, string>;
export interface DocPair {
  公开内容: string;
  公开标准?: string;
}
export type DocItem = Record<string, DocValue>;
export interface CatalogDocument {
  版式: Profile;
  标题?: string;
  单位?: string;
  日期?: string;
  表前说明?: string;
  选项?: Record<string, string[]>;
  其他列?: string[];
  事项: DocItem[];
  注?: string;
  其他工作表?: DocOtherSheet[];
}

/** One kept sheet in the document: its name, whether hidden, its cells by A1 name. */
export interface DocOtherSheet {
  名称: string;
  隐藏?: boolean;
  单元格: Record<string, string>;
}

/** How each field is stored in an item of the document. */
export type FieldShape = 'text' | 'list' | 'pairs' | 'contents';

/** The document key and shape of a field in a layout. 2017 content/standard live under PAIRS_KEY. */
export function fieldShape(profile: Profile, key: FieldKey): FieldShape {
  if (key === 'basis' || key === 'channels' || key === 'audience' || key === 'mode' || key === 'level') return 'list';
  if (key === 'content' || key === 'standard') return profile === '2017' ? 'pairs' : 'contents';
  return 'text';
}

/** The item keys of a layout, in document order: the columns, with 2017's pair columns folded into one key. */
export function itemKeys(profile: Profile): { key: FieldKey; docKey: string; shape: FieldShape }[] {
  const out: { key: FieldKey; docKey: string; shape: FieldShape }[] = [];
  for (const col of COLUMNS[profile]) {
    const shape = fieldShape(profile, col.key);
    if (shape === 'pairs') {
      if (col.key === 'content') out.push({ key: 'content', docKey: PAIRS_KEY, shape });
      continue;
    }
    out.push({ key: col.key, docKey: col.label, shape });
  }
  return out;
}

const TICK_KEYS: readonly TickGroup[] = ['audience', 'mode', 'level'];

/** A plain integer 序号 (made once: a pattern literal is a new object at each call, and this runs per item). */
const PLAIN_SERIAL = /^[1-9]\d{0,8}$/;

/** 序号 as a number when it is a plain integer, so YAML shows `序号: 1`. */
export function serialValue(text: string): string | number {
  return PLAIN_SERIAL.test(text) ? Number(text) : text;
}

/** Project one item to its document form. */
export function itemToDocument(profile: Profile, item: Item, omit: readonly FieldKey[] = []): DocItem {
  const doc: DocItem = {};
  for (const { key, docKey, shape } of itemKeys(profile)) {
    if (omit.includes(key)) continue;
    if (key === 'serial') doc[docKey] = serialValue(item.serial.text);
    else if (shape === 'pairs') {
      doc[docKey] = item.pairs.map((p) => ({ 公开内容: p.content.text, 公开标准: p.standard?.text ?? '' }));
    } else if (shape === 'contents') {
      doc[docKey] = item.pairs.length === 1 ? item.pairs[0]!.content.text : item.pairs.map((p) => p.content.text);
    } else if (shape === 'list') {
      const list =
        key === 'basis'
          ? item.basis
          : key === 'channels'
            ? item.channels
            : TICK_KEYS.includes(key as TickGroup)
              ? item.ticks?.[key as TickGroup]
              : undefined;
      doc[docKey] = list ? list.values.map((c): DocTick => (c.mark !== undefined ? { [c.text]: c.mark } : c.text)) : [];
    } else {
      const cell = textCell(item, key);
      doc[docKey] = cell ? cell.text : '';
    }
  }
  const extraKeys = Object.keys(item.extra);
  if (extraKeys.length) doc[ITEM_EXTRA_KEY] = Object.fromEntries(extraKeys.map((k) => [k, item.extra[k]!.text]));
  if (item.origin) doc[ITEM_ORIGIN_KEY] = item.origin;
  return doc;
}

/** The Cell of a single-text field. */
export function textCell(item: Item, key: FieldKey) {
  switch (key) {
    case 'serial':
      return item.serial;
    case 'category':
      return item.category;
    case 'name':
      return item.name;
    case 'subject':
      return item.subject;
    case 'deadline':
      return item.deadline;
    case 'remark':
      return item.remark;
    case 'platform':
      return item.platform;
    default:
      return undefined;
  }
}

/** Optional columns (备注, 公开层级) the source does not have, and the 一级事项 of an ungrouped catalog: left
 * out of documents and renderings. */
export function absentOptional(catalog: Catalog): FieldKey[] {
  const optional = optionalKeys(catalog.profile);
  return catalog.missingColumns.filter((k): k is FieldKey => optional.includes(k as FieldKey) || (k === 'category' && catalog.ungrouped === true));
}

/** Project a whole catalog to its document form (what YAML holds and the schema validates). */
export function toDocument(catalog: Catalog): CatalogDocument {
  // Keys in reading order: what heads the table, then the items, then the 注 printed under it.
  const doc = { 版式: catalog.profile } as CatalogDocument;
  if (catalog.title) doc.标题 = catalog.title;
  if (catalog.unit) doc.单位 = catalog.unit;
  if (catalog.date) doc.日期 = catalog.date;
  if (catalog.preface) doc.表前说明 = catalog.preface;
  const opts = catalog.options;
  if (opts && Object.values(opts).some((v) => v && v.length)) {
    doc.选项 = {};
    for (const k of ['audience', 'mode', 'level', 'channels'] as const) {
      const v = opts[k];
      if (v && v.length) doc.选项[OPTION_KEYS[k]] = [...v];
    }
  }
  if (catalog.extraColumns.length) doc.其他列 = [...catalog.extraColumns];
  doc.事项 = catalog.items.map((item) => itemToDocument(catalog.profile, item, absentOptional(catalog)));
  if (catalog.note) doc.注 = catalog.note;
  if (catalog.otherSheets?.length) doc.其他工作表 = catalog.otherSheets.map(otherSheetToDocument);
  return doc;
}

/** A kept sheet as the document holds it (cells by A1 name, row by row). */
export function otherSheetToDocument(sheet: OtherSheet): DocOtherSheet {
  const cells: Record<string, string> = Object.create(null);
  for (const c of sheet.cells) cells[a1(c.row, c.col)] = c.text;
  return { 名称: sheet.name, ...(sheet.hidden ? { 隐藏: true } : {}), 单元格: cells };
}
