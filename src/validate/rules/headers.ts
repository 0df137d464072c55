// Header labels spelled otherwise than the layout's own: spaced (公 开 主 体), or a synonym the reader
// understood (责任主体, 规定时限, 事项名称). The reader records every header cell with what it read it as
// (catalog.sources, role 'header', `column`), so this rule judges exactly the cells that were read as
// labels and no others: a spaced label loses its spaces (line breaks and suffixes such as （要素） stay);
// a synonym becomes the layout's label. Info, with the fix: the catalog was read correctly either way.
//
// Not flagged: labels of columns kept as extra columns (their label is their key in 其他列, and a second
// 备注 read as an extra must not be renamed to the first), √ option labels under a group (县级, 镇级 …
// are the catalog's own options; only a space inside one is), and YAML, whose keys the format itself spells.
import type { Catalog, SourceText } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { deleteRanges, matchRanges, replaceAll, type Fix } from '../../findings/fix.js';
import { fieldLabel, HEADER_ALIASES, ITEM_GROUP_LABEL_2019, normaliseLabel, type FieldKey } from '../../settings/columns.js';
import { defineRule } from '../rule.js';

const SPACES = /[ \t\u3000\u00a0]+/gu;

/** The standard spelling of a header label, or undefined when it is standard already or not a known label. */
export function headerSpelling(catalog: Catalog, raw: string, group = false, readAs?: FieldKey): string | undefined {
  // A label no alias spells (开依据, 公开) that the reader took for a field: the field's own label.
  const key = HEADER_ALIASES[catalog.profile][normaliseLabel(raw)] ?? readAs;
  if (!key) return undefined;
  // A label over 一级事项/二级事项 (事项名称 there) is the group's: 公开事项, not 二级事项.
  const itemGroup = group && catalog.profile === '2019' && (key === 'name' || key === 'category');
  const canonical = itemGroup ? ITEM_GROUP_LABEL_2019 : fieldLabel(catalog.profile, key);
  const fixed = normaliseLabel(raw) === normaliseLabel(canonical) ? raw.replace(SPACES, '') : canonical;
  return fixed !== raw ? fixed : undefined;
}

/** The field a header cell was read as, when it names one: `name`, or the group of a √ text column. */
function readAs(src: SourceText): FieldKey | 'group' | undefined {
  const column = src.column ?? '';
  if (column === 'group') return 'group';
  if (column === 'extra' || column.startsWith('tick:')) return undefined;
  return (column.startsWith('ticks:') ? column.slice('ticks:'.length) : column) as FieldKey;
}

/** The header cell's fix: the spaces deleted where only spaces differ, else the whole label replaced. */
export function spellingFix(raw: string, fixed: string): Fix {
  return raw.replace(SPACES, '') === fixed ? deleteRanges(raw, matchRanges(raw, SPACES)) : replaceAll(raw, fixed);
}

/** A √ option label with a space inside (特定 主体, 全社 会: wrapped in a narrow column): the label joined. */
export function optionSpelling(src: SourceText): Finding | undefined {
  if (!/\S[ \t\u3000\u00a0]+\S/u.test(src.text)) return undefined;
  const joined = src.text.replace(/\s+/gu, '');
  return finding('header-spelling', src.at, { label: src.text, fixed: joined }, { field: '表头', fix: deleteRanges(src.text, matchRanges(src.text, /\s+/gu)) });
}

/** Header cells read as a field but not spelled as the layout spells it → header-spelling info with fix. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const aliases = HEADER_ALIASES[catalog.profile];
  for (const src of catalog.sources ?? []) {
    if (src.role !== 'header') continue;
    // A √ option label keeps its own wording (县级, 镇级 are the catalog's options), but not a space
    // inside it (特定 主体, 全社 会: the label wrapped in a narrow column).
    if ((src.column ?? '').startsWith('tick:')) {
      const spaced = optionSpelling(src);
      if (spaced) out.push(spaced);
      continue;
    }
    const as = readAs(src);
    // A label the reader took for another field than its spelling says (a forced layout) is left alone.
    const alias = aliases[normaliseLabel(src.text)];
    // 公开事项 alone is read as 二级事项, but renaming it would not give the sheet its 一级事项.
    if (alias === undefined && normaliseLabel(src.text) === ITEM_GROUP_LABEL_2019) continue;
    if (as === undefined || (as !== 'group' && alias !== undefined && alias !== as)) continue;
    const fixed = headerSpelling(catalog, src.text, as === 'group', as === 'group' || alias !== undefined ? undefined : as);
    if (fixed === undefined) continue;
    out.push(finding('header-spelling', src.at, { label: src.text, fixed }, { field: '表头', fix: spellingFix(src.text, fixed) }));
  }
  return out;
}

/** Header labels spelled otherwise than the layout's own, with the standard label as fix. */
export const headerSpellingRule = defineRule({ id: 'header-spelling', codes: ['header-spelling'], fixable: true, check });
