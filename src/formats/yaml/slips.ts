// The slips of a Chinese keyboard in hand-written YAML: a full-width colon (：) where a key's colon
// belongs, full-width spaces (　) in the indentation, a full-width hyphen (－) as a list marker. The YAML
// parser either fails on them with a message about something else (键不能跨行, 缺少必要的符号) or, worse,
// reads them as text; this finds them in the parsed document so the message can name the character,
// its line and column, and the fix.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { itemKeys, ITEM_EXTRA_KEY, ITEM_ORIGIN_KEY, OPTION_KEYS, PAIRS_KEY, TOP_KEYS } from '../../model/document.js';

export interface KeyboardSlip {
  /** 1-based line and column of the character. */
  line: number;
  column: number;
  char: string;
  /** What the character is (全角冒号 …). */
  name: string;
  /** How to fix it, in Chinese. */
  fix: string;
}

const KNOWN_KEYS = new Set<string>([
  ...Object.values(TOP_KEYS),
  ...itemKeys('2017').map((k) => k.docKey),
  ...itemKeys('2019').map((k) => k.docKey),
  ITEM_EXTRA_KEY,
  ITEM_ORIGIN_KEY,
  PAIRS_KEY,
  '公开内容',
  '公开标准',
  ...Object.values(OPTION_KEYS),
]);

/** key：value at the start of a text; the key is short and has no spaces or colons. */
const COLON_KEY = /^([^\s:：#'"[\]{},]{1,20})[ \t]*：/u;

/** The rest of the line after `offset`, trimmed and cut short, for showing the fixed line. */
function restOfLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const one = text.slice(offset, end < 0 ? text.length : end).replace(/^[ \t\u3000]+|\s+$/gu, '');
  return one.length > 20 ? `${one.slice(0, 20)}…` : one;
}

type Role = 'key' | 'item' | 'value';

/**
 * The keyboard slip of a parsed YAML document, if any. `errorAt`: where the parse failed — then any
 * scalar at the start of a line may be a key the slip broke, and the slip nearest before that place
 * is taken; otherwise the first slip, looking only at keys of the format, items of the
 * 事项 list (`items` says which list that is: the top-level 事项, or the document's own list) and
 * values starting a line are looked at, where valid YAML never holds these characters.
 */
export function findKeyboardSlip(doc: Document, text: string, lc: LineCounter, items: 'top' | 'root', errorAt?: number): KeyboardSlip | undefined {
  const broken = errorAt !== undefined;
  const slips: { offset: number; char: string; name: string; fix: string }[] = [];
  const found = (offset: number, char: string, name: string, fix: string): void => {
    slips.push({ offset, char, name, fix });
  };
  const check = (node: Node, role: Role, itemOfList: boolean): void => {
    if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return;
    const start = node.range[0];
    const source = text.slice(start, node.range[1]);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const before = text.slice(lineStart, start);
    const atLineStart = /^[ \t\u3000]*(?:-[ \t]+)?$/u.test(before);
    if (source.startsWith('\u3000') && (role !== 'value' || broken || atLineStart)) {
      found(start, '　', '空格', '缩进只能用半角空格：请把这一行开头的全角空格换成半角空格（一个全角空格换成两个半角空格），并与上下各行对齐');
    }
    const lead = /^[\u3000]*－/u.exec(source);
    if (lead && /^[ \t\u3000]*$/u.test(before)) {
      const at = start + lead[0].length - 1;
      found(at, '－', '连字符', `列表的每一项要用半角“-”加一个空格开头，应写作“- ${restOfLine(text, at + 1)}”`);
    }
    if (role === 'key' || (role === 'item' && itemOfList) || (broken && atLineStart)) {
      const m = COLON_KEY.exec(source.replace(/^\u3000+/u, ''));
      // In a document that parsed, only a key of the catalog format counts (an extra column may be
      // named 联系方式：电话).
      if (m && (KNOWN_KEYS.has(m[1]!) || broken)) {
        const at = start + source.indexOf('：');
        found(at, '：', '冒号', `键名后要用半角冒号“:”再加一个空格，应写作“${m[1]}: ${restOfLine(text, at + 1)}”`);
      }
    }
  };
  const walk = (node: unknown, role: Role, itemOfList: boolean, depth: number): void => {
    if (depth > 80 || node === null || node === undefined) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        walk(pair.key, 'key', false, depth + 1);
        const isItems = depth === 0 && items === 'top' && isScalar(pair.key) && String(pair.key.value) === TOP_KEYS.items;
        walk(pair.value, 'value', isItems, depth + 1);
      }
    } else if (isSeq(node)) {
      const list = itemOfList || (depth === 0 && items === 'root');
      for (const item of node.items) walk(item, 'item', list, depth + 1);
    } else if (isScalar(node)) {
      check(node, role, itemOfList);
    }
  };
  walk(doc.contents, 'value', false, 0);
  if (slips.length === 0) return undefined;
  slips.sort((a, b) => a.offset - b.offset);
  // A broken document: the slip nearest before the end of the line the parser stopped at is the cause.
  let pick = slips[0]!;
  if (errorAt !== undefined) {
    const lineEnd = text.indexOf('\n', errorAt);
    const before = slips.filter((x) => x.offset <= (lineEnd < 0 ? text.length : lineEnd));
    if (before.length) pick = before[before.length - 1]!;
  }
  const p = lc.linePos(pick.offset);
  return { line: p.line, column: p.col, char: pick.char, name: pick.name, fix: pick.fix };
}
