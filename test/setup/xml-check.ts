// Loaded before every test file (test/vitest.config.ts): each .xlsx the tests write through the file
// system — every CLI run in this process, every workbook a test saves — and each workbook a test reads
// back from memory with exceljs (the renderers' bytes) is checked part by part with a strict XML 1.0
// parser (test/helpers/xml.ts); a test file with a malformed one fails.
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { afterAll, expect } from 'vitest';
import { xmlProblems } from '../helpers/xml.js';

const failures: string[] = [];
let checked = 0;

/** Check one workbook's parts; problems are collected and fail the test file. */
export function checkWorkbook(bytes: Uint8Array, where: string): void {
  checked++;
  for (const p of xmlProblems(bytes)) failures.push(`${where} › ${p}`);
}

/** Take the problems found so far (for the test that proves the check works). */
export function takeXmlFailures(): string[] {
  return failures.splice(0);
}

/** How many workbooks were checked in this test file. */
export function workbooksChecked(): number {
  return checked;
}

const isXlsx = (p: unknown): boolean => /\.xlsx$/i.test(String(p));
const { rename, writeFile } = fs.promises;
const { renameSync, writeFileSync } = fs;
fs.promises.rename = async (from, to) => {
  if (isXlsx(to)) checkWorkbook(fs.readFileSync(from), String(to));
  return rename(from, to);
};
fs.promises.writeFile = async (file, data, options) => {
  if (isXlsx(file) && data instanceof Uint8Array) checkWorkbook(data, String(file));
  return writeFile(file, data, options);
};
fs.renameSync = (from, to) => {
  if (isXlsx(to)) checkWorkbook(fs.readFileSync(from), String(to));
  renameSync(from, to);
};
fs.writeFileSync = (file, data, options) => {
  if (isXlsx(file) && data instanceof Uint8Array) checkWorkbook(data, String(file));
  writeFileSync(file, data, options);
};
syncBuiltinESMExports();

// Workbooks kept in memory and read back with exceljs: the renderers' bytes in the render and gap tests.
const XLSX = createRequire(import.meta.url)('exceljs/lib/xlsx/xlsx.js') as { prototype: { load(data: unknown, options?: unknown): Promise<unknown> } };
const load = XLSX.prototype.load;
XLSX.prototype.load = function (data: unknown, options?: unknown) {
  if (data instanceof Uint8Array) checkWorkbook(data, 'a workbook read back with exceljs');
  return load.call(this, data, options);
};

afterAll(() => {
  expect(failures, 'workbooks with parts that are not well-formed XML 1.0').toEqual([]);
});
