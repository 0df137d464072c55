// Fixes as data: a rule that knows the corrected text attaches a Fix to its finding — the text it saw and
// edits at offsets in that text — and one function applies edits to a text for every container (a sheet
// cell in a zip, a YAML scalar, a catalog copy). Offsets, not "replace the first occurrence": a fragment
// written twice is fixed at the place the rule meant, and two edits that overlap are detected instead of
// one silently spoiling the other (eslint's SourceCodeFixer does the same with ranges).
import type { SourceRef } from './location.js';

/** Replace text[start, end) by `text` (offsets in UTF-16 units of the text the rule saw; start === end inserts). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A finding's correction: the text the rule saw (a cell's text, or one 依据 line of it) and the edits to it. */
export interface Fix {
  expected: string;
  edits: Edit[];
}

/** A fix that replaces text[start, end) of the text a rule saw. */
export function replaceRange(expected: string, start: number, end: number, text: string): Fix {
  return { expected, edits: [{ start, end, text }] };
}

/** A fix that replaces the whole text a rule saw (one full-range edit). */
export function replaceAll(expected: string, text: string): Fix {
  return replaceRange(expected, 0, expected.length, text);
}

/** A fix that deletes the given ranges of the text a rule saw (white space, forbidden characters). */
export function deleteRanges(expected: string, ranges: readonly [number, number][]): Fix {
  return { expected, edits: ranges.map(([start, end]) => ({ start, end, text: '' })) };
}

/** The ranges of every match of a global pattern in a text (for deleteRanges). */
export function matchRanges(text: string, pattern: RegExp): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(pattern)) if (m[0] !== '') out.push([m.index!, m.index! + m[0].length]);
  return out;
}

function byPosition(a: Edit, b: Edit): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Apply edits to a text: sorted by position, each applied unless it overlaps one applied before it (then it
 * is skipped and returned as such; a second insertion at the same point counts as overlapping, as their
 * order would be a guess). An edit outside the text is skipped too.
 */
export function applyEdits<E extends Edit>(text: string, edits: readonly E[]): { text: string; applied: E[]; skipped: E[] } {
  const sorted = [...edits].sort(byPosition);
  const applied: E[] = [];
  const skipped: E[] = [];
  const pieces: string[] = [];
  let last = 0;
  let lastInsert = -1;
  for (const e of sorted) {
    const outside = e.start < 0 || e.end < e.start || e.end > text.length;
    if (outside || e.start < last || (e.start === e.end && e.start === lastInsert)) {
      skipped.push(e);
      continue;
    }
    pieces.push(text.slice(last, e.start), e.text);
    last = e.end;
    lastInsert = e.start === e.end ? e.start : -1;
    applied.push(e);
  }
  pieces.push(text.slice(last));
  return { text: pieces.join(''), applied, skipped };
}

/**
 * Apply whole fixes (each a list of edits) to one text: a fix is applied with all its edits or not at all.
 * A fix whose edits were only partly applicable is taken out and the rest applied again, so the text never
 * holds half a correction. Returns the indices of the fixes applied and skipped.
 */
export function applyFixes(text: string, fixes: readonly { edits: readonly Edit[] }[]): { text: string; applied: number[]; skipped: number[] } {
  const out = new Set<number>();
  for (;;) {
    const tagged = fixes.flatMap((f, fix) => (out.has(fix) ? [] : f.edits.map((e) => ({ ...e, fix }))));
    const r = applyEdits(text, tagged);
    const partly = new Set(r.skipped.map((e) => e.fix).filter((fix) => r.applied.some((e) => e.fix === fix)));
    if (partly.size === 0) {
      const skipped = new Set([...out, ...r.skipped.map((e) => e.fix)]);
      const indices = fixes.map((_, i) => i);
      return { text: r.text, applied: indices.filter((i) => !skipped.has(i)), skipped: indices.filter((i) => skipped.has(i)) };
    }
    for (const fix of partly) out.add(fix);
  }
}

/**
 * The edits placed into rich-text runs whose texts make up the text: each run's new text, or undefined when
 * an edit crosses from one run into another (the cell then becomes plain text). An insertion at a boundary
 * goes to the run before it.
 */
export function editRuns(runs: readonly string[], edits: readonly Edit[]): string[] | undefined {
  const starts: number[] = [];
  let at = 0;
  for (const r of runs) {
    starts.push(at);
    at += r.length;
  }
  const perRun: Edit[][] = runs.map(() => []);
  for (const e of edits) {
    let k = runs.findIndex((r, i) => e.start >= starts[i]! && e.end <= starts[i]! + r.length && (e.start < starts[i]! + r.length || e.start === e.end));
    if (k < 0) return undefined;
    perRun[k]!.push({ start: e.start - starts[k]!, end: e.end - starts[k]!, text: e.text });
  }
  const out: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = applyEdits(runs[i]!, perRun[i]!);
    if (r.skipped.length) return undefined;
    out.push(r.text);
  }
  return out;
}

/**
 * What a fix changes, as one before/after pair for messages and JSON: the span from its first edit to its
 * last (a 文号, a category's spelling), or the whole text when the fix only deletes (spaces, forbidden
 * characters: the deleted characters alone would read as nothing).
 */
export function fixSpan(fix: Fix): { from: string; to: string } {
  if (fix.edits.length === 0) return { from: fix.expected, to: fix.expected };
  if (fix.edits.every((e) => e.text === '')) return { from: fix.expected, to: fixedText(fix) };
  const start = Math.min(...fix.edits.map((e) => e.start));
  const end = Math.max(...fix.edits.map((e) => e.end));
  const span = fix.expected.slice(start, end);
  const to = applyEdits(span, fix.edits.map((e) => ({ start: e.start - start, end: e.end - start, text: e.text }))).text;
  return { from: span, to };
}

/** The text a fix makes of the text it expects. */
export function fixedText(fix: Fix): string {
  return applyEdits(fix.expected, fix.edits).text;
}

/**
 * Why a fix could not be applied, as a container says it (fix/ turns these into the user's words): the place
 * is not there, holds no text (a formula, a number), cannot be located safely, is too large to rewrite, or
 * the edited value could not be written back in the container's own syntax.
 */
export type SkipKind = 'not-found' | 'not-text' | 'no-ref' | 'too-large' | 'unwritable';

/** A container skips a place: its kind, and words to fill in (the part or sheet, its size, the limit). */
export interface CellSkip {
  skip: SkipKind;
  params?: Record<string, string>;
}

/** The current text of a place in a container, as the reader read it (line breaks as "\n"). */
export interface CellText {
  text: string;
}

/**
 * A container fix can edit (a workbook's zip, a YAML text, a copy of the catalog): read the current text
 * of places, write a place's new text (with the edits that made it, so that rich text or the source's own
 * spelling can be kept), and commit the corrected bytes or text. `failed` names writes that commit could
 * not keep (a YAML value that would no longer read back as written).
 */
export interface CellTarget {
  read(places: readonly SourceRef[]): Promise<(CellText | CellSkip)[]>;
  write(at: SourceRef, text: string, edits: readonly Edit[]): void;
  commit(): Promise<{ data: Uint8Array | string; failed: { at: SourceRef; skip: CellSkip }[] }>;
}
