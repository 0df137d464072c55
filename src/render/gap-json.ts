// The gap report as JSON (the CLI contract: file, items, findings, summary, coverage).
import { gapJson, type GapReport } from '../reports/gap.js';
import { terminalJson } from '../reports/report.js';

/** Render the gap report as a JSON string (2-space indented, trailing newline). */
export function renderGapJson(r: GapReport): string {
  return terminalJson(gapJson(r), 2) + '\n';
}
