// 依据 citations: 《》 must pair up, a ( must be closed, and an item's 依据 must name a document (《title》) or a 文号 — the
// sample table's 注 asks to “列出文件名和文号”. A citation with a 文号 but no 《》 (the sample's second
// citation) is fine; so is 《社会救助暂行办法》及各地配套政策法规文件 (it has a title).
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { SAME_AS_ABOVE } from '../../settings/vocab.js';
import { hasWenhao } from './wenhao.js';
import { isBlank, label } from './util.js';

/** True when every 《 is closed by a later 》 and no 》 comes without its 《. */
export function balancedTitles(text: string): boolean {
  // By UTF-16 unit: a string per character (for…of) was most of what validate made for 依据 texts, and the
  // marks are single units that no surrogate half equals.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === OPEN_TITLE) depth++;
    else if (unit === CLOSE_TITLE) {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

const OPEN_TITLE = 0x300a; // 《
const CLOSE_TITLE = 0x300b; // 》
const OPEN_PAREN = 0x28; // (
const CLOSE_PAREN = 0x29; // )
const OPEN_WIDE_PAREN = 0xff08; // （
const CLOSE_WIDE_PAREN = 0xff09; // ）

/** The first ( or （ of a citation that no later ) or （ closes, or undefined. A ) with nothing open is
 * let pass: lists number their entries 1）2）. */
export function unclosedParen(text: string): string | undefined {
  // Only the first unclosed one is named: a count of those open, and which the bottom one is (by unit, as above).
  let depth = 0;
  let first = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === OPEN_PAREN || unit === OPEN_WIDE_PAREN) {
      if (depth === 0) first = unit;
      depth++;
    } else if ((unit === CLOSE_PAREN || unit === CLOSE_WIDE_PAREN) && depth > 0) depth--;
  }
  return depth > 0 ? String.fromCharCode(first) : undefined;
}

/** A 《title》 with something in it; a 《 or 》 at all. (Made once: a literal is a new object at each call.) */
const TITLE = /《[^《》]*[^《》\s][^《》]*》/u;
const TITLE_MARK = /[《》]/u;

/** True when a citation names a document: 《title》 or a 文号 / order number. */
export function namesDocument(text: string): boolean {
  return TITLE.test(text) || hasWenhao(text);
}

/** Unbalanced 《》 in citations; 依据 with neither a title nor a 文号. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const field = label(catalog, 'basis');
  catalog.items.forEach((item, i) => {
    const values = item.basis.values.filter((c) => !isBlank(c.text));
    for (const c of values) {
      if (c.carried) continue;
      if (!balancedTitles(c.text)) out.push(finding('citation-unbalanced', c.at, { text: c.text.trim() }, { field, item: i + 1 }));
      const paren = unclosedParen(c.text);
      if (paren) out.push(finding('citation-paren-unclosed', c.at, { text: c.text.trim(), open: paren, close: paren === '(' ? ')' : '）' }, { field, item: i + 1 }));
    }
    // Blank 依据 is the schema's required-blank; a carried 同上 was judged at the item it came from.
    if (values.length === 0 || values.every((c) => c.carried)) return;
    if (values.every((c) => SAME_AS_ABOVE.includes(c.text.trim()))) return;
    // A half-written 《title is already citation-unbalanced; one warning is enough.
    if (!values.some((c) => namesDocument(c.text) || TITLE_MARK.test(c.text))) {
      out.push(finding('citation-incomplete', item.basis.at, { text: values.map((c) => c.text.trim()).join('；') }, { field, item: i + 1 }));
    }
  });
  return out;
}

/** 依据 that cite no document, or whose 《》 do not pair up. */
export const citationsRule = defineRule({ id: 'citations', codes: ['citation-unbalanced', 'citation-paren-unclosed', 'citation-incomplete'], check });
