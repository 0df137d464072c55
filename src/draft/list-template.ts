// `zwgk init --layout …` → an empty Excel template of a list: the list renderer's own sheet (the plan of an
// empty list, so the header is exactly what `render` writes) with formatted empty rows, a prompt per column
// from the layout's descriptions, drop-down lists from its vocabularies (√ under each option of a √ group,
// 是/否, the options of a list), and a 填表说明 sheet listing every column.
import type { Layout } from '../layouts/types.js';
import type { ListDoc } from '../model/list.js';
import { printSetup } from '../render/xlsx/print.js';
import { columnLetter, type CellStyle, type RowPlan, type SheetPlan, type ValidationPlan } from '../render/xlsx/plan.js';
import { writeWorkbook } from '../render/xlsx/write.js';
import { LIST_STYLES, listSheet, type ListPlanColumn } from '../render/list/plan.js';
import { wrappedLines } from '../render/common.js';
import { TICK } from '../settings/vocab.js';
import { KIND_WORDS } from '../layouts/words.js';
import { HELP_SHEET, TEMPLATE_ROWS, VALIDATED_ROWS } from './template-xlsx.js';


/** Excel caps a prompt at 255 characters and its title at 32. */
function clip(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

/** Quoted list formula of short options (Excel caps an inline list at 255 characters). */
function inline(options: readonly string[]): string | undefined {
  const text = `"${options.join(',')}"`;
  return options.some((o) => /[",]/u.test(o)) || text.length > 255 ? undefined : text;
}

function validationFor(col: ListPlanColumn): ValidationPlan | undefined {
  const c = col.column;
  if (!c || c.kind === 'serial') return undefined;
  const title = clip(col.option !== undefined ? `${c.label}：${col.option}` : c.label, 32);
  const prompt = clip(`${c.description ? `${c.description}。` : ''}${KIND_WORDS[c.kind]}${c.required ? '（必填）' : '（选填）'}`, 255);
  if (col.option !== undefined) {
    return { type: 'list', allowBlank: true, formulae: [`"${TICK}"`], showInputMessage: true, promptTitle: title, prompt, showErrorMessage: true, errorStyle: 'stop', errorTitle: '只能填 √', error: `此列只能填 ${TICK} 或留空` };
  }
  const list = (c.kind === 'yesno' || ((c.kind === 'list' || c.kind === 'text') && c.options.length)) ? inline(c.options) : undefined;
  if (list) {
    const strict = c.kind === 'yesno' || (c.closed && c.kind !== 'list');
    return { type: 'list', allowBlank: true, formulae: [list], showInputMessage: true, promptTitle: title, prompt, showErrorMessage: strict, ...(strict ? { errorStyle: 'stop' as const, errorTitle: '不在可选值中', error: `请从下拉列表中选择：${c.options.join('、')}` } : {}) };
  }
  return { type: 'any', allowBlank: true, showInputMessage: true, promptTitle: title, prompt };
}

const STYLES = {
  ...LIST_STYLES,
  helpTitle: { font: { name: '宋体', size: 14, bold: true } },
  help: { font: { name: '宋体', size: 11 }, alignment: { wrapText: true, vertical: 'top' } },
} satisfies Record<string, CellStyle>;

/** The 填表说明 of a list: how to fill it in, then each column — required or not, its kind and what goes in it. */
export function listHelpLines(layout: Layout): string[] {
  const lines = [
    `1. 在“${layout.name.slice(0, 31)}”工作表表头下逐行填写，每个事项一行；表中已画好 ${TEMPLATE_ROWS} 行，不够时接着往下填写。选中单元格时会显示这一列的填写说明。`,
    '2. 各列：',
    ...layout.columns.map((c) => `   ${c.label}（${c.required ? '必填' : '选填'}）：${KIND_WORDS[c.kind]}${c.options.length && c.kind !== 'yesno' ? `；可选：${c.options.join('、')}` : ''}${c.description ? `。${c.description}` : ''}`),
    `3. 填好后用 zwgk 检查：在离线网页版“政务公开目录工具”中选择本文件，或在命令行运行 zwgk validate <本文件>（版式：${layout.name}）。`,
  ];
  return lines;
}

/** Build the .xlsx template of a list layout. */
export async function renderListTemplateXlsx(layout: Layout): Promise<Uint8Array> {
  const empty: ListDoc = { kind: 'list', layout, profile: layout.name, file: '', title: layout.print.title, items: [], extraColumns: [], missingColumns: [], findings: [] };
  const { sheet, cols, firstItemRow } = listSheet(empty, TEMPLATE_ROWS);
  const last = firstItemRow + VALIDATED_ROWS - 1;
  const validations = cols.flatMap((col, i) => {
    const rule = validationFor(col);
    return rule ? [{ range: `${columnLetter(i + 1)}${firstItemRow}:${columnLetter(i + 1)}${last}`, rule }] : [];
  });
  const helpRows: RowPlan[] = [{ values: [HELP_SHEET], styles: ['helpTitle'] }, ...listHelpLines(layout).map((line) => ({ values: [line], styles: ['help'], height: wrappedLines(line, 100) * 16 + 6 }))];
  const help: SheetPlan = { name: HELP_SHEET, widths: [100], rows: helpRows, merges: [], print: printSetup('1:1') };
  return writeWorkbook({ styles: STYLES, sheets: [{ ...sheet, validations }, help], activeSheet: 0 });
}
