// The .yaml/.yml reader: the hand-edited catalog format of src/model/document.ts. Bytes are decoded
// (decode.ts), the lines checked and runs of comments taken out (lines.ts), the text parsed whole or item
// by item (parse.ts, split.ts) and built into the model (build.ts) with every value's line and column.
import type { Doc } from '../../model/list.js';
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
import { parseSplit, splitBytes, splitItems, splitSource, SPLIT_MIN_CHARS } from './split.js';

/** A file parsed whole (anchors, aliases or tags reach across its items) costs the yaml library about 30
 * bytes of memory per character: beyond this it is refused rather than parsed. */
const MAX_WHOLE_CHARS = 8 * 1024 * 1024;
const CATALOG_NAMES = new Set(Object.keys(CATALOG_LAYOUT_NAMES));
/** The 版式 line of a file, near its top (a list names its layout there). */
const LIST_PROFILE = /^版式\s*:\s*["']?([^"'\n#]+?)["']?\s*(?:#.*)?$/mu;

/** Read a YAML catalog's bytes into the model. */
export function readYaml(bytes: Uint8Array, file: string, options: ReadOptions): Doc {
  // The text is handed over in a holder the parse empties: no frame of a caller keeps it (see parseHeld).
  return parseHeld({ text: decodeText(bytes, file) }, file, options, false, bytes);
}

/** Parse YAML text (already decoded) into a catalog; `file` names it in every location. */
export function parseYamlCatalog(text: string, file: string, options: ReadOptions = {}, whole = false): Doc {
  return parseHeld({ text }, file, options, whole);
}

/**
 * Parse the text in `held` (which is emptied). With the file's `bytes`, a large file whose lines were
 * all kept is split into items decoded from the bytes one at a time, and its whole text is let go while
 * the catalog is built: the bytes are held by the caller anyway, the text would be 160 MB more for a
 * 100 000-item file (issue 19).
 */
function parseHeld(held: { text: string }, file: string, options: ReadOptions, whole: boolean, bytes?: Uint8Array): Doc {
  let prepared;
  try {
    prepared = prepareYaml(held.text);
  } catch (err) {
    if (err instanceof YamlTooDeep) throw new ZwgkError('yaml-too-deep', { file, line: err.line }, { file, line: err.line, limit: MAX_YAML_DEPTH });
    throw err;
  }
  const asIs = prepared.text === held.text;
  held.text = '';
  const lineOf = prepared.lineOf;
  const budget = options.budget ?? new ReadBudget(READ_LIMITS, '值');
  const mark = budget.mark();
  try {
    // A list of another layout (版式 names it, or --layout asks for it) is parsed whole.
    const lists = gridLayouts(options);
    // A layout definition given as a list (the clerk picked the wrong file): said so, with what to do.
    if (looksLikeDefinition(prepared.text)) throw new ZwgkError('layout-file-given', { file }, { file });
    const declared = LIST_PROFILE.exec(prepared.text.slice(0, 4096))?.[1]?.trim();
    const listNamed = lists.layout ?? (declared !== undefined ? lists.layouts.find((l) => l.name === declared || l.id === declared) : undefined);
    // 版式 naming a kind of list zwgk has no layout for: said plainly, with the layouts there are (a
    // number such as 2018 is a mistyped catalog layout, reported by the catalog reader).
    if (!listNamed && declared !== undefined && /\p{Script=Han}|^[a-z][a-z0-9-]+$/u.test(declared) && !CATALOG_NAMES.has(declared)) requireLayout(declared, lists.layouts, file);
    if (listNamed) {
      const { doc, lc } = parseChecked(prepared.text, file, 0, lineOf);
      const ctx = { file, lc, doc, findings: [], aliases: 0, itemKeys: new Set<string>(), lineOffset: 0, lineOf, budget };
      return buildList(ctx, declaredListLayout(ctx, lists.layouts) ?? listNamed);
    }
    const large = !whole && prepared.text.length >= SPLIT_MIN_CHARS;
    if (large && bytes && asIs) {
      const split = splitBytes(prepared.text, bytes);
      if (split) {
        const length = prepared.text.length;
        // From here on nothing holds the text (`held` is empty, `prepared` keeps only its line maps).
        prepared = { ...prepared, text: '' };
        const catalog = parseSplit(split, file, options, lineOf, budget);
        if (catalog) return catalog;
        budget.reset(mark);
        if (length > MAX_WHOLE_CHARS) throw wholeTooLarge(file);
        // Parsed whole after all (an item does not parse on its own): the text is decoded again.
        prepared = prepareYaml(decodeText(bytes, file));
      }
    } else if (large) {
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
