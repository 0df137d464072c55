// A large YAML catalog parsed item by item: the yaml library's whole-document tree takes about 30 bytes of
// memory per byte of text, so a file whose shape allows it is cut into its head and one text per item,
// each parsed on its own while the catalog is built; anything else is parsed whole.
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Catalog } from '../../model/types.js';
import type { Profile } from '../../settings/columns.js';
import type { ReadBudget } from '../../grid/limits.js';
import type { ReadOptions } from '../types.js';
import { buildCatalog, keyOf, resolve, type Ctx, type ItemSource } from './build.js';
import { checkSlips, parseChecked, PARSE_OPTIONS } from './parse.js';
import { fastItem } from './fast.js';
import { ownText } from '../../model/strings.js';

/** Files at least this large are parsed item by item: the yaml library's whole-document tree takes
 * about 30 bytes of memory per byte of text (a 31 MB catalog: 900 MB). */
export const SPLIT_MIN_CHARS = 1024 * 1024;

export interface Split {
  /** The file with every item line blanked: the top-level keys at their own lines. */
  head: string;
  /** Each item's text and the number of lines before it. */
  chunks: { text: string; lineOffset: number }[];
}

/** A split by lines: the head, and where each item starts (a line index, 0-based), with one entry more
 * for where the last one ends. */
interface LineSplit {
  head: string;
  bounds: number[];
  /** Line starts (offsets into the text) and how many lines there are. */
  starts: number[];
  count: number;
}

/**
 * Cut a large catalog into its head and one text per item, when its shape allows it safely: a block
 * list under a top-level 事项 key, items at one indentation, and no anchors, aliases or tags (which may
 * reach across items). Anything else is parsed whole.
 */
export function splitItems(text: string): Split | undefined {
  const s = splitLines(text);
  if (!s) return undefined;
  const { starts, count, bounds } = s;
  /** Lines [from, to) as `lines.slice(from, to).join('\n')` would give them. */
  const span = (from: number, to: number): string => text.slice(starts[from]!, to < count ? starts[to]! - 1 : text.length);
  const chunks: Split['chunks'] = [];
  for (let k = 0; k + 1 < bounds.length; k++) chunks.push({ text: span(bounds[k]!, bounds[k + 1]!), lineOffset: bounds[k]! });
  return { head: s.head, chunks };
}

/** The items of a split as texts, made when each is parsed. */
export interface SplitSource {
  head: string;
  count: number;
  chunk(k: number): Split['chunks'][number];
}

/** A split's items as they are (texts that are slices of the file's text). */
export function splitSource(split: Split): SplitSource {
  return { head: split.head, count: split.chunks.length, chunk: (k) => split.chunks[k]! };
}

/**
 * Split a text decoded from `bytes` as it is (nothing taken out, so its lines are the file's lines) into
 * items that are decoded from the bytes when each is parsed: the split keeps no part of the text, which
 * can be let go while the catalog is built (a 100 000-item file's text is 160 MB; issue 19). The head is
 * a copy of its own. Undefined when splitItems would give undefined.
 */
export function splitBytes(text: string, bytes: Uint8Array): SplitSource | undefined {
  const s = splitLines(text);
  if (!s) return undefined;
  const { bounds, count } = s;
  // Byte offsets of the bound lines: line i starts after the i-th line feed, in the bytes as in the text.
  const at = new Float64Array(bounds.length);
  let line = 0;
  let offset = 0;
  for (let k = 0; k < bounds.length; k++) {
    const want = bounds[k]!;
    if (want >= count) {
      at[k] = -1;
      continue;
    }
    while (line < want) {
      offset = bytes.indexOf(10, offset) + 1;
      line++;
    }
    at[k] = offset;
  }
  const decoder = new TextDecoder('utf-8');
  const head = ownText(s.head);
  return {
    head,
    count: bounds.length - 1,
    chunk(k) {
      const to = at[k + 1]!;
      return { text: decoder.decode(bytes.subarray(at[k]!, to < 0 ? bytes.length : to - 1)), lineOffset: bounds[k]! };
    },
  };
}

function splitLines(text: string): LineSplit | undefined {
  if (/(?:^|[\s[{,:-])[&*!][^\s]/mu.test(text)) return undefined;
  // Lines by where they start, each read when looked at: the items' texts are slices of `text` (no copy
  // of it, nor a string per line of a file of a million lines, is made).
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const count = starts.length;
  /** Line i, without its line feed. */
  const line = (i: number): string => text.slice(starts[i]!, i + 1 < count ? starts[i + 1]! - 1 : text.length);
  let key = -1;
  for (let i = 0; i < count; i++) {
    if (!/^事项:[ \t]*(?:#.*)?\r?$/u.test(line(i))) continue;
    if (key >= 0) return undefined;
    key = i;
  }
  if (key < 0) return undefined;
  let first = key + 1;
  while (first < count && /^\s*(?:#.*)?\r?$/u.test(line(first))) first++;
  const indent = first < count ? /^( +)-(?: |\r?$)/u.exec(line(first))?.[1] : undefined;
  if (indent === undefined) return undefined;
  const isItemStart = (l: string) => l.startsWith(indent + '- ') || l.replace(/\r$/u, '') === indent + '-';
  let end = first;
  while (end < count && !/^[^\s#]/u.test(line(end))) end++;
  const bounds = [first];
  for (let i = first + 1; i <= end; i++) if (i === end || isItemStart(line(i))) bounds.push(i);
  // The item lines blanked, their line feeds kept.
  const head = end < count ? text.slice(0, starts[first]) + '\n'.repeat(end - first) + text.slice(starts[end]) : text.slice(0, starts[first]) + '\n'.repeat(end - first - 1);
  return { head, bounds, starts, count };
}

/** Thrown inside parseSplit when an item does not parse on its own. */
class SplitFallback extends Error {}

/** Parse a split catalog; undefined when an item does not parse on its own (then the whole file is parsed). */
export function parseSplit(split: SplitSource, file: string, options: ReadOptions, lineOf: (line: number) => number, budget: ReadBudget): Catalog | undefined {
  const { doc, lc } = parseChecked(split.head, file, 0, lineOf);
  const ctx: Ctx = { file, lc, doc, findings: [], aliases: 0, itemKeys: new Set(), lineOffset: 0, lineOf, budget };
  const parseChunk = (chunk: Split['chunks'][number]): ItemSource => {
    // An item written the plain way is read without the library's parser (fast.ts); any other by it.
    const fast = fastItem(chunk.text);
    if (fast) {
      checkSlips(fast.doc, chunk.text, fast.lc, undefined, 'root', file, chunk.lineOffset, lineOf);
      const itemCtx: Ctx = { ...ctx, lc: fast.lc, doc: fast.doc, lineOffset: chunk.lineOffset };
      return { ctx: itemCtx, node: fast.node };
    }
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
    for (let k = 0; k < split.count; k++) yield parseChunk(split.chunk(k));
  }
  try {
    const first = split.count > 0 ? parseChunk(split.chunk(0)).node : null;
    const hint: Profile = isMap(first) && first.items.some((p) => ['一级事项', '二级事项'].includes(keyOf(p))) ? '2019' : '2017';
    return buildCatalog(ctx, options, { sources: sources(), hint });
  } catch (err) {
    if (err instanceof SplitFallback) return undefined;
    throw err;
  }
}
