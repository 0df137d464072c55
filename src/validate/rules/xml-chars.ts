// Characters XML 1.0 does not allow (U+FFFE, U+FFFF, control characters, lone surrogates) in any text of
// the catalog: pasted from another system, written as "\uFFFF" in YAML, or Excel's own _xFFFF_ escape.
// Every workbook zwgk writes holds them as Excel's _xHHHH_ escape (render/xlsx-text.ts), so nothing breaks;
// this names each cell that has one, and `zwgk fix` removes them.
import type { Catalog } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding, type Finding } from '../../findings/finding.js';
import { hasNonXmlChar, nonXmlChars } from '../../formats/ooxml/xml-text.js';
import { TOP_KEYS, OPTION_KEYS } from '../../model/document.js';
import { fieldLabel, TICK_GROUPS } from '../../settings/columns.js';
import { label, textCells } from './util.js';

/** The text without the characters XML forbids (a carriage return is kept: it is a line break). */
function withoutNonXml(text: string): string {
  return [...text].filter((c) => c === '\r' || !hasNonXmlChar(c)).join('');
}

/** Every text of the catalog with a character XML forbids → xml-char warning at its cell or line, with its removal as fix. */
export function xmlCharsRule(catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const check = (text: string | undefined, field: string, at: SourceRef, item?: number, fixable = true): void => {
    if (!text || !hasNonXmlChar(text)) return;
    const extra: { field: string; item?: number; fix?: { from: string; to: string } } = { field };
    if (item !== undefined) extra.item = item;
    if (fixable) extra.fix = { from: text, to: withoutNonXml(text) };
    const chars = nonXmlChars(text);
    out.push(finding('xml-char', at, { field, chars: chars.join('、'), escaped: chars.map((c) => `_x${c.slice(2)}_`).join('、') }, extra));
  };
  const fileAt: SourceRef = { file: catalog.file };
  const sourceAt = (role: string, text?: string): SourceRef =>
    catalog.sources?.find((s) => (s.role === role || (role === 'unit' && s.role === 'meta') || (role === 'date' && s.role === 'meta')) && (text === undefined || s.text === text))?.at ?? fileAt;
  check(catalog.title, TOP_KEYS.title, sourceAt('title'));
  check(catalog.unit, TOP_KEYS.unit, sourceAt('unit'));
  check(catalog.date, TOP_KEYS.date, sourceAt('date'));
  // A 注 read from several rows is one text: its removal cannot be applied to one cell.
  check(catalog.note, TOP_KEYS.note, sourceAt('note'), undefined, catalog.sources?.filter((s) => s.role === 'note').length === 1);
  for (const column of catalog.extraColumns) check(column, column, sourceAt('header', column), undefined, false);
  for (const [k, list] of Object.entries(catalog.options ?? {}) as [keyof typeof OPTION_KEYS, string[]][]) {
    for (const option of list) check(option, OPTION_KEYS[k], fileAt, undefined, false);
  }
  for (const { index, key, cell } of textCells(catalog)) if (!cell.carried) check(cell.text, label(catalog, key), cell.at, index);
  catalog.items.forEach((item, i) => {
    for (const [key, cell] of Object.entries(item.extra)) if (!cell.carried) check(cell.text, key, cell.at, i + 1);
    for (const c of item.channels?.values ?? []) check(c.text, fieldLabel(catalog.profile, 'channels'), c.at, i + 1, false);
    for (const g of TICK_GROUPS) for (const c of item.ticks?.[g].values ?? []) check(c.text, fieldLabel(catalog.profile, g), c.at, i + 1, false);
  });
  return out;
}
