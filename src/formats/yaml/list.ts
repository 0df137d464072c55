// A YAML file of a list of another layout (版式: 重大行政决策事项目录, or a unit's own) into a ListDoc: each
// item's keys read as the layout's columns by label or alias, every value with its line and column. A key
// the layout does not have is kept as an extra column (and said), never dropped; a wrong type is an error
// at its line. The format is src/model/list-document.ts.
import { isMap, isScalar, isSeq, type Node, type Pair as YamlPair } from 'yaml';
import { ITEM_EXTRA_KEY, ITEM_ORIGIN_KEY, TOP_KEYS } from '../../model/document.js';
import { MARK_SEPARATOR } from '../../model/list-document.js';
import { record, type ListDoc, type ListItem } from '../../model/list.js';
import { carryDownList } from '../../model/normalize-list.js';
import type { Cell } from '../../model/types.js';
import type { SourceRef } from '../../findings/location.js';
import { finding, ZwgkError } from '../../findings/finding.js';
import { normaliseLabel } from '../../settings/columns.js';
import { LIST_SEPARATORS } from '../../settings/vocab.js';
import type { Layout, LayoutColumn } from '../../layouts/types.js';
import { at, keyOf, plainText, resolve, type Ctx } from './nodes.js';
import { readOtherSheets } from './other-sheets.js';

/** A scalar as text, as written (an unquoted 1 or true is the text 1 or true). */
function scalarText(node: Node | null): string | undefined {
  if (node === null) return '';
  if (!isScalar(node)) return undefined;
  if (node.value === null) return '';
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}

/** The layout a parsed YAML file names in 版式, when it is a list layout. */
export function declaredListLayout(ctx: Ctx, layouts: readonly Layout[]): Layout | undefined {
  const root = resolve(ctx, ctx.doc.contents);
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => keyOf(p) === TOP_KEYS.profile);
  const value = pair ? scalarText(resolve(ctx, pair.value))?.trim() : undefined;
  return value ? layouts.find((l) => l.name === value || l.id === value) : undefined;
}

/** Build the list from a parsed YAML document. */
export function buildList(ctx: Ctx, layout: Layout): ListDoc {
  const { file } = ctx;
  const fileAt: SourceRef = { file, line: 1, column: 1 };
  const root = resolve(ctx, ctx.doc.contents);
  if (!isMap(root)) throw new ZwgkError('yaml-not-catalog', { file }, { file, kind: '其他内容' });
  const doc: ListDoc = { kind: 'list', layout, profile: layout.name, file, items: [], extraColumns: [], missingColumns: [], findings: ctx.findings, sources: [] };
  const byLabel = new Map<string, LayoutColumn>();
  for (const c of layout.columns) for (const l of [c.label, ...c.aliases]) byLabel.set(normaliseLabel(l), c);
  const text = (pair: YamlPair, field: string): Cell | undefined => {
    const node = resolve(ctx, pair.value);
    const t = scalarText(node);
    const where = at(ctx, node ?? (pair.key as Node), fileAt);
    if (t === undefined) {
      ctx.findings.push(finding('wrong-type', where, { field, expected: '文字', actual: isSeq(node) ? '列表' : '映射' }, { field }));
      return undefined;
    }
    ctx.budget.take(t.length, () => `第 ${where.line} 行`);
    return { text: t, at: where };
  };
  const prefaceLines: string[] = [];
  for (const pair of root.items) {
    const key = keyOf(pair);
    const node = resolve(ctx, pair.value);
    const where = at(ctx, pair.key as Node, fileAt);
    if (key === TOP_KEYS.profile) continue;
    if (key === TOP_KEYS.title || key === TOP_KEYS.unit || key === TOP_KEYS.date || key === TOP_KEYS.note || key === TOP_KEYS.preface) {
      const cell = text(pair, key);
      if (!cell) continue;
      const role = ({ [TOP_KEYS.title]: 'title', [TOP_KEYS.unit]: 'unit', [TOP_KEYS.date]: 'date', [TOP_KEYS.note]: 'note', [TOP_KEYS.preface]: 'preface' } as const)[key];
      if (role === 'preface') prefaceLines.unshift(cell.text);
      else doc[role] = cell.text;
      doc.sources!.push({ role, text: cell.text, at: cell.at });
    } else if (key === TOP_KEYS.extraColumns) {
      if (isSeq(node)) for (const n of node.items) doc.extraColumns.push(scalarText(resolve(ctx, n)) ?? '');
    } else if (key === TOP_KEYS.options) {
      if (!isMap(node)) continue;
      for (const p of node.items) {
        const column = byLabel.get(normaliseLabel(keyOf(p)));
        const v = resolve(ctx, p.value);
        if (column && isSeq(v)) {
          (doc.options ??= {})[column.key] = v.items.map((n) => scalarText(resolve(ctx, n)) ?? '');
          continue;
        }
        // Kept, never dropped: what 选项 holds that is no tick column's list is a line of the 表前说明.
        const pWhere = at(ctx, p.key as Node, fileAt);
        const kept = plainText(ctx, v);
        if (kept.trim()) {
          prefaceLines.push(`${key}“${keyOf(p)}”：${kept}`);
          doc.sources!.push({ role: 'preface', text: kept, at: v ? at(ctx, v, pWhere) : pWhere });
        }
        ctx.findings.push(finding('unknown-key-kept', pWhere, { key: `${key}.${keyOf(p)}`, known: doc.layout.columns.filter((c) => c.kind === 'ticks' || c.kind === 'checklist').map((c) => c.label).join('、') || '（无）', kept: '“表前说明”的一行（印在表格上方）' }, { field: key }));
      }
    } else if (key === TOP_KEYS.otherSheets) {
      const sheets = readOtherSheets(ctx, node, where, (n, field, w) => {
        const t = scalarText(n);
        if (t === undefined) {
          ctx.findings.push(finding('wrong-type', at(ctx, n, w), { field, expected: '文字', actual: isSeq(n) ? '列表' : '映射' }, { field }));
          return '';
        }
        ctx.budget.take(t.length, () => `第 ${at(ctx, n, w).line} 行`);
        return t;
      });
      if (sheets.length) doc.otherSheets = sheets;
    } else if (key === TOP_KEYS.items) {
      if (isSeq(node)) for (const raw of node.items) doc.items.push(readItem(ctx, doc, byLabel, resolve(ctx, raw), fileAt));
      else if (node !== null) ctx.findings.push(finding('wrong-type', at(ctx, node, fileAt), { field: key, expected: '列表', actual: '其他内容' }, { field: key }));
    } else {
      // Kept, never dropped: a line “键：值” of the 表前说明, printed above the table.
      const kept = plainText(ctx, node);
      if (kept.trim()) {
        prefaceLines.push(`${key}：${kept}`);
        doc.sources!.push({ role: 'preface', text: kept, at: node ? at(ctx, node, where) : where });
      }
      ctx.findings.push(finding('unknown-key-kept', where, { key, known: Object.values(TOP_KEYS).join('、'), kept: '“表前说明”的一行（印在表格上方）' }, { field: key }));
    }
  }
  if (prefaceLines.length) doc.preface = prefaceLines.join('\n');
  if (doc.items.length) {
    for (const c of layout.columns) if (c.required && !ctx.itemKeys.has(c.key)) {
      doc.missingColumns.push(c.key);
      doc.findings.push(finding('missing-column', fileAt, { field: c.label, hint: '' }, { field: c.label }));
    }
    for (const c of layout.columns) if (c.recommended && !ctx.itemKeys.has(c.key)) doc.findings.push(finding('column-absent', fileAt, { field: c.label, why: c.description ? `${c.description}。` : '' }, { field: c.label }));
  }
  carryDownList(doc);
  return doc;
}

function readItem(ctx: Ctx, doc: ListDoc, byLabel: Map<string, LayoutColumn>, node: Node | null, fileAt: SourceRef): ListItem {
  const itemAt = at(ctx, node, fileAt);
  const item: ListItem = { values: record(), rows: [], ticks: record(), extra: record(), at: itemAt };
  const no = doc.items.length + 1;
  for (const c of doc.layout.columns) if (c.kind === 'ticks') item.ticks[c.key] = { values: [], at: itemAt };
  if (!isMap(node)) {
    ctx.findings.push(finding('wrong-type', itemAt, { field: TOP_KEYS.items, expected: '映射（列名: 值）', actual: isSeq(node) ? '列表' : '文本' }, { item: no }));
    return item;
  }
  const scalar = (n: Node | null, field: string): Cell | undefined => {
    const t = scalarText(n);
    const where = at(ctx, n, itemAt);
    if (t === undefined) {
      ctx.findings.push(finding('wrong-type', where, { field, expected: '文字', actual: isSeq(n) ? '列表' : '映射' }, { field, item: no }));
      return undefined;
    }
    ctx.budget.take(t.length, () => `第 ${where.line} 行`);
    return { text: t, at: where };
  };
  for (const pair of node.items) {
    const key = keyOf(pair);
    const value = resolve(ctx, pair.value);
    if (key === ITEM_ORIGIN_KEY) {
      const c = scalar(value, key);
      if (c) item.origin = c.text;
      continue;
    }
    if (key === ITEM_EXTRA_KEY && isMap(value)) {
      for (const p of value.items) {
        const c = scalar(resolve(ctx, p.value), keyOf(p));
        if (c) item.extra[keyOf(p)] = c;
      }
      continue;
    }
    const column = byLabel.get(normaliseLabel(key));
    if (!column) {
      // A key the layout does not have: kept under its own name, as a sheet's unknown column is.
      const c = scalar(value, key);
      if (c) item.extra[key] = c;
      if (!doc.extraColumns.includes(key)) {
        doc.extraColumns.push(key);
        ctx.findings.push(finding('unknown-column', at(ctx, pair.key as Node, itemAt), { label: key }, { field: key }));
      }
      continue;
    }
    ctx.itemKeys.add(column.key);
    if (column.kind === 'ticks') {
      const list = item.ticks[column.key]!;
      list.at = at(ctx, value ?? (pair.key as Node), itemAt);
      const entries = isSeq(value) ? value.items.map((n) => resolve(ctx, n)) : [value];
      for (const n of entries) {
        const c = scalar(n, column.label);
        if (!c || c.text.trim() === '') continue;
        const cut = c.text.indexOf(MARK_SEPARATOR);
        const option = cut > 0 ? c.text.slice(0, cut) : c.text;
        if (cut > 0 && column.options.includes(option)) list.values.push({ text: option, at: c.at, mark: c.text.slice(cut + 1) });
        else list.values.push(...c.text.split(LIST_SEPARATORS).map((t) => t.trim()).filter((t) => t !== '').map((t) => ({ text: t, at: c.at })));
      }
    } else if (column.per === 'row') {
      const entries = isSeq(value) ? value.items.map((n) => resolve(ctx, n)) : [value];
      entries.forEach((n, i) => {
        const c = scalar(n, column.label);
        if (!c) return;
        (item.rows[i] ??= record<Cell>())[column.key] = c;
      });
    } else {
      const c = scalar(value, column.label);
      if (c) item.values[column.key] = c;
    }
  }
  if (item.rows.length === 0 && doc.layout.columns.some((c) => c.per === 'row')) item.rows.push(record<Cell>());
  for (let i = 0; i < item.rows.length; i++) item.rows[i] ??= record<Cell>();
  return item;
}
