// fix's container for a macro workbook (.xlsm): loaded and written by exceljs, because the copy must be a
// plain .xlsx (its VBA part would make it unopenable under that name) and exceljs leaves VBA out. Other
// cells, styles and sheets stay as they were. Known exceljs limits of the copy: an \r\n line break inside a
// cell is written as \n, and parts exceljs does not model (charts) are not carried over.
import ExcelJS from 'exceljs';
import { editRuns, type CellSkip, type CellTarget, type CellText, type Edit } from '../findings/fix.js';
import type { SourceRef } from '../findings/location.js';

type RichText = { richText: { text: string; font?: unknown }[] };

/** A cell's text as the reader reads it (line breaks as \n), and its runs when it is rich text. */
function textOf(value: ExcelJS.CellValue): { text: string; rich?: RichText } | undefined {
  const lf = (s: string) => s.replace(/\r\n/gu, '\n');
  if (typeof value === 'string') return { text: lf(value) };
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) {
    const rich = { richText: value.richText.map((r) => ({ ...r, text: lf(r.text) })) };
    return { text: rich.richText.map((r) => r.text).join(''), rich };
  }
  return undefined;
}

/** A macro workbook's bytes as a fix container (exceljs document mode). */
export function xlsmTarget(input: Uint8Array): CellTarget {
  const wb = new ExcelJS.Workbook();
  const cells = new Map<string, { cell: ExcelJS.Cell; rich?: RichText }>();
  const keyOf = (at: SourceRef) => `${at.sheet ?? ''}\u0000${at.cell ?? ''}`;
  return {
    async read(ats): Promise<(CellText | CellSkip)[]> {
      await wb.xlsx.load(input as unknown as ArrayBuffer);
      return ats.map((at) => {
        const ws = at.sheet !== undefined ? wb.getWorksheet(at.sheet) : wb.worksheets[0];
        const cell = ws && at.cell ? ws.getCell(at.cell) : undefined;
        if (!cell) return { skip: 'not-found' };
        const current = textOf(cell.value);
        if (!current) return { skip: 'not-text' };
        cells.set(keyOf(at), current.rich ? { cell, rich: current.rich } : { cell });
        return { text: current.text };
      });
    },
    write(at: SourceRef, text: string, edits: readonly Edit[]): void {
      const { cell, rich } = cells.get(keyOf(at))!;
      const runs = rich ? editRuns(rich.richText.map((r) => r.text), edits) : undefined;
      cell.value = rich && runs ? ({ richText: rich.richText.map((r, k) => ({ ...r, text: runs[k]! })) } as ExcelJS.CellValue) : text;
    },
    async commit() {
      // exceljs writes xl/workbook.xml last; a streaming reader (ours included) that meets a second sheet after
      // sharedStrings.xml but before workbook.xml cannot name it. Inline strings avoid that order problem.
      const data = new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions));
      return { data, failed: [] };
    },
  };
}
