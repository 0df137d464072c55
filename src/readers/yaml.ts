// YAML reader: the hand-edited catalog format of src/model/document.ts, with the line and column of
// every value kept, wrong types and unknown keys reported as findings rather than crashes.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
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
import type { Catalog, CatalogOptions, Cell, Item, ListField, Pair, SourceRef, SourceText } from '../model/types.js';
import { finding, ZwgkError, type Finding } from '../report/finding.js';
import { CHANNELS, fieldLabel, LEVEL_LABELS, optionalKeys, TICK_GROUPS, TICK_OPTIONS, type FieldKey, type Profile, type TickGroup } from '../settings.js';
import { splitList } from './lists.js';
import type { ReadOptions } from './index.js';
import { findKeyboardSlip } from './yaml-slips.js';

const MAX_ALIASES = 1000;
/** A catalog needs about six levels; far deeper nesting is a broken or hostile file. */
const MAX_DEPTH = 64;

/** Refuse absurdly deep nesting before the parser recurses into it (flow brackets or indentation). */
function checkDepth(text: string, file: string): void {
  let flow = 0;
  let line = 1;
  let lineStart = true;
  let indent = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (ch === ' ' || ch === '-') {
        indent++;
        continue;
      }
      lineStart = false;
      // Two columns per level is the narrowest indentation YAML allows in practice.
      if (indent > MAX_DEPTH * 2) throw new ZwgkError('yaml-too-deep', { file, line }, { file, line, limit: MAX_DEPTH });
    }
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      if (++flow > MAX_DEPTH) throw new ZwgkError('yaml-too-deep', { file, line }, { file, line, limit: MAX_DEPTH });
    } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    else if (ch === '#') {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    }
  }
}

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
};

function at(ctx: Ctx, node: Node | null | undefined, fallback: SourceRef): SourceRef {
  const offset = node?.range?.[0];
  if (offset === undefined) return fallback;
  const pos = ctx.lc.linePos(offset);
  return { file: ctx.file, line: pos.line + ctx.lineOffset, column: pos.col };
}

function resolve(ctx: Ctx, node: unknown): Node | null {
  if (isAlias(node)) {
    // The alias count was checked once with toJS; this bound keeps a crafted file from looping.
    if (++ctx.aliases > MAX_ALIASES * 10) throw new ZwgkError('yaml-too-complex', { file: ctx.file }, { file: ctx.file, detail: '别名过多' });
    return (node.resolve(ctx.doc) as Node | undefined) ?? null;
  }
  return (node as Node | null) ?? null;
}

function keyOf(pair: YamlPair): string {
  const k = pair.key as unknown;
  return isScalar(k) ? String(k.value) : String(k);
}

function kindOf(node: Node | null): string {
  if (node === null) return '空内容';
  if (isSeq(node)) return '列表';
  if (isMap(node)) return '映射';
  return '文本';
}

/** Parse YAML text (already decoded) into a catalog; `file` names it in every location. */
export function parseYamlCatalog(text: string, file: string, options: ReadOptions = {}, whole = false): Catalog {
  checkDepth(text, file);
  const split = !whole && text.length >= SPLIT_MIN_CHARS ? splitItems(text) : undefined;
  if (split) {
    const catalog = parseSplit(split, file, options);
    if (catalog) return catalog;
  }
  const { doc, lc } = parseChecked(text, file, 0);
  return buildCatalog({ file, lc, doc, findings: [], aliases: 0, itemKeys: new Set(), lineOffset: 0 }, options, undefined);
}

/** Parse one YAML text; syntax errors, unknown tags and alias bombs stop the run with their line. */
function parseChecked(text: string, file: string, lineOffset: number): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const firstError = doc.errors[0];
  if (firstError?.code !== 'RESOURCE_EXHAUSTION') checkSlips(doc, text, lc, firstError?.pos[0], 'top', file, lineOffset, firstError);
  if (firstError) {
    const p = lc.linePos(firstError.pos[0]);
    const pos = { line: p.line + lineOffset, col: p.col };
    if (firstError.code === 'RESOURCE_EXHAUSTION') {
      throw new ZwgkError('yaml-too-deep', { file, line: pos.line }, { file, line: pos.line, limit: MAX_DEPTH }, { cause: firstError });
    }
    const detail = `第 ${pos.line} 行第 ${pos.col} 列：${translateYamlError(firstError.code, firstError.message)}`;
    throw new ZwgkError('yaml-syntax', { file, line: pos.line, column: pos.col }, { detail: `${file} ${detail}` }, { cause: firstError });
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const line = lc.linePos(w.pos[0]).line + lineOffset;
      const tag = /tag:yaml\.org,2002:(\S+)|(!\S+)/.exec(w.message);
      throw new ZwgkError(
        'yaml-unknown-tag',
        { file, line },
        { file, line, tag: tag ? (tag[1] ? `!!${tag[1]}` : tag[2]!) : '' },
      );
    }
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (cause) {
    throw new ZwgkError('yaml-too-complex', { file }, { file, detail: '请不要用 & 和 * 引用复制大段内容，直接写出各项的值' }, { cause });
  }
  return { doc, lc };
}

/** Stop with a message that names a full-width colon, space or hyphen, when the text has one. */
function checkSlips(doc: Document, text: string, lc: LineCounter, errorAt: number | undefined, items: 'top' | 'root', file: string, lineOffset: number, cause?: unknown): void {
  const slip = findKeyboardSlip(doc, text, lc, items, errorAt);
  if (!slip) return;
  const line = slip.line + lineOffset;
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
  if (optionsPair) {
    const node = resolve(ctx, optionsPair.value);
    if (isMap(node)) {
      catalog.options = {};
      for (const [k, label] of Object.entries(OPTION_KEYS) as [keyof typeof OPTION_KEYS, string][]) {
        const p = node.items.find((x) => keyOf(x) === label);
        if (p) catalog.options[k] = stringList(ctx, resolve(ctx, p.value), label, at(ctx, p.key as Node, fileAt));
      }
    } else if (node !== null) {
      ctx.findings.push(wrongType(at(ctx, node, fileAt), TOP_KEYS.options, '映射（键: 值）', kindOf(node)));
    }
  }
  const known = new Set<string>(Object.values(TOP_KEYS));
  for (const [key, pair] of top) {
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

function scalarText(ctx: Ctx, node: Node | null, field: string, where: SourceRef): string {
  if (node === null) return '';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v).replace(/\r\n?/g, '\n');
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
    extra: {},
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
function parseSplit(split: Split, file: string, options: ReadOptions): Catalog | undefined {
  const { doc, lc } = parseChecked(split.head, file, 0);
  const ctx: Ctx = { file, lc, doc, findings: [], aliases: 0, itemKeys: new Set(), lineOffset: 0 };
  const parseChunk = (chunk: Split['chunks'][number]): ItemSource => {
    const itemLc = new LineCounter();
    const itemDoc = parseDocument(chunk.text, { lineCounter: itemLc, prettyErrors: false, uniqueKeys: true });
    if (itemDoc.errors.length || itemDoc.warnings.length || !isSeq(itemDoc.contents) || itemDoc.contents.items.length !== 1) {
      throw new SplitFallback();
    }
    checkSlips(itemDoc, chunk.text, itemLc, undefined, 'root', file, chunk.lineOffset);
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
};

function translateYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? '';
  return YAML_ERRORS[code] ? `${YAML_ERRORS[code]}（${code}）` : `${first}（${code}）`;
}
