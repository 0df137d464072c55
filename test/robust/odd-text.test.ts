// Values that were changed or lost on the way through zwgk's own outputs (issue 24): a 依据 or 备注 that
// starts with a full-width space was written to YAML so that zwgk refused its own file (yaml-fullwidth); a
// value holding U+2028 or U+2029 gained two spaces after it at every convert; a 日期 holding U+2028 was lost
// when the workbook zwgk wrote was read back. Each now comes back exactly as it went in.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { renderYaml } from '../../src/render/yaml.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { ROOT } from './helpers.js';

const T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-odd-'));
afterAll(() => rmSync(T, { recursive: true, force: true }));

const ODD = {
  basis: '\u3000《中华人民共和国预算法》',
  remark: '备注结尾全角空格\u3000',
  name: '最低\u2028生活保障',
  content: '部门\u2029预算',
  date: '2024\u2028年5月',
};

async function oddCatalog() {
  const base = await readCatalog(path.join(ROOT, 'examples/county-catalog.yaml'));
  const item = base.items[0]!;
  item.basis.values[0]!.text = ODD.basis;
  item.remark.text = ODD.remark;
  item.name.text = ODD.name;
  item.pairs[0]!.content.text = ODD.content;
  base.date = ODD.date;
  return base;
}

const values = (c: Awaited<ReturnType<typeof readCatalog>>) => {
  const item = c.items[0]!;
  return { basis: item.basis.values[0]!.text, remark: item.remark.text, name: item.name.text, content: item.pairs[0]!.content.text, date: c.date };
};

describe('values zwgk wrote come back as they were', () => {
  it('YAML: read back without refusal, the same text, and byte-identical at the next convert', async () => {
    const first = path.join(T, 'a.yaml');
    writeFileSync(first, renderYaml(await oddCatalog()));
    const back = await readCatalog(first);
    expect(values(back)).toEqual(ODD);
    const again = renderYaml(back);
    expect(again).toBe(readFileSync(first, 'utf8'));
    expect(readFileSync(first, 'utf8')).toContain('名称: "最低\\u2028生活保障"');
  });

  it('Excel: the 日期 line and every value read back from the workbook zwgk wrote', async () => {
    const file = path.join(T, 'a.xlsx');
    writeFileSync(file, await renderXlsx(await oddCatalog()));
    expect(values(await readCatalog(file))).toEqual(ODD);
  });
});
