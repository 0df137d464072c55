// exceljs comes in through one door: render/xlsx/write.ts writes every workbook plan, and nothing else
// under src/ imports it (types included), so the writer can be replaced in one place (change 7b).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/** Who may import exceljs, and why. */
const DOORS: Record<string, string> = {
  'src/render/xlsx/write.ts': 'the one writer of workbook plans',
  // Not a plan: fix loads a user's macro workbook and writes it back changed (as .xlsx, macros dropped).
  // xlsx-target.ts patches the zip in place for every other workbook, UTF-16 sheet parts included.
  'src/fix/xlsm-target.ts': 'fix’s target for macro workbooks (.xlsm)',
  'src/app/shims/exceljs.cjs': 'the browser build’s stand-in for the package root (picks lib/ modules)',
  'src/render/xlsx/exceljs-writer.ts': 'exceljs’s streaming writer as Node loads it (lib/ modules, not the package root with its readers)',
  'src/render/xlsx/exceljs-writer.browser.ts': 'the same for a browser bundle of the library (package.json “browser”): exceljs’s browser build',
  'src/types/exceljs-parts.d.ts': 'the types of the two lib/ modules exceljs-writer.ts loads',
};

const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]exceljs(?:\/[^'"]*)?['"]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? (n === 'generated' ? [] : files(p)) : /\.(ts|mjs|cjs|js)$/.test(n) ? [p] : [];
  });
}

it('only the listed modules import exceljs', () => {
  const importers = files('src').filter((f) => IMPORT.test(readFileSync(f, 'utf8')));
  expect(importers.map((f) => f.split(path.sep).join('/')).sort()).toEqual(Object.keys(DOORS).sort());
});
