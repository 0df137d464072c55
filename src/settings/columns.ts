// The layouts' columns: canonical field keys, each layout's columns in printed order, and the header
// labels (with their aliases) that name them. Readers, rules, renderers and `init` take their column
// words from here, so a synonym is added once.

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
}

// NAME CLASH, kept explicit on purpose: in 2017 公开方式 is the *platform* (key `platform`);
// in 2019 公开方式 is 主动/依申请 (key `mode`) and the platform is 公开渠道和载体 (key `channels`).
export const COLUMNS: Record<Profile, readonly ColumnSpec[]> = {
  '2017': [
    { key: 'serial', label: '序号', required: true, description: '事项的顺序编号' },
    { key: 'category', label: '事项类别', required: true, description: '事项类别为纳入试点的行业领域' },
    { key: 'name', label: '名称', required: true, description: '名称为拟公开事项的规范提法，应做到指向准确，避免产生歧义' },
    { key: 'basis', label: '依据', required: true, description: '依据为对公开此类信息作出要求的政策法规名称，列出文件名和文号' },
    { key: 'content', label: '公开内容', required: true, description: '公开内容为拟公开事项的组成要素' },
    { key: 'standard', label: '公开标准', required: true, description: '公开标准为公开内容应包括的具体要素' },
    { key: 'subject', label: '公开主体', required: true, description: '公开主体为承担此类信息公开任务的义务主体' },
    { key: 'platform', label: '公开方式', required: true, description: '公开方式包括在何种平台公开、如何公开（2017 样表：指公开平台）' },
    { key: 'deadline', label: '公开时限', required: true, description: '公开时限指相关信息形成或变更后多久公开' },
    { key: 'remark', label: '备注', required: false, description: '如需对信息进行解释说明，可在备注栏标注' },
  ],
  '2019': [
    { key: 'serial', label: '序号', required: true, description: '事项的顺序编号' },
    { key: 'category', label: '一级事项', required: true, description: '公开事项的一级分类' },
    { key: 'name', label: '二级事项', required: true, description: '公开事项的二级分类，即具体事项名称' },
    { key: 'content', label: '公开内容', required: true, description: '公开内容（要素）：该事项应公开的具体要素' },
    { key: 'basis', label: '公开依据', required: true, description: '要求公开此类信息的政策法规名称，列出文件名和文号' },
    { key: 'deadline', label: '公开时限', required: true, description: '相关信息形成或变更后多久公开' },
    { key: 'subject', label: '公开主体', required: true, description: '承担此类信息公开任务的义务主体' },
    { key: 'channels', label: '公开渠道和载体', required: true, description: '在哪些渠道和载体公开（■ 选用，□ 未选用）' },
    { key: 'audience', label: '公开对象', required: true, description: '全社会或特定群体（打 √）' },
    { key: 'mode', label: '公开方式', required: true, description: '主动公开或依申请公开（打 √；2019 版式：指主动/依申请）' },
    // Not required: many county catalogs drop the 公开层级 group (the guide lists it as a seen variant).
    { key: 'level', label: '公开层级', required: false, description: '县级或乡级（打 √）；没有此列的目录也可' },
    { key: 'remark', label: '备注', required: false, description: '如需对信息进行解释说明，可在备注栏标注' },
  ],
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

/**
 * Header aliases: normalised label → canonical key, per layout (公开方式 differs between them).
 * Labels are compared after normaliseLabel(), so spaces, line breaks, full-width forms and
 * parenthesised suffixes such as （要素） need no entries of their own.
 */
/** A lookup table keyed by text from files: no prototype, so a label such as “constructor” or
 * “__proto__” finds nothing instead of Object.prototype's own members. */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

const COMMON_ALIASES: Record<string, FieldKey> = {
  序号: 'serial',
  编号: 'serial',
  序: 'serial',
  公开主体: 'subject',
  责任主体: 'subject',
  公开责任主体: 'subject',
  责任单位: 'subject',
  公开单位: 'subject',
  责任部门: 'subject',
  公开时限: 'deadline',
  规定时限: 'deadline',
  时限: 'deadline',
  公开时间: 'deadline',
  时限要求: 'deadline',
  备注: 'remark',
  备注说明: 'remark',
};

export const HEADER_ALIASES: Record<Profile, Record<string, FieldKey>> = {
  '2017': table({
    ...COMMON_ALIASES,
    事项类别: 'category',
    类别: 'category',
    行业领域: 'category',
    领域: 'category',
    名称: 'name',
    事项名称: 'name',
    公开事项: 'name',
    公开事项名称: 'name',
    依据: 'basis',
    公开依据: 'basis',
    政策依据: 'basis',
    法律依据: 'basis',
    依据文件: 'basis',
    公开内容: 'content',
    内容: 'content',
    公开标准: 'standard',
    标准: 'standard',
    // 2017-era lists name the 样表's 公开标准 otherwise.
    内容规范: 'standard',
    内容标准: 'standard',
    公开要求: 'standard',
    公开方式: 'platform',
    公开平台: 'platform',
    公开途径: 'platform',
    公开渠道: 'platform',
    公开形式: 'platform',
  }),
  '2019': table({
    ...COMMON_ALIASES,
    一级事项: 'category',
    二级事项: 'name',
    事项名称: 'name',
    公开内容: 'content',
    内容: 'content',
    公开依据: 'basis',
    依据: 'basis',
    政策依据: 'basis',
    公开渠道和载体: 'channels',
    公开渠道: 'channels',
    公开载体: 'channels',
    公开形式: 'channels',
    渠道和载体: 'channels',
    公开对象: 'audience',
    公开范围: 'audience',
    公开方式: 'mode',
    公开层级: 'level',
  }),
};

/** Labels that only the 2019 layout uses; any of them in a header means profile 2019. */
export const PROFILE_2019_MARKERS: readonly string[] = ['一级事项', '二级事项', '公开渠道和载体', '公开对象', '公开层级', '公开事项'];

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

/** The 2019 header's group label over 一级事项/二级事项. */
export const ITEM_GROUP_LABEL_2019 = '公开事项';
/** Header labels printed differently from COLUMNS (the national sheet prints 公开内容（要素）);
 * normaliseLabel() reads them back to the same key. */
export const PRINTED_LABELS: Record<Profile, Partial<Record<FieldKey, string>>> = {
  '2017': {},
  '2019': { content: '公开内容（要素）' },
};

/** Labels of the second header row under 公开事项 (2019); 三级事项 has no field and is kept as an extra column. */
export const SUB_HEADER_LABELS: readonly string[] = ['一级事项', '二级事项', '三级事项'];
/** The 其他列 key of the n-th column (in column order) that has values but no header label. */
export const BLANK_HEADER_KEY = (n: number): string => `无表头列${n}`;
/** Whether an extra column's key stands for a column without a header label (rendered with a blank header). */
export function isBlankHeaderKey(key: string): boolean {
  return /^无表头列\d+$/u.test(key);
}
