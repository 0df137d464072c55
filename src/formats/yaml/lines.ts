// A linear pass over the lines of a YAML text before the yaml library parses it:
// - nesting too deep for the parser (flow brackets, indentation) is refused with its line, counting only
//   what YAML reads as structure: brackets and indentation inside block scalars, quoted text, plain
//   continuation lines and comments are text;
// - runs of comment lines and blank lines that cannot change the document are taken out, with a map back
//   to the file's own line numbers. The yaml library spends microseconds and hundreds of bytes on every
//   line, so 20 million comment lines after a catalog would cost a minute and gigabytes; taken out, they
//   cost one look each. A run is kept whenever it may matter: inside a block scalar (unless only trailing
//   empty lines that chomping drops), inside quoted text, between the lines of a plain scalar, and inside
//   flow collections except after a separator.
// The pass reads YAML's structure by the line's first characters (indentation, "- ", "key:", a scalar's
// opening quote or bracket) and is conservative: a line it does not understand keeps the run before it.

import { scanLine, scanQuote, type Block } from './line-scan.js';

/** A catalog needs about six levels; far deeper nesting is a broken or hostile file. */
export const MAX_YAML_DEPTH = 64;

export interface PreparedYaml {
  /** The text with the runs that cannot matter taken out. */
  text: string;
  /** The file's own line number of a (1-based) line of `text`. */
  lineOf(line: number): number;
  /** The line of `text` that is the file's line `line`, or undefined when that line was taken out. */
  compactLine(line: number): number | undefined;
  /** The file's own offset of an offset into `text`. */
  offsetOf(offset: number): number;
}

/** Where the text nests deeper than MAX_YAML_DEPTH (1-based line of the file). */
export class YamlTooDeep extends Error {
  constructor(readonly line: number) {
    super(`nesting too deep at line ${line}`);
    this.name = 'YamlTooDeep';
  }
}

const SPACE = 32;
const TAB = 9;


/** Check nesting and take out the runs of comment and blank lines that cannot matter (see above). */
export function prepareYaml(text: string): PreparedYaml {
  const pass = linePass(true);
  pass.feed(text);
  return pass.finish();
}

/** The pass over a text given a piece at a time (see linePass). */
export interface LinePass {
  /** Look at the next piece: it starts a line, and ends after a line feed unless it is the last. */
  feed(piece: string): void;
  /** A run would be taken out: only a pass over the whole text keeps what is left of it. */
  readonly cut: boolean;
  /** The end of the text: the prepared text (of a whole pass; '' for pieces) and its line maps. */
  finish(): PreparedYaml;
}

/**
 * The pass of prepareYaml, over the whole text (`whole`: one piece, runs taken out) or over pieces of it
 * (nothing is taken out: `cut` says that something would be, and the caller reads the whole text instead).
 * Pieces let a large file be checked without its whole text held beside its bytes (issue 19).
 */
export function linePass(whole: boolean): LinePass {
  let text = '';
  let n = 0;
  let cut = false;
  const kept: string[] = [];
  /** Compact line numbers where a removal happened, and how many lines were removed up to there. */
  const at: number[] = [];
  const removedSoFar: number[] = [];
  let removed = 0;
  /** The same by character offset: where in the compact text a run was taken out, and how many characters so far. */
  const charsAt: number[] = [];
  const charsSoFar: number[] = [];
  let keptChars = 0;
  let removedChars = 0;
  let from = 0; // start of the text not yet copied to `kept`
  let compactLine = 1; // compact number of the line being looked at

  let block: Block | undefined;
  let quote = 0;
  let flow = 0;
  /** An open plain scalar continues on lines indented more than this; null: none open. */
  let openT: number | null = null;
  /** In a flow collection, the last line ended after a separator (a run after it cannot join a scalar). */
  let flowSafe = true;

  /** The run of candidate lines waiting for the next line to decide: its start offset and line count. */
  let runStart = -1;
  let runLines = 0;
  /** The run is of a block scalar's empty lines (decided by what follows in the block). */
  let runInBlock = false;

  const startRun = (offset: number, inBlock: boolean): void => {
    if (runStart < 0) {
      runStart = offset;
      runLines = 0;
      runInBlock = inBlock;
    }
    runLines++;
  };
  /** Decide the pending run, ending at `end` (the offset of the line after it). */
  const closeRun = (end: number, remove: boolean): void => {
    if (runStart < 0) return;
    if (remove && !whole) cut = true;
    else if (remove) {
      kept.push(text.slice(from, runStart));
      keptChars += runStart - from;
      removedChars += end - runStart;
      charsAt.push(keptChars);
      charsSoFar.push(removedChars);
      from = end;
      removed += runLines;
      at.push(compactLine);
      removedSoFar.push(removed);
    } else compactLine += runLines;
    runStart = -1;
    runLines = 0;
  };

  let line = 0;
  const feed = (piece: string): void => {
    text = piece;
    n = piece.length;
    for (let start = 0; start < n; ) {
      line++;
      let end = text.indexOf('\n', start);
      if (end < 0) end = n;
      const next = end + 1;
      let stop = end;
      if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
      let i = start;
      while (i < stop && text.charCodeAt(i) === SPACE) i++;
      const indent = i - start;
      let j = i;
      while (j < stop && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
      const blank = j === stop;

      if (block) {
        if (blank) {
          if (block.indent >= 0 && stop - start > block.indent) {
            // Spaces beyond the block's indentation are text of the value.
            closeRun(start, false);
            compactLine++;
          } else startRun(start, true);
          start = next;
          continue;
        }
        if (indent > block.parent) {
          if (block.indent < 0) block.indent = indent;
          closeRun(start, false);
          compactLine++;
          start = next;
          continue;
        }
        // The block ends here: its trailing empty lines are dropped by chomping unless it keeps them.
        closeRun(start, !block.keep);
        block = undefined;
      }

      if (quote) {
        // Inside quoted text spanning lines: every line is text, blank lines included.
        closeRun(start, false);
        const after = scanQuote(text, start, stop, quote);
        if (after < 0) {
          compactLine++;
          start = next;
          continue;
        }
        const r = scanLine(text, after, stop, start, flow, false, false);
        if (r.peak > MAX_YAML_DEPTH) throw new YamlTooDeep(line);
        flow = r.flow;
        quote = r.quote;
        flowSafe = r.flowSafe;
        // A plain value after a key that was quoted over several lines: where its continuation may start
        // is not known here, so every following line is taken as possibly part of it.
        openT = r.openT === null ? null : -1;
        compactLine++;
        start = next;
        continue;
      }

      const comment = !blank && text.charCodeAt(j) === 35;
      if (blank || comment) {
        startRun(start, false);
        start = next;
        continue;
      }

      // A line with content: decide the run before it.
      const continues = flow === 0 && openT !== null && indent > openT;
      if (runStart >= 0) closeRun(start, runInBlock ? false : flow > 0 ? flowSafe : openT === null || indent <= openT);
      compactLine++;
      if (continues) {
        // More of a plain scalar: text, whatever it looks like.
        start = next;
        continue;
      }
      if (flow === 0) {
        let depth = 0;
        for (let k = start; k < stop && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === 45); k++) depth++;
        if (depth > MAX_YAML_DEPTH * 2) throw new YamlTooDeep(line);
      }
      if (flow === 0 && indent === 0 && /^(?:---|\.\.\.)(?:[ \t]|$)/.test(text.slice(i, Math.min(stop, i + 4)))) {
        // A document marker: structure, not a scalar.
        openT = null;
        start = next;
        continue;
      }
      const r = scanLine(text, i, stop, start, flow, flow === 0, true);
      if (r.peak > MAX_YAML_DEPTH) throw new YamlTooDeep(line);
      flow = r.flow;
      quote = r.quote;
      flowSafe = r.flowSafe;
      openT = r.openT;
      if (r.block) block = { parent: r.block.parent, indent: r.block.indent, keep: r.block.keep };
      start = next;
    }
    // A run at the end: nothing follows it.
  };
  const finish = (): PreparedYaml => {
    closeRun(n, block ? !block.keep : quote === 0 && flow === 0);
    if (!whole) return { text: '', ...lineMaps(at, removedSoFar, charsAt, charsSoFar) };
    kept.push(text.slice(from));
    const compact = at.length ? kept.join('') : text;
    return { text: compact, ...lineMaps(at, removedSoFar, charsAt, charsSoFar) };
  };
  return {
    feed,
    get cut() {
      return cut;
    },
    finish,
  };
}

/** The maps back to the file's lines and offsets, built apart from the pass: closures made inside it
 * would share its scope, and keep the whole text alive as long as a caller keeps `lineOf` (issue 19). */
function lineMaps(at: readonly number[], removedSoFar: readonly number[], charsAt: readonly number[], charsSoFar: readonly number[]): Omit<PreparedYaml, 'text'> {
  const lineOf = (l: number): number => {
    const k = lastAtOrBefore(at, l);
    return k < 0 ? l : l + removedSoFar[k]!;
  };
  return {
    lineOf,
    compactLine(line: number): number | undefined {
      // lineOf grows with the line: search for the compact line it maps to this one.
      let lo = 1;
      let hi = Math.max(1, line);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (lineOf(mid) < line) lo = mid + 1;
        else hi = mid;
      }
      return lineOf(lo) === line ? lo : undefined;
    },
    offsetOf(offset: number): number {
      const k = lastAtOrBefore(charsAt, offset);
      return k < 0 ? offset : offset + charsSoFar[k]!;
    },
  };
}

/** The index of the last entry of an ascending list that is at most `x` (-1 when none is). */
function lastAtOrBefore(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
