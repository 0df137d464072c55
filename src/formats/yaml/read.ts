// The .yaml/.yml reader: the hand-edited catalog format of src/model/document.ts. Bytes are decoded
// (decode.ts), the lines checked and runs of comments taken out (lines.ts), the text parsed whole or item
// by item (parse.ts, split.ts) and built into the model (build.ts) with every value's line and column.
import type { Doc } from '../../model/list.js';
import type { Layout } from '../../layouts/index.js';
import { CATALOG_LAYOUT_NAMES, gridLayouts, looksLikeDefinition, requireLayout } from '../../layouts/index.js';
import { buildList, declaredListLayout } from './list.js';
import { ZwgkError } from '../../findings/finding.js';
import { READ_LIMITS } from '../../settings/limits.js';
import { ReadBudget, ReadLimitError, tooLarge } from '../../grid/limits.js';
import type { ReadOptions } from '../types.js';
import { buildCatalog } from './build.js';
import { decodeText } from './decode.js';
import { MAX_YAML_DEPTH, prepareYaml, YamlTooDeep } from './lines.js';
import { parseChecked } from './parse.js';
import { parseSplit, piecesSource, splitItems, splitSource, SPLIT_MIN_CHARS } from './split.js';
import { readPieces } from './pieces.js';

/** A file parsed whole (anchors, aliases or tags reach across its items) costs the yaml library about 30
 * bytes of memory per character: beyond this it is refused rather than parsed. */
const MAX_WHOLE_CHARS = 8 * 1024 * 1024;
const CATALOG_NAMES = new Set(Object.keys(CATALOG_LAYOUT_NAMES));
/** The 版式 line of a file, near its top (a list names its layout there). */
const LIST_PROFILE = /^版式\s*:\s*["']?([^"'\n#]+?)["']?\s*(?:#.*)?$/mu;

/** Read a YAML catalog's bytes into the model (a large file in pieces, see readLarge). */
export function readYaml(bytes: Uint8Array, file: string, options: ReadOptions): Doc | Promise<Doc> {
  if (bytes.length >= SPLIT_MIN_CHARS) return readLarge({ bytes }, file, options);
  // The text is handed over in a holder the parse empties: no frame of a caller keeps it (see parseHeld).
  return parseHeld({ text: decodeText(bytes, file) }, file, options, false);
}

/** Parse YAML text (already decoded) into a catalog; `file` names it in every location. */
export function parseYamlCatalog(text: string, file: string, options: ReadOptions = {}, whole = false): Doc {
  return parseHeld({ text }, file, options, whole);
}

/** What a read from bytes holds once they are decoded. */
const EMPTY = new Uint8Array(0);

/**
 * A large file: its text decoded in pieces and cut into items, each parsed while the catalog is built
 * (pieces.ts). The read first lets its callers return, so that only `held` keeps the bytes, and lets them
 * go once decoded; a text too large to be parsed whole also lets each piece go once its items are read.
 * A 100 000-item file (203 MB) is so never held as bytes, text and catalog at once (issue 19). Anything
 * that is not a plain catalog of such items is read from the whole text as before.
 */
async function readLarge(held: { bytes: Uint8Array }, file: string, options: ReadOptions): Promise<Doc> {
  await undefined;
  let read;
  try {
    read = readPieces(held.bytes, file);
  } catch (err) {
    throw tooDeep(err, file);
  }
  if (!read || listLayout(read.found.head, read.pieces[0] ?? '', file, options)) {
    read = undefined;
    const bytes = held.bytes;
    held.bytes = EMPTY;
    return parseHeld({ text: decodeText(bytes, file) }, file, options, false);
  }
  held.bytes = EMPTY;
  const { pieces, found, chars } = read;
  read = undefined;
  const budget = options.budget ?? new ReadBudget(READ_LIMITS, '值');
  const mark = budget.mark();
  const wholeAllowed = chars <= MAX_WHOLE_CHARS;
  try {
    // Nothing was taken out of the text: its lines are the file's lines.
    const catalog = parseSplit(piecesSource(pieces, found, !wholeAllowed), file, options, (line) => line, budget);
    if (catalog) return catalog;
  } catch (err) {
    if (err instanceof ReadLimitError) throw tooLarge(file, err);
    throw err;
  }
  if (!wholeAllowed) throw wholeTooLarge(file);
  // Parsed whole after all (an item does not parse on its own): what the split parse counted is counted again.
  budget.reset(mark);
  return parseHeld({ text: pieces.join('') }, file, { ...options, budget }, true);
}

/** YamlTooDeep as the finding it is, anything else as it was. */
function tooDeep(err: unknown, file: string): unknown {
  return err instanceof YamlTooDeep ? new ZwgkError('yaml-too-deep', { file, line: err.line }, { file, line: err.line, limit: MAX_YAML_DEPTH }) : err;
}

/**
 * The layout of a list that a file's top names (its 版式, or --layout), to be parsed whole; undefined for
 * a catalog. `text` has the file's top-level keys, `top` is the start of the file. Throws
 * layout-file-given for a layout definition, and, for a 版式 naming a list zwgk has no layout for, what
 * requireLayout throws.
 */
function listLayout(text: string, top: string, file: string, options: ReadOptions): Layout | undefined {
  const lists = gridLayouts(options);
  // A layout definition given as a list (the clerk picked the wrong file): said so, with what to do.
  if (looksLikeDefinition(text)) throw new ZwgkError('layout-file-given', { file }, { file });
  const declared = LIST_PROFILE.exec(top.slice(0, 4096))?.[1]?.trim();
  const listNamed = lists.layout ?? (declared !== undefined ? lists.layouts.find((l) => l.name === declared || l.id === declared) : undefined);
  // 版式 naming a kind of list zwgk has no layout for: said plainly, with the layouts there are (a
  // number such as 2018 is a mistyped catalog layout, reported by the catalog reader).
  if (!listNamed && declared !== undefined && /\p{Script=Han}|^[a-z][a-z0-9-]+$/u.test(declared) && !CATALOG_NAMES.has(declared)) requireLayout(declared, lists.layouts, file);
  return listNamed;
}

/**
 * Parse the text in `held` (which is emptied): a list whole, a catalog item by item when it can be
 * cut (split.ts), anything else whole.
 */
function parseHeld(held: { text: string }, file: string, options: ReadOptions, whole: boolean): Doc {
  let prepared;
  try {
    prepared = prepareYaml(held.text);
  } catch (err) {
    throw tooDeep(err, file);
  }
  held.text = '';
  const lineOf = prepared.lineOf;
  const budget = options.budget ?? new ReadBudget(READ_LIMITS, '值');
  const mark = budget.mark();
  try {
    const listNamed = listLayout(prepared.text, prepared.text, file, options);
    if (listNamed) {
      const { doc, lc } = parseChecked(prepared.text, file, 0, lineOf);
      const ctx = { file, lc, doc, findings: [], aliases: 0, itemKeys: new Set<string>(), lineOffset: 0, lineOf, budget };
      return buildList(ctx, declaredListLayout(ctx, gridLayouts(options).layouts) ?? listNamed);
    }
    // Item by item whatever the file's size: most items are read by fast.ts without the yaml library's
    // tree (a roll-up of 2 600 ten-item catalogs: 15 → 13 s, 600 → 510 MB, the tree's garbage gone).
    if (!whole) {
      const split = splitItems(prepared.text);
      if (split) {
        const catalog = parseSplit(splitSource(split), file, options, lineOf, budget);
        if (catalog) return catalog;
        // Parsed whole after all: what the split parse counted is counted again.
        budget.reset(mark);
      }
    }
    if (prepared.text.length > MAX_WHOLE_CHARS) throw wholeTooLarge(file);
    const { doc, lc } = parseChecked(prepared.text, file, 0, lineOf);
    return buildCatalog({ file, lc, doc, findings: [], aliases: 0, itemKeys: new Set(), lineOffset: 0, lineOf, budget }, options, undefined);
  } catch (err) {
    if (err instanceof ReadLimitError) throw tooLarge(file, err);
    throw err;
  }
}

/** A file too large to parse whole that cannot be read item by item. */
function wholeTooLarge(file: string): ZwgkError {
  const detail = `YAML 文本超过 ${MAX_WHOLE_CHARS / 1024 / 1024}M 个字符，又不能逐个事项读取（用了 & 锚点、* 别名或 ! 标签，或“事项”不是顶层的列表）`;
  return new ZwgkError('catalog-too-large', { file }, { file, place: '文件开头', detail, advice: '请把目录拆成几个文件，或去掉其中的 & 锚点、* 别名和 ! 标签' });
}
