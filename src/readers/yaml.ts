// YAML reader: the hand-edited catalog format of src/model/document.ts, with the line and column of
// every value kept, wrong types and unknown keys reported as findings rather than crashes.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair as YamlPair,
  type YAMLMap,
} from 'yaml';
import {
  itemKeys,
  ITEM_EXTRA_KEY,
  ITEM_ORIGIN_KEY,
  OPTION_KEYS,
  PAIRS_KEY,
  TOP_KEYS,
} from '../model/document.js';
import { carryDown } from '../model/normalize.js';
import type { Catalog, CatalogOptions, Cell, Item, ListField, Pair, SourceText } from '../model/types.js';
import type { SourceRef } from '../findings/location.js';
import { finding, ZwgkError, type Finding } from '../findings/finding.js';
import { CHANNELS, LEVEL_LABELS, TICK_OPTIONS } from '../settings/vocab.js';
import { fieldLabel, optionalKeys, TICK_GROUPS, type FieldKey, type Profile, type TickGroup } from '../settings/columns.js';
import { READ_LIMITS } from '../settings/limits.js';
import { splitList } from '../grid/lists.js';
import type { ReadOptions } from './index.js';
import { findKeyboardSlip } from './yaml-slips.js';
import { MAX_YAML_DEPTH, prepareYaml, YamlTooDeep } from './yaml-lines.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../grid/limits.js';

const MAX_ALIASES = 1000;
/** The core schema only: !!binary, !!timestamp, !!set and the other tags YAML 1.1 knew are refused like any unknown tag. */
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, resolveKnownTags: false } as const;
/** A file parsed whole (anchors, aliases or tags reach across its items) costs the yaml library about 30
 * bytes of memory per character: beyond this it is refused rather than parsed. */
const MAX_WHOLE_CHARS = 8 * 1024 * 1024;

/** Read a YAML catalog's bytes into the model. */
export function readYaml(bytes: Uint8Array, file: string, options: ReadOptions): Catalog {
  return parseYamlCatalog(decodeText(bytes, file), file, options);
}

/** Bytes → text, refusing binary data and encodings other than UTF-8 with a message that says what to do. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ZwgkError('yaml-encoding', { file }, { file, encoding: 'UTF-16' });
  }
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((b, i) => {
    if (b === 0) (i % 2 === 0 ? evenZeros++ : oddZeros++);
    else if (b < 9 || (b > 13 && b < 32)) control++;
  });
  // UTF-16 text without a BOM: every other byte is zero for ASCII and punctuation.
  const zeros = evenZeros + oddZeros;
  if (zeros > 0 && zeros > sample.length / 8 && Math.min(evenZeros, oddZeros) < zeros / 10) {
    throw new ZwgkError('yaml-encoding', { file }, { file, encoding: 'UTF-16' });
  }
  if (zeros > 0) throw new ZwgkError('yaml-binary', { file }, { file });
  if (control > sample.length / 100 + 2) throw new ZwgkError('yaml-binary', { file }, { file });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (cause) {
    throw new ZwgkError('yaml-encoding', { file }, { file, encoding: 'GBK/GB18030' }, { cause });
  }
}

type Ctx = {
  file: string;
  lc: LineCounter;
  doc: Document;
  findings: Finding[];
  aliases: number;
  /** Every item key seen, to tell an optional column (备注, 公开层级) the file leaves out altogether. */
  itemKeys: Set<string>;
  /** Lines before the parsed text in the file (an item parsed on its own, see splitItems). */
  lineOffset: number;
  /** The file's own line of a line of the parsed text (runs of comment lines were taken out, yaml-lines.ts). */
  lineOf: (line: number) => number;
  /** Values read so far, against READ_LIMITS. */
  budget: ReadBudget;
};

function at(ctx: Ctx, node: Node | null | undefined, fallback: SourceRef): SourceRef {
  const offset = node?.range?.[0];
  if (offset === undefined) return fallback;
  const pos = ctx.lc.linePos(offset);
  return { file: ctx.file, line: ctx.lineOf(pos.line + ctx.lineOffset), column: pos.col };
}

function resolve(ctx: Ctx, node: unknown): Node | null {
  if (isAlias(node)) {
    // The alias count was checked once with toJS; this bound keeps a crafted file from looping.
    if (++ctx.aliases > MAX_ALIASES * 10) throw new ZwgkError('yaml-too-complex', { file: ctx.file }, { file: ctx.file, detail: '别名过多' });
    return (node.resolve(ctx.doc) as Node | undefined) ?? null;
  }
  return (node as Node | null) ?? null;
}

/** A key as written: `0o17:` is the key 0o17, not 15. */
function keyOf(pair: YamlPair): string {
  const k = pair.key as unknown;
  if (!isScalar(k)) return String(k);
  return typeof k.value === 'string' ? k.value : (k.source ?? String(k.value));
}

function kindOf(node: Node | null): string {
  if (node === null) return '空内容';
  if (isSeq(node)) return '列表';
  if (isMap(node)) return '映射';
  return '文本';
}

/** Parse YAML text (already decoded) into a catalog; `file` names it in every location. */
export function parseYamlCatalog(text: string, file: string, options: ReadOptions = {}, whole = false): Catalog {
  let prepared;
  try {
    prepared = prepareYaml(text);
  } catch (err) {
    if (err instanceof YamlTooDeep) throw new ZwgkError('yaml-too-deep', { file, line: err.line }, { file, line: err.line, limit: MAX_YAML_DEPTH });
    throw err;
  }
  const lineOf = prepared.lineOf;
  const budget = options.budget ?? new ReadBudget(READ_LIMITS, '值');
  const mark = budget.mark();
  try {
    const split = !whole && prepared.text.length >= SPLIT_MIN_CHARS ? splitItems(prepared.text) : undefined;
    if (split) {
      const catalog = parseSplit(split, file, options, lineOf, budget);
      if (catalog) return catalog;
      // Parsed whole after all: what the split parse counted is counted again.
      budget.reset(mark);
    }
    if (prepared.text.length > MAX_WHOLE_CHARS) {
      const detail = `YAML 文本超过 ${MAX_WHOLE_CHARS / 1024 / 1024}M 个字符，又不能逐个事项读取（用了 & 锚点、* 别名或 ! 标签，或“事项”不是顶层的列表）`;
      throw new ZwgkError('catalog-too-large', { file }, { file, place: '文件开头', detail, advice: '请把目录拆成几个文件，或去掉其中的 & 锚点、* 别名和 ! 标签' });
    }
    const { doc, lc } = parseChecked(prepared.text, file, 0, lineOf);
    return buildCatalog({ file, lc, doc, findings: [], aliases: 0, itemKeys: new Set(), lineOffset: 0, lineOf, budget }, options, undefined);
  } catch (err) {
    if (err instanceof ReadLimitError) throw tooLarge(file, err);
    throw err;
  }
}

/** Parse one YAML text; syntax errors, unknown tags, undefined aliases and alias bombs stop the run with their line. */
function parseChecked(text: string, file: string, lineOffset: number, lineOf: (line: number) => number): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  const lineAt = (offset: number) => lineOf(lc.linePos(offset).line + lineOffset);
  let doc: Document;
  try {
    doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lc });
  } catch (cause) {
    // Nesting the line pass took for text but the parser did not: its recursion ran out.
    if (cause instanceof RangeError) throw new ZwgkError('yaml-too-deep', { file }, { file, line: lineOf(1 + lineOffset), limit: MAX_YAML_DEPTH }, { cause });
    throw cause;
  }
  const firstError = doc.errors[0];
  if (firstError?.code !== 'RESOURCE_EXHAUSTION') checkSlips(doc, text, lc, firstError?.pos[0], 'top', file, lineOffset, lineOf, firstError);
  if (firstError) {
    const p = lc.linePos(firstError.pos[0]);
    const pos = { line: lineOf(p.line + lineOffset), col: p.col };
    if (firstError.code === 'RESOURCE_EXHAUSTION') {
      throw new ZwgkError('yaml-too-deep', { file, line: pos.line }, { file, line: pos.line, limit: MAX_YAML_DEPTH }, { cause: firstError });
    }
    const detail = `第 ${pos.line} 行第 ${pos.col} 列：${translateYamlError(firstError.code)}`;
    throw new ZwgkError('yaml-syntax', { file, line: pos.line, column: pos.col }, { detail: `${file} ${detail}` }, { cause: firstError });
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const line = lineAt(w.pos[0]);
      // The tag as written in the file (!foo, !!js/function, !<tag:…>), shown whole up to a sane length.
      const written = text.slice(w.pos[0], w.pos[1]).trim() || (/(!\S*)/.exec(w.message)?.[1] ?? '');
      const tag = written.length > 60 ? `${written.slice(0, 60)}…` : written;
      throw new ZwgkError('yaml-unknown-tag', { file, line }, { file, line, tag: tag || '（空）' });
    }
  }
  // An alias whose anchor is not (yet) defined: named with its line, not taken for an alias bomb.
  let undefinedAlias: { name: string; offset: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (undefinedAlias) return visit.BREAK;
      if (node.resolve(doc) === undefined) undefinedAlias = { name: node.source, offset: node.range?.[0] ?? 0 };
      return undefined;
    },
  });
  if (undefinedAlias) {
    const line = lineAt(undefinedAlias.offset);
    const name = undefinedAlias.name.length > 40 ? `${undefinedAlias.name.slice(0, 40)}…` : undefinedAlias.name;
    throw new ZwgkError('yaml-alias-undefined', { file, line }, { file, line, name });
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (cause) {
    throw new ZwgkError('yaml-too-complex', { file }, { file, detail: '请不要用 & 和 * 引用复制大段内容，直接写出各项的值' }, { cause });
  }
  return { doc, lc };
}

/** Stop with a message that names a full-width colon, space or hyphen, when the text has one. */
function checkSlips(
  doc: Document,
  text: string,
  lc: LineCounter,
  errorAt: number | undefined,
  items: 'top' | 'root',
  file: string,
  lineOffset: number,
  lineOf: (line: number) => number,
  cause?: unknown,
): void {
  const slip = findKeyboardSlip(doc, text, lc, items, errorAt);
  if (!slip) return;
  const line = lineOf(slip.line + lineOffset);
  throw new ZwgkError('yaml-fullwidth', { file, line, column: slip.column }, { file, line, column: slip.column, char: slip.char, name: slip.name, fix: slip.fix }, cause ? { cause } : undefined);
}

/** One item parsed on its own: its context (line offset into the file) and its node. */
type ItemSource = { ctx: Ctx; node: Node | null };

/**
 * The catalog from a parsed top-level document. Items come from its 事项 list, or — for a large file
 * split by splitItems — from `items`, parsed one by one.
 */
function buildCatalog(ctx: Ctx, options: ReadOptions, items: { sources: Iterable<ItemSource>; hint: Profile } | undefined): Catalog {
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
  const note = topText(TOP_KEYS.note, 'note');
  if (note) catalog.note = note;
  if (sources.length) catalog.sources = sources;
  const extraCols = top.get(TOP_KEYS.extraColumns);
  if (extraCols) catalog.extraColumns = stringList(ctx, resolve(ctx, extraCols.value), TOP_KEYS.extraColumns, at(ctx, extraCols.key as Node, fileAt));
  const optionsPair = top.get(TOP_KEYS.options);
  if (optionsPair && profile === '2017') {
    // 选项 lists the choices of 2019 columns; a 2017 catalog has none of them.
    ctx.findings.push(finding('options-wrong-layout', at(ctx, optionsPair.key as Node, fileAt), { key: TOP_KEYS.options, keys: Object.values(OPTION_KEYS).join('、') }, { field: TOP_KEYS.options }));
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
        if (!labels.includes(key)) ctx.findings.push(finding('unknown-key', at(ctx, p.key as Node, fileAt), { key, known: labels.join('、') }));
      }
    } else if (node !== null) {
      ctx.findings.push(wrongType(at(ctx, node, fileAt), TOP_KEYS.options, '映射（键: 值）', kindOf(node)));
    }
  }
  const known = new Set<string>(Object.values(TOP_KEYS));
  known.delete(TOP_KEYS.options);
  if (profile === '2019') known.add(TOP_KEYS.options);
  for (const [key, pair] of top) {
    if (key === TOP_KEYS.options) continue;
    if (!known.has(key)) {
      ctx.findings.push(finding('unknown-key', at(ctx, pair.key as Node, fileAt), { key, known: [...known].join('、') }));
    }
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
    catalog.items.push(readItem(itemCtx, profile, node, itemAt, catalog.options));
  };
  if (items) {
    for (const source of items.sources) addItem(source);
  } else if (isSeq(itemsNode)) {
    for (const raw of itemsNode.items) addItem({ ctx, node: resolve(ctx, raw) });
  } else if (itemsNode !== null) {
    ctx.findings.push(wrongType(at(ctx, itemsNode, fileAt), TOP_KEYS.items, '列表', kindOf(itemsNode)));
  }
  if (catalog.items.length) {
    for (const { key, docKey } of itemKeys(profile)) {
      if (optionalKeys(profile).includes(key) && !ctx.itemKeys.has(docKey)) catalog.missingColumns.push(key);
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
  return { text: scalarText(ctx, node, field, where), at: at(ctx, node, where) };
}

/** A list field: a YAML list, or a text split into lines (依据) / words (ticks, channels). */
function listOf(ctx: Ctx, node: Node | null, field: string, where: SourceRef, split: (text: string) => string[]): ListField {
  const fieldAt = at(ctx, node, where);
  if (node === null) return { values: [], at: where };
  if (isSeq(node)) {
    const values: Cell[] = [];
    for (const raw of node.items) {
      const n = resolve(ctx, raw);
      const cell = cellOf(ctx, n, field, fieldAt);
      if (cell.text !== '') values.push(cell);
    }
    return { values, at: fieldAt };
  }
  if (isScalar(node)) {
    const text = scalarText(ctx, node, field, where);
    const values = split(text)
      .filter((t) => t.trim() !== '')
      .map((t) => ({ text: t, at: fieldAt }));
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
    return listOf(ctx, n, label, keyAt, split);
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
    extra: Object.create(null) as Record<string, Cell>,
    at: itemAt,
  };
  if (profile === '2017') {
    item.platform = text('platform');
    item.pairs = readPairs2017(ctx, valueOf(PAIRS_KEY));
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
    if (!known.has(key)) {
      ctx.findings.push(
        finding('unknown-key', at(ctx, p.key as Node, itemAt), { key, known: [...known].join('、') }),
      );
    }
  }
  return item;
}

function readPairs2017(ctx: Ctx, { node, keyAt }: { node: Node | null; keyAt: SourceRef }): Pair[] {
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
        ctx.findings.push(finding('unknown-key', at(ctx, p.key as Node, rowAt), { key: k, known: `${content}、${standard}` }));
      }
    }
    out.push({ content: get(content), standard: get(standard) });
  }
  return out.length ? out : [{ content: { text: '', at: keyAt }, standard: { text: '', at: keyAt } }];
}


/** Files at least this large are parsed item by item: the yaml library's whole-document tree takes
 * about 30 bytes of memory per byte of text (a 31 MB catalog: 900 MB). */
const SPLIT_MIN_CHARS = 1024 * 1024;

interface Split {
  /** The file with every item line blanked: the top-level keys at their own lines. */
  head: string;
  /** Each item's text and the number of lines before it. */
  chunks: { text: string; lineOffset: number }[];
}

/**
 * Cut a large catalog into its head and one text per item, when its shape allows it safely: a block
 * list under a top-level 事项 key, items at one indentation, and no anchors, aliases or tags (which may
 * reach across items). Anything else is parsed whole.
 */
export function splitItems(text: string): Split | undefined {
  if (/(?:^|[\s[{,:-])[&*!][^\s]/mu.test(text)) return undefined;
  const lines = text.split('\n');
  const keyLines = lines.flatMap((l, i) => (/^事项:[ \t]*(?:#.*)?\r?$/u.test(l) ? [i] : []));
  if (keyLines.length !== 1) return undefined;
  const start = keyLines[0]! + 1;
  let first = start;
  while (first < lines.length && /^\s*(?:#.*)?\r?$/u.test(lines[first]!)) first++;
  const indent = /^( +)-(?: |\r?$)/u.exec(lines[first] ?? '')?.[1];
  if (indent === undefined) return undefined;
  const isItemStart = (l: string) => l.startsWith(indent + '- ') || l.replace(/\r$/u, '') === indent + '-';
  let end = first;
  while (end < lines.length && !/^[^\s#]/u.test(lines[end]!)) end++;
  const chunks: Split['chunks'] = [];
  let from = first;
  for (let i = first + 1; i <= end; i++) {
    if (i === end || isItemStart(lines[i]!)) {
      chunks.push({ text: lines.slice(from, i).join('\n'), lineOffset: from });
      from = i;
    }
  }
  for (let i = first; i < end; i++) lines[i] = '';
  return { head: lines.join('\n'), chunks };
}

/** Thrown inside parseSplit when an item does not parse on its own. */
class SplitFallback extends Error {}

/** Parse a split catalog; undefined when an item does not parse on its own (then the whole file is parsed). */
function parseSplit(split: Split, file: string, options: ReadOptions, lineOf: (line: number) => number, budget: ReadBudget): Catalog | undefined {
  const { doc, lc } = parseChecked(split.head, file, 0, lineOf);
  const ctx: Ctx = { file, lc, doc, findings: [], aliases: 0, itemKeys: new Set(), lineOffset: 0, lineOf, budget };
  const parseChunk = (chunk: Split['chunks'][number]): ItemSource => {
    const itemLc = new LineCounter();
    const itemDoc = parseDocument(chunk.text, { ...PARSE_OPTIONS, lineCounter: itemLc });
    if (itemDoc.errors.length || itemDoc.warnings.length || !isSeq(itemDoc.contents) || itemDoc.contents.items.length !== 1) {
      throw new SplitFallback();
    }
    checkSlips(itemDoc, chunk.text, itemLc, undefined, 'root', file, chunk.lineOffset, lineOf);
    const itemCtx: Ctx = { ...ctx, lc: itemLc, doc: itemDoc, lineOffset: chunk.lineOffset };
    return { ctx: itemCtx, node: resolve(itemCtx, itemDoc.contents.items[0]) };
  };
  // Items are parsed one at a time while the catalog is built, so only the model stays in memory.
  function* sources(): Generator<ItemSource> {
    for (const chunk of split.chunks) yield parseChunk(chunk);
  }
  try {
    const first = split.chunks[0] ? parseChunk(split.chunks[0]).node : null;
    const hint: Profile = isMap(first) && first.items.some((p) => ['一级事项', '二级事项'].includes(keyOf(p))) ? '2019' : '2017';
    return buildCatalog(ctx, options, { sources: sources(), hint });
  } catch (err) {
    if (err instanceof SplitFallback) return undefined;
    throw err;
  }
}

/** What each of the yaml library's error codes means, in words a clerk can act on. */
const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '同一层级出现了重复的键',
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '缺少必要的符号（如引号或括号未闭合）',
  MULTIPLE_DOCS: '文件中有多个 YAML 文档（---），请只保留一个',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确（可能缺少冒号后的空格）',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  BAD_SCALAR_START: '文本开头的符号需要加引号',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符），YAML 不允许这么长的键。键应是列名（如“名称”），内容写在冒号和空格之后；如果这一行是内容，可能是上一行少了冒号或缩进不对',
  ALIAS_PROPS: '别名（*引用）前不能再加 & 锚点或 ! 标签',
  BAD_ALIAS: '别名（*引用）的写法不正确',
  BAD_DIRECTIVE: '% 开头的指令行写法不正确，目录文件不需要这样的行，请删除',
  BAD_DQ_ESCAPE: '双引号中的 \\ 转义写法不正确（如 \\u 后应为 4 位十六进制数）；要写反斜杠本身请写成 \\\\，或改用单引号',
  BAD_PROP_ORDER: '& 锚点和 ! 标签的位置不正确',
  BLOCK_IN_FLOW: '方括号或花括号内不能使用换行缩进的写法',
  IMPOSSIBLE: '文件内容无法解析',
  MULTIPLE_ANCHORS: '同一个值前有多个 & 锚点',
  MULTIPLE_TAGS: '同一个值前有多个 ! 标签',
  NON_STRING_KEY: '键必须是文本',
  TAG_RESOLVE_FAILED: '标签无法识别',
  BAD_COLLECTION_TYPE: '列表或映射的类型与标签不符',
};

function translateYamlError(code: string): string {
  return `${YAML_ERRORS[code] ?? '格式有误'}（${code}）`;
}
