// `zwgk init --layout …` → an empty workbook for drafting a list of another layout: the list renderer's own
// title, header, widths, frozen header and print setup (the plan render/list/xlsx.ts makes of an empty list,
// so the header is exactly what `render` writes and what the reader recognises), empty formatted rows, a
// prompt on every column from the layout's description, and drop-down lists from its vocabularies (是/否,
// a list's usual values, √ under each tick option). How to fill each column is on a sheet of its own
// (填表说明), so nothing sits below the rows a clerk types on.
import { printSetup } from '../render/xlsx/print.js';
import { columnLetter, type CellStyle, type RowPlan, type SheetPlan, type ValidationPlan } from '../render/xlsx/plan.js';
import { writeWorkbook } from '../render/xlsx/write.js';
import { CATALOG_STYLES } from '../render/xlsx.js';
import { listBodyStyles, listSheet } from '../render/list/xlsx.js';
import type { ListPlanColumn } from '../render/list/columns.js';
import { wrappedLines } from '../render/common.js';
import { TICK } from '../settings/vocab.js';
import type { Layout, LayoutColumn } from '../layouts/types.js';
import type { ListDoc } from '../model/list.js';
import { HELP_SHEET, OPTIONS_SHEET, TEMPLATE_ROWS, VALIDATED_ROWS } from './template-xlsx.js';

const ROW_HEIGHT = 30;
/** Excel's limit on a drop-down list written in the rule itself ("a,b,c"). */
const INLINE_LIST_MAX = 255;

/** Excel caps a prompt at 255 characters and its title at 32. */
function clip(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

/** What a kind of column asks for, in a clerk's words. */
export function kindWords(column: LayoutColumn): string {
  const options = column.options.join('、');
  switch (column.kind) {
    case 'text': return options ? `文字，常用值：${options}` : '文字';
    case 'serial': return '序号：从 1 起依次编号';
    case 'number': return '数字';
    case 'date': return '日期，如 2024年6月30日';
    case 'month': return '年月，如 2024年6月、2024.06、2024年第二季度';
    case 'yesno': return `填“${column.options[0]}”或“${column.options[1]}”`;
    case 'ticks': return `在适用的选项列下填 ${TICK}，不适用留空（选项：${options}）`;
    case 'checklist': return `一格中列出全部选项，选用的前面标 ■，未选的标 □（选项：${options}）`;
    case 'list': {
      const sep = column.separator === '\n' ? '换行（Alt+Enter）' : `“${column.separator}”`;
      if (!options) return `可填多个值，用${sep}分隔`;
      return column.closed ? `只能填以下值，多个用${sep}分隔：${options}` : `可填多个值，用${sep}分隔，常用值：${options}`;
    }
  }
}

/** The drop-down source of a vocabulary: written in the rule when it fits and holds no comma or quote, else a column of the hidden 选项 sheet. */
function listSource(options: readonly string[], hidden: string[][]): string {
  const inline = options.join(',');
  if (inline.length + 2 <= INLINE_LIST_MAX && !options.some((o) => /[,"]/.test(o))) return `"${inline}"`;
  hidden.push([...options]);
  const col = columnLetter(hidden.length);
  return `'${OPTIONS_SHEET}'!$${col}$1:$${col}$${options.length}`;
}

/** The prompt and (where the layout has a vocabulary) the drop-down list of one printed column. */
function validationFor(col: ListPlanColumn, hidden: string[][]): ValidationPlan | undefined {
  const c = col.column;
  if (!c || c.kind === 'serial') return undefined;
  const need = c.required ? '（必填）' : '（选填）';
  const desc = c.description ? `${c.description}。` : '';
  const prompt = {
    showInputMessage: true,
    promptTitle: clip(col.option ? `${c.label}：${col.option.label}` : c.label, 32),
  };
  if (col.option) {
    return {
      type: 'list', allowBlank: true, formulae: [`"${TICK}"`], ...prompt,
      prompt: clip(`${desc}适用时从下拉列表选 ${TICK}，不适用留空`, 255),
      showErrorMessage: true, errorStyle: 'stop', errorTitle: `只能填 ${TICK}`, error: `此列只能填 ${TICK} 或留空`,
    };
  }
  const words = `${kindWords(c)}${need}`;
  if (c.kind === 'yesno') {
    return {
      type: 'list', allowBlank: true, formulae: [listSource(c.options, hidden)], ...prompt, prompt: clip(`${desc}${words}`, 255),
      showErrorMessage: true, errorStyle: 'stop', errorTitle: '请从下拉列表选择', error: `此列只能填“${c.options[0]}”或“${c.options[1]}”`,
    };
  }
  if ((c.kind === 'list' || c.kind === 'text') && c.options.length) {
    // A list cell may name several values: the drop-down only helps, and a closed list warns but lets them be typed.
    return {
      type: 'list', allowBlank: true, formulae: [listSource(c.options, hidden)], ...prompt, prompt: clip(`${desc}${words}`, 255),
      ...(c.closed
        ? { showErrorMessage: true, errorStyle: 'warning' as const, errorTitle: '不在可选值中', error: clip(`可选值：${c.options.join('、')}。填多个值时用“${c.separator}”分隔，可点“是”保留`, 255) }
        : { showErrorMessage: false }),
    };
  }
  return { type: 'any', allowBlank: true, ...prompt, prompt: clip(`${desc}${words}`, 255) };
}

const HELP_WIDTHS = [20, 10, 44, 50];

/** The 填表说明 sheet: how to fill in the sheet, then one row per column (标题, 是否必填, 填写方式, 说明). */
function helpSheet(layout: Layout, sheetName: string): SheetPlan {
  const total = HELP_WIDTHS.reduce((a, b) => a + b, 0);
  const lines = [
    `1. 在“${sheetName}”工作表表头下逐行填写，每个事项一行；表中已画好 ${TEMPLATE_ROWS} 行，不够时直接在下面接着填写，或在任一行上点右键“插入”。`,
    '2. 选中单元格时会显示这一列的填写说明；有下拉箭头的列可从列表中选择。',
    ...(layout.columns.some((c) => c.per === 'row') ? ['3. 标为“按行填写”的列每行一个值；一个事项占多行时，其余各列向下合并单元格（或只在第一行填写）。'] : []),
    `填好后用 zwgk 检查：在离线网页版中选择本文件，或在命令行运行 zwgk validate <本文件>；表格标题中的“XX单位”请改为本单位名称。`,
  ];
  const rows: (RowPlan | undefined)[] = [{ values: [`${HELP_SHEET}（${layout.name}）`], styles: ['helpTitle'] }];
  for (const line of lines) rows.push({ values: [line], styles: ['help'], height: wrappedLines(line, total) * 16 + 6 });
  rows.push(undefined);
  const header = ['列', '是否必填', '填写方式', '说明'];
  rows.push({ values: header, styles: header.map(() => 'header'), height: 24 });
  for (const c of layout.columns) {
    const values = [c.label, c.required ? '必填' : '选填', `${kindWords(c)}${c.per === 'row' ? '；按行填写' : ''}`, c.description];
    const height = Math.max(...values.map((v, i) => wrappedLines(v, HELP_WIDTHS[i]!) * 16 + 6), 22);
    rows.push({ values, styles: ['text', 'centred', 'text', 'text'], height });
  }
  const merges = rows.slice(0, lines.length + 1).map((_, i) => ({ top: i + 1, left: 1, bottom: i + 1, right: HELP_WIDTHS.length }));
  return { name: HELP_SHEET, widths: HELP_WIDTHS, rows, merges, print: printSetup('1:1') };
}

/** The looks the template adds: the 填表说明 sheet's heading and paragraphs. */
const STYLES = {
  ...CATALOG_STYLES,
  helpTitle: { font: { name: '宋体', size: 14, bold: true } },
  help: { font: { name: '宋体', size: 11 }, alignment: { wrapText: true, vertical: 'top' } },
} satisfies Record<string, CellStyle>;

/** Build the .xlsx drafting template of a list layout: the header, empty rows with prompts and drop-downs, and 填表说明. */
export async function renderListTemplateXlsx(layout: Layout): Promise<Uint8Array> {
  const empty: ListDoc = { kind: 'list', layout, profile: layout.name, file: '', items: [], extraColumns: [], missingColumns: [], findings: [] };
  const { sheet, cols, bodyRow: first } = listSheet(empty, { note: false, title: `XX单位${layout.print.title}` });
  const styles = listBodyStyles(cols);
  const blank: RowPlan = { values: [], styles, height: ROW_HEIGHT };
  const rows = [...sheet.rows, ...Array.from({ length: TEMPLATE_ROWS }, () => blank)];
  const hidden: string[][] = [];
  const last = first + VALIDATED_ROWS - 1;
  const validations = cols.flatMap((col, c) => {
    const rule = validationFor(col, hidden);
    return rule ? [{ range: `${columnLetter(c + 1)}${first}:${columnLetter(c + 1)}${last}`, rule }] : [];
  });
  const sheets: SheetPlan[] = [{ ...sheet, rows, validations }, helpSheet(layout, sheet.name)];
  if (hidden.length) {
    const height = Math.max(...hidden.map((h) => h.length));
    sheets.push({
      name: OPTIONS_SHEET,
      hidden: true,
      widths: [],
      rows: Array.from({ length: height }, (_, r) => ({ values: hidden.map((h) => h[r]), styles: [] })),
      merges: [],
      print: printSetup(),
    });
  }
  return writeWorkbook({ styles: STYLES, sheets, activeSheet: 0 });
}
