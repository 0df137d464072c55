// `zwgk init` → an empty Excel template a 科室 fills in: the renderer's own title, header, widths,
// frozen header and print setup (an empty catalog rendered by render/xlsx.ts, so the header is exactly
// what `render` writes), plus empty formatted item rows, an input prompt per column taken from the 注,
// and drop-down lists where settings has a vocabulary (√ for the 2019 tick columns, the channel list).
// Nothing sits below the item rows: the 注 and how to fill in the sheet are on a sheet of their own
// (填表说明), so a clerk who needs more rows just types on, or inserts rows, and nothing is in the way.
import ExcelJS from 'exceljs';
import { xlsxText } from '../render/xlsx-text.js';
import { printSetup } from '../render/xlsx-print.js';
import type { Catalog } from '../model/types.js';
import { CHANNEL_OFF, CHANNEL_ON, CHANNELS, TICK } from '../settings/vocab.js';
import { COLUMNS, type Profile, type FieldKey } from '../settings/columns.js';
import { renderXlsx } from '../render/xlsx.js';
import { planColumns, wrappedLines, type PlanColumn } from '../render/common.js';
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

/** Column letter(s) of a 1-based column number. */
function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel caps a prompt at 255 characters and its title at 32. */
function clip(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

/** The prompt and (where there is a vocabulary) the list of one column. */
/** exceljs's data validation model; its typings lack the prompt-only type 'any' and the sheet's
 * `dataValidations` collection, both of which it reads and writes. */
interface Validation {
  type: 'any' | 'list';
  formulae?: string[];
  allowBlank?: boolean;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: 'stop' | 'warning' | 'information';
  errorTitle?: string;
  error?: string;
}
type ValidatedSheet = { dataValidations: { add(address: string, validation: Validation): void } };

function validationFor(profile: Profile, col: PlanColumn, channelRange: string): Validation | undefined {
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
  lines.push('填好后运行 zwgk validate <本文件> 检查；表格标题中的“XX单位”请改为本单位名称。');
  if (note) lines.push(note);
  return lines;
}

const HELP_WIDTH = 100;

function addHelpSheet(wb: ExcelJS.Workbook, profile: Profile, note: string | undefined): void {
  // Printed like every sheet zwgk writes: A4 landscape, its heading repeated on each page.
  const help = wb.addWorksheet(HELP_SHEET, { pageSetup: printSetup('1:1') });
  help.getColumn(1).width = HELP_WIDTH;
  help.getCell(1, 1).value = HELP_SHEET;
  help.getCell(1, 1).font = { name: '宋体', size: 14, bold: true };
  helpLines(profile, note).forEach((line, i) => {
    const cell = help.getCell(i + 2, 1);
    cell.value = xlsxText(line);
    cell.font = { name: '宋体', size: 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Rows do not grow by themselves when a file is opened: give each paragraph the lines it wraps to.
    help.getRow(i + 2).height = wrappedLines(line, HELP_WIDTH) * 16 + 6;
  });
}

/** Build the .xlsx template of a layout. */
export async function renderTemplateXlsx(profile: Profile): Promise<Uint8Array> {
  const catalog = emptyCatalog(profile);
  const cols = planColumns(catalog);
  const rendered = await renderXlsx(catalog);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(rendered as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headerBottom = cols.some((c) => c.sub !== undefined) ? 3 : 2;
  const first = headerBottom + 1;

  // The renderer put the 注 (2017) right under the header: it moves to the 填表说明 sheet, out of the
  // rows that are filled in.
  const noteCell = ws.getCell(first, 1);
  const note = noteCell.value;
  if (note !== null && note !== undefined && note !== '') {
    ws.unMergeCells(first, 1, first, cols.length);
    noteCell.value = null;
    noteCell.style = {};
  }

  // Body look: the header's font, border and alignment, without its bold and fill.
  const header = ws.getCell(headerBottom, 1).style;
  const body = (centred: boolean): Partial<ExcelJS.Style> => ({
    font: { ...header.font, bold: false },
    border: header.border,
    alignment: { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: true },
  });
  const text = body(false);
  const centred = body(true);
  for (let r = first; r < first + TEMPLATE_ROWS; r++) {
    const row = ws.getRow(r);
    row.height = ROW_HEIGHT;
    cols.forEach((col, c) => {
      row.getCell(c + 1).style = col.key === 'serial' || col.tick ? centred : text;
    });
  }
  addHelpSheet(wb, profile, typeof note === 'string' ? note : undefined);

  cols.forEach((col, c) => {
    const want = MIN_WIDTH[col.key as FieldKey];
    const column = ws.getColumn(c + 1);
    if (want && (column.width ?? 0) < want) column.width = want;
  });

  let channelRange = '';
  if (profile === '2019') {
    // Hidden, but printed like every other sheet should someone unhide it.
    const options = wb.addWorksheet(OPTIONS_SHEET, {
      state: 'hidden',
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    CHANNELS.forEach((name, i) => (options.getCell(i + 1, 1).value = name));
    channelRange = `'${OPTIONS_SHEET}'!$A$1:$A$${CHANNELS.length}`;
  }
  const last = first + VALIDATED_ROWS - 1;
  cols.forEach((col, c) => {
    const v = validationFor(profile, col, channelRange);
    if (v) (ws as unknown as ValidatedSheet).dataValidations.add(`${letter(c + 1)}${first}:${letter(c + 1)}${last}`, v);
  });
  // The catalog sheet stays the active one even with the hidden sheet added.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
