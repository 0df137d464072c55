// End to end, on real files: the issues' "done when" checks for reading, rendering and round trips.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { renderYaml } from '../../src/render/yaml.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { toDocument } from '../../src/model/document.js';
import { categorySpellings, normaliseName } from '../../src/model/names.js';
import { validateCatalog } from '../../src/validate/index.js';
import { run } from '../../src/cli/index.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zwgk-e2e-'));

async function viaXlsx(file: string, name: string) {
  const catalog = await readCatalog(file);
  const out = path.join(tmp, `${name}.xlsx`);
  writeFileSync(out, await renderXlsx(catalog));
  return { catalog, back: await readCatalog(out) };
}

async function viaYaml(file: string, name: string) {
  const catalog = await readCatalog(file);
  const out = path.join(tmp, `${name}.yaml`);
  const text = renderYaml(catalog);
  writeFileSync(out, text);
  return { catalog, text, back: await readCatalog(out) };
}

function errors(catalog: Awaited<ReturnType<typeof readCatalog>>) {
  return validateCatalog(catalog).filter((f) => f.severity === 'error');
}

describe('the sample table as printed in the notice', () => {
  const file = 'test/fixtures/sample/sample-2017.xlsx';

  it('reads as 1 item with 4 pairs and 3 citations, without errors', async () => {
    const catalog = await readCatalog(file);
    expect(catalog.profile).toBe('2017');
    expect(catalog.items).toHaveLength(1);
    const [item] = catalog.items;
    expect(item!.pairs).toHaveLength(4);
    expect(item!.basis.values).toHaveLength(3);
    expect(item!.deadline.text).toBe('原则上每周三公布上周抽检信息');
    expect(item!.deadline.at).toEqual({ file, sheet: 'Sheet1', cell: 'I3', row: 3 });
    expect(errors(catalog)).toEqual([]);
  });

  it('every render carries every value', async () => {
    const catalog = await readCatalog(file);
    const item = catalog.items[0]!;
    const texts = [
      item.name.text,
      item.category.text,
      item.subject.text,
      item.platform!.text,
      item.deadline.text,
      ...item.basis.values.map((c) => c.text),
      ...item.pairs.flatMap((p) => [p.content.text, p.standard!.text]),
    ];
    const html = renderHtml(catalog);
    const md = renderMarkdown(catalog);
    const { back } = await viaXlsx(file, 'sample-render');
    const xlsxDoc = JSON.stringify(toDocument(back));
    for (const t of texts) {
      expect(html).toContain(t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      expect(md).toContain(t);
      expect(xlsxDoc).toContain(JSON.stringify(t).slice(1, -1));
    }
  });

  it('the rendered xlsx validates again with the same content', async () => {
    const { catalog, back } = await viaXlsx(file, 'sample-again');
    expect(toDocument(back)).toEqual(toDocument(catalog));
    expect(errors(back)).toEqual([]);
  });

  it('converted to YAML it validates again with the same content', async () => {
    const { catalog, back } = await viaYaml(file, 'sample-again');
    expect(toDocument(back)).toEqual(toDocument(catalog));
    expect(errors(back)).toEqual([]);
  });
});

describe('lossless round trips: xlsx → YAML → xlsx → YAML is byte-identical', () => {
  const files = [
    'test/fixtures/sample/sample-2017.xlsx',
    'test/fixtures/messy/messy-2017.xlsx',
    'test/fixtures/messy/two-sheets.xlsx',
    'test/fixtures/2019/county-2019.xlsx',
    'test/fixtures/2019/one-row-2019.xlsx',
    'test/fixtures/wild/qingdan-blank-header.xlsx',
    'test/fixtures/wild/template-overflow-2017.xlsx',
    'test/fixtures/wild/levels-2019.xlsx',
    'test/fixtures/wild/unfinished-2017.xlsx',
  ];
  for (const file of files) {
    it(file, async () => {
      const name = path.basename(file, '.xlsx');
      const first = await viaYaml(file, `${name}-1`);
      const x = path.join(tmp, `${name}-2.xlsx`);
      writeFileSync(x, await renderXlsx(first.back));
      const second = await viaYaml(x, `${name}-3`);
      expect(second.text).toBe(first.text);
      // The YAML keeps every value the workbook had (line breaks, order of items and pairs).
      expect(toDocument(first.back)).toEqual(toDocument(first.catalog));
    });
  }

  for (const file of ['examples/sample-table.yaml', 'examples/county-catalog.yaml', 'examples/unit-anquan.yaml', 'examples/reference-anquan.yaml']) {
    it(`${file} → xlsx → YAML keeps the document`, async () => {
      const name = path.basename(file, '.yaml');
      const { catalog, back } = await viaXlsx(file, `${name}-x`);
      // A 2019 workbook merges one category's cell over its items: a category written two ways
      // (unit-anquan's 依法 行政 / 依法行政, reported as category-spelling) comes back in its most common spelling.
      if (catalog.profile === '2019') {
        const names = categorySpellings(catalog.items);
        for (const item of catalog.items) item.category.text = names.get(normaliseName(item.category.text))!.name;
      }
      expect(toDocument(back)).toEqual(toDocument(catalog));
      const text = renderYaml(back);
      writeFileSync(path.join(tmp, `${name}-y.yaml`), text);
      expect(text).toBe(renderYaml(catalog));
    });
  }

  it('line breaks inside cells survive', async () => {
    const { catalog } = await viaYaml('test/fixtures/2019/county-2019.xlsx', 'breaks');
    const multi = catalog.items.find((i) => i.basis.values.length === 2)!;
    expect(multi.basis.values.map((c) => c.text)).toEqual(['《中华人民共和国政府信息公开条例》', '《关于推进安全生产领域改革发展的意见》']);
  });
});

describe('hand-made workbooks', () => {
  async function validateJson(...args: string[]) {
    let out = '';
    const code = await run({
      argv: ['validate', '--format', 'json', ...args],
      stdout: { write: (c) => ((out += String(c)), true) },
      stderr: { write: () => true },
      env: { NO_COLOR: '1' },
    });
    return { code, doc: JSON.parse(out) };
  }

  it('a messy unit workbook gives exactly one error, at the merged item’s 公开时限 cell', async () => {
    const { code, doc } = await validateJson('test/fixtures/messy/messy-2017.xlsx');
    expect(code).toBe(1);
    expect(doc.files[0].items).toBe(3);
    const errs = doc.files[0].diagnostics.filter((d: any) => d.severity === 'error');
    expect(errs.map((d: any) => [d.code, d.field, d.location])).toEqual([
      ['required-blank', '公开时限', { file: 'test/fixtures/messy/messy-2017.xlsx', sheet: '目录', cell: 'I6', row: 6 }],
    ]);
  });

  it('a workbook without the 公开时限 column exits 1 naming the column', async () => {
    const { code, doc } = await validateJson('test/fixtures/messy/no-deadline.xlsx');
    expect(code).toBe(1);
    const errs = doc.files[0].diagnostics.filter((d: any) => d.severity === 'error');
    expect(errs.map((d: any) => [d.code, d.field])).toEqual([['missing-column', '公开时限']]);
    expect(errs[0].message).toContain('公开时限');
  });

  it('a 2019 county catalog reads with profile 2019 and the right item count', async () => {
    const { doc } = await validateJson('--profile', '2019', 'test/fixtures/2019/county-2019.xlsx');
    expect(doc.files[0].profile).toBe('2019');
    expect(doc.files[0].items).toBe(6);
    // The fixture's one planted mistake: an "x" instead of √, read as ticked and kept (issue 20), with a warning.
    expect(doc.files[0].diagnostics.filter((d: any) => d.severity === 'error')).toEqual([]);
    const ticks = doc.files[0].diagnostics.filter((d: any) => d.code.startsWith('tick'));
    expect(ticks.map((d: any) => [d.code, d.severity, d.location.sheet, d.location.cell])).toEqual([['tick-invalid', 'warning', '安全生产', 'N6']]);
  });

  it('the examples validate without errors', async () => {
    const { code, doc } = await validateJson(
      'examples/sample-table.yaml',
      'examples/county-catalog.yaml',
      'examples/unit-anquan.yaml',
      'examples/reference-anquan.yaml',
    );
    expect(doc.files.map((f: any) => [f.file, f.valid])).toEqual([
      ['examples/sample-table.yaml', true],
      ['examples/county-catalog.yaml', true],
      ['examples/unit-anquan.yaml', true],
      ['examples/reference-anquan.yaml', true],
    ]);
    expect(code).toBe(0);
  });
});

describe('inputs are never modified', () => {
  it('convert and render leave the input byte-for-byte unchanged', async () => {
    const file = 'test/fixtures/messy/messy-2017.xlsx';
    const before = readFileSync(file);
    const sink = { write: () => true };
    await run({ argv: ['convert', file, '-o', path.join(tmp, 'm.yaml')], stdout: sink, stderr: sink, env: {} });
    await run({ argv: ['render', file, '--to', 'html', '-o', path.join(tmp, 'm.html')], stdout: sink, stderr: sink, env: {} });
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
