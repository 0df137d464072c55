// Findings are data: a stable code, the severity and message from the code table, and where.
import { CODES, type Code, type Severity } from './codes.js';
import type { SourceRef } from '../model/types.js';

export type Params = Record<string, string | number>;

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  /** The column's name in the file's own layout (公开时限, 二级事项 …). */
  field?: string;
  /** 1-based position of the item in its catalog. */
  item?: number;
  location: SourceRef;
  /** The corrected text, where a rule knows it (zwgk fix applies these). */
  fix?: { from: string; to: string };
  params?: Params;
}

/** Fill a code's message template with params. */
export function formatMessage(code: Code, params: Params = {}): string {
  return CODES[code].message.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined ? `{${name}}` : String(params[name]),
  );
}

/** Build a finding from the code table. */
export function finding(
  code: Code,
  location: SourceRef,
  params: Params = {},
  extra: { field?: string; item?: number; fix?: { from: string; to: string } } = {},
): Finding {
  const f: Finding = { code, severity: CODES[code].severity, message: formatMessage(code, params), location };
  if (extra.field !== undefined) f.field = extra.field;
  if (extra.item !== undefined) f.item = extra.item;
  if (extra.fix !== undefined) f.fix = extra.fix;
  if (Object.keys(params).length) f.params = params;
  return f;
}

/** The one error thrown when a run cannot continue (exit 2). It wraps a finding and keeps the cause. */
export class ZwgkError extends Error {
  readonly finding: Finding;
  constructor(code: Code, location: SourceRef, params: Params = {}, options?: { cause?: unknown }) {
    const f = finding(code, location, params);
    super(f.message, options);
    this.name = 'ZwgkError';
    this.finding = f;
  }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function cellOrder(cell?: string): [number, number] {
  if (!cell) return [0, 0];
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** Deterministic order: file, sheet, row/line, column, severity, code, message. */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.location;
  const lb = b.location;
  if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
  if ((la.sheet ?? '') !== (lb.sheet ?? '')) return (la.sheet ?? '') < (lb.sheet ?? '') ? -1 : 1;
  if ((la.table ?? 0) !== (lb.table ?? 0)) return (la.table ?? 0) - (lb.table ?? 0);
  const [ra, ca] = la.cell ? cellOrder(la.cell) : [la.line ?? la.row ?? 0, la.column ?? 0];
  const [rb, cb] = lb.cell ? cellOrder(lb.cell) : [lb.line ?? lb.row ?? 0, lb.column ?? 0];
  if (ra !== rb) return ra - rb;
  if (ca !== cb) return ca - cb;
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Sort findings in place, deterministically, and return them. */
export function sortFindings(list: Finding[]): Finding[] {
  return list.sort(compareFindings);
}

/** A table of a page or Word document in words: 第 2 个表格. */
export function tableName(table: number): string {
  return `第 ${table} 个表格`;
}

/** A cell (or block of cells) of a table in words: 第 7 行 第 9 列, 第 3–9 行 第 1–11 列. */
export function tableCellText(at: SourceRef): string {
  if (at.range) return at.range;
  if (at.row === undefined) return '';
  return at.column === undefined ? `第 ${at.row} 行` : `第 ${at.row} 行 第 ${at.column} 列`;
}

/** Human-readable place: 文件 › 工作表!C5, 文件 › 第 2 个表格 第 7 行 第 9 列, or 文件:12:5. */
export function formatLocation(at: SourceRef): string {
  if (at.table !== undefined) {
    const cell = tableCellText(at);
    return `${at.file} › ${tableName(at.table)}${cell ? ' ' + cell : ''}`;
  }
  if (at.sheet !== undefined || at.cell !== undefined) {
    const cell = at.range ?? at.cell;
    return `${at.file} › ${at.sheet ?? ''}${cell ? '!' + cell : at.row ? ` 第${at.row}行` : ''}`;
  }
  if (at.line !== undefined) return `${at.file}:${at.line}${at.column !== undefined ? ':' + at.column : ''}`;
  return at.file;
}
