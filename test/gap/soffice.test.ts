// LibreOffice opens the gap workbook of a 2019 catalog and prints it as a clerk would hand it in: A4
// landscape pages, the 2019 layout's own headers, every 问题 text whole (not cut off by a short row).
// PDF pages go to test/artifacts/ to be looked at.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCatalog } from '../../src/node/read-file.js';
import { buildGap } from '../../src/reports/gap.js';
import { renderGapXlsx } from '../../src/render/gap-xlsx.js';
import { validateCatalog } from '../../src/validate/index.js';
import { pdfCompactText, pdfPages, pdfPageSize, pdfToPngs, sofficePdf } from '../helpers/pdf.js';

describe('LibreOffice prints the gap workbook', () => {
  test('A4 landscape, 一级事项/二级事项 headers, every finding\'s whole text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-gap-lo-'));
    try {
      const catalog = await readCatalog('test/gap/unit.yaml');
      const reference = await readCatalog('test/gap/reference.yaml');
      const findings = validateCatalog(catalog);
      const report = buildGap(catalog, findings, reference);
      writeFileSync(path.join(dir, 'gap.xlsx'), await renderGapXlsx(report));
      sofficePdf([path.join(dir, 'gap.xlsx')], dir);
      const pdf = path.join(dir, 'gap.pdf');
      expect(pdfPageSize(pdf).map(Math.round)).toEqual([842, 595]);
      const pages = pdfPages(pdf);
      // 汇总, 问题清单, 缺少的事项, 多出的事项, 非完全一致的匹配: each fits one page here.
      expect(pages).toHaveLength(5);
      pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain('政务公开事项目录差距报告：测试县应急管理局政务公开事项标准目录'));
      const problems = pages[1]!.replace(/\s+/g, '');
      expect(problems).toContain('一级事项');
      expect(problems).toContain('二级事项');
      expect(problems).not.toContain('事项类别');
      // Every message is printed whole: its first and its last characters (the last line of a cell
      // that is too short is cut off). The text flow interleaves neighbouring cells, hence the ends.
      const all = pdfCompactText(pdf);
      for (const f of report.findings) {
        const message = f.message.replace(/\s+/g, '');
        expect(all, f.message).toContain(message.slice(0, 8));
        expect(all, f.message).toContain(message.slice(-8));
      }
      expect(all).toContain('中办发〔2016〕8号');
      expect(all).toContain('其他政策文件');
      pdfToPngs(pdf, 'gap-xlsx-2019');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
