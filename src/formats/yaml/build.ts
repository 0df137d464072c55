// A parsed YAML catalog into the model (src/model/document.ts is the format): every value with its line
// and column, every field text (an unquoted number or boolean is kept as written, and said so), wrong
// types and unknown keys reported as findings rather than crashes, 同上 carried down at the end.
import { isMap, isScalar, isSeq, type Node, type Pair as YamlPair, type YAMLMap } from 'yaml';
import { itemKeys, ITEM_EXTRA_KEY, ITEM_ORIGIN_KEY, OPTION_KEYS, PAIRS_KEY, TOP_KEYS } from '../../model/document.js';
import { carryDown } from '../../model/normalize.js';
import { ownText } from '../../model/strings.js';
import { packItem } from '../../model/packed.js';
import { record } from '../../model/record.js';
import type { Catalog, CatalogOptions, Cell, Item, ListField, Pair, SourceText } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding, ZwgkError, type Finding } from '../../findings/finding.js';
import { CHANNELS, LEVEL_LABELS, TICK_OPTIONS } from '../../settings/vocab.js';
import { fieldLabel, optionalKeys, TICK_GROUPS, type FieldKey, type Profile, type TickGroup } from '../../settings/columns.js';
import { splitList } from '../../grid/lists.js';
import { readOtherSheets } from './other-sheets.js';
import type { ReadOptions } from '../types.js';

export { at, keyOf, kindOf, plainText, resolve, type Ctx, type ItemSource } from './nodes.js';
import { at, keyOf, kindOf, plainText, resolve, type Ctx, type ItemSource } from './nodes.js';


/**
 * The catalog from a parsed top-level document. Items come from its 事项 list, or — for a large file
 * split by splitItems — from `items`, parsed one by one.
 */
export function buildCatalog(ctx: Ctx, options: ReadOptions, items: { sources: Iterable<ItemSource>; hint: Profile } | undefined): Catalog {
  const { file } = ctx;
  const root = resolve(ctx, ctx.doc.contents);
  if (!isMap(root)) throw new ZwgkError('yaml-not-catalog', { file }, { file, kind: kindOf(root) });
  const top = new Map<string, YamlPair>();
  for (const pair of root.items) top.set(keyOf(pair), pair);
  const fileAt: SourceRef = { file, line: 1, column: 1 };

  const profile = detectProfile(ctx, top, options, items?.hint);
  const catalog: Catalog = { profile, file, items: [], extraColumns: [], missingColumns: [], findings: ctx.findings };
  const sources: SourceText[] = [];
  const topText = (key: string, role: SourceText['role']): string | undefined => {
    const pair = top.get(key);
    if (!pair) return undefined;
    const keyAt = at(ctx, pair.key as Node, fileAt);
    const node = resolve(ctx, pair.value);
    const text = scalarText(ctx, node, key, keyAt);
    if (text) sources.push({ role, text, at: at(ctx, node, keyAt) });
    return text;
  };
  const title = topText(TOP_KEYS.title, 'title');
  if (title) catalog.title = title;
  const unit = topText(TOP_KEYS.unit, 'unit');
  if (unit) catalog.unit = unit;
  const date = topText(TOP_KEYS.date, 'date');
  if (date) catalog.date = date;
  const prefaceLines: string[] = [];
  const preface = topText(TOP_KEYS.preface, 'preface');
  if (preface) prefaceLines.push(preface);
  const note = topText(TOP_KEYS.note, 'note');
  if (note) catalog.note = note;
  if (sources.length) catalog.sources = sources;
  const extraCols = top.get(TOP_KEYS.extraColumns);
  if (extraCols) catalog.extraColumns = stringList(ctx, resolve(ctx, extraCols.value), TOP_KEYS.extraColumns, at(ctx, extraCols.key as Node, fileAt));
  // Kept, never dropped: a key zwgk does not know becomes a line “键：值” of the 表前说明, printed
  // above the table (and written back by convert), with a warning that says so.
  const KEPT = '“表前说明”的一行（印在表格上方）';
  const keep = (label: string, node: Node | null, where: SourceRef): void => {
    const text = plainText(ctx, node);
    if (!text.trim()) return;
    prefaceLines.push(`${label}：${text}`);
    sources.push({ role: 'preface', text, at: at(ctx, node, where) });
  };
  const optionsPair = top.get(TOP_KEYS.options);
  if (optionsPair && profile === '2017') {
    // 选项 lists the choices of 2019 columns; a 2017 catalog has none of them.
    const where = at(ctx, optionsPair.key as Node, fileAt);
    keep(TOP_KEYS.options, resolve(ctx, optionsPair.value), where);
    ctx.findings.push(finding('options-wrong-layout', where, { key: TOP_KEYS.options, keys: Object.values(OPTION_KEYS).join('、') }, { field: TOP_KEYS.options }));
  } else if (optionsPair) {
    const node = resolve(ctx, optionsPair.value);
    if (isMap(node)) {
      catalog.options = {};
      const labels: readonly string[] = Object.values(OPTION_KEYS);
      for (const [k, label] of Object.entries(OPTION_KEYS) as [keyof typeof OPTION_KEYS, string][]) {
        const p = node.items.find((x) => keyOf(x) === label);
        if (p) catalog.options[k] = stringList(ctx, resolve(ctx, p.value), label, at(ctx, p.key as Node, fileAt));
      }
      for (const p of node.items) {
        const key = keyOf(p);
        if (labels.includes(key)) continue;
        const where = at(ctx, p.key as Node, fileAt);
        keep(`${TOP_KEYS.options}“${key}”`, resolve(ctx, p.value), where);
        ctx.findings.push(finding('unknown-key-kept', where, { key: `${TOP_KEYS.options}.${key}`, known: labels.join('、'), kept: KEPT }));
      }
    } else if (node !== null) {
      ctx.findings.push(wrongType(at(ctx, node, fileAt), TOP_KEYS.options, '映射（键: 值）', kindOf(node)));
    }
  }
  const known = new Set<string>(Object.values(TOP_KEYS));
  known.delete(TOP_KEYS.options);
  if (profile === '2019') known.add(TOP_KEYS.options);
  for (const [key, pair] of top) {
    if (key === TOP_KEYS.options || key === TOP_KEYS.otherSheets) continue;
    if (!known.has(key)) {
      const where = at(ctx, pair.key as Node, fileAt);
      keep(key, resolve(ctx, pair.value), where);
      ctx.findings.push(finding('unknown-key-kept', where, { key, known: [...known].join('、'), kept: KEPT }));
    }
  }
  if (prefaceLines.length) catalog.preface = prefaceLines.join('\n');
  const others = top.get(TOP_KEYS.otherSheets);
  if (others) {
    const sheets = readOtherSheets(ctx, resolve(ctx, others.value), at(ctx, others.key as Node, fileAt), (node, field, where) => scalarText(ctx, node, field, where));
    if (sheets.length) catalog.otherSheets = sheets;
  }

  const itemsPair = top.get(TOP_KEYS.items);
  if (!itemsPair) throw new ZwgkError('yaml-not-catalog', { file }, { file, kind: '没有“事项”键的映射' });
  const itemsNode = resolve(ctx, itemsPair.value);
  const keyAt = at(ctx, itemsPair.key as Node, fileAt);
  const addItem = ({ ctx: itemCtx, node }: ItemSource) => {
    const itemAt = at(itemCtx, node, keyAt);
    if (!isMap(node)) {
      ctx.findings.push(wrongType(itemAt, TOP_KEYS.items, '映射（每个事项是一组“列名: 值”）', kindOf(node)));
      return;
    }
    const item = readItem(itemCtx, profile, node, itemAt, catalog.options);
    packItem(item);
    catalog.items.push(item);
  };
  if (items) {
    for (const source of items.sources) addItem(source);
  } else if (isSeq(itemsNode)) {
    for (const raw of itemsNode.items) addItem({ ctx, node: resolve(ctx, raw) });
  } else if (itemsNode !== null) {
    ctx.findings.push(wrongType(at(ctx, itemsNode, fileAt), TOP_KEYS.items, '列表', kindOf(itemsNode)));
  }
  // An item's key kept as an extra column is one of the catalog's columns (in the order first met).
  for (const item of catalog.items) for (const k of Object.keys(item.extra)) if (!catalog.extraColumns.includes(k)) catalog.extraColumns.push(k);
  if (catalog.items.length) {
    for (const { key, docKey } of itemKeys(profile)) {
      if (optionalKeys(profile).includes(key) && !ctx.itemKeys.has(docKey)) catalog.missingColumns.push(key);
      // No item has 一级事项: items named by one 公开事项 column, as zwgk writes such a sheet (absentOptional).
      if (key === 'category' && profile === '2019' && !ctx.itemKeys.has(docKey)) {
        catalog.ungrouped = true;
        catalog.missingColumns.push(key);
      }
    }
  }
  carryDown(catalog);
  return catalog;
}

function detectProfile(ctx: Ctx, top: Map<string, YamlPair>, options: ReadOptions, hint?: Profile): Profile {
  const pair = top.get(TOP_KEYS.profile);
  let declared: Profile | undefined;
  if (pair) {
    const node = resolve(ctx, pair.value);
    const value = isScalar(node) ? String(node.value) : '';
    if (value === '2017' || value === '2019') declared = value;
    else {
      ctx.findings.push(
        finding('invalid-value', at(ctx, node ?? (pair.key as Node), { file: ctx.file }), {
          field: TOP_KEYS.profile,
          value,
          detail: '应为 2017 或 2019',
        }, { field: TOP_KEYS.profile }),
      );
    }
  }
  if (!declared && hint) declared = hint;
  if (!declared) {
    // No 版式 key: the item keys tell the layout (一级事项/二级事项 exist only in 2019).
    const items = resolve(ctx, top.get(TOP_KEYS.items)?.value);
    const first = isSeq(items) ? resolve(ctx, items.items[0]) : null;
    declared = isMap(first) && first.items.some((p) => ['一级事项', '二级事项'].includes(keyOf(p))) ? '2019' : '2017';
  }
  const wanted = options.profile && options.profile !== 'auto' ? options.profile : undefined;
  if (wanted && wanted !== declared) {
    throw new ZwgkError('profile-mismatch', { file: ctx.file }, { file: ctx.file, actual: declared, expected: wanted });
  }
  return declared;
}

function wrongType(where: SourceRef, field: string, expected: string, actual: string): Finding {
  return finding('wrong-type', where, { field, expected, actual }, { field });
}

/** What YAML made of an unquoted value, in words. */
function typeWord(v: unknown): string {
  if (typeof v === 'boolean') return '逻辑值';
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '非数字（NaN）' : '无穷大';
  return '数字';
}

/**
 * A value as text. Every field of the model is text: an unquoted value that YAML reads as a number or a
 * boolean (05391234567, 0x1F, 1e400, True) is kept exactly as written, and said so where YAML would have
 * changed it (05391234567 → 5391234567), with the line and how to quote it.
 */
function scalarText(ctx: Ctx, node: Node | null, field: string, where: SourceRef): string {
  if (node === null) return '';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return '';
    let text: string;
    if (typeof v === 'string') text = v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v;
    else {
      text = node.source ?? String(v);
      const read = v instanceof Date ? v.toISOString() : String(v);
      if (read !== text) {
        const written = text.length > 40 ? `${text.slice(0, 40)}…` : text;
        ctx.findings.push(finding('yaml-unquoted', at(ctx, node, where), { field, written, kind: typeWord(v), read: read.length > 40 ? `${read.slice(0, 40)}…` : read }, { field }));
      }
    }
    ctx.budget.take(text.length, () => `第 ${at(ctx, node, where).line ?? '?'} 行`);
    return text;
  }
  ctx.findings.push(wrongType(at(ctx, node, where), field, '文本', kindOf(node)));
  return '';
}

function stringList(ctx: Ctx, node: Node | null, field: string, where: SourceRef): string[] {
  if (node === null) return [];
  if (isSeq(node)) return node.items.map((x) => scalarText(ctx, resolve(ctx, x), field, where));
  ctx.findings.push(wrongType(at(ctx, node, where), field, '列表', kindOf(node)));
  return [];
}

function cellOf(ctx: Ctx, node: Node | null, field: string, where: SourceRef): Cell {
  return { text: ownText(scalarText(ctx, node, field, where)), at: at(ctx, node, where) };
}

/** A list field: a YAML list, or a text split into lines (依据) / words (ticks, channels). */
function listOf(ctx: Ctx, node: Node | null, field: string, where: SourceRef, split: (text: string) => string[], marks = false): ListField {
  const fieldAt = at(ctx, node, where);
  if (node === null) return { values: [], at: where };
  if (isSeq(node)) {
    const values: Cell[] = [];
    for (const raw of node.items) {
      const n = resolve(ctx, raw);
      // A √ group's `{县级: 州级}`: the option, and the text its column held instead of √.
      if (marks && isMap(n) && n.items.length === 1) {
        const p = n.items[0]!;
        const cell = cellOf(ctx, resolve(ctx, p.key as Node), field, fieldAt);
        values.push({ ...cell, mark: scalarText(ctx, resolve(ctx, p.value as Node), field, cell.at) });
        continue;
      }
      const cell = cellOf(ctx, n, field, fieldAt);
      if (cell.text !== '') values.push(cell);
    }
    return { values, at: fieldAt };
  }
  if (isScalar(node)) {
    const text = scalarText(ctx, node, field, where);
    const values = split(text)
      .filter((t) => t.trim() !== '')
      .map((t) => ({ text: ownText(t), at: fieldAt }));
    return { values, at: fieldAt };
  }
  ctx.findings.push(wrongType(fieldAt, field, '列表', kindOf(node)));
  return { values: [], at: fieldAt };
}

const LINES = (text: string): string[] => text.split('\n');

function readItem(ctx: Ctx, profile: Profile, node: YAMLMap, itemAt: SourceRef, options: CatalogOptions = {}): Item {
  const pairs = new Map<string, YamlPair>();
  for (const p of node.items) pairs.set(keyOf(p), p);
  for (const key of pairs.keys()) ctx.itemKeys.add(key);
  const valueOf = (key: string) => {
    const p = pairs.get(key);
    return { node: p ? resolve(ctx, p.value) : null, keyAt: p ? at(ctx, p.key as Node, itemAt) : itemAt };
  };
  const text = (key: FieldKey): Cell => {
    const label = fieldLabel(profile, key);
    const { node: n, keyAt } = valueOf(label);
    return cellOf(ctx, n, label, keyAt);
  };
  const list = (key: FieldKey, split: (text: string) => string[]): ListField => {
    const label = fieldLabel(profile, key);
    const { node: n, keyAt } = valueOf(label);
    return listOf(ctx, n, label, keyAt, split, (TICK_GROUPS as readonly string[]).includes(key));
  };
  // A list written as one text keeps names with a separator inside whole (乡、村级).
  const words = (known: readonly string[]) => (text: string) => splitList(text, known);

  const item: Item = {
    serial: text('serial'),
    category: text('category'),
    name: text('name'),
    basis: list('basis', LINES),
    pairs: [],
    subject: text('subject'),
    deadline: text('deadline'),
    remark: text('remark'),
    // No prototype: a column named __proto__ is a key like any other.
    extra: record<Cell>(),
    at: itemAt,
  };
  if (profile === '2017') {
    item.platform = text('platform');
    item.pairs = readPairs2017(ctx, item, valueOf(PAIRS_KEY));
  } else {
    const label = fieldLabel(profile, 'content');
    const { node: n, keyAt } = valueOf(label);
    item.pairs = isSeq(n)
      ? n.items.map((x) => ({ content: cellOf(ctx, resolve(ctx, x), label, keyAt) }))
      : [{ content: cellOf(ctx, n, label, keyAt) }];
    item.channels = list('channels', words([...CHANNELS, ...(options.channels ?? [])]));
    const ticks = {} as Record<TickGroup, ListField>;
    for (const g of TICK_GROUPS) ticks[g] = list(g, words([...TICK_OPTIONS[g].flat(), ...(g === 'level' ? LEVEL_LABELS : []), ...(options[g] ?? [])]));
    item.ticks = ticks;
  }
  const extra = valueOf(ITEM_EXTRA_KEY);
  if (isMap(extra.node)) {
    for (const p of extra.node.items) {
      const k = keyOf(p);
      item.extra[k] = cellOf(ctx, resolve(ctx, p.value), k, at(ctx, p.key as Node, itemAt));
    }
  } else if (extra.node !== null) {
    ctx.findings.push(wrongType(at(ctx, extra.node, itemAt), ITEM_EXTRA_KEY, '映射（列名: 值）', kindOf(extra.node)));
  }
  const origin = valueOf(ITEM_ORIGIN_KEY);
  if (origin.node !== null) item.origin = scalarText(ctx, origin.node, ITEM_ORIGIN_KEY, origin.keyAt);

  const known = new Set<string>([...itemKeys(profile).map((k) => k.docKey), ITEM_EXTRA_KEY, ITEM_ORIGIN_KEY]);
  for (const [key, p] of pairs) {
    if (known.has(key)) continue;
    // Kept, never dropped: a column of its own under the key's name (as a sheet's unknown column is).
    const where = at(ctx, p.key as Node, itemAt);
    keepExtra(ctx, item, key, resolve(ctx, p.value), where);
    ctx.findings.push(finding('unknown-key-kept', where, { key, known: [...known].join('、'), kept: '“其他列”中的一列' }, { field: key }));
  }
  return item;
}

/** A value under a key the layout does not have, kept in the item's extra column of that name (a second
 * value of the same key, from another row of 公开内容与标准, on a line of its own). */
function keepExtra(ctx: Ctx, item: Item, key: string, node: Node | null, where: SourceRef): void {
  const text = isScalar(node) || node === null ? scalarText(ctx, node, key, where) : plainText(ctx, node);
  if (text.trim() === '') return;
  const had = item.extra[key];
  item.extra[key] = had ? { ...had, text: `${had.text}\n${ownText(text)}` } : { text: ownText(text), at: node ? at(ctx, node, where) : where };
}

function readPairs2017(ctx: Ctx, item: Item, { node, keyAt }: { node: Node | null; keyAt: SourceRef }): Pair[] {
  const content = fieldLabel('2017', 'content');
  const standard = fieldLabel('2017', 'standard');
  if (node === null) return [{ content: { text: '', at: keyAt }, standard: { text: '', at: keyAt } }];
  if (!isSeq(node)) {
    ctx.findings.push(wrongType(at(ctx, node, keyAt), PAIRS_KEY, `列表（每项含“${content}”和“${standard}”）`, kindOf(node)));
    return [{ content: { text: '', at: keyAt }, standard: { text: '', at: keyAt } }];
  }
  const out: Pair[] = [];
  for (const raw of node.items) {
    const n = resolve(ctx, raw);
    const rowAt = at(ctx, n, keyAt);
    if (!isMap(n)) {
      ctx.findings.push(wrongType(rowAt, PAIRS_KEY, `映射（“${content}: …”和“${standard}: …”）`, kindOf(n)));
      continue;
    }
    const get = (label: string): Cell => {
      const p = n.items.find((x) => keyOf(x) === label);
      return p ? cellOf(ctx, resolve(ctx, p.value), label, at(ctx, p.key as Node, rowAt)) : { text: '', at: rowAt };
    };
    for (const p of n.items) {
      const k = keyOf(p);
      if (k !== content && k !== standard) {
        const where = at(ctx, p.key as Node, rowAt);
        keepExtra(ctx, item, k, resolve(ctx, p.value), where);
        ctx.findings.push(finding('unknown-key-kept', where, { key: k, known: `${content}、${standard}`, kept: '“其他列”中的一列' }, { field: k }));
      }
    }
    out.push({ content: get(content), standard: get(standard) });
  }
  return out.length ? out : [{ content: { text: '', at: keyAt }, standard: { text: '', at: keyAt } }];
}
