// fix's container for a YAML file: the located scalars edited in the source text itself, so comments,
// order, quotes and block styles stay. Runs of comment and blank lines are set aside first (lines.ts) and
// the rest parsed item by item when the file is large (split.ts), so a huge file costs what its items
// cost; edits are placed back at the file's own offsets.
//
// An edit is made in the scalar's source where the replaced fragment appears there as often as in the
// value (plain, quoted and block scalars alike hold plain text verbatim); otherwise the value is written
// double-quoted. Each edited unit is parsed again to prove that every edited value reads back as meant;
// a value that would not is written double-quoted, and failing that left as it was (commit names it).
import { isScalar, LineCounter, parseDocument, visit, type Scalar } from 'yaml';
import { applyEdits, type CellSkip, type CellTarget, type CellText, type Edit } from '../../findings/fix.js';
import type { SourceRef } from '../../findings/location.js';
import { prepareYaml } from './lines.js';
import { splitItems } from './split.js';

/** Scalars of a YAML text by "line:column" of their first character (what the YAML reader records), and by offset. */
function scalarsByPosition(text: string): { nodes: Map<string, Scalar>; byOffset: Map<number, Scalar> } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, keepSourceTokens: true, uniqueKeys: false });
  const nodes = new Map<string, Scalar>();
  const byOffset = new Map<number, Scalar>();
  visit(doc, {
    Scalar(_key, node) {
      if (!node.range) return;
      const pos = lc.linePos(node.range[0]);
      nodes.set(`${pos.line}:${pos.col}`, node);
      byOffset.set(node.range[0], node);
    },
  });
  return { nodes, byOffset };
}

/** A piece of a YAML text parsed on its own: the whole text, or its head and each item (as the reader parses it). */
interface YamlUnit {
  /** Offset of the unit in the (compact) text, its first line there (1-based) and how many lines it has. */
  start: number;
  firstLine: number;
  lines: number;
  text: string;
  scalars?: ReturnType<typeof scalarsByPosition>;
}

/** The units a YAML text is parsed in: for a large file its items one by one when the reader could split it, else the whole text. */
function yamlUnits(text: string): YamlUnit[] {
  // As the reader does: files under a megabyte are parsed whole.
  const split = text.length >= 1024 * 1024 ? splitItems(text) : undefined;
  const count = (t: string): number => t.split('\n').length;
  if (!split) return [{ start: 0, firstLine: 1, lines: count(text), text }];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // The head keeps every line (item lines blanked): its offsets are the text's own.
  const units: YamlUnit[] = [{ start: 0, firstLine: 1, lines: count(split.head), text: split.head }];
  for (const chunk of split.chunks) units.push({ start: lineStarts[chunk.lineOffset]!, firstLine: chunk.lineOffset + 1, lines: count(chunk.text), text: chunk.text });
  return units;
}

/** The item unit (after the head) whose lines include `line`, by binary search. */
function unitAt(units: readonly YamlUnit[], line: number): YamlUnit | undefined {
  let lo = 1;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid]!;
    if (line < u.firstLine) hi = mid - 1;
    else if (line >= u.firstLine + u.lines) lo = mid + 1;
    else return u;
  }
  return undefined;
}

/** Offsets of every occurrence of a fragment (overlapping ones included). */
function occurrences(text: string, fragment: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) out.push(i);
  return out;
}

/** The value's edits moved into the scalar's source, or undefined when a fragment cannot be told apart there. */
function sourceEdits(value: string, raw: string, edits: readonly Edit[]): Edit[] | undefined {
  const out: Edit[] = [];
  for (const e of edits) {
    const fragment = value.slice(e.start, e.end);
    if (fragment === '') return undefined;
    const inValue = occurrences(value, fragment);
    const inRaw = occurrences(raw, fragment);
    if (inValue.length !== inRaw.length) return undefined;
    const at = inRaw[inValue.indexOf(e.start)]!;
    out.push({ start: at, end: at + fragment.length, text: e.text });
  }
  return out;
}

interface Pending {
  at: SourceRef;
  unit: YamlUnit;
  start: number;
  end: number;
  replacement: string;
  expected: string;
  quoted: boolean;
}

/** A YAML text as a fix container: scalars found by the line and column the reader recorded. */
export function yamlTarget(text: string): CellTarget {
  const prepared = prepareYaml(text);
  const units = yamlUnits(prepared.text);
  const scalarsOf = (u: YamlUnit) => (u.scalars ??= scalarsByPosition(u.text));
  const found = new Map<string, { unit: YamlUnit; node: Scalar }>();
  const keyOf = (at: SourceRef) => `${at.line}:${at.column}`;
  const pending: Pending[] = [];

  const locate = (at: SourceRef): { unit: YamlUnit; node: Scalar } | undefined => {
    const line = at.line !== undefined ? prepared.compactLine(at.line) : undefined;
    if (line === undefined) return undefined;
    // The item holding the line; the head (the whole text, items blanked) holds the top-level keys.
    const unit = unitAt(units, line) ?? units[0]!;
    const node = scalarsOf(unit).nodes.get(`${line - unit.firstLine + 1}:${at.column}`);
    return node && isScalar(node) && typeof node.value === 'string' && node.range ? { unit, node } : undefined;
  };

  /** A unit's text with its edits, and where each edited value now starts in it. */
  const build = (unit: YamlUnit, list: readonly Pending[]) => {
    let out = '';
    let last = 0;
    const starts: number[] = [];
    for (const e of list) {
      out += unit.text.slice(last, e.start);
      starts.push(out.length);
      out += e.replacement;
      last = e.end;
    }
    return { out: out + unit.text.slice(last), starts };
  };
  const failing = (unit: YamlUnit, list: readonly Pending[]): Pending[] => {
    const { out, starts } = build(unit, list);
    const { byOffset } = scalarsByPosition(out);
    return list.filter((e, k) => byOffset.get(starts[k]!)?.value !== e.expected);
  };

  return {
    async read(ats): Promise<(CellText | CellSkip)[]> {
      return ats.map((at) => {
        const hit = locate(at);
        if (!hit) return { skip: 'not-found' };
        found.set(keyOf(at), hit);
        return { text: hit.node.value as string };
      });
    },
    write(at, value, edits) {
      const { unit, node } = found.get(keyOf(at))!;
      const [start, end] = node.range!;
      const raw = unit.text.slice(start, end);
      const moved = sourceEdits(node.value as string, raw, edits);
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      const replacement = moved ? applyEdits(raw, moved).text : block ? raw : JSON.stringify(value);
      pending.push({ at, unit, start, end, replacement, expected: value, quoted: !moved });
    },
    async commit() {
      pending.sort((a, b) => a.unit.start + a.start - (b.unit.start + b.start));
      const bad = new Set<Pending>();
      for (const unit of new Set(pending.map((e) => e.unit))) {
        const list = pending.filter((e) => e.unit === unit);
        let wrong = failing(unit, list);
        if (wrong.length) {
          // A fragment edit changed the meaning of the source (escapes, folding): write that value double-quoted.
          for (const e of wrong) if (!e.quoted && e.replacement !== unit.text.slice(e.start, e.end)) e.replacement = JSON.stringify(e.expected);
          wrong = failing(unit, list);
          for (const e of wrong) e.replacement = unit.text.slice(e.start, e.end);
        }
        for (const e of wrong) bad.add(e);
      }
      // The edits at the file's own offsets (the lines set aside are never inside a value).
      let out = '';
      let last = 0;
      for (const e of pending) {
        const from = prepared.offsetOf(e.unit.start + e.start);
        const to = prepared.offsetOf(e.unit.start + e.end - 1) + 1;
        out += text.slice(last, from) + e.replacement;
        last = to;
      }
      out += text.slice(last);
      const failed = pending
        .filter((e) => bad.has(e) || e.replacement === e.unit.text.slice(e.start, e.end))
        .map((e) => ({ at: e.at, skip: { skip: 'unwritable' as const, params: { format: 'YAML' } } }));
      return { data: out, failed };
    },
  };
}
