// The kinds of column in words, shared by the drafting outputs of a list (template and YAML skeleton).
import type { LayoutColumn } from './types.js';

/** What each kind of column holds, in a clerk's words (the template's prompts, the skeleton's comments). */
export const KIND_WORDS: Record<LayoutColumn['kind'], string> = {
  text: '文字', serial: '序号，从 1 起依次编号', number: '数字（阿拉伯数字）', date: '日期，如 2024年6月30日', month: '年月，如 2024年6月、2024年第二季度',
  yesno: '是或否', ticks: '在适用的选项下填 √', checklist: '■ 选用、□ 未选用', list: '一个或几个值，用顿号隔开',
};
