// LibreOffice opens the gap workbook and prints its sheets (the proof DEVELOPERS.md asks for an .xlsx).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCatalog } from '../../src/io/read.js';
import { buildGap } from '../../src/report/gap.js';
import { renderGapXlsx } from '../../src/render/gap-xlsx.js';
import { validateCatalog } from '../../src/validate/index.js';

describe('LibreOffice opens the gap workbook', () => {
  test('soffice --convert-to pdf succeeds and the PDF holds the findings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-gap-lo-'));
    try {
      const catalog = await readCatalog('test/gap/unit.yaml');
      const reference = await readCatalog('test/gap/reference.yaml');
      writeFileSync(path.join(dir, 'gap.xlsx'), await renderGapXlsx(buildGap(catalog, validateCatalog(catalog), reference)));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'gap.xlsx')],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const pdf = path.join(dir, 'gap.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('政务公开事项目录差距报告');
      expect(text).toContain('中办发〔2016〕8号');
      expect(text).toContain('其他政策文件');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
