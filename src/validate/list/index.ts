// Checking a list of another layout (src/layouts): the reader's findings, each column held to its layout's
// declaration (required, kind, closed vocabulary), then the rules the layout asks for (文号, spaces,
// placeholders, duplicates). The layout's JSON Schema (schemas/lists/) says the same of the YAML form for
// other systems; here the declaration itself is the check, so a unit's own layout needs no code compiled.
import { finding, sortFindings, type Finding } from '../../findings/finding.js';
import { replaceRange } from '../../findings/fix.js';
import { describeAt } from '../../findings/location.js';
import type { Code } from '../../findings/codes.js';
import type { Cell } from '../../model/types.js';
import { itemText, type ListDoc, type ListItem } from '../../model/list.js';
import { normaliseName } from '../../model/names.js';
import type { LayoutColumn } from '../../layouts/types.js';
import { findStrayHao, findWenhao } from '../rules/wenhao.js';
import { edgeSpaces, trimSpaces } from '../rules/whitespace.js';
import { findPlaceholder } from '../rules/placeholders.js';
import { wordBreaks } from '../rules/word-breaks.js';
import { deleteRanges } from '../../findings/fix.js';
import { CHANNEL_SELECTED, CHANNEL_UNSELECTED, LIST_SEPARATORS } from '../../settings/vocab.js';
import { listHeaderFindings } from './headers.js';

/** Every code validateList may report besides the reader's. */
export const LIST_CODES = [
  'catalog-empty', 'required-blank', 'serial-invalid', 'list-value-invalid', 'list-option-unknown', 'list-item-duplicate',
  'wenhao-brackets', 'wenhao-spacing', 'wenhao-double-hao', 'whitespace', 'space-in-word', 'placeholder',
] as const satisfies readonly Code[];

const DATE = /^(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2})$/u;
/** A month, a quarter, a half or a year, or a span of them: 2024年6月, 2024.06, 2024年第二季度, 2024年6月至12月, 2024年内. */
const MONTH = /^(?:19|20)\d{2}\s*(?:年|[-./])\s*(?:\d{1,2}\s*(?:月份?)?|第?[一二三四1-4]\s*季度|[上下]半年|年?底|年内|全年)?(?:\s*(?:[-—~～至到]|—)\s*(?:(?:19|20)\d{2}\s*(?:年|[-./]))?\s*(?:\d{1,2}\s*月?|第?[一二三四1-4]\s*季度|[上下]半年|年?底))?(?:前|以前|底前|内)?$/u;
const YEAR_ONLY = /^(?:19|20)\d{2}\s*年?(?:内|底|全年)?$/u;
const NUMBER = /^[-+]?\d+(?:\.\d+)?$/u;
const SERIAL = /^\d+$/u;

interface Seen {
  item: number;
  key: string;
  column?: LayoutColumn;
  field: string;
  cell: Cell;
}

/** Every located text of an item, with its column (per-item values, per-row values, extra columns). */
function* cellsOf(doc: ListDoc): Generator<Seen> {
  const columns = new Map(doc.layout.columns.map((c) => [c.key, c]));
  let item = 0;
  for (const it of doc.items) {
    item++;
    for (const [key, cell] of Object.entries(it.values)) {
      const column = columns.get(key);
      yield { item, key, ...(column ? { column } : {}), field: column?.label ?? key, cell };
    }
    for (const row of it.rows) {
      for (const [key, cell] of Object.entries(row)) {
        const column = columns.get(key);
        yield { item, key, ...(column ? { column } : {}), field: column?.label ?? key, cell };
      }
    }
    for (const [label, cell] of Object.entries(it.extra)) yield { item, key: label, field: label, cell };
  }
}

function kindProblem(column: LayoutColumn, text: string): { expected: string; example: string } | undefined {
  const t = text.trim().normalize('NFKC');
  switch (column.kind) {
    case 'number': return NUMBER.test(t.replace(/,/g, '')) ? undefined : { expected: '数字', example: '阿拉伯数字，如 12 或 3.5' };
    case 'date': return DATE.test(t) ? undefined : { expected: '日期', example: '“2024年6月30日”或“2024-06-30”' };
    case 'month': return MONTH.test(t) || YEAR_ONLY.test(t) || DATE.test(t) ? undefined : { expected: '年月', example: '“2024年6月”“2024.06”或“2024年第二季度”' };
    case 'yesno': return column.options.includes(text.trim()) ? undefined : { expected: `${column.options.join('或')}`, example: `“${column.options[0]}”或“${column.options[1]}”` };
    default: return undefined;
  }
}

const MARKS = new Set([...CHANNEL_SELECTED, ...CHANNEL_UNSELECTED]);

/** The names of a checklist cell (■窗口办理 □网上办理, or 窗口办理、网上办理): each mark starts a name; without
 * marks the names are split at separators. */
export function checklistNames(text: string): string[] {
  const chars = [...text.normalize('NFC')];
  // 口 is □ in scanned copies, and a character of 窗口: a mark only where a name starts.
  const isMark = (i: number) => MARKS.has(chars[i]!) && (chars[i] !== '口' || i === 0 || /[\s、，,；;]/u.test(chars[i - 1]!));
  if (!chars.some((_, i) => isMark(i))) return text.split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
  const names: string[] = [];
  let current = '';
  chars.forEach((ch, i) => {
    if (isMark(i)) {
      if (current.trim()) names.push(current);
      current = '';
    } else current += ch;
  });
  if (current.trim()) names.push(current);
  // A name ends at a separator before the next mark: ■窗口办理、□网上办理.
  return names.map((n) => n.replace(/^[\s、，,；;]+|[\s、，,；;。]+$/gu, '')).filter((n) => n !== '');
}

/** Whether a value is one of a column's options, as named or by one of its aliases. */
function optionKnown(column: LayoutColumn, value: string): boolean {
  return column.options.includes(value) || Object.values(column.optionAliases).some((a) => a.includes(value));
}

/** Required blanks, values of the wrong kind and values outside a closed vocabulary. */
function columnFindings(doc: ListDoc, out: Finding[]): void {
  const missing = new Set(doc.missingColumns);
  doc.items.forEach((it, i) => {
    const item = i + 1;
    for (const column of doc.layout.columns) {
      if (column.required && !missing.has(column.key)) {
        const blank = column.kind === 'ticks' ? (it.ticks[column.key]?.values.length ?? 0) === 0 : column.per === 'row' ? it.rows.every((r) => (r[column.key]?.text ?? '').trim() === '') : (it.values[column.key]?.text ?? '').trim() === '';
        if (blank) {
          const at = (column.kind === 'ticks' ? it.ticks[column.key]?.at : column.per === 'row' ? it.rows[0]?.[column.key]?.at : it.values[column.key]?.at) ?? it.at;
          out.push(finding('required-blank', at, { field: column.label, description: column.description || `这是“${doc.layout.name}”的必填列` }, { field: column.label, item }));
        }
      }
      if (column.kind === 'ticks') {
        const known = new Set([...column.options, ...Object.values(column.optionAliases).flat(), ...(doc.options?.[column.key] ?? [])]);
        for (const v of it.ticks[column.key]?.values ?? []) {
          if (!known.has(v.text) && !v.carried) out.push(finding('list-option-unknown', v.at, { field: column.label, value: v.text, options: column.options.join('、') }, { field: column.label, item }));
        }
      }
    }
  });
  for (const { item, column, field, cell } of cellsOf(doc)) {
    if (!column || cell.text.trim() === '' || cell.carried) continue;
    if (column.kind === 'serial') {
      if (!SERIAL.test(cell.text.trim().normalize('NFKC'))) out.push(finding('serial-invalid', cell.at, { serial: cell.text.trim(), detail: '' }, { field, item }));
      continue;
    }
    const problem = kindProblem(column, cell.text);
    if (problem) out.push(finding('list-value-invalid', cell.at, { field, value: short(cell.text), ...problem }, { field, item }));
    if (column.kind === 'checklist') {
      // Every name of a ■/□ checklist (or of a plain list of the chosen ones) is one of its options.
      for (const v of checklistNames(cell.text)) {
        if (!optionKnown(column, v)) out.push(finding('list-option-unknown', cell.at, { field, value: v, options: column.options.join('、') }, { field, item }));
      }
      continue;
    }
    if (column.closed && column.options.length) {
      for (const v of cell.text.split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '')) {
        if (!column.options.includes(v)) out.push(finding('list-option-unknown', cell.at, { field, value: v, options: column.options.join('、') }, { field, item }));
      }
    }
  }
}

/** The rules the layout asks for: 文号 in its columns, spaces, placeholders. */
function ruleFindings(doc: ListDoc, out: Finding[]): void {
  const rules = doc.layout.rules;
  const wenhao = new Set(rules.wenhao);
  for (const { item, key, field, cell } of cellsOf(doc)) {
    if (cell.carried) continue;
    if (wenhao.has(key)) {
      for (const hit of [...findWenhao(cell.text), ...findStrayHao(cell.text)].sort((a, b) => a.index - b.index)) {
        const code = hit.problems.includes('brackets') ? 'wenhao-brackets' : hit.problems.includes('spacing') ? 'wenhao-spacing' : 'wenhao-double-hao';
        out.push(finding(code, cell.at, { found: hit.found, fixed: hit.fixed }, { field, item, fix: replaceRange(cell.text, hit.index, hit.index + hit.found.length, hit.fixed) }));
      }
    }
    if (rules.whitespace && cell.text.trim() !== '' && trimSpaces(cell.text) !== cell.text) out.push(finding('whitespace', cell.at, { field }, { field, item, fix: edgeSpaces(cell.text) }));
    // A word broken by a space or a line break (乡镇人民政 府): the name column is read as a short label, as a catalog's 名称.
    const breaks = rules.whitespace && !cell.carried ? wordBreaks(cell.text, key === doc.layout.nameColumn ? 'name' : 'remark') : [];
    if (breaks.length) {
      let fixed = '';
      let from = 0;
      for (const [s, e] of breaks) (fixed += cell.text.slice(from, s)), (from = e);
      fixed += cell.text.slice(from);
      out.push(finding('space-in-word', cell.at, { field, found: cell.text, fixed }, { field, item, fix: deleteRanges(cell.text, breaks) }));
    }
    const found = rules.placeholders ? findPlaceholder(cell.text) : undefined;
    if (found) out.push(finding('placeholder', cell.at, { field, value: short(cell.text), found }, { field, item }));
  }
}

/** The same values in every column of rules.duplicates: the later item is a duplicate. */
function duplicateFindings(doc: ListDoc, out: Finding[]): void {
  const keys = doc.layout.rules.duplicates;
  const labels = keys.map((k) => `“${doc.layout.columns.find((c) => c.key === k)?.label ?? k}”`).join('');
  const seen = new Map<string, { item: ListItem; no: number }>();
  doc.items.forEach((it, i) => {
    const name = itemText(it, doc.layout.nameColumn).trim();
    if (name === '') return;
    const id = keys.map((k) => normaliseName(itemText(it, k))).join('\u0000');
    const first = seen.get(id);
    if (!first) {
      seen.set(id, { item: it, no: i + 1 });
      return;
    }
    const at = it.values[doc.layout.nameColumn]?.at ?? it.at;
    const firstAt = first.item.values[doc.layout.nameColumn]?.at ?? first.item.at;
    const other = describeAt(firstAt) === describeAt(at) ? `第 ${first.no} 个事项` : describeAt(firstAt);
    out.push(finding('list-item-duplicate', at, { name: short(name), other, fields: labels }, { field: doc.layout.columns.find((c) => c.key === doc.layout.nameColumn)?.label ?? '', item: i + 1 }));
  });
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

/** All findings for one list, sorted deterministically. */
export function validateList(doc: ListDoc): Finding[] {
  const out: Finding[] = [...doc.findings];
  if (doc.items.length === 0) out.push(finding('catalog-empty', { file: doc.file }));
  columnFindings(doc, out);
  ruleFindings(doc, out);
  duplicateFindings(doc, out);
  out.push(...listHeaderFindings(doc));
  return sortFindings(out);
}
