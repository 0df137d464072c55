// The one place for column names, header aliases, vocabularies and limits.
// Readers, rules, renderers and `init` all take their words from here so that a new synonym or
// channel is added once.

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

/** Sub-column labels of each 2019 tick group, in header order; the first of each alias list is canonical. */
export const TICK_OPTIONS: Record<TickGroup, readonly (readonly string[])[]> = {
  audience: [['全社会', '社会公众', '全体社会'], ['特定群体', '特定群众', '特定群', '特定对象']],
  mode: [['主动', '主动公开'], ['依申请', '依申请公开']],
  level: [['县级', '区级', '市级', '县区级', '县(市、区)级'], ['乡级', '镇级', '乡镇级', '乡、村级', '乡村级', '街道', '乡镇(街道)级']],
};

/** 公开层级 sub-labels seen in real catalogs (any number of them may head a sheet's √ columns). */
export const LEVEL_LABELS: readonly string[] = ['省级', '市级', '区级', '县级', '县区级', '镇级', '乡级', '乡镇级', '街道级', '乡、村级', '乡村级', '村级', '社区级', '村（社区）级', '村(居)级'];

/** Default 公开渠道和载体 checklist of the 2019 guides, in their printed order. */
export const CHANNELS: readonly string[] = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位、村公示栏(电子屏)',
  '精准推送',
  '其他',
];

/** Marks read as "ticked" in a √ column. */
export const TICK_MARKS: readonly string[] = ['√', '✓', '✔', '●', '■', '☑', '✅', '是', 'Y', 'y', '▄'];
/** Marks read as "not ticked" (blank also counts). 口 is the CJK character scanned copies use for □. */
export const UNTICK_MARKS: readonly string[] = ['□', '口', '☐', '否', '×', '✗', '-', '—', '无'];
/** Channel checklist marks. */
export const CHANNEL_SELECTED: readonly string[] = ['■', '▄', '☑', '√', '✓', '✔', '●'];
export const CHANNEL_UNSELECTED: readonly string[] = ['□', '口', '☐'];
/** Written by renderers. */
export const TICK = '√';
export const CHANNEL_ON = '■';
export const CHANNEL_OFF = '□';

/** Text meaning "the same as the row above". */
export const SAME_AS_ABOVE: readonly string[] = ['同上', '同 上', '〃', '”', '""'];

/**
 * Header aliases: normalised label → canonical key, per layout (公开方式 differs between them).
 * Labels are compared after normaliseLabel(), so spaces, line breaks, full-width forms and
 * parenthesised suffixes such as （要素） need no entries of their own.
 */
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
  '2017': {
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
    公开方式: 'platform',
    公开平台: 'platform',
    公开途径: 'platform',
    公开渠道: 'platform',
    公开形式: 'platform',
  },
  '2019': {
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
  },
};

/** Labels that only the 2019 layout uses; any of them in a header means profile 2019. */
export const PROFILE_2019_MARKERS: readonly string[] = ['一级事项', '二级事项', '公开渠道和载体', '公开对象', '公开层级', '公开事项'];

/** Normalise a header label: full-width to half-width, no white space, no （…） suffix, no * or ：. */
export function normaliseLabel(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)$/u, '')
    .replace(/[*:：]/g, '');
}

/** First cell texts that mark a notes row (注：…, 说明：…, 填表说明) rather than an item. */
export const NOTE_ROW_PREFIX = /^\s*(注|说明|备注|填表说明|附注)\s*[:：]?/u;

/** Sheet names that are instructions, never a catalog. */
export const INSTRUCTION_SHEETS = /填表说明|说明|使用说明|填报说明/u;

/** Excel's hard limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;

/** How many rows at the top of a sheet are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

/** Zip-bomb guards, checked from the declared sizes in the zip directory before inflating. */
export const ZIP_LIMITS = {
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 32 * 1024 * 1024,
};

/**
 * Limits for tables read from web pages and Word documents: a hostile page (a huge rowspan, nesting
 * thousands deep, tens of megabytes) is refused with a message rather than read for minutes. Real
 * catalog pages are a few megabytes, nest a few layout tables and have a dozen or so columns.
 */
export const TABLE_LIMITS = {
  /** Size of a page (.html/.htm) as saved. */
  maxPageBytes: 32 * 1024 * 1024,
  /** Elements open inside one another in a page (the parser's stack of open elements). */
  maxDepth: 512,
  /** Tables inside tables (a catalog in a few layout tables needs well under ten). */
  maxNesting: 32,
  /** Tables in one page or document. */
  maxTables: 5000,
  /** Columns of one table (HTML caps colspan at 1000 too). */
  maxColumns: 1000,
  /** Rows of one table; a rowspan never reaches past the table's own rows. */
  maxRows: 500_000,
  /** Elements, comments and pieces of text in the tree of a page (a 30 MB page of 16 000 items has 700 000; each costs about 200 bytes). */
  maxNodes: 2_000_000,
  /** One tag (with its attributes) or comment, from its '<' to its '>': parse5 builds these a character
   * at a time, about 40 bytes each, so one of 30 MB would not fit in 1 GB. An image inlined as a data:
   * URL is the longest real one (a screenshot is a few hundred thousand characters). */
  maxMarkupChars: 2_000_000,
};

/**
 * What reading one catalog may hold in memory, checked while it is read (before more is spent): values
 * (non-empty cells, shared strings, YAML scalars), their characters and merged ranges. 25 000 items of a
 * county catalog are about 400 000 values and 8 million characters; at these limits every command stays
 * under 1 GB (bench/results.md).
 */
export const READ_LIMITS = {
  maxCells: 600_000,
  maxChars: 32 * 1024 * 1024,
  /** Merged ranges (a 25 000-item catalog has 200 000). */
  maxMerges: 1_000_000,
};

/** The same for the files a command keeps together (merge, site, diff, gap --against): two catalogs of 25 000 items fit. */
export const SHARED_READ_LIMITS = {
  maxCells: 900_000,
  maxChars: 48 * 1024 * 1024,
  maxMerges: 1_500_000,
};

/** `fix` rewrites a sheet part in memory; a part larger than this (a sane one is tens of MB) is left as it was and its fixes listed as not made. */
export const FIX_LIMITS = {
  maxPatchedPartBytes: 128 * 1024 * 1024,
};

/** Input files larger than this are not read at all (a county catalog is a few MB; a 25 000-item YAML 31 MB). */
export const INPUT_LIMITS = {
  maxFileBytes: 256 * 1024 * 1024,
};

/** The standard 注 of the 2017 sample table, written under rendered sheets that carry none. */
export const NOTE_2017 =
  '注：事项类别为纳入试点的行业领域；名称为拟公开事项的规范提法，应做到指向准确，避免产生歧义；依据为对公开此类信息作出要求的政策法规名称，列出文件名和文号；公开内容为拟公开事项的组成要素；公开标准为公开内容应包括的具体要素；公开主体为承担此类信息公开任务的义务主体；公开方式包括在何种平台公开、如何公开；公开时限指相关信息形成或变更后多久公开；如需对信息进行解释说明，可在备注栏标注。';

/** Default deadline (条例 第二十六条), the longest fixed span that needs no justification. */
export const DEFAULT_DEADLINE_DAYS = 20;

/** File extensions by reader kind. Readers are chosen from a table keyed by these. */
export const CONVERTIBLE_EXTENSIONS: readonly string[] = ['.xls', '.et', '.ods', '.csv'];

// ---- Rendering (src/render/) ----

/** Title written when a catalog carries none. */
export const DEFAULT_TITLE = '政务公开事项目录';
/** The 2019 header's group label over 一级事项/二级事项. */
export const ITEM_GROUP_LABEL_2019 = '公开事项';
/** Header labels printed differently from COLUMNS (the national sheet prints 公开内容（要素）);
 * normaliseLabel() reads them back to the same key. */
export const PRINTED_LABELS: Record<Profile, Partial<Record<FieldKey, string>>> = {
  '2017': {},
  '2019': { content: '公开内容（要素）' },
};
/** Page footer of rendered workbooks (Excel header/footer codes: &P page, &N pages). */
export const PRINT_FOOTER = '第 &P 页，共 &N 页';

// ---- Reading .xlsx (src/readers/) ----

/** Labels of the second header row under 公开事项 (2019); 三级事项 has no field and is kept as an extra column. */
export const SUB_HEADER_LABELS: readonly string[] = ['一级事项', '二级事项', '三级事项'];
/** The 其他列 key of the n-th column (in column order) that has values but no header label. */
export const BLANK_HEADER_KEY = (n: number): string => `无表头列${n}`;
/** Whether an extra column's key stands for a column without a header label (rendered with a blank header). */
export function isBlankHeaderKey(key: string): boolean {
  return /^无表头列\d+$/u.test(key);
}
/** Separators of a plain list of channels or of text-valued ticks (全社会、特定群体). */
export const LIST_SEPARATORS = /[\n、，,；;\s]+/u;
/** LibreOffice commands looked for on PATH to convert .xls/.et/.ods/.csv, and how long a conversion may take. */
export const SOFFICE_COMMANDS: readonly string[] = ['soffice', 'libreoffice'];
export const SOFFICE_TIMEOUT_MS = 120_000;

/** Labels of the line under the title that names the unit and date ("编制单位：…　　日期：…"). */
export const META_LABELS = { unit: '编制单位', date: '日期' } as const;
const META_UNIT = /(?:编制单位|填报单位|制表单位|单位)\s*[:：]\s*(.+?)(?=\s{2,}|\u3000|(?:编制|填报|制表)?(?:日期|时间)\s*[:：]|$)/u;
const META_DATE = /(?:编制|填报|制表)?(?:日期|时间)\s*[:：]\s*(.+?)\s*$/u;

const MEASURE_UNIT = /^(?:[万亿千百]?元|个|项|件|人|次|%|％)$/u;

/** Read unit and date from a line above the header; undefined parts were not there, `rest` is what
 * the line holds besides them (white space and punctuation dropped), so nothing is taken silently. */
export function parseMetaLine(text: string): { unit?: string; date?: string; rest: string } {
  const out: { unit?: string; date?: string; rest: string } = { rest: '' };
  let left = text;
  const unit = META_UNIT.exec(left);
  // “单位：万元” next to a title is a unit of measure, not the compiling unit.
  if (unit?.[1]?.trim() && !MEASURE_UNIT.test(unit[1].trim())) {
    out.unit = unit[1].trim();
    left = left.slice(0, unit.index) + ' ' + left.slice(unit.index + unit[0].length);
  }
  const date = META_DATE.exec(left);
  if (date?.[1]?.trim()) {
    out.date = date[1].trim();
    left = left.slice(0, date.index) + ' ' + left.slice(date.index + date[0].length);
  }
  out.rest = left.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  return out;
}

/** The line under the title that names the unit and date, or undefined when the catalog has neither. */
export function formatMetaLine(unit?: string, date?: string): string | undefined {
  const parts: string[] = [];
  if (unit) parts.push(`${META_LABELS.unit}：${unit}`);
  if (date) parts.push(`${META_LABELS.date}：${date}`);
  return parts.length ? parts.join('\u3000\u3000') : undefined;
}
