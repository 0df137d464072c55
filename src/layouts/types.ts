// What a layout is once its definition file is read (definition.ts): the columns a list has, how a sheet of
// it is recognised, the rules that apply and how it prints. The built-in lists (src/layouts/builtin/*.yaml)
// and a unit's own (--layout 我的清单.yaml) are the same data; schemas/layout.schema.json is their format.

/** What a column holds, which decides how it is read, checked and printed. */
export type ColumnKind =
  /** Free text (the default). */
  | 'text'
  /** 序号: a positive whole number, in order. */
  | 'serial'
  /** A number (金额, 数量). */
  | 'number'
  /** A day: 2024年6月30日, 2024-06-30, 2024.6.30. */
  | 'date'
  /** A month or a span of months: 2024年6月, 2024.06, 2024年第二季度, 2024年6月至12月. */
  | 'month'
  /** 是 or 否 (and the options given). */
  | 'yesno'
  /** A group of √ columns, one per option, under one heading (or a cell listing the ticked options). */
  | 'ticks'
  /** One cell with every option marked ■ (chosen) or □ (not chosen). */
  | 'checklist'
  /** One cell with several values split by a separator (、 or a line break). */
  | 'list';

/** One column of a layout. */
export interface LayoutColumn {
  /** Stable key (ASCII): what rules, merges and diffs call the column. */
  key: string;
  /** The column's name as printed; also its YAML key and the `field` of findings. */
  label: string;
  /** Other header labels that mean this column, as real sheets write them. */
  aliases: string[];
  required: boolean;
  /** The column should be there: a sheet without it gets a warning (a published list often leaves it out). */
  recommended: boolean;
  /** 'item': one value per item (merged down over its rows); 'row': one value per row of the item. */
  per: 'item' | 'row';
  kind: ColumnKind;
  /** ticks/checklist: the options in printed order; yesno: the yes and no words; list/text: the usual values (drop-down). */
  options: string[];
  /** ticks: other spellings of each option (社会公众 for 全社会), read as that option. */
  optionAliases: Record<string, string[]>;
  /** Built-in catalog layouts only: the header as printed where it differs from `label` (公开内容（要素）). */
  printed?: string;
  /** Built-in catalog layouts only: the heading over several columns (公开事项 over 一级事项, 二级事项). */
  heading?: string;
  /** Built-in catalog layouts only (ticks): more options a sheet may head a √ column with (省级, 村级). */
  otherOptions?: string[];
  /** list: values outside `options` are reported (a closed vocabulary). */
  closed: boolean;
  /** list: the separator written between values (、). */
  separator: string;
  /** What goes in the column (the template's 填表说明, help). */
  description: string;
  /** Printed width in characters (Excel column width). */
  width?: number;
}

/** The rules a layout asks for, by column key (each built from the generic rules of validate/list/). */
export interface LayoutRules {
  /** Columns whose 文号 are checked (〔2017〕 brackets, spaces, doubled 号). */
  wenhao: string[];
  /** Columns checked as 公开时限 (the 20-working-day limit). */
  deadline: string[];
  /** Columns whose values identify an item: the same values twice are a duplicate. */
  duplicates: string[];
  /** Spaces at the ends of a cell, and words broken by a space (fixable). */
  whitespace: boolean;
  /** Template placeholders left (XX单位, 请填写…). */
  placeholders: boolean;
}

/** How the list prints (Excel, page, PDF). */
export interface LayoutPrint {
  orientation: 'landscape' | 'portrait';
  /** The title printed when the file has none. */
  title: string;
}

/** A layout: a kind of list zwgk reads, checks and writes. */
export interface Layout {
  /** Stable identifier (ASCII): --layout major-decisions, file names of its schema. */
  id: string;
  /** The kind of list in words: 重大行政决策事项目录. Also the YAML 版式 value. */
  name: string;
  description: string;
  /** Header words that only this kind of list uses (one is enough to consider it). */
  words: string[];
  columns: LayoutColumn[];
  /** The column items are grouped by on a page (a category column), if any. */
  group?: string;
  /** The column that names an item (diff, merge, messages); the first required text column by default. */
  nameColumn: string;
  rules: LayoutRules;
  print: LayoutPrint;
  /** Where the definition came from: 'builtin' or the file it was read from. */
  source: string;
}
