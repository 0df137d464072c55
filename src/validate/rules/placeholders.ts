// Unfinished text: placeholders left from a template or the init skeleton (XX单位, ××, 某某, “请填写…”)
// in any text of an item, and in the title, 单位 and 日期 — warned at their cell or line. The skeleton's
// own example values that name a unit are written with XX, so an untouched skeleton is caught too.
import type { Catalog, SourceText } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding, type Finding } from '../../findings/finding.js';
import { defineRule } from '../rule.js';
import { eachTextCell, label } from './util.js';

/** XX/xx (not inside a Latin word), ×× and ○○, 某某, 请填写/请输入/请选择/待填写/此处填写. */
const PLACEHOLDER = /(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|[×✕╳]{2,}|○{2,}|某某|(?:请|待|此处)(?:填写|输入|选择|补充)/u;
/** Most texts hold none of the characters a placeholder starts with: skip the search for them. */
const MAY_HOLD = /[XxＸｘ×✕╳○某请待此]/u;

/** The placeholder a text holds, as written, or undefined. */
export function findPlaceholder(text: string): string | undefined {
  if (!MAY_HOLD.test(text)) return undefined;
  const folded = text.normalize('NFKC');
  const m = PLACEHOLDER.exec(folded);
  if (!m) return undefined;
  // NFKC keeps the length of these characters, so the match is also where it sits in the original.
  return folded.length === text.length ? text.slice(m.index, m.index + m[0].length) : m[0];
}

function shortValue(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

const TOP_FIELDS: { key: 'title' | 'unit' | 'date'; field: string; roles: SourceText['role'][] }[] = [
  { key: 'title', field: '标题', roles: ['title'] },
  { key: 'unit', field: '单位', roles: ['unit', 'meta'] },
  { key: 'date', field: '日期', roles: ['date', 'meta'] },
];

/** Placeholders → placeholder warning at the cell (or line) that holds them. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  for (const { key, field, roles } of TOP_FIELDS) {
    const text = catalog[key];
    const found = text ? findPlaceholder(text) : undefined;
    if (!text || !found) continue;
    const at: SourceRef = catalog.sources?.find((s) => roles.includes(s.role))?.at ?? { file: catalog.file };
    out.push(finding('placeholder', at, { field, value: shortValue(text), found }, { field }));
  }
  eachTextCell(catalog, (cell, key, index) => {
    const found = cell.carried ? undefined : findPlaceholder(cell.text);
    if (!found) return;
    const field = label(catalog, key);
    out.push(finding('placeholder', cell.at, { field, value: shortValue(cell.text), found }, { field, item: index }));
  });
  catalog.items.forEach((item, i) => {
    for (const [name, cell] of Object.entries(item.extra)) {
      const found = cell.carried ? undefined : findPlaceholder(cell.text);
      if (found) out.push(finding('placeholder', cell.at, { field: name, value: shortValue(cell.text), found }, { field: name, item: i + 1 }));
    }
  });
  return out;
}

/** Template placeholders left in the catalog. */
export const placeholdersRule = defineRule({ id: 'placeholders', codes: ['placeholder'], check });
