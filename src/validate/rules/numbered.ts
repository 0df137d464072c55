// A 公开内容 written as a numbered list that stops at its first entry (洛江: `1.受理部门` on every item): the
// numbering promises more (办理条件、流程、材料 …), so the content was probably cut short. A hint: a
// clerk may number a single entry by habit, but a reviewer asks.
import type { Catalog } from '../../model/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { label } from './util.js';

/** The first entry's number at the start of a text: 1. 1、 1） （1） ①. */
const FIRST = /^\s*(?:1\s*[.、．)）]|[（(]\s*1\s*[)）]|①)/u;
/** A second entry anywhere. */
const SECOND = /(?:2\s*[.、．)）]|[（(]\s*2\s*[)）]|②)/u;

/** An item's 公开内容 that is a numbered list of one entry → numbered-one (info), at its first cell. */
function check(catalog: Catalog): Finding[] {
  if (catalog.missingColumns.includes('content')) return [];
  const out: Finding[] = [];
  const field = label(catalog, 'content');
  catalog.items.forEach((item, i) => {
    const cells = item.pairs.map((p) => p.content).filter((c) => c.text.trim() !== '' && !c.carried);
    if (cells.length === 0 || !FIRST.test(cells[0]!.text)) return;
    if (cells.some((c) => SECOND.test(c.text))) return;
    out.push(finding('numbered-one', cells[0]!.at, { field, text: cells[0]!.text.trim() }, { field, item: i + 1 }));
  });
  return out;
}

/** 公开内容 numbered as a list that has only its first entry. */
export const numberedRule = defineRule({ id: 'numbered', codes: ['numbered-one'], check });
