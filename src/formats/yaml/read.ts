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
import { parseSplit, splitItems, SPLIT_MIN_CHARS } from './split.js';

/** A file parsed whole (anchors, aliases or tags reach across its items) costs the yaml library about 30
 * bytes of memory per character: beyond this it is refused rather than parsed. */
const MAX_WHOLE_CHARS = 8 * 1024 * 1024;
const CATALOG_NAMES = new Set(Object.keys(CATALOG_LAYOUT_NAMES));
/** The 版式 line of a file, near its top (a list names its layout there). */
const LIST_PROFILE = /^版式\s*:\s*["']?([^"'\n#]+?)["']?\s*(?:#.*)?$/mu;

/** Read a YAML catalog's bytes into the model. */
export function readYaml(bytes: Uint8Array, file: string, options: ReadOptions): Doc {
  return parseYamlCatalog(decodeText(bytes, file), file, options);
}

/** Parse YAML text (already decoded) into a catalog; `file` names it in every location. */
export function parseYamlCatalog(text: string, file: string, options: ReadOptions = {}, whole = false): Doc {
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
