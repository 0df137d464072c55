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

/** Files at least this large are decoded and cut into items a piece at a time (read.ts readLarge): the
 * yaml library's whole-document tree takes about 30 bytes of memory per byte of text (a 31 MB catalog:
 * 900 MB). A smaller file is decoded whole, then parsed item by item all the same. */
export const SPLIT_MIN_CHARS = 1024 * 1024;

export interface Split {
  /** The file with every item line blanked: the top-level keys at their own lines. */
  head: string;
  /** Each item's text and the number of lines before it. */
  chunks: { text: string; lineOffset: number }[];
}

/** Where a text's items are (see ItemFinder). */
export interface FoundItems {
  /** The text with every item line blanked, its line feeds kept. */
  head: string;
  /** Each item's first line (0-based), with one entry more for where the last one ends. */
  bounds: number[];
  /** The offset in the text where each bound's line starts; -1 for a bound past the last line. */
  offsets: number[];
}

const ITEMS_KEY = /^事项:[ \t]*(?:#.*)?\r?$/u;
const ANCHOR_OR_TAG = /(?:^|[\s[{,:-])[&*!][^\s]/mu;
const BLANK_OR_COMMENT = /^\s*(?:#.*)?\r?$/u;
const TOP_LEVEL = /^[^\s#]/u;
const ITEM_INDENT = /^( +)-(?: |\r?$)/u;
const SPACE = 32;
/** 事, the first character of the 事项 key. */
const SHI = 0x4e8b;

/**
 * Finds where the items of a large catalog are, when its shape allows cutting it safely: a block list
 * under a top-level 事项 key, items at one indentation, and no anchors, aliases or tags (which may reach
 * across items). The text is fed a piece at a time — each piece starts a line, and all but the last end
 * after a line feed — so a file need not be one string to be cut (issue 19); lines are looked at by
 * their first characters, and only those outside the items are kept (for the head).
 */
export class ItemFinder {
  private readonly bounds: number[] = [];
  private readonly offsets: number[] = [];
  private readonly before: string[] = [];
  private readonly after: string[] = [];
  private key = -1;
  private first = -1;
  private end = -1;
  private indent = '';
  private count = 0;
  /** Characters in the pieces before the current one. */
  private offset = 0;
  private failed = false;

  /** The text is not of the shape that can be cut: nothing more needs to be fed. */
  get cannotCut(): boolean {
    return this.failed;
  }

  /** Look at the next piece of the text (`last`: the text ends with it). */
  feed(piece: string, last: boolean): void {
    if (!this.failed && ANCHOR_OR_TAG.test(piece)) this.failed = true;
    if (this.failed) return;
    for (let start = 0; ; ) {
      const lf = piece.indexOf('\n', start);
      if (lf < 0) {
        if (last) this.line(piece, start, piece.length);
        break;
      }
      this.line(piece, start, lf);
      start = lf + 1;
      if (start === piece.length && !last) break;
    }
    this.offset += piece.length;
  }

  /** The line of `piece` from `start` to `stop` (its line feed). */
  private line(piece: string, start: number, stop: number): void {
    const i = this.count++;
    if (this.failed) return;
    const c = piece.charCodeAt(start);
    if (c === SHI && ITEMS_KEY.test(piece.slice(start, stop))) {
      if (this.key >= 0) {
        this.failed = true;
        return;
      }
      this.key = i;
    }
    if (this.key < 0 || this.key === i) {
      this.before.push(piece.slice(start, stop));
    } else if (this.first < 0) {
      const line = piece.slice(start, stop);
      if (BLANK_OR_COMMENT.test(line)) {
        this.before.push(line);
        return;
      }
      const indent = ITEM_INDENT.exec(line)?.[1];
      if (indent === undefined) {
        this.failed = true;
        return;
      }
      this.indent = indent;
      this.first = i;
      this.bound(i, start);
    } else if (this.end < 0) {
      // A line of the items: it starts one when it is "- " at their indentation, and ends them at a
      // top-level line (which starts with no white space and no #).
      if (c !== SPACE && TOP_LEVEL.test(piece.slice(start, stop))) {
        this.end = i;
        this.bound(i, start);
        this.after.push(piece.slice(start, stop));
      } else if (c === SPACE && piece.startsWith(this.indent, start) && piece.charCodeAt(start + this.indent.length) === 45) {
        const rest = piece.slice(start + this.indent.length, stop);
        if (rest.startsWith('- ') || rest.replace(/\r$/u, '') === '-') this.bound(i, start);
      }
    } else {
      this.after.push(piece.slice(start, stop));
    }
  }

  private bound(line: number, start: number): void {
    this.bounds.push(line);
    this.offsets.push(this.offset + start);
  }

  /** The items found, or undefined when the text is not of the shape that can be cut. */
  finish(): FoundItems | undefined {
    if (this.failed || this.first < 0) return undefined;
    const prefix = this.before.join('\n') + '\n';
    let head: string;
    if (this.end >= 0) {
      head = prefix + '\n'.repeat(this.end - this.first) + this.after.join('\n');
    } else {
      this.bounds.push(this.count);
      this.offsets.push(-1);
      head = prefix + '\n'.repeat(this.count - this.first - 1);
    }
    return { head: ownText(head), bounds: this.bounds, offsets: this.offsets };
  }
}

/**
 * Cut a large catalog into its head and one text per item, when its shape allows it safely (see
 * ItemFinder). Anything else is parsed whole.
 */
export function splitItems(text: string): Split | undefined {
  const finder = new ItemFinder();
  finder.feed(text, true);
  const found = finder.finish();
  if (!found) return undefined;
  const { bounds, offsets } = found;
  const chunks: Split['chunks'] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const to = offsets[k + 1]!;
    chunks.push({ text: text.slice(offsets[k]!, to < 0 ? text.length : to - 1), lineOffset: bounds[k]! });
  }
  return { head: found.head, chunks };
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
 * The items found in a text held as `pieces` (in order, as fed to the ItemFinder), each item's text taken
 * from them when it is parsed. With `release`, a piece is let go once the items have passed it: only the
 * catalog built so far and the pieces still to read are held (issue 19).
 */
export function piecesSource(pieces: string[], found: FoundItems, release: boolean): SplitSource {
  const starts = [0];
  for (const p of pieces) starts.push(starts[starts.length - 1]! + p.length);
  const total = starts[pieces.length]!;
  const { bounds, offsets } = found;
  let j = 0;
  return {
    head: found.head,
    count: bounds.length - 1,
    chunk(k) {
      const from = offsets[k]!;
      const next = offsets[k + 1]!;
      const to = next < 0 ? total : next - 1;
      while (starts[j + 1]! <= from) {
        if (release) pieces[j] = '';
        j++;
      }
      // Items are read in order (the first may be read twice): one before a piece let go is a mistake here.
      if (release && from < starts[j]!) throw new Error(`piecesSource: item ${k} read after its piece was let go`);
      let text = '';
      for (let p = j, at = from; at < to; p++) {
        const end = Math.min(to, starts[p + 1]!);
        text += pieces[p]!.slice(at - starts[p]!, end - starts[p]!);
        at = end;
      }
      return { text, lineOffset: bounds[k]! };
    },
  };
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
