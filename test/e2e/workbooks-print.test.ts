// Every workbook zwgk writes, made through the CLI as a user would (render, merge, init, gap), is
// ready to print and hand in: every sheet A4 landscape, one page wide, its header rows repeated, a
// wrapped text in a row tall enough for it; LibreOffice prints each on A4 landscape pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../../src/cli/index.js';
import { textWidth, wrappedLines } from '../../src/render/common.js';
import { pdfPages, pdfPageSize, sofficePdf } from '../helpers/pdf.js';

let dir: string;
const made: Record<string, string> = {};

const WORKBOOKS: Record<string, string[]> = {
  'render-2017': ['render', 'examples/county-catalog.yaml', '-o', '{dir}/render-2017.xlsx'],
  'render-2019': ['render', 'examples/unit-anquan.yaml', '-o', '{dir}/render-2019.xlsx'],
  merge: ['merge', 'test/draft/fixtures/keshi-a.yaml', 'test/draft/fixtures/keshi-b.yaml', '-o', '{dir}/merge.xlsx'],
  'init-2017': ['init', '-o', '{dir}/init-2017.xlsx'],
  'init-2019': ['init', '--profile', '2019', '-o', '{dir}/init-2019.xlsx'],
  gap: ['gap', 'examples/unit-anquan.yaml', '--against', 'examples/reference-anquan.yaml', '-o', '{dir}/gap.xlsx'],
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zwgk-workbooks-'));
  const quiet = { write: () => true };
  for (const [name, args] of Object.entries(WORKBOOKS)) {
    const code = await run({ argv: args.map((a) => a.replace('{dir}', dir)), stdout: quiet, stderr: quiet, env: { CI: 'true' } });
    expect(code, name).toBeLessThanOrEqual(1);
    made[name] = path.join(dir, `${name}.xlsx`);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every workbook zwgk writes prints on A4 landscape, header repeated, text wrapped in tall enough rows', () => {
  for (const name of Object.keys(WORKBOOKS)) {
    test(name, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(made[name]!);
      for (const ws of wb.worksheets) {
        const where = `${name} › ${ws.name}`;
        expect(ws.pageSetup, where).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
        if (ws.state === 'hidden') continue;
        expect(ws.pageSetup.printTitlesRow, where).toMatch(/^\d+:\d+$/);
        ws.eachRow((row, r) => {
          row.eachCell((cell, c) => {
            if (typeof cell.value !== 'string' || cell.isMerged) return;
            const width = ws.getColumn(c).width ?? 9;
            if (textWidth(cell.value) > width || cell.value.includes('\n')) {
              expect(cell.alignment?.wrapText, `${where}!${cell.address}`).toBe(true);
              // 16 pt a line (11 pt CJK text), as the renderers size them.
              expect(row.height ?? 15, `${where} row ${r}`).toBeGreaterThanOrEqual(wrappedLines(cell.value, width) * 16);
            }
          });
        });
      }
    });
  }

  test('LibreOffice prints every one of them on A4 landscape pages', () => {
    sofficePdf(Object.values(made), dir);
    for (const name of Object.keys(WORKBOOKS)) {
      const pdf = path.join(dir, `${name}.pdf`);
      expect(pdfPageSize(pdf).map(Math.round), name).toEqual([842, 595]);
      expect(pdfPages(pdf).length, name).toBeGreaterThan(0);
    }
  }, 120_000);
});
