// A list of another layout → .xlsx bytes, in the layout's print style (plan.ts), written by the one writer.
import type { ListDoc } from '../../model/list.js';
import { writeWorkbook } from '../xlsx/write.js';
import { LIST_STYLES, listSheet } from './plan.js';

/** Render a list as a workbook. */
export async function renderListXlsx(doc: ListDoc): Promise<Uint8Array> {
  return writeWorkbook({ styles: LIST_STYLES, sheets: [listSheet(doc).sheet] });
}
