// The YAML nodes as the catalog and list builders read them: where a node is, an alias resolved, a key
// as written, a node's values as plain text. Shared by build.ts, list.ts and split.ts.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair as YamlPair } from 'yaml';
import type { SourceRef } from '../../findings/location.js';
import { ZwgkError, type Finding } from '../../findings/finding.js';
import type { ReadBudget } from '../../grid/limits.js';
import { MAX_ALIASES } from './parse.js';

/** What building a catalog from one parsed text needs. */
export type Ctx = {
  file: string;
  lc: LineCounter;
  doc: Document;
  findings: Finding[];
  aliases: number;
  /** Every item key seen, to tell an optional column (备注, 公开层级) the file leaves out altogether. */
  itemKeys: Set<string>;
  /** Lines before the parsed text in the file (an item parsed on its own, see splitItems). */
  lineOffset: number;
  /** The file's own line of a line of the parsed text (runs of comment lines were taken out, lines.ts). */
  lineOf: (line: number) => number;
  /** Values read so far, against READ_LIMITS. */
  budget: ReadBudget;
};

/** Where a node is in the file (its first character), or `fallback`. */
export function at(ctx: Ctx, node: Node | null | undefined, fallback: SourceRef): SourceRef {
  const offset = node?.range?.[0];
  if (offset === undefined) return fallback;
  const pos = ctx.lc.linePos(offset);
  return { file: ctx.file, line: ctx.lineOf(pos.line + ctx.lineOffset), column: pos.col };
}

/** A node, an alias resolved to what it names. */
export function resolve(ctx: Ctx, node: unknown): Node | null {
  if (isAlias(node)) {
    // The alias count was checked once with toJS; this bound keeps a crafted file from looping.
    if (++ctx.aliases > MAX_ALIASES * 10) throw new ZwgkError('yaml-too-complex', { file: ctx.file }, { file: ctx.file, detail: '别名过多' });
    return (node.resolve(ctx.doc) as Node | undefined) ?? null;
  }
  return (node as Node | null) ?? null;
}

/** A node's values as one line of plain text (a list joined by 、, a mapping as 键：值；…): how a top-level
 * key zwgk does not know is kept in the 表前说明. */
export function plainText(ctx: Ctx, node: Node | null): string {
  if (node === null) return '';
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  if (isSeq(node)) return node.items.map((n) => plainText(ctx, resolve(ctx, n))).filter(Boolean).join('、');
  if (isMap(node)) return node.items.map((p) => `${keyOf(p)}：${plainText(ctx, resolve(ctx, p.value))}`).join('；');
  return '';
}

/** A key as written: `0o17:` is the key 0o17, not 15. */
export function keyOf(pair: YamlPair): string {
  const k = pair.key as unknown;
  if (!isScalar(k)) return String(k);
  return typeof k.value === 'string' ? k.value : (k.source ?? String(k.value));
}

/** A node's kind in words, for wrong-type messages. */
export function kindOf(node: Node | null): string {
  if (node === null) return '空内容';
  if (isSeq(node)) return '列表';
  if (isMap(node)) return '映射';
  return '文本';
}

/** One item parsed on its own: its context (line offset into the file) and its node. */
export type ItemSource = { ctx: Ctx; node: Node | null };
