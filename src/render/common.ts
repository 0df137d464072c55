// What the sheet renderers share: the column plan of each layout (a √ column per tick option, the 2019
// two-row header) and a display-width estimate for sizing sheet cells and pages.
import { COLUMNS, ITEM_GROUP_LABEL_2019, PRINTED_LABELS, TICK_GROUPS, type FieldKey, type TickGroup } from '../settings/columns.js';
import type { Catalog } from '../model/types.js';
import { absentOptional } from '../model/document.js';
import { printedTickLabels } from '../model/display.js';

/** One printed column of a rendered sheet or table. */
export interface PlanColumn {
  /** The model field, or 'extra' for a column the reader did not know. */
  key: FieldKey | 'extra';
  /** Header text: the column's label, or the group label (公开事项, 公开对象 …) of a two-row header. */
  label: string;
  /** Second header row (2019): the sub-label under a group (一级事项, 全社会 …). */
  sub?: string;
  /** extra: the unknown column's header label (key into item.extra). */
  extra?: string;
  /** A √ column: the tick group and the option's index in it. */
  tick?: { group: TickGroup; index: number; labels: readonly string[] };
  /** 公开内容/公开标准: one value per pair row; everything else is one value per item. */
  perPair: boolean;
}

/** The columns of a layout in printed order; extra columns after 备注. */
export function planColumns(catalog: Catalog): PlanColumn[] {
  const profile = catalog.profile;
  const out: PlanColumn[] = [];
  const absent = absentOptional(catalog);
  for (const spec of COLUMNS[profile]) {
    if (absent.includes(spec.key)) continue;
    const label = PRINTED_LABELS[profile][spec.key] ?? spec.label;
    const perPair = spec.key === 'content' || spec.key === 'standard';
    if (profile === '2019' && (TICK_GROUPS as readonly string[]).includes(spec.key)) {
      const group = spec.key as TickGroup;
      const labels = printedTickLabels(catalog, group);
      labels.forEach((sub, index) => out.push({ key: spec.key, label, sub, tick: { group, index, labels }, perPair: false }));
    } else if (profile === '2019' && spec.key === 'name' && catalog.ungrouped) {
      // One 公开事项 column, as the source had it (its header merged down both rows).
      out.push({ key: spec.key, label: ITEM_GROUP_LABEL_2019, perPair: false });
    } else if (profile === '2019' && (spec.key === 'category' || spec.key === 'name')) {
      out.push({ key: spec.key, label: ITEM_GROUP_LABEL_2019, sub: label, perPair: false });
    } else {
      out.push({ key: spec.key, label, perPair });
    }
  }
  for (const extra of catalog.extraColumns) out.push({ key: 'extra', label: extra, extra, perPair: false });
  return out;
}

/** Display width of one UTF-16 unit: wide (CJK, full-width, ■□√) ≈ 2, others 1; a surrogate pair is one
 * wide character (its high half counts 2, its low half 0). */
function unitWidth(c: number, prev: number): number {
  if (c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff) return 0;
  return c >= 0x2e80 || (c >= 0x2460 && c <= 0x27bf) || c === 0x221a || c === 0x2014 ? 2 : 1;
}

/** Display width of one line in spreadsheet width units: wide (CJK, full-width, ■□√) ≈ 2, others 1. */
export function lineWidth(line: string): number {
  // By UTF-16 units, not the string's iterator: a row's height is worked out for every cell a workbook
  // writes (14 million characters for 25 000 items).
  let w = 0;
  let prev = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    w += unitWidth(c, prev);
    prev = c;
  }
  return w;
}

/** Widest line of a text. */
export function textWidth(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) max = Math.max(max, lineWidth(line));
  return max;
}

/** Lines a text wraps to in a column `width` units wide (hard breaks kept, each line wrapped). */
export function wrappedLines(text: string, width: number): number {
  // Word wrap at spaces wastes part of a line; a 0.9 usable width keeps estimates on the safe side.
  const usable = Math.max(1, (width - 1) * 0.9);
  let lines = 0;
  let w = 0;
  let prev = 0;
  // Line by line in one pass (no array of the lines).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines += Math.max(1, Math.ceil(w / usable));
      w = 0;
    } else w += unitWidth(c, prev);
    prev = c;
  }
  return lines + Math.max(1, Math.ceil(w / usable));
}
