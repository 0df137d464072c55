// A list's header labels broken by a space (决策 事项, 承办 单位 — wrapped in a narrow column), and √ option
// labels so broken (专家 论证): info with the fix that joins them, as validate/rules/headers.ts does for
// the catalogs. Unlike a catalog's, a list's synonyms (决策承办科室 for 承办单位, 检查事项名称) are not
// renamed: these lists have no national sample table, and the 13 published lists of the corpus each use
// their own words, which the layouts' aliases exist to read. Extra columns keep their labels.
import type { ListDoc } from '../../model/list.js';
import { finding, type Finding } from '../../findings/finding.js';
import { normaliseLabel } from '../../settings/columns.js';
import { optionSpelling, spellingFix } from '../rules/headers.js';

const SPACES = /[ \t\u3000\u00a0]+/gu;

/** Header cells of a list read as one of its columns but not spelled as its layout spells them. */
export function listHeaderFindings(doc: ListDoc): Finding[] {
  const out: Finding[] = [];
  const columns = new Map(doc.layout.columns.map((c) => [c.key, c]));
  for (const src of doc.sources ?? []) {
    if (src.role !== 'header') continue;
    const key = src.column ?? '';
    if (key.startsWith('tick:')) {
      const spaced = optionSpelling(src);
      if (spaced) out.push(spaced);
      continue;
    }
    const column = columns.get(key);
    if (!column) continue;
    // Only a space inside the label: its own word, whichever of the column's spellings it is.
    const joined = src.text.replace(SPACES, '');
    if (joined === src.text || !/\S[ \t\u3000\u00a0]+\S/u.test(src.text)) continue;
    const fixed = joined;
    if (![column.label, ...column.aliases].some((l) => normaliseLabel(l) === normaliseLabel(fixed))) continue;
    out.push(finding('header-spelling', src.at, { label: src.text, fixed }, { field: '表头', fix: spellingFix(src.text, fixed) }));
  }
  return out;
}
