// `zwgk init` → an empty Excel template a 科室 fills in: the renderer's own title, header, widths,
// frozen header and print setup (the plan render/xlsx.ts makes of an empty catalog, so the header is
// exactly what `render` writes), plus empty formatted item rows, an input prompt per column taken from
// the 注, and drop-down lists where settings has a vocabulary (√ for the 2019 tick columns, the channel
// list). Nothing sits below the item rows: the 注 and how to fill in the sheet are on a sheet of their
// own (填表说明), so a clerk who needs more rows just types on, or inserts rows, and nothing is in the way.
import { printSetup } from '../render/xlsx/print.js';
import { columnLetter, type CellStyle, type RowPlan, type SheetPlan, type ValidationPlan } from '../render/xlsx/plan.js';
import { writeWorkbook } from '../render/xlsx/write.js';
import type { Catalog } from '../model/types.js';
import { noteText } from '../model/display.js';
import { CHANNEL_OFF, CHANNEL_ON, CHANNELS, TICK } from '../settings/vocab.js';
import { COLUMNS, type Profile, type FieldKey } from '../settings/columns.js';
import { bodyStyles, CATALOG_STYLES, catalogSheet } from '../render/xlsx.js';
import { wrappedLines, type PlanColumn } from '../render/common.js';
import { TEMPLATE_TITLE } from './words.js';

/** Empty formatted item rows drawn under the header (more can be typed below them or inserted). */
export const TEMPLATE_ROWS = 50;
/** Rows (from the first item row) that carry the prompts and drop-down lists: bounded, never whole columns. */
export const VALIDATED_ROWS = 500;
/** The hidden sheet holding long option lists (referenced by a bounded range). */
export const OPTIONS_SHEET = '选项';
/** The sheet with the 注 and how to fill in the template. */
export const HELP_SHEET = '填表说明';

const ROW_HEIGHT = 30;
/** Columns narrower than this (in width units) are widened so there is room to type. */
const MIN_WIDTH: Partial<Record<FieldKey, number>> = {
  category: 14,
  name: 18,
  basis: 30,
  content: 24,
  standard: 30,
  subject: 16,
  platform: 18,
  deadline: 18,
  remark: 12,
  channels: 24,
};

function emptyCatalog(profile: Profile): Catalog {
  return { profile, file: '', title: TEMPLATE_TITLE, items: [], extraColumns: [], missingColumns: [], findings: [] };
}

function description(profile: Profile, key: FieldKey): string {
  return COLUMNS[profile].find((c) => c.key === key)?.description ?? '';
}

/** Excel caps a prompt at 255 characters and its title at 32. */
function clip(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

/** The prompt and (where there is a vocabulary) the list of one column. */
function validationFor(profile: Profile, col: PlanColumn, channelRange: string): ValidationPlan | undefined {
  if (col.key === 'serial' || col.key === 'extra') return undefined;
  const label = col.sub && !col.tick ? col.sub : col.label;
  const title = clip(col.tick ? `${col.label}：${col.sub}` : label, 32);
  const desc = description(profile, col.key as FieldKey);
  if (col.tick) {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [`"${TICK}"`],
      showInputMessage: true,
      promptTitle: title,
      prompt: clip(`${desc}。适用时从下拉列表选 ${TICK}，不适用留空`, 255),
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '只能填 √',
      error: `此列只能填 ${TICK} 或留空`,
    };
  }
  if (col.key === 'channels') {
    // A cell usually names several channels, so the list only helps: other text is accepted.
    return {
      type: 'list',
      allowBlank: true,
      formulae: [channelRange],
      showInputMessage: true,
      promptTitle: title,
      prompt: clip(
        `${desc}。可从下拉列表选一项；多个渠道用顿号分隔（政府网站、两微一端），或写成清单（${CHANNEL_ON}政府网站 ${CHANNEL_OFF}政府公报 …）`,
        255,
      ),
      showErrorMessage: false,
    };
  }
  const required = COLUMNS[profile].find((c) => c.key === col.key)?.required;
  const hint =
    col.key === 'basis'
      ? '。每条依据占一行（单元格内换行：Alt+Enter）'
      : col.perPair
        ? '。一个事项有多组公开内容时，每组占一行，其余列向下合并'
        : '';
  return {
    type: 'any',
    allowBlank: true,
    showInputMessage: true,
    promptTitle: title,
    prompt: clip(`${desc}${hint}${required ? '（必填）' : '（选填）'}`, 255),
  };
}

/** How to fill in the template, one paragraph per line; the 注 of the sample table last (2017). */
export function helpLines(profile: Profile, note?: string): string[] {
  const lines = [
    `1. 在“目录”工作表表头下逐行填写事项，每个事项一行；表中已画好 ${TEMPLATE_ROWS} 行，不够时直接在下面接着填写，或在任一行上点右键“插入”。`,
    '2. 选中单元格时会显示这一列的填写说明；序号从 1 起依次编号。',
    '3. 一个事项有多组公开内容时，每组占一行，其余各列向下合并单元格（或只在第一行填写）。',
    '4. 依据列出文件名和文号，文号年份用六角括号〔〕，例如《中华人民共和国政府信息公开条例》（国务院令第711号）。',
  ];
  if (profile === '2019') {
    lines.push('5. 公开对象、公开方式、公开层级在适用的列中填 √（可从下拉列表选），不适用留空。');
    lines.push('6. 公开渠道和载体写选用的渠道，多个用顿号分隔（政府网站、两微一端），或写成清单（■政府网站 □政府公报 …）。');
  }
  lines.push('填好后用 zwgk 检查：在离线网页版“政务公开目录工具”中选择本文件，或在命令行运行 zwgk validate <本文件>；表格标题中的“XX单位”请改为本单位名称。');
  if (note) lines.push(note);
  return lines;
}

const HELP_WIDTH = 100;

/** The looks the template adds to the catalog sheet's: the 填表说明 sheet's heading and paragraphs. */
const STYLES = {
  ...CATALOG_STYLES,
  helpTitle: { font: { name: '宋体', size: 14, bold: true } },
  help: { font: { name: '宋体', size: 11 }, alignment: { wrapText: true, vertical: 'top' } },
} satisfies Record<string, CellStyle>;

/** The 填表说明 sheet, printed like every sheet zwgk writes: A4 landscape, its heading repeated on each page. */
function helpSheet(profile: Profile, note: string | undefined): SheetPlan {
  const rows: RowPlan[] = [{ values: [HELP_SHEET], styles: ['helpTitle'] }];
  for (const line of helpLines(profile, note)) {
    // Rows do not grow by themselves when a file is opened: give each paragraph the lines it wraps to.
    rows.push({ values: [line], styles: ['help'], height: wrappedLines(line, HELP_WIDTH) * 16 + 6 });
  }
  return { name: HELP_SHEET, widths: [HELP_WIDTH], rows, merges: [], print: printSetup('1:1') };
}

/** Build the .xlsx template of a layout. */
export async function renderTemplateXlsx(profile: Profile): Promise<Uint8Array> {
  const catalog = emptyCatalog(profile);
  // The 注 (2017) goes to the 填表说明 sheet, out of the rows that are filled in.
  const { sheet, cols, bodyRow: first } = catalogSheet(catalog, { note: false });

  // Empty item rows in the look of a rendered catalog's items, so what is typed in looks rendered.
  const styles = bodyStyles(cols);
  const empty: RowPlan = { values: [], styles, height: ROW_HEIGHT };
  const rows = [...sheet.rows, ...Array.from({ length: TEMPLATE_ROWS }, () => empty)];
  const widths = sheet.widths.map((w, c) => Math.max(w, MIN_WIDTH[cols[c]!.key as FieldKey] ?? 0));

  let channelRange = '';
  const options: SheetPlan[] = [];
  if (profile === '2019') {
    // Hidden, but printed like every other sheet should someone unhide it.
    options.push({
      name: OPTIONS_SHEET,
      hidden: true,
      widths: [],
      rows: CHANNELS.map((name) => ({ values: [name], styles: [] })),
      merges: [],
      print: printSetup(),
    });
    channelRange = `'${OPTIONS_SHEET}'!$A$1:$A$${CHANNELS.length}`;
  }
  const last = first + VALIDATED_ROWS - 1;
  const validations = cols.flatMap((col, c) => {
    const rule = validationFor(profile, col, channelRange);
    return rule ? [{ range: `${columnLetter(c + 1)}${first}:${columnLetter(c + 1)}${last}`, rule }] : [];
  });
  const sheets = [{ ...sheet, rows, widths, validations }, helpSheet(profile, noteText(catalog)), ...options];
  // The catalog sheet stays the active one even with the hidden sheet added.
  return writeWorkbook({ styles: STYLES, sheets, activeSheet: 0 });
}
