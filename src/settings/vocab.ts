// What the cells of a catalog hold besides free text: the 2019 tick options and channel checklist,
// the marks read as ticked or not, 同上, list separators, notes rows, and the rules' default deadline.
import type { TickGroup } from './columns.js';

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

/** First cell texts that mark a notes row (注：…, 说明：…, 填表说明) rather than an item. */
export const NOTE_ROW_PREFIX = /^\s*(注|说明|备注|填表说明|附注)\s*[:：]?/u;
/** Separators of a plain list of channels or of text-valued ticks (全社会、特定群体). */
export const LIST_SEPARATORS = /[\n、，,；;\s]+/u;

/** Default deadline (条例 第二十六条), the longest fixed span that needs no justification. */
export const DEFAULT_DEADLINE_DAYS = 20;
