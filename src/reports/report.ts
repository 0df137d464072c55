// The one report object: per-file results, sorted deterministically, printed as text or JSON.
// Text is the same in the terminal and in the browser app; only the CLI colours it (Paint).
import type { Profile } from '../settings/columns.js';
import { formatLocation, type SourceRef } from '../findings/location.js';
import { severityLabel, type Severity } from '../findings/severity.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { fixSpan } from '../findings/fix.js';

export interface FileResult {
  file: string;
  /** 2017/2019, or the name of a list layout (重大行政决策事项目录 …). */
  profile: Profile | string;
  items: number;
  findings: Finding[];
}

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  field?: string;
  item?: number;
  location: SourceRef;
  /** What the fix changes: the span of the text from its first edit to its last, before and after. */
  fix?: { from: string; to: string };
}

/** The JSON shape of one finding (the `diagnostics` entries of validate, `findings` of gap). */
export function toJsonDiagnostic(f: Finding): JsonDiagnostic {
  const d = { code: f.code, severity: f.severity, message: f.message } as JsonDiagnostic;
  if (f.field !== undefined) d.field = f.field;
  if (f.item !== undefined) d.item = f.item;
  d.location = { ...f.location };
  if (f.fix !== undefined) d.fix = fixSpan(f.fix);
  return d;
}

/** True when no finding is at error level. */
export function isValid(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}

/** Count findings by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export class Report {
  readonly files: FileResult[] = [];

  add(result: FileResult): void {
    sortFindings(result.findings);
    this.files.push(result);
  }

  get valid(): boolean {
    return this.files.every((f) => isValid(f.findings));
  }

  /** The `validate --format json` document. */
  toJSON(): unknown {
    return {
      valid: this.valid,
      files: this.files.map((f) => ({
        file: f.file,
        profile: f.profile,
        layout: layoutName(f.profile),
        valid: isValid(f.findings),
        items: f.items,
        diagnostics: f.findings.map(toJsonDiagnostic),
      })),
    };
  }

  /** Text for a terminal, a log or the app: one line per finding, then a summary per file. */
  toText(paint: Paint = PLAIN): string {
    const lines: string[] = [];
    for (const f of this.files) {
      for (const d of f.findings) lines.push(formatFindingLine(d, paint));
      lines.push(summaryLine(f, paint));
    }
    return lines.join('\n') + '\n';
  }
}

/** Colours for text output; the CLI passes chalk's, everything else the plain identity. */
export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
}

const same = (s: string): string => s;
/** No colours. */
export const PLAIN: Paint = { red: same, green: same, yellow: same, cyan: same, dim: same };

/**
 * What a terminal must never receive raw: control characters (ESC starts the sequences that retitle a
 * window or clear the screen; CR overwrites a line; C1 includes CSI), bidirectional overrides that
 * reorder what is shown, invisible marks, noncharacters and lone surrogates.
 */
const NOT_FOR_TERMINAL = /[\x00-\x08\x0A-\x1F\x7F-\x9F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from a file (a cell, a sheet name, a file name) as a text report shows it: every character a
 * terminal could act on written as an escape (\x1b, \n, \u202e), the rest as it is. JSON reports
 * escape by themselves; this is for the text ones.
 */
export function terminalText(s: string): string {
  NOT_FOR_TERMINAL.lastIndex = 0;
  if (!NOT_FOR_TERMINAL.test(s)) return s;
  return s.replace(NOT_FOR_TERMINAL, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 10) return '\\n';
    if (code === 13) return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSON text in which the characters JSON.stringify leaves raw but a terminal acts on (DEL, C1,
 * bidirectional and invisible marks) are \\u escapes too: the same JSON value, safe on a terminal. */
export function terminalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[\x7F-\x9F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One finding as a text line: 位置  级别  消息  [code]. */
export function formatFindingLine(f: Finding, c: Paint = PLAIN): string {
  const paint = f.severity === 'error' ? c.red : f.severity === 'warning' ? c.yellow : c.cyan;
  return `${terminalText(formatLocation(f.location))}  ${paint(severityLabel(f.severity))}  ${terminalText(f.message)}  ${c.dim('[' + f.code + ']')}`;
}

/** The verdict line of one file: 目录.xlsx：通过（2017 版式，12 个事项；错误 0，警告 1，提示 2）. */
export function summaryLine(f: FileResult, c: Paint = PLAIN): string {
  const n = countBySeverity(f.findings);
  const verdict = isValid(f.findings) ? c.green('通过') : c.red('未通过');
  return `${terminalText(f.file)}：${verdict}（${f.profile} 版式，${f.items} 个事项；错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}）`;
}

/** The layout read, in words, for `--format json` (2019 → 2019 标准目录; a list layout by its name). */
function layoutName(profile: string): string {
  return profile === '2017' ? '2017 样表' : profile === '2019' ? '2019 标准目录' : profile;
}
