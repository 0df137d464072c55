// A layout definition file (YAML or JSON, schemas/layout.schema.json) into a Layout: parsed with the
// catalog's own YAML checks (its line in every message), held to the format by the schema compiled at
// build time, then to what the schema cannot say (keys named twice, rules naming no column, an option
// list a kind needs). The built-in lists are read by this same function.
import { isMap, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { ZwgkError } from '../findings/finding.js';
import { validateLayout } from '../generated/schemas.js';
import { parseChecked } from '../formats/yaml/parse.js';
import { decodeText } from '../formats/yaml/decode.js';
import { normaliseLabel } from '../settings/columns.js';
import type { ColumnKind, Layout, LayoutColumn } from './types.js';

/** Words of a definition's own key for messages (the file is written with English keys). */
const KEY_WORDS: Record<string, string> = {
  id: '标识', name: '名称', columns: '列', key: '键', label: '标题', kind: '类型', per: '按事项/按行', options: '选项',
  aliases: '别名', optionAliases: '选项别名', printed: '打印写法', heading: '上一级表头', otherOptions: '其他选项', required: '必填', rules: '规则', print: '打印', words: '识别词', group: '分组', nameColumn: '名称列',
};

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The line of the node an ajv instance path points to (the nearest existing parent's). */
function lineOfPath(doc: Document, lc: LineCounter, path: string): number {
  let node: unknown = doc.contents;
  let line = 1;
  const lineOf = (n: unknown) => {
    const r = (n as Node | null)?.range;
    return r ? lc.linePos(r[0]).line : undefined;
  };
  line = lineOf(node) ?? 1;
  for (const seg of path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === seg);
      if (!pair) break;
      line = lineOf(pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)];
      line = lineOf(node) ?? line;
    } else break;
  }
  return line;
}

/** One ajv error in a clerk's words. */
function words(e: AjvError): string {
  const where = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? `第 ${Number(s) + 1} 项` : `“${KEY_WORDS[s] ?? s}（${s}）”`)).join(' 的 ') || '文件顶层';
  switch (e.keyword) {
    case 'required': return `${where}缺少“${KEY_WORDS[String(e.params.missingProperty)] ?? e.params.missingProperty}（${e.params.missingProperty}）”`;
    case 'additionalProperties': return `${where}中的“${e.params.additionalProperty}”不是版式定义的字段`;
    case 'enum': return `${where}只能是 ${(e.params.allowedValues as unknown[]).join('、')} 之一`;
    case 'type': return `${where}应为${({ string: '文字', array: '列表', object: '映射（键: 值）', boolean: 'true 或 false', number: '数字' } as Record<string, string>)[String(e.params.type)] ?? e.params.type}`;
    case 'pattern': return `${where}的写法不对：只能用英文字母、数字${e.instancePath.endsWith('/id') ? '和连字符（小写）' : ''}，以字母开头`;
    case 'minLength': return `${where}太短`;
    case 'maxLength': return `${where}太长（最多 ${e.params.limit} 个字符）`;
    case 'minItems': return `${where}至少要有 ${e.params.limit} 项`;
    case 'maxItems': return `${where}最多 ${e.params.limit} 项`;
    case 'minimum': case 'maximum': return `${where}超出范围`;
    default: return `${where}${e.message ?? '不合规'}`;
  }
}

/** A layout definition's own top-level keys (schemas/layout.schema.json): id, name and columns. */
const DEFINITION_KEYS = [/^id\s*:/mu, /^name\s*:/mu, /^columns\s*:/mu];

/** Whether a text is a layout definition rather than a list or catalog (it has all three of its keys at the top). */
export function looksLikeDefinition(text: string): boolean {
  return DEFINITION_KEYS.every((k) => k.test(text));
}

function invalid(file: string, line: number, detail: string): ZwgkError {
  return new ZwgkError('layout-invalid', { file, line }, { file, line, detail });
}

const DEFAULT_OPTIONS: Partial<Record<ColumnKind, string[]>> = { yesno: ['是', '否'] };

/** Read a layout definition from its bytes; `source` is 'builtin' or the file. Throws layout-invalid (exit 2) at its line. */
export function parseLayout(bytes: Uint8Array | string, file: string, source = file): Layout {
  const text = typeof bytes === 'string' ? bytes : decodeText(bytes, file);
  const { doc, lc } = parseChecked(text, file, 0, (l) => l);
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!validateLayout(data)) {
    const errors = ((validateLayout as unknown as { errors: AjvError[] }).errors ?? []).filter((e) => e.keyword !== 'if');
    const first = errors[0]!;
    throw invalid(file, lineOfPath(doc, lc, first.instancePath), words(first));
  }
  const def = data as {
    id: string; name: string; description?: string; words?: string[]; group?: string; nameColumn?: string;
    columns: Partial<LayoutColumn>[]; rules?: Partial<Layout['rules']>; print?: Partial<Layout['print']>;
  };
  const lineAt = (path: string) => lineOfPath(doc, lc, path);
  const keys = new Set<string>();
  const labels = new Map<string, string>();
  const columns: LayoutColumn[] = def.columns.map((c, i) => {
    const key = c.key!;
    if (keys.has(key)) throw invalid(file, lineAt(`/columns/${i}/key`), `列的键“${key}”用了两次，每一列的键要不同`);
    keys.add(key);
    const kind = c.kind ?? 'text';
    const options = c.options ?? DEFAULT_OPTIONS[kind] ?? [];
    if ((kind === 'ticks' || kind === 'checklist') && options.length < 2) throw invalid(file, lineAt(`/columns/${i}`), `“${c.label}”是 ${kind} 类型，要在 options 中列出至少两个选项`);
    if (kind === 'yesno' && options.length !== 2) throw invalid(file, lineAt(`/columns/${i}/options`), `“${c.label}”是 yesno 类型，options 要正好两个词（表示“是”的词在前），如 [是, 否]`);
    // What only the catalog reader reads: a unit's list would carry it without effect, so it is refused.
    for (const own of ['printed', 'heading', 'otherOptions'] as const) {
      if (c[own] !== undefined && source !== 'builtin') throw invalid(file, lineAt(`/columns/${i}/${own}`), `“${own}”只用于内置的政务公开事项目录版式，自定义清单不能用；请删去这一行`);
    }
    const optionAliases = Object.assign(Object.create(null) as Record<string, string[]>, c.optionAliases ?? {});
    for (const option of Object.keys(optionAliases)) {
      if (!options.includes(option)) throw invalid(file, lineAt(`/columns/${i}/optionAliases/${option}`), `“${option}”不是“${c.label}”的选项（options 中没有），别名要写在已有的选项下`);
    }
    const per = c.per ?? 'item';
    if (per === 'row' && (kind === 'ticks' || kind === 'serial')) throw invalid(file, lineAt(`/columns/${i}/per`), `“${c.label}”是 ${kind} 类型，只能按事项（per: item）`);
    for (const label of [c.label!, ...(c.aliases ?? [])]) {
      const n = normaliseLabel(label);
      const other = labels.get(n);
      if (other !== undefined && other !== key) throw invalid(file, lineAt(`/columns/${i}`), `表头写法“${label}”同时属于“${other}”和“${key}”两列，读表时无法区分`);
      labels.set(n, key);
    }
    return {
      key, label: c.label!, aliases: c.aliases ?? [], required: c.required ?? false, recommended: c.recommended ?? false, per, kind, options, closed: c.closed ?? false,
      separator: c.separator ?? '、', description: c.description ?? '', optionAliases, ...(c.width !== undefined ? { width: c.width } : {}),
      ...(c.printed !== undefined ? { printed: c.printed } : {}), ...(c.heading !== undefined ? { heading: c.heading } : {}), ...(c.otherOptions !== undefined ? { otherOptions: c.otherOptions } : {}),
    };
  });
  const known = (key: string | undefined, path: string): void => {
    if (key !== undefined && !keys.has(key)) throw invalid(file, lineAt(path), `“${key}”不是本版式中任何一列的键（现有：${[...keys].join('、')}）`);
  };
  known(def.group, '/group');
  known(def.nameColumn, '/nameColumn');
  for (const rule of ['wenhao', 'deadline', 'duplicates'] as const) (def.rules?.[rule] ?? []).forEach((k, i) => known(k, `/rules/${rule}/${i}`));
  const nameColumn = def.nameColumn ?? columns.find((c) => c.required && c.kind === 'text')?.key ?? columns.find((c) => c.kind === 'text')?.key ?? columns[0]!.key;
  return {
    id: def.id,
    name: def.name,
    description: def.description ?? '',
    words: def.words ?? [],
    columns,
    ...(def.group !== undefined ? { group: def.group } : {}),
    nameColumn,
    rules: {
      wenhao: def.rules?.wenhao ?? [],
      deadline: def.rules?.deadline ?? [],
      duplicates: def.rules?.duplicates ?? [nameColumn],
      whitespace: def.rules?.whitespace ?? true,
      placeholders: def.rules?.placeholders ?? true,
    },
    print: { orientation: def.print?.orientation ?? 'landscape', title: def.print?.title ?? def.name },
    source,
  };
}
