// The one catalog model every reader produces and every renderer, rule and report consumes.
import type { Profile, TickGroup } from '../settings/columns.js';
import type { Finding } from '../findings/finding.js';
import type { SourceRef } from '../findings/location.js';

/** One text value with its origin. Text keeps in-cell line breaks as "\n". */
export interface Cell {
  text: string;
  at: SourceRef;
  /** The source said 同上 and the value was carried down from the item above. */
  carried?: boolean;
  /** A √ cell that held text instead of a mark (州级 under 县级, 项目单位 under 特定群体): read as ticked,
   * `text` being the option, and this text kept, so every output writes it back where the √ would go. */
  mark?: string;
}

/** A field holding a list (依据 citations, selected channels, ticked options). */
export interface ListField {
  values: Cell[];
  /** The cell (or YAML key) of the whole list: where a blank list is reported. */
  at: SourceRef;
}

/** One 公开内容 row; 公开标准 exists in the 2017 layout only. */
export interface Pair {
  content: Cell;
  standard?: Cell;
}

export interface Item {
  serial: Cell;
  /** 事项类别 (2017) or 一级事项 (2019). */
  category: Cell;
  /** 名称 (2017) or 二级事项 (2019). */
  name: Cell;
  /** 依据 / 公开依据, one citation per line of the cell. */
  basis: ListField;
  pairs: Pair[];
  subject: Cell;
  deadline: Cell;
  remark: Cell;
  /** 2017 公开方式: the platform. Absent in 2019. */
  platform?: Cell;
  /** 2019 公开渠道和载体: the selected channels. */
  channels?: ListField;
  /** 2019 √ groups: the ticked option labels (canonical, e.g. 全社会). */
  ticks?: Record<TickGroup, ListField>;
  /** Columns the reader did not know, by their header label, kept verbatim. */
  extra: Record<string, Cell>;
  /** Where merge took the item from ("file 工作表 单元格"), kept through YAML. */
  origin?: string;
  /** The item's first row / YAML entry. */
  at: SourceRef;
}

/** A catalog-level text as the source wrote it, and where: a sheet's title, 编制单位/日期 line, 注 rows
 * and header cells; a YAML file's 标题, 单位, 日期 and 注. Items carry their own locations; these are the
 * rest, so that every value read can be traced to its cell or line. */
export interface SourceText {
  role: 'title' | 'unit' | 'date' | 'meta' | 'preface' | 'note' | 'header';
  text: string;
  at: SourceRef;
  /** header: what the column below holds — a field key, `tick:<group>`, `ticks:<group>` (a text-valued
   * √ group), `extra`, or `group` for a label over sub-columns. */
  column?: string;
}

/** Option lists that differ from the defaults in settings (e.g. 区级/镇级), kept for lossless rendering. */
export interface CatalogOptions {
  audience?: string[];
  mode?: string[];
  level?: string[];
  channels?: string[];
}

/**
 * A sheet of the source without a catalog header (填表说明, a hidden drop-down list, a page's 索引号/发布机构
 * table), kept whole: it is no part of the items, but every non-empty cell of a file is kept, so that
 * convert and render write it back (a sheet of its own in a workbook, `其他工作表` in YAML).
 */
export interface OtherSheet {
  /** The sheet's name, or a table's (第 2 个表格). */
  name: string;
  hidden?: boolean;
  /** Its non-empty cells (a merge: its top-left cell), row by row; row and col count from 1. */
  cells: OtherCell[];
}

/** One kept cell of an other sheet: where it sits in the sheet, its text, where it came from. */
export interface OtherCell {
  row: number;
  col: number;
  text: string;
  at: SourceRef;
}

export interface Catalog {
  profile: Profile;
  file: string;
  title?: string;
  unit?: string;
  date?: string;
  /** Lines above the header that are neither the title nor 编制单位/日期 (填报单位（盖章）：, 单位：万元, a
   * YAML file's unknown top-level keys as “键：值”), one per line: kept, printed above the table. */
  preface?: string;
  /** The 注 row text (2017) or notes under the table. */
  note?: string;
  items: Item[];
  /** Header labels of unknown columns, in sheet order. */
  extraColumns: string[];
  options?: CatalogOptions;
  /** Required columns the source lacks (canonical keys); reported once by the reader. */
  missingColumns: string[];
  /** 2019 items named by one 公开事项 column, with no 一级事项 (a one-domain page): the category is absent by
   * the source's design — left out of what is written, not asked for. 'category' is then in missingColumns. */
  ungrouped?: boolean;
  /** What the reader noticed: info about ignored sheets, 同上, unknown columns; errors for missing columns. */
  findings: Finding[];
  /** Where the catalog-level texts came from (title, 编制单位 line, 注 rows, header cells), in source order. */
  sources?: SourceText[];
  /** Sheets of the source that hold no catalog, kept whole (OtherSheet). */
  otherSheets?: OtherSheet[];
}
