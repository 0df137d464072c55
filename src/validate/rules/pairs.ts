// 2017 layout: each 公开内容 row needs its 公开标准 and the reverse. A row with both blank is not reported
// here (an empty continuation row; a wholly blank item is the schema's required-blank).
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { isBlank, label } from './util.js';

/** 公开内容 without 公开标准 → standard-missing; 公开标准 without 公开内容 → content-missing. */
function check(catalog: Catalog): Finding[] {
  if (catalog.missingColumns.includes('standard') || catalog.missingColumns.includes('content')) return [];
  const out: Finding[] = [];
  catalog.items.forEach((item, i) => {
    for (const pair of item.pairs) {
      const content = pair.content.text.trim();
      const standard = pair.standard?.text.trim() ?? '';
      if (content !== '' && standard === '') {
        // Without a standard cell the reader had no column to point at; the content's row is the place.
        const at = pair.standard?.at ?? pair.content.at;
        out.push(finding('standard-missing', at, { content }, { field: label(catalog, 'standard'), item: i + 1 }));
      } else if (content === '' && standard !== '' && !isBlank(standard)) {
        out.push(finding('content-missing', pair.content.at, { standard }, { field: label(catalog, 'content'), item: i + 1 }));
      }
    }
  });
  return out;
}

/** 公开内容 and 公开标准 that lack their other half (the 2017 layout's pairs). */
export const pairsRule = defineRule({ id: 'pairs', codes: ['standard-missing', 'content-missing'], profiles: ['2017'], check });
