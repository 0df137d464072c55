import { it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { htmlTable, sheetData } from '../helpers/tables.js';
it('scratch', async () => {
  mkdirSync('/tmp/lo', { recursive: true });
  const data = await sheetData('test/fixtures/sample/sample-2017.xlsx');
  writeFileSync('/tmp/lo/sample.html', `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${htmlTable(data, { lines: 'p' })}</body></html>`);
});
