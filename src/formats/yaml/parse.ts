// One YAML text parsed with the yaml library's core schema only, every way it can fail stopping the run
// with the file's own line: syntax errors (in a clerk's words), unknown tags, undefined aliases, alias
// bombs, nesting the parser cannot take, and full-width colons, spaces and hyphens typed by an input
// method (slips.ts).
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { ZwgkError } from '../../findings/finding.js';
import { MAX_YAML_DEPTH } from './lines.js';
import { findKeyboardSlip } from './slips.js';

/** Aliases a file may expand (checked once with toJS). */
export const MAX_ALIASES = 1000;
/** The core schema only: !!binary, !!timestamp, !!set and the other tags YAML 1.1 knew are refused like any unknown tag. */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, resolveKnownTags: false } as const;

/** Parse one YAML text; syntax errors, unknown tags, undefined aliases and alias bombs stop the run with their line. */
export function parseChecked(text: string, file: string, lineOffset: number, lineOf: (line: number) => number): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  const lineAt = (offset: number) => lineOf(lc.linePos(offset).line + lineOffset);
  let doc: Document;
  try {
    doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lc });
  } catch (cause) {
    // Nesting the line pass took for text but the parser did not: its recursion ran out.
    if (cause instanceof RangeError) throw new ZwgkError('yaml-too-deep', { file }, { file, line: lineOf(1 + lineOffset), limit: MAX_YAML_DEPTH }, { cause });
    throw cause;
  }
  const firstError = doc.errors[0];
  if (firstError?.code !== 'RESOURCE_EXHAUSTION') checkSlips(doc, text, lc, firstError?.pos[0], 'top', file, lineOffset, lineOf, firstError);
  if (firstError) {
    const p = lc.linePos(firstError.pos[0]);
    const pos = { line: lineOf(p.line + lineOffset), col: p.col };
    if (firstError.code === 'RESOURCE_EXHAUSTION') {
      throw new ZwgkError('yaml-too-deep', { file, line: pos.line }, { file, line: pos.line, limit: MAX_YAML_DEPTH }, { cause: firstError });
    }
    const detail = `第 ${pos.line} 行第 ${pos.col} 列：${translateYamlError(firstError.code)}`;
    throw new ZwgkError('yaml-syntax', { file, line: pos.line, column: pos.col }, { detail: `${file} ${detail}` }, { cause: firstError });
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const line = lineAt(w.pos[0]);
      // The tag as written in the file (!foo, !!js/function, !<tag:…>), shown whole up to a sane length.
      const written = text.slice(w.pos[0], w.pos[1]).trim() || (/(!\S*)/.exec(w.message)?.[1] ?? '');
      const tag = written.length > 60 ? `${written.slice(0, 60)}…` : written;
      throw new ZwgkError('yaml-unknown-tag', { file, line }, { file, line, tag: tag || '（空）' });
    }
  }
  // An alias whose anchor is not (yet) defined: named with its line, not taken for an alias bomb.
  let undefinedAlias: { name: string; offset: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (undefinedAlias) return visit.BREAK;
      if (node.resolve(doc) === undefined) undefinedAlias = { name: node.source, offset: node.range?.[0] ?? 0 };
      return undefined;
    },
  });
  if (undefinedAlias) {
    const line = lineAt(undefinedAlias.offset);
    const name = undefinedAlias.name.length > 40 ? `${undefinedAlias.name.slice(0, 40)}…` : undefinedAlias.name;
    throw new ZwgkError('yaml-alias-undefined', { file, line }, { file, line, name });
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (cause) {
    throw new ZwgkError('yaml-too-complex', { file }, { file, detail: '请不要用 & 和 * 引用复制大段内容，直接写出各项的值' }, { cause });
  }
  return { doc, lc };
}

/** Stop with a message that names a full-width colon, space or hyphen, when the text has one. */
export function checkSlips(
  doc: Document,
  text: string,
  lc: LineCounter,
  errorAt: number | undefined,
  items: 'top' | 'root',
  file: string,
  lineOffset: number,
  lineOf: (line: number) => number,
  cause?: unknown,
): void {
  const slip = findKeyboardSlip(doc, text, lc, items, errorAt);
  if (!slip) return;
  const line = lineOf(slip.line + lineOffset);
  throw new ZwgkError('yaml-fullwidth', { file, line, column: slip.column }, { file, line, column: slip.column, char: slip.char, name: slip.name, fix: slip.fix }, cause ? { cause } : undefined);
}

/** What each of the yaml library's error codes means, in words a clerk can act on. */
const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '同一层级出现了重复的键',
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '缺少必要的符号（如引号或括号未闭合）',
  MULTIPLE_DOCS: '文件中有多个 YAML 文档（---），请只保留一个',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确（可能缺少冒号后的空格）',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  BAD_SCALAR_START: '文本开头的符号需要加引号',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符），YAML 不允许这么长的键。键应是列名（如“名称”），内容写在冒号和空格之后；如果这一行是内容，可能是上一行少了冒号或缩进不对',
  ALIAS_PROPS: '别名（*引用）前不能再加 & 锚点或 ! 标签',
  BAD_ALIAS: '别名（*引用）的写法不正确',
  BAD_DIRECTIVE: '% 开头的指令行写法不正确，目录文件不需要这样的行，请删除',
  BAD_DQ_ESCAPE: '双引号中的 \\ 转义写法不正确（如 \\u 后应为 4 位十六进制数）；要写反斜杠本身请写成 \\\\，或改用单引号',
  BAD_PROP_ORDER: '& 锚点和 ! 标签的位置不正确',
  BLOCK_IN_FLOW: '方括号或花括号内不能使用换行缩进的写法',
  IMPOSSIBLE: '文件内容无法解析',
  MULTIPLE_ANCHORS: '同一个值前有多个 & 锚点',
  MULTIPLE_TAGS: '同一个值前有多个 ! 标签',
  NON_STRING_KEY: '键必须是文本',
  TAG_RESOLVE_FAILED: '标签无法识别',
  BAD_COLLECTION_TYPE: '列表或映射的类型与标签不符',
};

function translateYamlError(code: string): string {
  return `${YAML_ERRORS[code] ?? '格式有误'}（${code}）`;
}
