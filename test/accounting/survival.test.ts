// The invariant, strengthened (issue 20): a value the reader kept must survive every output, not only be
// "read or reported". For every workbook of the test corpus that reads: each value of the catalog
// (ticks with the text written instead of √ included) comes back from xlsx → YAML → xlsx, and is on the
// rendered page. test/accounting/accounting.test.ts checks that each cell is a value in the first place.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/types.js';
import { catalogValues } from '../helpers/values.js';
import { TICK_GROUPS } from '../../src/settings/columns.js';
import { readCatalog } from '../../src/node/read-file.js';
import { renderHtml } from '../../src/render/html.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { renderYaml } from '../../src/render/yaml.js';
import { ZwgkError } from '../../src/findings/finding.js';

function workbooks(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? workbooks(p) : /\.xlsx$/i.test(name) ? [p] : [];
  });
}

// Hostile and broken files are the robustness tests' (limits, damaged zips): they read or are refused there.
const CORPUS = workbooks('test/fixtures').filter((f) => !/\/(bad|broken)\//.test(f)).sort();

/** The texts a page must show for a catalog: every value, line by line, as HTML escapes it. */
function pageTexts(catalog: Catalog): string[] {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [...new Set(catalogValues(catalog).flatMap((v) => {
    const text = v.slice(v.indexOf(': ') + 2);
    const eq = /^(.*)=(.*)$/su.exec(text);
    // A tick is shown under its own column heading; the text written instead of √ is shown with it.
    const field = v.slice(0, v.indexOf(': '));
    if ((TICK_GROUPS as readonly string[]).includes(field)) return eq ? [eq[2]!] : [];
    if (field === 'serial') return [];
    return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  }))].map(escape);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'zwgk-survival-'));

describe('every value of every workbook of the corpus survives the outputs', () => {
  it.each(CORPUS)('%s: xlsx → YAML → xlsx keeps every value, and the page shows it', async (file) => {
    let catalog: Catalog;
    try {
      catalog = await readCatalog(file);
    } catch (err) {
      if (err instanceof ZwgkError) return;
      throw err;
    }
    const name = path.basename(file, '.xlsx');
    const yaml = path.join(tmp, `${name}.yaml`);
    writeFileSync(yaml, renderYaml(catalog));
    const fromYaml = await readCatalog(yaml);
    const xlsx = path.join(tmp, `${name}.xlsx`);
    writeFileSync(xlsx, await renderXlsx(fromYaml));
    const back = await readCatalog(xlsx);
    const values = catalogValues(catalog);
    expect(catalogValues(fromYaml)).toEqual(values);
    expect(catalogValues(back)).toEqual(values);
    const page = renderHtml(catalog);
    expect(pageTexts(catalog).filter((t) => !page.includes(t))).toEqual([]);
  });
});
