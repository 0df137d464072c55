// Findings are data: a stable code, the severity and message from the code table, and where.
import { CODES, type Code } from './codes.js';
import type { Fix } from './fix.js';
import { compareLocations, type SourceRef } from './location.js';
import { SEVERITY_RANK, type Severity } from './severity.js';

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
  /** The correction, where a rule knows it: edits at offsets in the text the rule saw (zwgk fix applies them). */
  fix?: Fix;
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
  extra: { field?: string; item?: number; fix?: Fix } = {},
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

/** Deterministic order: file, sheet, row/line, column, severity, code, message. */
export function compareFindings(a: Finding, b: Finding): number {
  const place = compareLocations(a.location, b.location);
  if (place !== 0) return place;
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Sort findings in place, deterministically, and return them. */
export function sortFindings(list: Finding[]): Finding[] {
  return list.sort(compareFindings);
}

/** A byte count in words a clerk reads (for the params of a message). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}
