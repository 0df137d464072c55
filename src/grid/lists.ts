// Reading the 2019 list cells: the ■/□ channel checklist (or a plain list), √ tick cells and
// text-valued tick cells (全社会、主动公开 …).
import {
  CHANNELS,
  CHANNEL_SELECTED,
  CHANNEL_UNSELECTED,
  LIST_SEPARATORS,
  SAME_AS_ABOVE,
  TICK_MARKS,
  TICK_OPTIONS,
  UNTICK_MARKS,
} from '../settings/vocab.js';
import { normaliseLabel, type TickGroup } from '../settings/columns.js';
import { trimWhere, unitIn } from '../settings/trim.js';

/** Whole-cell 同上 (after trimming). */
export function isSameAsAbove(text: string): boolean {
  const t = text.trim();
  return t !== '' && SAME_AS_ABOVE.includes(t);
}

const SELECTED = new Set(CHANNEL_SELECTED);
const UNSELECTED = new Set(CHANNEL_UNSELECTED);
/** 口 is also an ordinary character (窗口, 出入口): it is a mark only where a mark can start. */
const AMBIGUOUS_MARKS = new Set(['口']);
const EDGE = unitIn(/[\s、，,；;:：。]/u);
/** Where a mark may start besides the start of the text: after a space or a list separator. */
const BEFORE_MARK = /[\s、，,；;:：。]/u;
/** What ends a checklist entry after its name: a space or a separator (、 stays: 社区/企事业单位、村公示栏). */
const ENTRY_END = /[\s，,；;:：]+/u;

export interface ChannelList {
  /** Selected channels, as written and in their order, without their marks. */
  selected: string[];
  /** Every option of a ■/□ checklist in order; undefined for a plain list. */
  options?: string[];
  /** In a checklist, channels written without a mark of their own (read as selected). */
  unmarked: string[];
}

const BY_LENGTH = (a: string, b: string): number => b.length - a.length;
const KNOWN_CHANNELS = [...CHANNELS].sort(BY_LENGTH);

/** List numbering (①, 1., 2、) and bullet dots (⠂ from a PDF, •, ·) that start an entry: a new entry there. */
const NUMBERING = /(?:(?<!\d)\d{1,2}[.．、](?!\d)|[①-⑳]|[⠂•·・▪])/gu;

/** Split a plain list, keeping the standard channel names whole (社区/企事业单位、村公示栏(电子屏) has a 、 inside),
 * each entry as `entries` reads the names after a mark (numbering dropped, tails and wrapped names joined). */
function splitPlain(text: string): string[] {
  return joinEntries(splitKnown(text.replace(NUMBERING, '\n').replace(/\s+(?=[(（])/gu, ''), KNOWN_CHANNELS));
}

/** A channel's name compared loosely: no spaces, / and 、 alike, half-width brackets, no bracketed tail. */
function channelKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').replace(/、/gu, '/').replace(/\([^()]*\)$/u, '');
}
const STANDARD_KEYS = new Set(CHANNELS.map(channelKey));

/** Whether a channel as written is a standard one (社区/企事业单位/村公示栏(电子屏), 政府网站（县政府门户）). */
export function isStandardChannel(name: string): boolean {
  return CHANNELS.includes(name) || STANDARD_KEYS.has(channelKey(name));
}

/** Names split from a list, as a reviewer reads them: numbering and a closing 。 dropped, a bracketed tail
 * (电子屏) kept with the name before it, a standard name wrapped by a space (政府 网站) joined. */
function joinEntries(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tokens) {
    const t = entryName(raw);
    if (t === '') continue;
    const last = out.length - 1;
    if (last >= 0 && (/^[(（]/u.test(t) || (!isStandardChannel(out[last]!) && isStandardChannel(out[last]! + t)))) out[last] += t;
    else out.push(t);
  }
  return out;
}

/**
 * Split a list written as one text (政府网站、两微一端; 县级、乡、村级) at line breaks, 、，；and spaces,
 * keeping the names in `known` whole where they contain a separator themselves.
 */
export function splitList(text: string, known: readonly string[]): string[] {
  return splitKnown(text, [...known].sort(BY_LENGTH));
}

function splitKnown(text: string, known: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const lead = /^[\n、，,；;\s]+/u.exec(rest);
    if (lead) {
      i += lead[0].length;
      continue;
    }
    const hit = known.find((k) => rest.startsWith(k));
    if (hit) {
      out.push(hit);
      i += hit.length;
      continue;
    }
    const m = LIST_SEPARATORS.exec(rest);
    const token = m ? rest.slice(0, m.index) : rest;
    out.push(token);
    i += token.length + (m ? m[0].length : 0);
  }
  return out.filter((t) => t !== '');
}

/** A 口 written straight after the previous entry (■政府网站口政府公报): a mark when the cell is already a checklist
 * and a standard channel's name follows it — an ordinary 口 (窗口, 出入口) is not followed by one. */
function runOnMark(chars: readonly string[], i: number, marksBefore: number): boolean {
  if (marksBefore === 0) return false;
  const rest = chars.slice(i + 1).join('');
  return KNOWN_CHANNELS.some((k) => rest.startsWith(k));
}

/** Parse a 公开渠道和载体 cell. */
export function parseChannels(text: string): ChannelList {
  const chars = [...text];
  const marks: { index: number; on: boolean }[] = [];
  chars.forEach((ch, i) => {
    if (!SELECTED.has(ch) && !UNSELECTED.has(ch)) return;
    if (AMBIGUOUS_MARKS.has(ch) && i > 0 && !BEFORE_MARK.test(chars[i - 1]!) && !runOnMark(chars, i, marks.length)) return;
    marks.push({ index: i, on: SELECTED.has(ch) });
  });
  // A list that never uses ■/□ means every channel listed is selected.
  if (marks.length === 0) return { selected: splitPlain(text), unmarked: [] };
  const selected: string[] = [];
  const options: string[] = [];
  const unmarked: string[] = [];
  const add = (label: string, on: boolean | undefined): void => {
    options.push(label);
    if (on !== false) selected.push(label);
    if (on === undefined) unmarked.push(label);
  };
  // Text before the first mark, or after a marked channel on another line or past a space, has no mark
  // of its own: it is read as selected, in its place, and reported (selected or not is a guess).
  const before = trimWhere(chars.slice(0, marks[0]!.index).join(''), EDGE);
  for (const t of before ? splitPlain(before) : []) add(t, undefined);
  marks.forEach((m, k) => {
    const end = k + 1 < marks.length ? marks[k + 1]!.index : chars.length;
    const segment = trimWhere(chars.slice(m.index + 1, end).join(''), EDGE);
    if (!segment) return;
    const [label, ...rest] = entries(segment);
    if (label === undefined) return;
    for (const name of runTogether(label)) add(name, m.on);
    for (const t of rest) for (const u of splitPlain(t)) add(u, undefined);
  });
  return { selected, options, unmarked };
}

/** An entry's name without list numbering (1.政府网站) and the sentence end a list closes with (口其他。). */
function entryName(text: string): string {
  return text.replace(/^(?:\d{1,2}|[①-⑳])[.、．)）]?(?=\D)/u, '').replace(/^[⠂•·・▪\s]+/u, '').replace(/[。.]+$/u, '');
}

/** The names in a segment after a mark: split at spaces and separators, a bracketed tail (电子屏) kept with
 * the name before it, and a standard name wrapped by a space (政府 网站) kept whole. */
function entries(segment: string): string[] {
  return joinEntries(segment.split(ENTRY_END));
}

/** Channel names seen in published checklists besides the standard ones: what run-together names split into. */
const OTHER_CHANNELS: readonly string[] = ['听证会', '政务新媒体', '图书馆', '档案馆', '国家档案馆', '公示栏', '宣传栏', '会议'];
const JOINABLE = [...CHANNELS, ...OTHER_CHANNELS].sort(BY_LENGTH);

/** A name that is two or more known channels written together (发布会听证会 → 发布会, 听证会); else the name. */
export function runTogether(name: string): string[] {
  if (JOINABLE.includes(name)) return [name];
  const out: string[] = [];
  let rest = name;
  while (rest !== '') {
    const hit = JOINABLE.find((k) => rest.startsWith(k));
    if (!hit) return [name];
    out.push(hit);
    rest = rest.slice(hit.length);
  }
  return out.length > 1 ? out : [name];
}

/** A √ column cell: ticked, not ticked, or something else (reported as tick-invalid). */
export function readTick(text: string, label: string): 'on' | 'off' | 'invalid' {
  const t = text.trim();
  if (t === '' || UNTICK_MARKS.includes(t)) return 'off';
  if (TICK_MARKS.includes(t)) return 'on';
  // Some sheets repeat the option's name instead of a mark.
  if (normaliseLabel(t) === normaliseLabel(label)) return 'on';
  return 'invalid';
}

/** A text-valued tick cell (one-row 2019 header): the canonical options named, and what was not understood. */
export function parseTickText(text: string, group: TickGroup): { labels: string[]; unknown: string[] } {
  const labels: string[] = [];
  const unknown: string[] = [];
  for (const token of text.split(LIST_SEPARATORS)) {
    if (!token) continue;
    const n = normaliseLabel(token);
    const option = TICK_OPTIONS[group].find((aliases) => aliases.some((a) => normaliseLabel(a) === n));
    if (option) {
      if (!labels.includes(option[0]!)) labels.push(option[0]!);
    } else {
      unknown.push(token);
    }
  }
  return { labels, unknown };
}
