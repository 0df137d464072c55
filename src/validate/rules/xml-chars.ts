// Characters XML 1.0 does not allow (U+FFFE, U+FFFF, control characters, lone surrogates) in any text of
// the catalog: pasted from another system, written as "\uFFFF" in YAML, or Excel's own _xFFFF_ escape.
// Every workbook zwgk writes holds them as Excel's _xHHHH_ escape (render/xlsx-text.ts), so nothing breaks;
// this names each cell that has one, and `zwgk fix` removes them.
import type { Catalog } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding, type Finding } from '../../findings/finding.js';
import { deleteRanges, type Fix } from '../../findings/fix.js';
import { defineRule } from '../rule.js';
import { hasNonXmlChar, nonXmlChars } from '../../formats/ooxml/xml-text.js';
import { TOP_KEYS, OPTION_KEYS } from '../../model/document.js';
import { fieldLabel, TICK_GROUPS } from '../../settings/columns.js';
import { eachTextCell, label } from './util.js';

/** The removal of the characters XML forbids, each where it is (a carriage return is kept: it is a line break). */
function removal(text: string): Fix {
  const ranges: [number, number][] = [];
  let at = 0;
  for (const c of text) {
    if (c !== '\r' && hasNonXmlChar(c)) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === at) last[1] = at + c.length;
      else ranges.push([at, at + c.length]);
    }
    at += c.length;
  }
  return deleteRanges(text, ranges);
}

/** Every text of the catalog with a character XML forbids → xml-char warning at its cell or line, with its removal as fix. */
function check(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const check = (text: string | undefined, field: string, at: SourceRef, item?: number, fixable = true): void => {
    if (!text || !hasNonXmlChar(text)) return;
    const extra: { field: string; item?: number; fix?: Fix } = { field };
    if (item !== undefined) extra.item = item;
    if (fixable) extra.fix = removal(text);
    const chars = nonXmlChars(text);
    out.push(finding('xml-char', at, { field, chars: chars.join('、'), escaped: chars.map((c) => `_x${c.slice(2)}_`).join('、') }, extra));
  };
  const fileAt: SourceRef = { file: catalog.file };
  const sourceOf = (role: string, text?: string) =>
    catalog.sources?.find((s) => (s.role === role || (role === 'unit' && s.role === 'meta') || (role === 'date' && s.role === 'meta')) && (text === undefined || s.text === text));
  const sourceAt = (role: string, text?: string): SourceRef => sourceOf(role, text)?.at ?? fileAt;
  // A catalog-level text is fixed where one cell or line holds exactly it: not a 单位 inside its
  // “编制单位：…　日期：…” line, nor a 注 read from several rows (one text, several cells).
  const top = (value: string | undefined, field: string, role: string, fixable = true): void => {
    const src = sourceOf(role);
    check(value, field, src?.at ?? fileAt, undefined, fixable && src?.text === value);
  };
  top(catalog.title, TOP_KEYS.title, 'title');
  top(catalog.unit, TOP_KEYS.unit, 'unit');
  top(catalog.date, TOP_KEYS.date, 'date');
  top(catalog.note, TOP_KEYS.note, 'note', catalog.sources?.filter((s) => s.role === 'note').length === 1);
  top(catalog.preface, TOP_KEYS.preface, 'preface', catalog.sources?.filter((s) => s.role === 'preface').length === 1);
  for (const column of catalog.extraColumns) check(column, column, sourceAt('header', column), undefined, false);
  for (const [k, list] of Object.entries(catalog.options ?? {}) as [keyof typeof OPTION_KEYS, string[]][]) {
    for (const option of list) check(option, OPTION_KEYS[k], fileAt, undefined, false);
  }
  // The label and the place are built only for a text that has such a character (a packed cell builds its place when asked).
  eachTextCell(catalog, (cell, key, index) => {
    if (!cell.carried && hasNonXmlChar(cell.text)) check(cell.text, label(catalog, key), cell.at, index);
  });
  catalog.items.forEach((item, i) => {
    for (const [key, cell] of Object.entries(item.extra)) if (!cell.carried && hasNonXmlChar(cell.text)) check(cell.text, key, cell.at, i + 1);
    for (const c of item.channels?.values ?? []) if (hasNonXmlChar(c.text)) check(c.text, fieldLabel(catalog.profile, 'channels'), c.at, i + 1, false);
    for (const g of TICK_GROUPS) for (const c of item.ticks?.[g].values ?? []) if (hasNonXmlChar(c.text)) check(c.text, fieldLabel(catalog.profile, g), c.at, i + 1, false);
  });
  return out;
}

/** Characters XML forbids, anywhere in the catalog, with their removal as fix where one cell holds the text. */
export const xmlCharsRule = defineRule({ id: 'xml-chars', codes: ['xml-char'], fixable: true, check });
