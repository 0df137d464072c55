// The committed fixtures are what make-fixtures.mjs writes (compared as values: zip timestamps differ).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { cellText } from '../helpers/exceljs-text.js';
import { FIXTURES } from './helpers.js';

function list(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const r = path.join(rel, name);
    return statSync(path.join(dir, r)).isDirectory() ? list(dir, r) : [r];
  });
}

async function values(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell((cell) => cells.push(`${cell.address}=${cellText(cell.value)}`)));
    return { name: ws.name, cells, merges: Object.keys((ws as unknown as { _merges: object })._merges).sort() };
  });
}

it('make-fixtures.mjs reproduces the committed fixtures', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'zwgk-fixtures-'));
  execFileSync(process.execPath, [path.join(FIXTURES, 'make-fixtures.mjs'), out]);
  const made = list(out).sort();
  const dirs = ['sample', 'messy', '2019', 'broken', 'wild'];
  const committed = dirs.flatMap((d) => list(FIXTURES, d)).sort();
  expect(made).toEqual(committed);
  for (const rel of made) {
    const a = path.join(out, rel);
    const b = path.join(FIXTURES, rel);
    const isWorkbook = readFileSync(b).subarray(0, 2).toString('latin1') === 'PK' && !/bomb|docx|truncated/.test(rel);
    if (isWorkbook) expect(await values(a), rel).toEqual(await values(b));
    else if (!rel.includes('truncated')) expect(readFileSync(a).equals(readFileSync(b)), rel).toBe(true);
  }
}, 30_000);
