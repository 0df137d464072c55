// The shipped examples (read by the real YAML reader) through every renderer.
// Goldens: UPDATE_GOLDEN=1 npx vitest run test/render
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { NOTE_2017 } from '../../src/settings/texts.js';
import { readCatalog } from '../../src/node/read-file.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { expectGolden } from './golden.js';

describe('examples/sample-table.yaml', async () => {
  const catalog = await readCatalog('examples/sample-table.yaml');

  test('Markdown and HTML match their goldens', () => {
    expectGolden('example-sample-table.md', renderMarkdown(catalog));
    expectGolden('example-sample-table.html', renderHtml(catalog));
  });

  test('the workbook holds every text of the model in the sample-table shape', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(catalog)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const item = catalog.items[0]!;
    expect(ws.getCell('A1').value).toBe('政务公开事项目录（样表）');
    expect(ws.getCell('A3').value).toBe(1);
    expect(ws.getCell('B3').value).toBe(item.category.text);
    expect(ws.getCell('C3').value).toBe(item.name.text);
    expect(ws.getCell('D3').value).toBe(item.basis.values.map((v) => v.text).join('\n'));
    item.pairs.forEach((p, i) => {
      expect(ws.getCell(3 + i, 5).value).toBe(p.content.text);
      expect(ws.getCell(3 + i, 6).value).toBe(p.standard!.text);
    });
    expect(ws.getCell('G3').value).toBe(item.subject.text);
    expect(ws.getCell('H3').value).toBe(item.platform!.text);
    expect(ws.getCell('I3').value).toBe(item.deadline.text);
    expect(ws.getCell('J3').value).toBeNull();
    // No 注 in the YAML: the sample table's standard 注 is written.
    expect(ws.getCell('A7').value).toBe(NOTE_2017);
  });
});

describe('examples/county-catalog.yaml', async () => {
  const catalog = await readCatalog('examples/county-catalog.yaml');

  test('renders in all three formats with one section per category', async () => {
    const md = renderMarkdown(catalog);
    const html = renderHtml(catalog);
    const categories = new Set(catalog.items.map((i) => i.category.text));
    expect(md.match(/^## /gm)).toHaveLength(categories.size);
    expect(html.match(/<tbody class="group"/g)).toHaveLength(categories.size);
    const buffer = await renderXlsx(catalog);
    expect(Buffer.from(buffer.subarray(0, 2)).toString()).toBe('PK');
    expectGolden('example-county-catalog.md', md);
  });
});
