// The catalog layouts' columns: canonical field keys, each layout's columns in printed order, and the
// header labels (with their aliases) that name them. The words are data: src/layouts/catalog/2017.yaml and
// 2019.yaml, in the layout definition format of the lists (schemas/layout.schema.json), embedded at build
// time. Readers, rules, renderers and `init` take their column words from here, so a synonym is added once,
// in those files.
import { CATALOG_DEFINITIONS } from '../generated/catalog-layouts.js';
export type Profile = '2017' | '2019';

/** Canonical field keys. Identity keys are shared: `category`/`name` are 事项类别/名称 in 2017 and
 * 一级事项/二级事项 in 2019, so gap, diff and merge need no per-layout code. */
export type FieldKey =
  | 'serial'
  | 'category'
  | 'name'
  | 'basis'
  | 'content'
  | 'standard'
  | 'subject'
  | 'platform'
  | 'deadline'
  | 'remark'
  | 'channels'
  | 'audience'
  | 'mode'
  | 'level';

/** The tick groups of the 2019 layout (each a pair of √ columns under a grouped header). */
export type TickGroup = 'audience' | 'mode' | 'level';
export const TICK_GROUPS: readonly TickGroup[] = ['audience', 'mode', 'level'];

export interface ColumnSpec {
  key: FieldKey;
  /** The column's name as printed in that layout's header; also the YAML key and the `field` of findings. */
  label: string;
  required: boolean;
  /** From the 注 of the sample table or the 2019 guide; used in the schema, `init` comments and help. */
  description: string;
  /** Widest the column grows in the 样表 workbook before its text wraps (width units, a CJK character 2). */
  width?: number;
}

/** One column of a catalog definition, as the build step embedded it (schemas/layout.schema.json). */
interface DefinedColumn {
  key: string;
  label: string;
  aliases?: readonly string[];
  required?: boolean;
  description?: string;
  width?: number;
  printed?: string;
  heading?: string;
  options?: readonly string[];
  optionAliases?: Readonly<Record<string, readonly string[]>>;
  otherOptions?: readonly string[];
}

/** The columns of a catalog layout's definition file, in printed order. */
export function definedColumns(profile: Profile): readonly DefinedColumn[] {
  return CATALOG_DEFINITIONS[profile].data.columns as readonly DefinedColumn[];
}

/** The catalog layout's definition file, as text (src/layouts/catalog/<profile>.yaml). */
export function catalogDefinitionText(profile: Profile): string {
  return CATALOG_DEFINITIONS[profile].text;
}

const spec = (c: DefinedColumn): ColumnSpec => ({
  key: c.key as FieldKey,
  label: c.label,
  required: c.required ?? false,
  description: c.description ?? '',
  ...(c.width !== undefined ? { width: c.width } : {}),
});

// NAME CLASH, kept explicit on purpose: in 2017 公开方式 is the *platform* (key `platform`);
// in 2019 公开方式 is 主动/依申请 (key `mode`) and the platform is 公开渠道和载体 (key `channels`).
// Both definitions say so; they are two files because the same label means two fields.
export const COLUMNS: Record<Profile, readonly ColumnSpec[]> = {
  '2017': definedColumns('2017').map(spec),
  '2019': definedColumns('2019').map(spec),
};

/** Optional columns of a layout (备注, 2019 公开层级): a sheet may leave them out altogether. */
export function optionalKeys(profile: Profile): FieldKey[] {
  return COLUMNS[profile].filter((c) => !c.required).map((c) => c.key);
}

/** The layout's own name for a field (公开时限, 一级事项 …). */
export function fieldLabel(profile: Profile, key: FieldKey): string {
  const spec = COLUMNS[profile].find((c) => c.key === key);
  return spec ? spec.label : key;
}

/** A lookup table keyed by text from files: no prototype, so a label such as “constructor” or
 * “__proto__” finds nothing instead of Object.prototype's own members. */
function table<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return Object.freeze(out);
}

/**
 * Header aliases: label → canonical key, per layout (公开方式 differs between them): each column's label
 * and aliases as its definition writes them. Labels are compared after normaliseLabel(), so spaces, line
 * breaks, full-width forms and parenthesised suffixes such as （要素） need no entries of their own.
 */
export const HEADER_ALIASES: Record<Profile, Record<string, FieldKey>> = {
  '2017': table(definedColumns('2017').flatMap((c) => [c.label, ...(c.aliases ?? [])].map((l): [string, FieldKey] => [l, c.key as FieldKey]))),
  '2019': table(definedColumns('2019').flatMap((c) => [c.label, ...(c.aliases ?? [])].map((l): [string, FieldKey] => [l, c.key as FieldKey]))),
};

/** Labels that only the 2019 layout uses; any of them in a header means profile 2019. */
export const PROFILE_2019_MARKERS: readonly string[] = CATALOG_DEFINITIONS['2019'].data.words;

/** Text without a final (…) group, found in linear time: /\([^)]*\)$/ tries every “(” against the end. */
function withoutParenSuffix(text: string): string {
  const end = text.length - 1;
  if (end < 0 || text[end] !== ')') return text;
  const open = text.indexOf('(', text.lastIndexOf(')', end - 1) + 1);
  return open >= 0 && open < end ? text.slice(0, open) : text;
}

/** Normalise a header label: full-width to half-width, no white space, no （…） suffix, no * or ：. */
export function normaliseLabel(raw: string): string {
  return withoutParenSuffix(raw.normalize('NFKC').replace(/\s+/g, '')).replace(/[*:：]/g, '');
}

/** The 2019 header's group label over 一级事项/二级事项 (their `heading` in the definition). */
export const ITEM_GROUP_LABEL_2019: string = definedColumns('2019').find((c) => c.key === 'category')!.heading!;
/** Header labels printed differently from COLUMNS (the national sheet prints 公开内容（要素）: `printed` in
 * the definition); normaliseLabel() reads them back to the same key. */
export const PRINTED_LABELS: Record<Profile, Partial<Record<FieldKey, string>>> = {
  '2017': Object.fromEntries(definedColumns('2017').filter((c) => c.printed).map((c) => [c.key, c.printed!])),
  '2019': Object.fromEntries(definedColumns('2019').filter((c) => c.printed).map((c) => [c.key, c.printed!])),
};

/** Labels of the second header row under 公开事项 (2019): the columns headed by it, and 三级事项, which has
 * no field and is kept as an extra column. */
export const SUB_HEADER_LABELS: readonly string[] = [...definedColumns('2019').filter((c) => c.heading === ITEM_GROUP_LABEL_2019).map((c) => c.label), '三级事项'];
/** The 其他列 key of the n-th column (in column order) that has values but no header label. */
export const BLANK_HEADER_KEY = (n: number): string => `无表头列${n}`;
/** Whether an extra column's key stands for a column without a header label (rendered with a blank header). */
export function isBlankHeaderKey(key: string): boolean {
  return /^无表头列\d+$/u.test(key);
}
