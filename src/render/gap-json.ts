// The gap report as JSON (the CLI contract: file, items, findings, summary, coverage).
import { gapJson, type GapReport } from '../report/gap.js';

/** Render the gap report as a JSON string (2-space indented, trailing newline). */
export function renderGapJson(r: GapReport): string {
  return JSON.stringify(gapJson(r), null, 2) + '\n';
}
