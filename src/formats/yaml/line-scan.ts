// One line of YAML read for its structure, for the line pass of lines.ts: flow depth, quotes left open,
// block scalar indicators and plain scalars that later lines may continue.

const SPACE = 32;
const TAB = 9;

/** A block scalar (| or >) being read: lines more indented than `parent` (or blank) belong to it. */
export interface Block {
  parent: number;
  /** Indentation of its first content line (-1 until seen). */
  indent: number;
  /** Keep chomping (+): trailing empty lines are part of the value. */
  keep: boolean;
}

/** The index after the closing quote of quoted text continuing from `i`, or -1 when the line ends first. */
export function scanQuote(text: string, i: number, stop: number, quote: number): number {
  for (; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92) {
      i++;
      continue;
    }
    if (c === quote) {
      // '' inside single quotes is an escaped quote.
      if (quote === 39 && text.charCodeAt(i + 1) === 39) {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return -1;
}

interface LineScan {
  flow: number;
  /** The deepest flow nesting reached on the line. */
  peak: number;
  quote: number;
  flowSafe: boolean;
  openT: number | null;
  block?: Block;
}

/** White space or the end of the line (charCodeAt past the end gives NaN). */
const isBlankCode = (c: number): boolean => c === SPACE || c === TAB || c === 10 || c === 13 || Number.isNaN(c);

/**
 * One line's structure from `i` (its first non-space character) to `stop`: flow depth, an opening quote
 * left open, a block scalar indicator, and whether it ends in a plain scalar that the next lines may
 * continue (and from which indentation on). `block` context: the line starts outside flow collections.
 */
export function scanLine(text: string, i: number, stop: number, lineStart: number, flowIn: number, blockContext: boolean, atNodeStart: boolean): LineScan {
  let flow = flowIn;
  let peak = flowIn;
  let dashCol = -1;
  let keyCol = -1;
  let nodeCol = i - lineStart;
  if (blockContext) {
    // "- " entries: the node begins after them.
    while (i < stop && text.charCodeAt(i) === 45 && (i + 1 >= stop || isBlankCode(text.charCodeAt(i + 1)))) {
      dashCol = i - lineStart;
      i++;
      while (i < stop && text.charCodeAt(i) === SPACE) i++;
      nodeCol = i - lineStart;
    }
  }
  let tokenStart = atNodeStart;
  let plain = false;
  let plainAtDepth0 = false;
  let lastSignificant = 0;
  let block: Block | undefined;
  let afterKey = false;
  for (; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) continue;
    if (c === 35 && isBlankCode(text.charCodeAt(i - 1))) break;
    if (tokenStart && (c === 34 || c === 39)) {
      const after = scanQuote(text, i + 1, stop, c);
      if (after < 0) return { flow, peak, quote: c, flowSafe: false, openT: null };
      i = after - 1;
      tokenStart = false;
      plain = false;
      lastSignificant = c;
      continue;
    }
    if (tokenStart && (c === 38 || c === 33)) {
      // An anchor or a tag before the node: skip it, the node still begins after it.
      while (i + 1 < stop && !isBlankCode(text.charCodeAt(i + 1)) && (flow === 0 || !',[]{}'.includes(text[i + 1]!))) i++;
      continue;
    }
    if (tokenStart && flow === 0 && (c === 124 || c === 62)) {
      // A block scalar: | or > with chomping/indentation indicators, then only a comment.
      let k = i + 1;
      let keep = false;
      while (k < stop && /[-+0-9]/.test(text[k]!)) {
        if (text.charCodeAt(k) === 43) keep = true;
        k++;
      }
      let rest = k;
      while (rest < stop && isBlankCode(text.charCodeAt(rest))) rest++;
      if (rest === stop || (text.charCodeAt(rest) === 35 && rest > k)) {
        block = { parent: afterKey ? keyCol : dashCol >= 0 ? dashCol : -1, indent: -1, keep };
        return { flow, peak, quote: 0, flowSafe: true, openT: null, block };
      }
    }
    if ((tokenStart || flow > 0) && (c === 91 || c === 123)) {
      if (++flow > peak) peak = flow;
      tokenStart = true;
      plain = false;
      lastSignificant = c;
      continue;
    }
    if (flow > 0 && (c === 93 || c === 125)) {
      flow--;
      tokenStart = false;
      plain = false;
      lastSignificant = c;
      continue;
    }
    if (flow > 0 && c === 44) {
      tokenStart = true;
      plain = false;
      lastSignificant = c;
      continue;
    }
    if (c === 58 && (i + 1 >= stop || isBlankCode(text.charCodeAt(i + 1)) || (flow > 0 && ',[]{}'.includes(text[i + 1]!)))) {
      // A key indicator: what came before was a key.
      if (flow === 0 && !afterKey) {
        afterKey = true;
        keyCol = nodeCol;
      }
      tokenStart = true;
      plain = false;
      lastSignificant = c;
      continue;
    }
    if (tokenStart && c === 42) {
      // An alias: a whole node, never continued.
      while (i + 1 < stop && !isBlankCode(text.charCodeAt(i + 1)) && (flow === 0 || !',[]{}'.includes(text[i + 1]!))) i++;
      tokenStart = false;
      plain = false;
      lastSignificant = c;
      continue;
    }
    if (tokenStart) {
      plain = true;
      plainAtDepth0 = flow === 0;
    }
    tokenStart = false;
    lastSignificant = c;
  }
  const flowSafe = lastSignificant === 44 || lastSignificant === 91 || lastSignificant === 123 || lastSignificant === 58 || lastSignificant === 34 || lastSignificant === 39;
  let openT: number | null = null;
  if (flow === 0 && plain && plainAtDepth0) openT = afterKey ? keyCol : dashCol >= 0 ? dashCol : -1;
  return { flow, peak, quote: 0, flowSafe, openT, ...(block ? { block } : {}) };
}
